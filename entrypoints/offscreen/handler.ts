/**
 * The analysis page's message handler. Every runtime message of the extension reaches every
 * extension page, content scripts' messages included: a content script (a page's own code cannot
 * reach runtime, but a content script under its influence can) could otherwise send an analysis
 * request straight here and skip the background's checks. So only this extension's background is
 * answered, and the size limit is enforced here too, on what the image really decodes to.
 */
import { browser, type Browser } from 'wxt/browser';
import { PHOTO_MAX_DATA_URL, type PhotoResult } from '@/utils/messages';
import { isAnalyseMessage, isWarmMessage } from './analyse';

/**
 * The background's URL paths: WXT's service worker in Chrome (`background.js`), and the page
 * Firefox generates around background scripts. Written out because an offscreen document has only
 * a part of the runtime API (no getManifest).
 */
const BACKGROUND_PATHS = new Set(['/background.js', '/_generated_background_page.html']);

export function fromBackground(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || sender.tab || typeof sender.url !== 'string') return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const own = new URL((browser.runtime.getURL as (path: string) => string)('/'));
  return url.origin === own.origin && BACKGROUND_PATHS.has(url.pathname);
}

export interface OffscreenDeps {
  analyse: (image: Blob) => Promise<PhotoResult>;
  warm: () => Promise<void>;
}

/** The image a data URL carries, refused beyond PHOTO_MAX_DATA_URL bytes (encoded or decoded). */
export async function decodeImage(dataUrl: string): Promise<Blob> {
  if (dataUrl.length > PHOTO_MAX_DATA_URL) throw new Error('photo too large');
  const blob = await (await fetch(dataUrl)).blob();
  if (blob.size > PHOTO_MAX_DATA_URL || !blob.type.startsWith('image/')) throw new Error('photo too large or not an image');
  return blob;
}

/**
 * The runtime.onMessage listener: undefined (no answer) for messages that are not the analysis
 * page's; a rejection for ours from anyone but the background.
 */
export function offscreenHandler(deps: OffscreenDeps) {
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    const warm = isWarmMessage(message);
    if (!warm && !isAnalyseMessage(message)) return undefined;
    if (!fromBackground(sender)) return Promise.reject(new Error('not allowed'));
    if (warm) return deps.warm().then(() => true);
    return decodeImage(message.image).then(deps.analyse);
  };
}
