/**
 * Shows the warning dialog, asking the background to inject the dialog script (React) into this
 * frame the first time one is needed.
 */
import { browser } from 'wxt/browser';
import type { DialogRequest, DialogResult } from '@/utils/dialog-api';

/** The longest wait for the dialog script to load (normally tens of milliseconds). */
export const DIALOG_LOAD_MS = 10_000;

let loading: Promise<void> | null = null;

function ensureDialogScript(): Promise<void> {
  if (globalThis.__jagaDialog) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      loading = null; // try again on the next warning
      reject(error);
    };
    const notLoaded = () => fail(new Error('dialog script did not load'));
    const timer = setTimeout(notLoaded, DIALOG_LOAD_MS);
    browser.runtime.sendMessage({ type: 'inject-dialog' }).then(
      () => (clearTimeout(timer), globalThis.__jagaDialog ? resolve() : notLoaded()),
      (error: unknown) => (clearTimeout(timer), fail(error)),
    );
  });
  return loading;
}

export async function showDialog(request: DialogRequest, onError?: (error: unknown) => void): Promise<DialogResult> {
  await ensureDialogScript();
  return globalThis.__jagaDialog!.show(request, onError);
}

/** Load the dialog ahead of need (after a first detected action), so the first warning is instant. */
export function preloadDialog(): void {
  ensureDialogScript().catch(() => {});
}
