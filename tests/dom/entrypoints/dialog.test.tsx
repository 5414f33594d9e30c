/**
 * The injected dialog script (entrypoints/dialog.tsx) under fault injection: a dialog that crashes
 * while rendering, a page that removes the dialog's host, a user who never answers. Each settles
 * show() (so the held action is released), removes every trace of the overlay and reports why.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIALOG_ANSWER_MS, DIALOG_HOST_TAG, type DialogRequest, type DialogResult } from '@/utils/dialog-api';
import dialogScript from '@/entrypoints/dialog';
import { request } from '../components/fixtures';

type Outcome = { result: DialogResult } | { error: unknown } | 'pending';

/** The state of a show() promise after the microtasks and timers queued so far have run. */
async function outcomeOf(promise: Promise<DialogResult>): Promise<Outcome> {
  let outcome: Outcome = 'pending';
  promise.then(
    (result) => (outcome = { result }),
    (error: unknown) => (outcome = { error }),
  );
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  return outcome;
}

/** A request the dialog cannot render: a gesture id its table does not know. */
const crashing = (): DialogRequest =>
  request({ photo: { thumbnail: 'data:image/png;base64,AA==', photos: 1, gestures: [{ id: 'no-such-pose' as never, box: [0, 0, 1, 1] }] } });

let onError: ReturnType<typeof vi.fn<(error: unknown) => void>>;

beforeEach(() => {
  globalThis.__jagaDialog = undefined;
  dialogScript.main();
  onError = vi.fn<(error: unknown) => void>();
  vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught render error
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  for (const host of document.querySelectorAll(DIALOG_HOST_TAG)) host.remove();
});

describe('dialog script watchdog', () => {
  it('shows the dialog in a host element', async () => {
    const shown = globalThis.__jagaDialog!.show(request(), onError);
    expect(document.querySelector(DIALOG_HOST_TAG)).not.toBeNull();
    expect(await outcomeOf(shown)).toBe('pending');
  });

  it('a dialog that throws while rendering settles as an error and leaves no overlay', async () => {
    const shown = globalThis.__jagaDialog!.show(crashing(), onError);
    const outcome = await outcomeOf(shown);
    expect(outcome).toEqual({ error: expect.any(Error) });
    expect(document.querySelector(DIALOG_HOST_TAG)).toBeNull();
    expect(onError).toHaveBeenCalledOnce();
  });

  it('a page that removes the host settles show() as an error', async () => {
    const shown = globalThis.__jagaDialog!.show(request(), onError);
    document.querySelector(DIALOG_HOST_TAG)!.remove();
    const outcome = await outcomeOf(shown);
    expect(outcome).toEqual({ error: expect.objectContaining({ message: expect.stringMatching(/removed/) }) });
    expect(onError).toHaveBeenCalledOnce();
  });

  it('no answer within DIALOG_ANSWER_MS closes the dialog as Batal (the default), and says so', async () => {
    vi.useFakeTimers();
    const shown = globalThis.__jagaDialog!.show(request(), onError);
    await vi.advanceTimersByTimeAsync(DIALOG_ANSWER_MS);
    vi.useRealTimers();
    expect(await outcomeOf(shown)).toEqual({ result: { choice: 'cancel' } });
    expect(document.querySelector(DIALOG_HOST_TAG)).toBeNull();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/no answer/) }));
  });

  it('shows the dialog modal, in the top layer, with host styles the page cannot override', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const shown = globalThis.__jagaDialog!.show(request(), onError);
    expect(showModal).toHaveBeenCalledOnce();
    const host = document.querySelector<HTMLElement>(DIALOG_HOST_TAG)!;
    expect(host.style.getPropertyValue('opacity')).toBe('1');
    expect(host.style.getPropertyPriority('opacity')).toBe('important');
    // the page changes the host's inline style: it is put back
    host.style.setProperty('opacity', '0', 'important');
    host.style.setProperty('display', 'none');
    await outcomeOf(shown);
    expect(host.style.getPropertyValue('opacity')).toBe('1');
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(await outcomeOf(shown)).toBe('pending');
  });
});
