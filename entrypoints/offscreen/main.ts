/**
 * The photo-analysis page: an offscreen document in Chrome, a hidden frame of the background page
 * in Firefox. It alone loads the hand-landmark model (MediaPipe Hands, WebAssembly + WebGL) and
 * answers `photo-analyse` messages from the background. Photos and results stay in memory here.
 */
import { browser } from 'wxt/browser';
import { analysePhoto, isAnalyseMessage, isWarmMessage, warmUp } from './analyse';

browser.runtime.onMessage.addListener((message: unknown) => {
  // Every runtime message reaches every extension page: answer only ours, ignore the rest.
  if (isWarmMessage(message)) return warmUp().then(() => true);
  if (!isAnalyseMessage(message)) return undefined;
  return analysePhoto(message.image);
});
