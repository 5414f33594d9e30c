/**
 * The analysis page answers only this extension's background (issue #19, item 6), and enforces the
 * photo size limit on what the image decodes to.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decodeImage, fromBackground, offscreenHandler } from '@/entrypoints/offscreen/handler';
import { ANALYSE_MAX_SIDE, assertImageSize } from '@/entrypoints/offscreen/analyse';
import { PHOTO_MAX_DATA_URL, type PhotoResult } from '@/utils/messages';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}`;
const RESULT: PhotoResult = { hands: 0, gestures: [], ms: 1 };
const JPEG = `data:image/jpeg;base64,${btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0))}`;
const ANALYSE = { type: 'photo-analyse', target: 'offscreen', image: JPEG };

const BACKGROUND = { id: ID, url: `${ORIGIN}/background.js` };
const FIREFOX_BACKGROUND = { id: ID, url: `${ORIGIN}/_generated_background_page.html` };

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(((path: string) => `${ORIGIN}${path}`) as never);
});

function handler() {
  const analyse = vi.fn(async (_image: Blob) => RESULT);
  const warm = vi.fn(async () => {});
  return { analyse, warm, handle: offscreenHandler({ analyse, warm }) };
}

describe('the analysis page checks the sender of every message', () => {
  it('answers the background (Chrome\'s service worker, Firefox\'s background page)', async () => {
    const { handle, analyse } = handler();
    await expect(handle(ANALYSE, BACKGROUND)).resolves.toEqual(RESULT);
    await expect(handle(ANALYSE, FIREFOX_BACKGROUND)).resolves.toEqual(RESULT);
    await expect(handle({ type: 'photo-warm', target: 'offscreen' }, BACKGROUND)).resolves.toBe(true);
    expect(analyse).toHaveBeenCalledTimes(2);
    expect(analyse.mock.calls[0]![0].size).toBe(4);
  });

  it.each([
    ['a content script (it has a tab)', { id: ID, url: 'https://x.com/home', tab: { id: 3 }, frameId: 0 }],
    ['a content script claiming nothing', { id: ID }],
    ['another extension', { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/background.js' }],
    ['the popup (an extension page, not the background)', { id: ID, url: `${ORIGIN}/popup.html` }],
    ['the options page in a tab', { id: ID, url: `${ORIGIN}/options.html`, tab: { id: 4 } }],
    ['a background path of another origin', { id: ID, url: 'https://evil.example/background.js' }],
  ])('refuses %s, and never analyses', async (_who, sender) => {
    const { handle, analyse, warm } = handler();
    expect(fromBackground(sender as never)).toBe(false);
    await expect(handle(ANALYSE, sender as never)).rejects.toThrow(/not allowed/);
    await expect(handle({ type: 'photo-warm', target: 'offscreen' }, sender as never)).rejects.toThrow(/not allowed/);
    expect(analyse).not.toHaveBeenCalled();
    expect(warm).not.toHaveBeenCalled();
  });

  it('leaves other messages to other listeners (no answer)', () => {
    const { handle } = handler();
    expect(handle({ type: 'log-decision' }, BACKGROUND)).toBeUndefined();
    expect(handle({ type: 'photo-analyse', target: 'offscreen', image: 'https://x.com/a.jpg' }, BACKGROUND)).toBeUndefined();
  });
});

describe('the size limit holds on the analysis page too', () => {
  it('refuses a data URL over the limit before decoding it', async () => {
    const { handle, analyse } = handler();
    const huge = `data:image/png;base64,${'A'.repeat(PHOTO_MAX_DATA_URL)}`;
    await expect(handle({ ...ANALYSE, image: huge }, BACKGROUND)).rejects.toThrow(/too large/);
    expect(analyse).not.toHaveBeenCalled();
  });

  it('refuses what decodes to more than the limit, or to something that is not an image', async () => {
    // not base64: each character is one byte, and percent-escapes make the URL shorter than its bytes
    const escaped = `data:image/png,${'%FF'.repeat(100)}`;
    expect((await decodeImage(escaped)).size).toBe(100);
    await expect(decodeImage(`data:text/html;x=image/,${'a'.repeat(10)}`)).rejects.toThrow(/not an image/);
  });
});

describe('the decoded bitmap is bounded', () => {
  it(`refuses a bitmap wider or taller than ${ANALYSE_MAX_SIDE} px, or empty`, () => {
    expect(() => assertImageSize(960, 720)).not.toThrow();
    expect(() => assertImageSize(ANALYSE_MAX_SIDE, ANALYSE_MAX_SIDE)).not.toThrow();
    expect(() => assertImageSize(30_000, 30_000)).toThrow(/too large/);
    expect(() => assertImageSize(ANALYSE_MAX_SIDE + 1, 10)).toThrow(/too large/);
    expect(() => assertImageSize(0, 10)).toThrow(/empty/);
  });
});
