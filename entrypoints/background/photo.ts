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
import type { SiteId } from '@/rules/actions';
import { parsePhotoResult, type PhotoCheckAnswer, type PhotoResult, type PhotoUncheckedReason } from '@/utils/messages';
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

/** A failed check, with the reason code the content script gets (utils/messages.ts). */
export class PhotoCheckError extends Error {
  constructor(
    readonly reason: PhotoUncheckedReason,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = cause instanceof Error ? cause.name : 'Error';
  }
}

/** Rethrow a stage's failure with its reason, keeping one already given by an inner stage. */
const failedAs =
  (reason: PhotoUncheckedReason) =>
  (error: unknown): never => {
    throw error instanceof PhotoCheckError ? error : new PhotoCheckError(reason, error);
  };

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
  frame?.remove(); // a page that failed: its replacement goes in its place
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
      () => reject(new PhotoCheckError('timeout', `photo analysis page did not answer within ${PHOTO_ANALYSIS_TIMEOUT_MS / 1000} s`)),
      PHOTO_ANALYSIS_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (error instanceof PhotoCheckError && error.reason === 'timeout') {
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
    return failedAs('no-page')(error);
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
    bounded(
      pageReady().then(() =>
        // the page's own failures (model load, no WebGL, decoding) reject here
        Promise.resolve(browser.runtime.sendMessage({ type: 'photo-analyse', target: 'offscreen', image })).catch((error: unknown) => {
          ready = null; // or the page is gone ("Receiving end does not exist"): look for it again next time
          return failedAs('analysis-error')(error);
        }),
      ),
    ),
  );
  if (result === undefined || result === null) {
    ready = null; // the page went away (closed by the browser): make it again next time
    throw new PhotoCheckError('no-page', 'photo analysis page did not answer');
  }
  try {
    return parsePhotoResult(result);
  } catch (error) {
    return failedAs('bad-answer')(error);
  }
}

/**
 * The `photo-check` answer: the result, or why there is none, so the content script can tell the
 * user the photo went out unchecked. A failure is recorded (a timeout already was, in `bounded`).
 */
export async function checkPhotoAnswer(image: string): Promise<PhotoCheckAnswer> {
  try {
    return await checkPhoto(image);
  } catch (error) {
    const reason = error instanceof PhotoCheckError ? error.reason : 'error';
    if (reason !== 'timeout') void recordBackgroundError(error, 'photo');
    return { unchecked: reason };
  }
}

/** Sites told this session, where storage.session is missing (kept while the background lives). */
const noticedHere = new Set<SiteId>();
const NOTICED_KEY = 'photoUncheckedNoticed';

/**
 * Whether this is the first unchecked photo on `site` in this browser session: the notice is shown
 * once per session per site, across tabs. storage.session where the browser has it (it is cleared
 * when the browser closes), else in memory.
 */
export async function firstUncheckedNotice(site: SiteId): Promise<boolean> {
  const session = browser.storage.session;
  if (!session) {
    if (noticedHere.has(site)) return false;
    noticedHere.add(site);
    return true;
  }
  const stored = (await session.get(NOTICED_KEY))[NOTICED_KEY];
  const sites = Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
  if (sites.includes(site)) return false;
  await session.set({ [NOTICED_KEY]: [...sites, site] });
  return true;
}
