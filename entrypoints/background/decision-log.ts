/** The local decision log: entries stay in storage.local on this device, capped. */
import { browser } from 'wxt/browser';
import type { LogEntry } from '@/utils/messages';
import { STORAGE_KEYS } from '@/utils/storage-keys';

export const MAX_LOG_ENTRIES = 1000;

// Appends are serialised so two quick decisions never overwrite each other.
let queue: Promise<void> = Promise.resolve();

export function appendLog(entry: LogEntry): Promise<void> {
  queue = queue.then(async () => {
    const items = await browser.storage.local.get(STORAGE_KEYS.decisionLog);
    const log = Array.isArray(items[STORAGE_KEYS.decisionLog]) ? (items[STORAGE_KEYS.decisionLog] as LogEntry[]) : [];
    await browser.storage.local.set({ [STORAGE_KEYS.decisionLog]: [...log, entry].slice(-MAX_LOG_ENTRIES) });
  });
  return queue;
}
