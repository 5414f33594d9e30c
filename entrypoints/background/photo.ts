/**
 * Routes a photo check to the analysis page (entrypoints/offscreen): Chrome's offscreen document,
 * created on the first photo and kept while the service worker lives; in Firefox, whose background
 * page has a DOM but no offscreen API, the same page in a hidden frame of the background page.
 * The photo never leaves the extension.
 */
import { browser } from 'wxt/browser';
import { parsePhotoResult, type PhotoResult } from '@/utils/messages';

const PAGE = '/offscreen.html';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

let ready: Promise<void> | null = null;

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

async function createPage(): Promise<void> {
  const url = (browser.runtime.getURL as (path: string) => string)(PAGE);
  const offscreen = offscreenApi();
  if (offscreen) {
    if (offscreen.hasDocument && (await offscreen.hasDocument())) return;
    try {
      await offscreen.createDocument({
        url,
        reasons: ['WORKERS'],
        justification: 'Runs the on-device hand-landmark model (WebAssembly) on a photo the user attaches.',
      });
    } catch (error) {
      // "Only a single offscreen document may be created": another call won the race.
      if (!String(error).includes('single offscreen')) throw error;
    }
    return;
  }
  if (typeof document === 'undefined') throw new Error('no offscreen API and no DOM for the photo check');
  const frame = document.createElement('iframe');
  frame.src = url;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(frame);
  await loaded;
}

function pageReady(): Promise<void> {
  ready ??= createPage().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

/**
 * A photo is probably coming: create the analysis page and have it load the model now (it takes
 * seconds on a CPU), without waiting for the load. Repeated calls cost one message each.
 */
export async function warmPhoto(): Promise<void> {
  await pageReady();
  void browser.runtime.sendMessage({ type: 'photo-warm', target: 'offscreen' }).catch(() => {});
}

export async function checkPhoto(image: string): Promise<PhotoResult> {
  await pageReady();
  const result: unknown = await browser.runtime.sendMessage({ type: 'photo-analyse', target: 'offscreen', image });
  if (result === undefined || result === null) {
    ready = null; // the page went away (closed by the browser): make it again next time
    throw new Error('photo analysis page did not answer');
  }
  return parsePhotoResult(result);
}
