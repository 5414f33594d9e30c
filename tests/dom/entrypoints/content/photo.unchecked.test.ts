/**
 * "Foto tidak diperiksa" (issue #23 item 4, #21): when the photo analysis cannot run, the send
 * still goes through (fail open), but no longer silently: the user sees one short notice per
 * browser session per site, and the site health counts it. A photo that was checked and showed
 * nothing gives no notice. Wired as in the content script: the photo watch, the pipeline, the
 * once-per-session gate and the real status bar.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installPhotoWatch, type PhotoTracker } from '@/entrypoints/content/photo';
import { assessAction, PHOTO_TIMEOUT_MS, type PipelineEffects } from '@/entrypoints/content/pipeline';
import { PHOTO_STATUS_TAG, PHOTO_UNCHECKED_SHOW_MS, showPhotoUnchecked, uncheckedNotice } from '@/entrypoints/content/photo-wait';
import type { ContentState } from '@/entrypoints/content/state';
import type { DetectedAction } from '@/entrypoints/content/sites/types';
import type { Engine } from '@/rules/engine';
import type { PhotoCheckAnswer } from '@/utils/messages';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const NOW = Date.parse('2024-01-20T10:00:00Z');

/** happy-dom has no image decoding: a downscale that makes a small JPEG data URL. */
function stubImageDecoding(): void {
  vi.stubGlobal('createImageBitmap', async () => ({ width: 100, height: 80, close() {} }));
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      getContext() {
        return { drawImage() {} };
      }
      async convertToBlob() {
        return new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' });
      }
    },
  );
}

const engine = { bundleVersion: 1, evaluate: () => ({ severity: 'none', reasons: [] }) } as unknown as Engine;
const state: ContentState = { settings: { ...DEFAULT_SETTINGS, simulatedDate: '2024-01-20' }, engine, siteSelectors: {}, fullExplanations: 0, ready: true, whenReady: Promise.resolve() };

let abort: AbortController;
let input: HTMLInputElement;
/** the background's once-per-session answer, per site */
let told: Set<string>;
let counted: number;

function attach(): void {
  Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'p.jpg', { type: 'image/jpeg' })], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function post(): DetectedAction {
  return { site: 'x', action: 'post', detail: 'post', control: document.createElement('button'), content: { draft: 'Foto liburan' } };
}

/** The content script's wiring for one page: the watch, the notice gate and the status bar. */
function page(analyse: (image: string) => Promise<PhotoCheckAnswer>): { photos: PhotoTracker; effects: PipelineEffects } {
  const photos = installPhotoWatch(window, { analyse, onError: () => {}, now: () => NOW, isUserInput: () => true }, abort.signal);
  const effects: PipelineEffects = {
    showDialog: vi.fn(async () => ({ choice: 'cancel' as const })),
    log: vi.fn(),
    countFullExplanation: vi.fn(),
    now: () => NOW,
    photos,
    photoUnchecked: uncheckedNotice({
      first: async () => (told.has('x') ? false : (told.add('x'), true)),
      show: () => showPhotoUnchecked(document, 'id'),
      count: () => void counted++,
    }),
  };
  return { photos, effects };
}

/** Attach, wait for the analysis to finish, then send: what the user did, and what went out. */
async function attachAndSend(effects: PipelineEffects, photos: PhotoTracker): Promise<'sent' | 'cancelled'> {
  attach();
  await vi.waitFor(() => expect(photos.pending(NOW).every((c) => c.settled !== undefined)).toBe(true));
  const assessment = assessAction(post(), state, effects);
  if (!assessment.hold) return 'sent';
  return (await assessment.present()) === 'proceed' ? 'sent' : 'cancelled';
}

function notices(): Element[] {
  return [...document.querySelectorAll(PHOTO_STATUS_TAG)];
}

