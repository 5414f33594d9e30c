/**
 * The photo check's composer mapping (issue #9 known limits): an attachment is tied to the
 * composer it was attached in, through the site adapter's `composerOf`, and a publishing action is
 * held only for photos of its own composer (`DetectedAction.composer`), or for every photo when
 * either side is unknown. Also: photos of a removed composer are forgotten, photo-only sends,
 * the early warm-up on intent, and the notice for a held send.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PHOTOS, installPhotoWatch, sameComposer, type PhotoCheck, type PhotoTracker, type PhotoWatchOptions } from '@/entrypoints/content/photo';
import { assessAction, PHOTO_NOTICE_AFTER_MS, type PipelineEffects } from '@/entrypoints/content/pipeline';
import type { ContentState } from '@/entrypoints/content/state';
import type { DetectedAction, SiteAdapter } from '@/entrypoints/content/sites/types';
import x from '@/entrypoints/content/sites/x';
import whatsapp from '@/entrypoints/content/sites/whatsapp';
import facebook from '@/entrypoints/content/sites/facebook';
import { composerAround } from '@/entrypoints/content/sites/helpers';
import type { Engine } from '@/rules/engine';
import type { PhotoResult } from '@/utils/messages';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { $, click, key, loadFixture } from './sites/load-fixture';

const NOW = Date.parse('2024-01-20T10:00:00Z');
const V_SIGN: PhotoResult = { hands: 1, gestures: [{ gesture: 'two', severity: 'medium', label: '✌️ dua jari / V', box: [0.1, 0.1, 0.3, 0.3], points: [] }], ms: 5 };

function image(): File {
  return new File([new Uint8Array([0xff, 0xd8, 0xff])], 'photo.jpg', { type: 'image/jpeg' });
}

/** A trusted-looking event carrying `files` (happy-dom cannot set input.files or build DataTransfer). */
function withFiles<T extends Event>(event: T, prop: 'dataTransfer' | 'clipboardData', files: File[], types = ['Files']): T {
  Object.defineProperty(event, prop, { value: { files, types } });
  return event;
}

