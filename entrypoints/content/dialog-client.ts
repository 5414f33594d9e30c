/**
 * Shows the warning dialog, asking the background to inject the dialog script (React) into this
 * frame the first time one is needed.
 */
import { browser } from 'wxt/browser';
import type { DialogRequest, DialogResult } from '@/components/dialog-api';

let loading: Promise<void> | null = null;

function ensureDialogScript(): Promise<void> {
  if (globalThis.__jagaDialog) return Promise.resolve();
  loading ??= browser.runtime.sendMessage({ type: 'inject-dialog' }).then(
    () => {
      if (!globalThis.__jagaDialog) throw new Error('dialog script did not load');
    },
    (error: unknown) => {
      loading = null; // try again on the next warning
      throw error;
    },
  );
  return loading;
}

export async function showDialog(request: DialogRequest): Promise<DialogResult> {
  await ensureDialogScript();
  return globalThis.__jagaDialog!.show(request);
}

/** Load the dialog ahead of need (after a first detected action), so the first warning is instant. */
export function preloadDialog(): void {
  ensureDialogScript().catch(() => {});
}
