/**
 * On a phone the page behind the dialog must not scroll under the user's thumb: while the dialog
 * shows, the document does not scroll; afterwards the page's own overflow style is back as it was.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIALOG_HOST_TAG } from '@/utils/dialog-api';
import dialogScript from '@/entrypoints/dialog';
import { request } from '../components/fixtures';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  globalThis.__jagaDialog = undefined;
  dialogScript.main();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const host of document.querySelectorAll(DIALOG_HOST_TAG)) host.remove();
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
});

describe('page scroll while the dialog shows', () => {
  it('is locked while the dialog is open, and the page style is restored after', async () => {
    document.documentElement.style.setProperty('overflow', 'scroll');
    // caught at once: the removal below rejects it before the test awaits it
    const shown = globalThis.__jagaDialog!.show(request(), () => {}).catch(() => {});
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    expect(document.documentElement.style.getPropertyPriority('overflow')).toBe('important');
    expect(document.body.style.getPropertyValue('overscroll-behavior')).toBe('none');
    // the page takes the dialog away: show() settles and the lock goes with it
    document.querySelector(DIALOG_HOST_TAG)!.remove();
    await flush();
    await shown;
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('scroll');
    expect(document.documentElement.style.getPropertyPriority('overflow')).toBe('');
    expect(document.body.style.getPropertyValue('overscroll-behavior')).toBe('');
  });

  it('leaves no style behind on a page that had none', async () => {
    // caught at once: the removal below rejects it before the test awaits it
    const shown = globalThis.__jagaDialog!.show(request(), () => {}).catch(() => {});
    document.querySelector(DIALOG_HOST_TAG)!.remove();
    await flush();
    await shown;
    expect(document.documentElement.getAttribute('style') ?? '').toBe('');
  });
});
