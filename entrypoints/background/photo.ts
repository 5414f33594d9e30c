/**
 * Routes a photo check to the analysis page (entrypoints/offscreen): Chrome's offscreen document,
 * created on the first photo and kept while the service worker lives; in Firefox, whose background
 * page has a DOM but no offscreen API, the same page in a hidden frame of the background page.
 * The photo never leaves the extension.
 *
 * One analysis is bounded in time (PHOTO_ANALYSIS_TIMEOUT_MS): the page analyses one photo at a
 * time, so one that hangs would stop every later check. On a timeout that photo fails open (the
 * content script lets the send through), the timeout is recorded, and the page is closed, so the
 * next photo gets a new one. Requests are queued here, one at a time, so that the bound measures
 * one analysis (or the model's warm-up), not the wait behind other photos.
 */
import { browser } from 'wxt/browser';
import { parsePhotoResult, type PhotoResult } from '@/utils/messages';
import { recordBackgroundError } from './errors';

const PAGE = '/offscreen.html';

/**
 * Longest one analysis (or the model's warm-up) may take, page creation included. Twice the
 * slowest measured on a loaded CPU-only machine (cold model load 16 s, one analysis 13.7 s, see
 * docs/photo-check.md), so a slow but working check is not cut off; above the content script's
 * hold of a send (PHOTO_TIMEOUT_MS), which has let that send through by then anyway.
 */
export const PHOTO_ANALYSIS_TIMEOUT_MS = 30_000;

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
  closeDocument?: () => Promise<void>;
}

let ready: Promise<void> | null = null;
/** Firefox: the frame that holds the analysis page */
let frame: HTMLIFrameElement | null = null;

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
  const page = document.createElement('iframe');
  frame = page;
  page.src = url;
  const loaded = new Promise<void>((resolve) => page.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(page);
  await loaded;
}

/** One request to the analysis page at a time (it runs one anyway): see the top of this file. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

/** Close the analysis page (it hung): the next photo creates a new one. */
export function resetPhotoPage(): Promise<void> {
  ready = null;
  queue = Promise.resolve();
  frame?.remove();
  frame = null;
  return Promise.resolve(offscreenApi()?.closeDocument?.()).catch(() => {}); // none open: nothing to close
}

/** `work`, or a rejection after PHOTO_ANALYSIS_TIMEOUT_MS that closes the page and is recorded. */
async function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`photo analysis page did not answer within ${PHOTO_ANALYSIS_TIMEOUT_MS / 1000} s`)),
      PHOTO_ANALYSIS_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (error instanceof Error && error.message.includes('did not answer within')) {
      void recordBackgroundError(error, 'photo');
      await resetPhotoPage();
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
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
  await bounded(pageReady());
  // queued: a photo sent meanwhile waits for the model rather than racing it
  void serial(() => bounded(browser.runtime.sendMessage({ type: 'photo-warm', target: 'offscreen' }))).catch(() => {});
}

export async function checkPhoto(image: string): Promise<PhotoResult> {
  const result: unknown = await serial(() =>
    bounded(pageReady().then(() => browser.runtime.sendMessage({ type: 'photo-analyse', target: 'offscreen', image }))),
  );
  if (result === undefined || result === null) {
    ready = null; // the page went away (closed by the browser): make it again next time
    throw new Error('photo analysis page did not answer');
  }
  return parsePhotoResult(result);
}
