/**
 * The `photo-check` answer says why a photo was not checked (issue #23 item 4): the content script
 * must tell "checked, nothing found" from "could not check". Each way the analysis can fail gives
 * its reason code (zod-checked in utils/messages.ts), the failure is recorded, and the notice
 * that follows is shown once per browser session per site.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PHOTO_ANALYSIS_TIMEOUT_MS, checkPhotoAnswer, firstUncheckedNotice, resetPhotoPage } from '@/entrypoints/background/photo';
import { handleMessage } from '@/entrypoints/background/messages';
import { PhotoCheckAnswerSchema, type PhotoResult } from '@/utils/messages';
import { errorsItem } from '@/utils/storage-items';

const RESULT: PhotoResult = { hands: 0, gestures: [], ms: 5 };
const IMAGE = 'data:image/jpeg;base64,/9j/';

const offscreen = {
  createDocument: vi.fn(async () => {}),
  hasDocument: vi.fn(async () => false),
  closeDocument: vi.fn(async () => {}),
};

async function recorded(): Promise<{ stage: string; message: string }[]> {
  return ((await fakeBrowser.storage.local.get(errorsItem.key))[errorsItem.key] as { stage: string; message: string }[]) ?? [];
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  await resetPhotoPage();
  (globalThis as unknown as { chrome: unknown }).chrome = { offscreen };
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (globalThis as unknown as { chrome?: unknown }).chrome;
});

describe('the photo-check answer', () => {
  it('a checked photo is the analysis result, as before', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce(RESULT);
    await expect(checkPhotoAnswer(IMAGE)).resolves.toEqual(RESULT);
  });

  it('no analysis page (the offscreen document cannot be made): no-page', async () => {
    offscreen.createDocument.mockRejectedValueOnce(new Error('offscreen documents are not supported here'));
    await expect(checkPhotoAnswer(IMAGE)).resolves.toEqual({ unchecked: 'no-page' });
    await vi.waitFor(async () => expect((await recorded())[0]).toMatchObject({ stage: 'photo', message: expect.stringMatching(/not supported/) }));
  });

  it('the analysis page fails (model load error, no WebGL and no CPU path): analysis-error', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('hand model failed to load: no WebGL'));
    await expect(checkPhotoAnswer(IMAGE)).resolves.toEqual({ unchecked: 'analysis-error' });
    await vi.waitFor(async () => expect((await recorded())[0]?.message).toMatch(/no WebGL/));
  });

  it('after a failed analysis the next photo looks for the page again (it may have been closed)', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(checkPhotoAnswer(IMAGE)).resolves.toEqual({ unchecked: 'analysis-error' });
    send.mockResolvedValueOnce(RESULT);
    await expect(checkPhotoAnswer(IMAGE)).resolves.toEqual(RESULT);
    // hasDocument says none is open: a new one was made
    expect(offscreen.createDocument).toHaveBeenCalledTimes(2);
  });

  it('the page went away without answering: no-page', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce(undefined);
    await expect(checkPhotoAnswer(IMAGE)).resolves.toEqual({ unchecked: 'no-page' });
  });

  it('a malformed answer: bad-answer', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce({ hands: 'two' });
    await expect(checkPhotoAnswer(IMAGE)).resolves.toEqual({ unchecked: 'bad-answer' });
  });

  it(`no answer within ${PHOTO_ANALYSIS_TIMEOUT_MS / 1000} s: timeout`, async () => {
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementationOnce(() => new Promise(() => {}));
    const answer = checkPhotoAnswer(IMAGE);
    await vi.advanceTimersByTimeAsync(PHOTO_ANALYSIS_TIMEOUT_MS);
    await expect(answer).resolves.toEqual({ unchecked: 'timeout' });
  });

  it('every answer passes the message schema; an unknown reason does not', async () => {
    expect(PhotoCheckAnswerSchema.safeParse(RESULT).success).toBe(true);
    for (const reason of ['no-page', 'analysis-error', 'timeout', 'bad-answer', 'error']) {
      expect(PhotoCheckAnswerSchema.safeParse({ unchecked: reason }).success, reason).toBe(true);
    }
    expect(PhotoCheckAnswerSchema.safeParse({ unchecked: 'because' }).success).toBe(false);
    expect(PhotoCheckAnswerSchema.safeParse({}).success).toBe(false);
  });

  it('the background answers a content script\'s photo-check with the reason, not a rejection', async () => {
    offscreen.createDocument.mockRejectedValueOnce(new Error('no offscreen'));
    const sender = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 1 } } as never;
    await expect(handleMessage({ type: 'photo-check', image: IMAGE }, sender)).resolves.toEqual({ unchecked: 'no-page' });
  });
});

describe('the "photo not checked" notice, once per browser session per site', () => {
  it('is first once per site (storage.session), whatever tab asks', async () => {
    expect(await firstUncheckedNotice('x')).toBe(true);
    expect(await firstUncheckedNotice('x')).toBe(false);
    expect(await firstUncheckedNotice('whatsapp')).toBe(true);
    expect(await firstUncheckedNotice('whatsapp')).toBe(false);
  });

  it('without storage.session it is remembered in memory for the background\'s life', async () => {
    const session = fakeBrowser.storage.session;
    Object.defineProperty(fakeBrowser.storage, 'session', { value: undefined, configurable: true });
    try {
      expect(await firstUncheckedNotice('facebook')).toBe(true);
      expect(await firstUncheckedNotice('facebook')).toBe(false);
    } finally {
      Object.defineProperty(fakeBrowser.storage, 'session', { value: session, configurable: true });
    }
  });

  it('the content script asks with a photo-unchecked message naming a valid site', async () => {
    const sender = { id: fakeBrowser.runtime.id, url: 'https://www.tiktok.com/', tab: { id: 1 } } as never;
    expect(await handleMessage({ type: 'photo-unchecked', site: 'tiktok' }, sender)).toBe(true);
    expect(await handleMessage({ type: 'photo-unchecked', site: 'tiktok' }, sender)).toBe(false);
    await expect(handleMessage({ type: 'photo-unchecked', site: 'myspace' }, sender)).rejects.toThrow(/invalid message/);
  });
});
