/**
 * One photo analysis is bounded in time (issue #19, item 6): an analysis page that never replies
 * fails that photo open after PHOTO_ANALYSIS_TIMEOUT_MS, the timeout is recorded, and the next photo
 * is analysed by a new analysis page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PHOTO_ANALYSIS_TIMEOUT_MS, checkPhoto, resetPhotoPage, warmPhoto } from '@/entrypoints/background/photo';
import type { PhotoResult } from '@/utils/messages';
import { errorsItem } from '@/utils/storage-items';

const RESULT: PhotoResult = { hands: 1, gestures: [], ms: 5 };
const IMAGE = 'data:image/jpeg;base64,/9j/';

let documents = 0;
const offscreen = {
  createDocument: vi.fn(async () => {
    if (documents > 0) throw new Error('Only a single offscreen document may be created.');
    documents += 1;
  }),
  hasDocument: vi.fn(async () => documents > 0),
  closeDocument: vi.fn(async () => {
    documents = 0;
  }),
};

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  documents = 0;
  vi.clearAllMocks();
  resetPhotoPage();
  (globalThis as unknown as { chrome: unknown }).chrome = { offscreen };
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (globalThis as unknown as { chrome?: unknown }).chrome;
});

describe('a photo analysis that never answers', () => {
  it(`fails open after ${PHOTO_ANALYSIS_TIMEOUT_MS} ms, is recorded, and the next photo is analysed by a new page`, async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockImplementationOnce(() => new Promise(() => {})); // the page hangs
    const first = checkPhoto(IMAGE);
    const outcome = expect(first).rejects.toThrow(/did not answer within 30 s/);
    await vi.advanceTimersByTimeAsync(PHOTO_ANALYSIS_TIMEOUT_MS - 1);
    let settled = false;
    void first.catch(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(offscreen.closeDocument).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => {
      const errors = (await fakeBrowser.storage.local.get(errorsItem.key))[errorsItem.key] as { stage: string; message: string }[];
      expect(errors?.[0]).toMatchObject({ stage: 'photo' });
      expect(errors[0]!.message).toMatch(/did not answer/);
    });

    send.mockImplementationOnce(async () => RESULT);
    await expect(checkPhoto(IMAGE)).resolves.toEqual(RESULT);
    expect(offscreen.createDocument).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith({ type: 'photo-analyse', target: 'offscreen', image: IMAGE });
  });

  it('a page that cannot even be created is bounded too', async () => {
    offscreen.createDocument.mockImplementationOnce(() => new Promise(() => {}));
    const first = checkPhoto(IMAGE);
    const outcome = expect(first).rejects.toThrow(/did not answer/);
    await vi.advanceTimersByTimeAsync(PHOTO_ANALYSIS_TIMEOUT_MS);
    await outcome;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementationOnce(async () => RESULT);
    await expect(checkPhoto(IMAGE)).resolves.toEqual(RESULT);
  });

  it('the warm-up is bounded as well', async () => {
    offscreen.createDocument.mockImplementationOnce(() => new Promise(() => {}));
    const warm = warmPhoto();
    const outcome = expect(warm).rejects.toThrow(/did not answer/);
    await vi.advanceTimersByTimeAsync(PHOTO_ANALYSIS_TIMEOUT_MS);
    await outcome;
  });

  it('photos are analysed one at a time: the bound counts one analysis, not the wait behind others', async () => {
    const replies: ((value: unknown) => void)[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => new Promise((resolve) => replies.push(resolve)));
    const first = checkPhoto(IMAGE);
    const second = checkPhoto(IMAGE);
    await vi.advanceTimersByTimeAsync(PHOTO_ANALYSIS_TIMEOUT_MS - 5000); // a slow but working first analysis
    expect(replies).toHaveLength(1); // the second waits in the queue, its clock not running
    replies[0]!(RESULT);
    await expect(first).resolves.toEqual(RESULT);
    await vi.advanceTimersByTimeAsync(PHOTO_ANALYSIS_TIMEOUT_MS - 5000);
    expect(replies).toHaveLength(2);
    replies[1]!({ ...RESULT, hands: 2 });
    await expect(second).resolves.toMatchObject({ hands: 2 });
    expect(offscreen.closeDocument).not.toHaveBeenCalled();
  });

  it('a malformed answer fails that photo only', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockImplementationOnce(async () => ({ hands: 'many' }));
    await expect(checkPhoto(IMAGE)).rejects.toThrow(/malformed/);
    send.mockImplementationOnce(async () => RESULT);
    await expect(checkPhoto(IMAGE)).resolves.toEqual(RESULT);
  });

  it('an answer in time is passed on (checked), and the page is kept', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => RESULT);
    await expect(checkPhoto(IMAGE)).resolves.toEqual(RESULT);
    await expect(checkPhoto(IMAGE)).resolves.toEqual(RESULT);
    expect(offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(offscreen.closeDocument).not.toHaveBeenCalled();
  });
});
