/**
 * The content side of the dialog: loading the dialog script is bounded, so a background that never
 * answers the inject request cannot keep an action held.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DIALOG_LOAD_MS, showDialog } from '@/entrypoints/content/dialog-client';
import { request } from '../../components/fixtures';

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.__jagaDialog = undefined;
});

afterEach(() => vi.useRealTimers());

describe('showDialog', () => {
  it('rejects when the dialog script does not load within DIALOG_LOAD_MS', async () => {
    vi.useFakeTimers();
    fakeBrowser.runtime.onMessage.addListener(() => new Promise(() => {})); // the inject request never answers
    const shown = showDialog(request());
    const settled = expect(shown).rejects.toThrow(/did not load/);
    await vi.advanceTimersByTimeAsync(DIALOG_LOAD_MS);
    await settled;
  });

  it("passes the caller's error hook to the dialog", async () => {
    const show = vi.fn(async () => ({ choice: 'cancel' as const }));
    globalThis.__jagaDialog = { show };
    const onError = vi.fn();
    await showDialog(request(), onError);
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ action: 'like' }), onError);
  });
});