function attachByInput(input: Element): void {
  Object.defineProperty(input, 'files', { value: [image()], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
function attachByPaste(el: Element): void {
  el.dispatchEvent(withFiles(new Event('paste', { bubbles: true }), 'clipboardData', [image()]));
}
function attachByDrop(el: Element): void {
  el.dispatchEvent(withFiles(new Event('drop', { bubbles: true }), 'dataTransfer', [image()]));
}

let abort: AbortController;
beforeEach(() => {
  abort = new AbortController();
  x.reset();
  whatsapp.reset();
  facebook.reset();
});
afterEach(() => abort.abort());

function watch(adapter: SiteAdapter | null, over: Partial<PhotoWatchOptions> = {}): PhotoTracker {
  return installPhotoWatch(
    window,
    {
      // never settles: the check is "still running" for the whole test
      analyse: () => new Promise<PhotoResult>(() => {}),
      onError: () => {},
      now: () => NOW,
      // happy-dom makes no trusted events: these stand for the user's own attach events
      isUserInput: () => true,
      ...(adapter?.composerOf ? { composerOf: (el: Element) => adapter.composerOf!(el, adapter.selectors, document) } : {}),
      ...over,
    },
    abort.signal,
  );
}

describe('composerAround', () => {
  it('is the editor an element is in, else the only editor near it; null when none or several', () => {
    loadFixture('x/compose-two-id.html');
    const editors = ['[data-testid="tweetTextarea_0"]'];
    const a = $('#composer-a [data-testid="tweetTextarea_0"]');
    expect(composerAround($('span', a), editors)).toBe(a);
    expect(composerAround($('#file-a'), editors)).toBe(a);
    expect(composerAround($('#file-b'), editors)).toBe($('#composer-b [data-testid="tweetTextarea_0"]'));
    // the tweet between the two composers: both editors are equally near
    expect(composerAround($('[data-testid="tweetText"]'), editors)).toBeNull();
    expect(composerAround(document.body, editors)).toBeNull();
  });

  it('sameComposer: one element, or one inside the other', () => {
    loadFixture('x/compose-two-id.html');
    expect(sameComposer($('#composer-a'), $('#file-a'))).toBe(true);
    expect(sameComposer($('#file-a'), $('#composer-a'))).toBe(true);
    expect(sameComposer($('#composer-a'), $('#composer-b'))).toBe(false);
  });
});

describe('attachments tied to their composer (X, two composers on one page)', () => {
  beforeEach(() => loadFixture('x/compose-two-id.html'));

  it('a photo attached in composer A is pending for A (and page-wide), not for B', () => {
    const photos = watch(x);
    attachByInput($('#file-a'));
    const sendA = click(x, $('#send-a'));
    const sendB = click(x, $('#send-b'));
    expect(sendA).toMatchObject({ action: 'post', composer: $('#composer-a [data-testid="tweetTextarea_0"]') });
    expect(sendB).toMatchObject({ action: 'comment', detail: 'reply', composer: $('#composer-b [data-testid="tweetTextarea_0"]') });
    expect(photos.pending(NOW, sendA!.composer)).toHaveLength(1);
    expect(photos.pending(NOW, sendB!.composer)).toHaveLength(0);
    expect(photos.pending(NOW)).toHaveLength(1);
    // Ctrl+Enter in A's editor is the same composer
    expect(photos.pending(NOW, key(x, $('#composer-a [data-testid="tweetTextarea_0"]'), 'Enter', { ctrlKey: true })!.composer)).toHaveLength(1);
  });

  it('a paste into B\'s editor and a drop on B\'s toolbar are B\'s', () => {
    const photos = watch(x);
    attachByPaste($('#composer-b [data-testid="tweetTextarea_0"] span'));
    attachByDrop($('#composer-b [data-testid="toolBar"]'));
    expect(photos.pending(NOW, click(x, $('#send-b'))!.composer)).toHaveLength(2);
    expect(photos.pending(NOW, click(x, $('#send-a'))!.composer)).toHaveLength(0);
  });

  it('a photo whose composer cannot be told (dropped between the composers) counts for both', () => {
    const photos = watch(x);
    attachByDrop($('[data-testid="tweetText"]'));
    expect(photos.pending(NOW, click(x, $('#send-a'))!.composer)).toHaveLength(1);
    expect(photos.pending(NOW, click(x, $('#send-b'))!.composer)).toHaveLength(1);
  });

  it('without an adapter hook every photo counts for every composer (the page-wide fallback)', () => {
    const photos = watch(null);
    attachByInput($('#file-a'));
    expect(photos.pending(NOW, click(x, $('#send-b'))!.composer)).toHaveLength(1);
  });

  it('a photo whose composer left the page is forgotten', () => {
    const photos = watch(x);
    attachByInput($('#file-a'));
    attachByInput($('#file-b'));
    expect(photos.pending(NOW)).toHaveLength(2);
    $('#composer-a').remove();
    expect(photos.pending(NOW)).toHaveLength(1);
    expect(photos.pending(NOW, click(x, $('#send-b'))!.composer)).toHaveLength(1);
  });

  it('photos older than 30 minutes are forgotten', () => {
    let now = NOW;
    const photos = watch(x, { now: () => now });
    attachByInput($('#file-a'));
    now += 31 * 60_000;
    expect(photos.pending(now)).toHaveLength(0);
  });
});

describe('composerOf on the other fixture pages', () => {
  it('WhatsApp: a paste into the message box belongs to it, and so does its send (Enter or button)', () => {
    loadFixture('whatsapp/chat-id.html');
    const photos = watch(whatsapp);
    const box = $('#wa-composer');
    attachByPaste($('p', box));
    box.innerHTML = '<p><span>Foto kegiatan kemarin</span></p>';
    expect(photos.pending(NOW, key(whatsapp, box, 'Enter')!.composer)).toHaveLength(1);
    expect(photos.pending(NOW, click(whatsapp, $('#wa-send'))!.composer)).toHaveLength(1);
    // the media preview's caption send: composer unknown, every photo counts
    expect(click(whatsapp, $('#wa-media-send'))).not.toHaveProperty('composer');
  });

  it('Facebook: a drop into the create-post dialog belongs to it; a comment box elsewhere is another composer', () => {
    loadFixture('facebook/feed-id.html');
    const photos = watch(facebook);
    attachByDrop($('#create-post [contenteditable="true"] p'));
    const post = click(facebook, $('#create-post [aria-label="Kirim"]'));
    expect(post).toMatchObject({ action: 'post', composer: $('#create-post [role="dialog"]') });
    expect(photos.pending(NOW, post!.composer)).toHaveLength(1);
    const comment = $('[data-post-id="f5"] [contenteditable="true"][role="textbox"]');
    comment.innerHTML = '<p>Enak sekali</p>';
    const send = key(facebook, comment, 'Enter');
    expect(send).toMatchObject({ action: 'comment', composer: comment });
    expect(photos.pending(NOW, send!.composer)).toHaveLength(0);
  });
});

// ------------------------------------------------------------------------------- the pipeline

function fakeEngine() {
  const evaluate = vi.fn<Engine['evaluate']>(() => ({ severity: 'none', reasons: [] }));
  return { engine: { bundleVersion: 1, evaluate } as unknown as Engine, evaluate };
}

function tracker(checks: PhotoCheck[]): PhotoTracker {
  return {
    pending: (_now, composer) => checks.filter((c) => !composer || !c.composer?.deref() || sameComposer(c.composer.deref()!, composer)),
    consume: vi.fn(),
  };
}

function check(composer: Element | null, result: Promise<PhotoResult | null>, settled?: PhotoResult | null): PhotoCheck {
  return { thumbnail: 'data:image/jpeg;base64,AA==', result, settled, time: NOW, composer: composer ? new WeakRef(composer) : null };
}

function fx(photos: PhotoTracker, over: Partial<PipelineEffects> = {}): PipelineEffects {
  return {
    showDialog: vi.fn<PipelineEffects['showDialog']>(async () => ({ choice: 'cancel' })),
    log: vi.fn(),
    countFullExplanation: vi.fn(),
    now: () => NOW,
    photos,
    ...over,
  };
}

const state = (engine: Engine): ContentState => ({ settings: { ...DEFAULT_SETTINGS, simulatedDate: '2024-01-20' }, engine, siteSelectors: {}, fullExplanations: 0, ready: true, whenReady: Promise.resolve() });

function action(composer: Element | undefined, over: Partial<DetectedAction> = {}): DetectedAction {
  return { site: 'x', action: 'post', detail: 'post', control: document.createElement('button'), content: { draft: 'Foto liburan' }, ...(composer ? { composer } : {}), ...over };
}

describe('assessAction with photos in two composers', () => {
  let a: Element;
  let b: Element;
  beforeEach(() => {
    loadFixture('x/compose-two-id.html');
    a = $('#composer-a [data-testid="tweetTextarea_0"]');
    b = $('#composer-b [data-testid="tweetTextarea_0"]');
  });

  it('a send from B is not held for a photo still being checked in A; a send from A is', () => {
    const { engine } = fakeEngine();
    const photos = tracker([check(a, new Promise(() => {}))]);
    expect(assessAction(action(b), state(engine), fx(photos))).toEqual({ hold: false });
    expect(assessAction(action(a), state(engine), fx(photos)).hold).toBe(true);
  });

  it('a send whose composer is unknown is held for any photo (fail-safe)', () => {
    const { engine } = fakeEngine();
    expect(assessAction(action(undefined), state(engine), fx(tracker([check(a, new Promise(() => {}))]))).hold).toBe(true);
  });

  it('B is warned about its own V-sign photo, not A\'s', async () => {
    const { engine } = fakeEngine();
    const effects = fx(tracker([check(a, Promise.resolve(V_SIGN), V_SIGN), check(b, Promise.resolve(null), null)]));
    expect(assessAction(action(b), state(engine), effects)).toEqual({ hold: false });
    const held = assessAction(action(a), state(engine), effects);
    expect(held.hold).toBe(true);
    if (held.hold) await held.present();
    expect(effects.showDialog).toHaveBeenCalledWith(expect.objectContaining({ photo: expect.objectContaining({ gestures: [expect.objectContaining({ id: 'two' })] }) }));
  });

  it('a photo-only send passes at once, without the engine, when its composer has no photo', () => {
    const { engine, evaluate } = fakeEngine();
    const only = action(b, { attachmentsOnly: true, content: {} });
    expect(assessAction(only, state(engine), fx(tracker([check(a, new Promise(() => {}))])))).toEqual({ hold: false });
    expect(evaluate).not.toHaveBeenCalled();
    expect(assessAction(only, state(engine), fx(tracker([check(b, new Promise(() => {}))]))).hold).toBe(true);
  });
});

describe('the notice for a send held by a running photo check', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it(`shows after ${PHOTO_NOTICE_AFTER_MS} ms and goes away with the result`, async () => {
    const { engine } = fakeEngine();
    let finish!: (r: PhotoResult) => void;
    const result = new Promise<PhotoResult>((resolve) => (finish = resolve));
    const hide = vi.fn();
    const showPhotoWait = vi.fn(() => hide);
    const held = assessAction(action(undefined), state(engine), fx(tracker([check(null, result)]), { showPhotoWait }));
    if (!held.hold) throw new Error('not held');
    const outcome = held.present();
    await vi.advanceTimersByTimeAsync(PHOTO_NOTICE_AFTER_MS - 100);
    expect(showPhotoWait).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(showPhotoWait).toHaveBeenCalledWith('id');
    expect(hide).not.toHaveBeenCalled();
    finish({ hands: 0, gestures: [], ms: 1 });
    expect(await outcome).toBe('proceed');
    expect(hide).toHaveBeenCalledTimes(1);
  });

  it('a result within the first second shows nothing', async () => {
    const { engine } = fakeEngine();
    const showPhotoWait = vi.fn(() => () => {});
    const held = assessAction(action(undefined), state(engine), fx(tracker([check(null, Promise.resolve({ hands: 0, gestures: [], ms: 1 }))]), { showPhotoWait }));
    if (!held.hold) throw new Error('not held');
    expect(await held.present()).toBe('proceed');
    await vi.advanceTimersByTimeAsync(2000);
    expect(showPhotoWait).not.toHaveBeenCalled();
  });
});

describe('warm-up at the first sign of a photo', () => {
  const trusted = { isUserInput: () => true };

  it('a press on a file input (or the site\'s attach control) warms once; other presses do not', () => {
    loadFixture('x/compose-two-id.html');
    const warm = vi.fn();
    watch(x, { warm, ...trusted, isAttachControl: (el) => !!el.closest('[aria-label="Tambahkan foto atau video"]') });
    $('#send-a').dispatchEvent(new Event('pointerdown', { bubbles: true }));
    $('#composer-a [data-testid="tweetTextarea_0"]').dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(warm).not.toHaveBeenCalled();
    $('#media-a path').dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(warm).toHaveBeenCalledTimes(1);
    $('#file-b').dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('a file input wrapped in a button or label warms', () => {
    loadFixture('facebook/feed-id.html');
    const warm = vi.fn();
    watch(facebook, { warm, ...trusted });
    $('#create-post [aria-label="Foto/video"] span').dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('a drag of files over the page warms; a drag of text does not; untrusted events never do', () => {
    loadFixture('x/compose-two-id.html');
    const warm = vi.fn();
    watch(x, { warm, ...trusted });
    document.body.dispatchEvent(withFiles(new Event('dragenter', { bubbles: true }), 'dataTransfer', [], ['text/plain']));
    expect(warm).not.toHaveBeenCalled();
    document.body.dispatchEvent(withFiles(new Event('dragenter', { bubbles: true }), 'dataTransfer', [], ['Files']));
    expect(warm).toHaveBeenCalledTimes(1);

    abort.abort();
    abort = new AbortController();
    const warm2 = vi.fn();
    watch(x, { warm: warm2, isUserInput: undefined }); // default: event.isTrusted, false for dispatched events
    $('#file-a').dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(warm2).not.toHaveBeenCalled();
  });
});

describe('page-made attach events (issue #19, item 6)', () => {
  it.each([
    ['drop', (el: Element) => attachByDrop(el)],
    ['paste', (el: Element) => attachByPaste(el)],
    ['an input change', (el: Element) => attachByInput(el)],
  ])('a synthetic %s carrying a photo starts no analysis and holds nothing', (_what, attach) => {
    loadFixture('x/compose-two-id.html');
    const analyse = vi.fn(() => new Promise<PhotoResult>(() => {}));
    // the default: event.isTrusted, false for every event a page dispatches
    const photos = watch(x, { analyse, isUserInput: undefined });
    attach($('#file-a'));
    attach($('#composer-b [data-testid="tweetTextarea_0"]'));
    expect(photos.pending(NOW)).toEqual([]);
    expect(analyse).not.toHaveBeenCalled();
  });

  it(`keeps at most ${MAX_PHOTOS} pending photos per page, dropping the oldest`, () => {
    loadFixture('x/compose-two-id.html');
    let t = NOW;
    const photos = watch(x, { now: () => t });
    for (let i = 0; i < MAX_PHOTOS + 5; i++) {
      t = NOW + i;
      attachByPaste($('#composer-a [data-testid="tweetTextarea_0"]'));
    }
    const pending = photos.pending(t);
    expect(pending).toHaveLength(MAX_PHOTOS);
    expect(pending.map((c) => c.time)).toEqual(Array.from({ length: MAX_PHOTOS }, (_, i) => NOW + 5 + i));
  });
});
