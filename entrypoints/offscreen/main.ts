/**
 * The photo-analysis page: an offscreen document in Chrome, a hidden frame of the background page
 * in Firefox. It alone loads the hand-landmark model (MediaPipe Hands, WebAssembly + WebGL) and
 * answers `photo-analyse` messages from the background (handler.ts checks the sender and the
 * size). Photos and results stay in memory here.
 */
import { browser } from 'wxt/browser';
import { analysePhoto, warmUp } from './analyse';
import { offscreenHandler } from './handler';

browser.runtime.onMessage.addListener(offscreenHandler({ analyse: analysePhoto, warm: warmUp }));