beforeEach(() => {
  stubImageDecoding();
  abort = new AbortController();
  document.body.innerHTML = '<input type="file" id="f">';
  input = document.getElementById('f') as HTMLInputElement;
  told = new Set();
  counted = 0;
});
afterEach(() => {
  abort.abort();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('a photo the analysis could not check', () => {
  const FAILURES: [string, (image: string) => Promise<PhotoCheckAnswer>][] = [
    ['no analysis page', async () => ({ unchecked: 'no-page' })],
    ['the model or WebGL failed', async () => ({ unchecked: 'analysis-error' })],
    ['the 30 s analysis bound', async () => ({ unchecked: 'timeout' })],
    ['a malformed answer', async () => ({ unchecked: 'bad-answer' })],
    ['another background error', async () => ({ unchecked: 'error' })],
    ['no answer from the background at all', async () => Promise.reject(new Error('Could not establish connection'))],
  ];

  for (const [kind, analyse] of FAILURES) {
    it(`${kind}: the send goes through, one notice per session, every one counted`, async () => {
      const { photos, effects } = page(analyse);
      expect(await attachAndSend(effects, photos)).toBe('sent');
      await vi.waitFor(() => expect(notices()).toHaveLength(1));
      expect(await attachAndSend(effects, photos)).toBe('sent');
      // a second page (another tab) of the same site: the background says it was told already
      const other = page(analyse);
      expect(await attachAndSend(other.effects, other.photos)).toBe('sent');
      await Promise.resolve();
      expect(notices()).toHaveLength(1);
      expect(counted).toBe(3);
    });
  }

  it(`the ${PHOTO_TIMEOUT_MS / 1000} s hold runs out: the send goes through with the notice`, async () => {
    vi.useFakeTimers();
    const { effects } = page(() => new Promise(() => {})); // never answers
    attach();
    await vi.advanceTimersByTimeAsync(10);
    const assessment = assessAction(post(), state, effects);
    if (!assessment.hold) throw new Error('not held');
    const outcome = assessment.present();
    await vi.advanceTimersByTimeAsync(PHOTO_TIMEOUT_MS);
    expect(await outcome).toBe('proceed');
    await vi.advanceTimersByTimeAsync(0);
    expect(notices()).toHaveLength(1);
    expect(counted).toBe(1);
  });

  it('a photo checked and found clean gives no notice and counts nothing', async () => {
    const { photos, effects } = page(async () => ({ hands: 1, gestures: [], ms: 3 }));
    expect(await attachAndSend(effects, photos)).toBe('sent');
    await Promise.resolve();
    expect(notices()).toHaveLength(0);
    expect(counted).toBe(0);
  });

  it('when the background cannot say whether it was shown, the page shows it once itself', async () => {
    const show = vi.fn();
    const notify = uncheckedNotice({ first: () => Promise.reject(new Error('gone')), show, count: () => {} });
    notify();
    notify();
    await vi.waitFor(() => expect(show).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(show).toHaveBeenCalledTimes(1);
  });
});

describe('the notice itself', () => {
  it('says in Indonesian that the photo went unchecked, as a status, takes no focus, and goes after a few seconds', () => {
    vi.useFakeTimers();
    const before = document.activeElement;
    showPhotoUnchecked(document, 'id');
    const [host] = notices();
    expect(host).toBeTruthy();
    // a closed shadow root: the page cannot read or change it
    expect(host!.shadowRoot).toBeNull();
    expect(document.activeElement).toBe(before);
    vi.advanceTimersByTime(PHOTO_UNCHECKED_SHOW_MS - 1);
    expect(notices()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(notices()).toHaveLength(0);
  });

  it('has the Indonesian text first and an English one', () => {
    // the roots are closed: catch them as they are made
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    const hide = showPhotoUnchecked(document, 'id');
    const hideEn = showPhotoUnchecked(document, 'en');
    const [id, en] = roots.map((r) => r.querySelector('[role="status"]'));
    expect(id?.textContent).toContain('Jaga Netral tidak dapat memeriksa foto ini; foto dikirim tanpa pemeriksaan.');
    expect(en?.textContent).toContain('Jaga Netral could not check this photo; it was sent unchecked.');
    expect(id?.getAttribute('data-testid')).toBe('jaga-photo-unchecked');
    hide();
    hideEn();
    vi.restoreAllMocks();
  });
});
