/**
 * The local decision log: entries stay in storage.local on this device, bounded in count and in
 * bytes (each entry is bounded by LogEntrySchema; the log keeps the newest that fit).
 */
import { LogEntrySchema, type LogEntry } from '@/utils/messages';
import { decisionLogItem } from '@/utils/decision-log-item';
import { recordBackgroundError } from './errors';

export const MAX_LOG_ENTRIES = 1000;
/**
 * The log's JSON size at most (storage.local holds 10 MB in all, shared with the rule bundle).
 * A full-size entry is about 1.5 KB, a usual one about 200 bytes.
 */
export const MAX_LOG_BYTES = 512 * 1024;

/** The newest entries that fit both bounds; stored entries that are not valid entries are dropped. */
export function boundLog(log: readonly unknown[]): LogEntry[] {
  const kept: LogEntry[] = [];
  let bytes = 2; // the brackets
  for (let i = log.length - 1; i >= 0 && kept.length < MAX_LOG_ENTRIES; i--) {
    const parsed = LogEntrySchema.safeParse(log[i]);
    if (!parsed.success) continue;
    const size = JSON.stringify(parsed.data).length + 1; // and its comma
    if (bytes + size > MAX_LOG_BYTES) break;
    bytes += size;
    kept.push(parsed.data);
  }
  return kept.reverse();
}

// Appends are serialised so two quick decisions never overwrite each other. The chain itself never
// rejects: a failed write fails its own append (and is recorded), not every later one.
let queue: Promise<void> = Promise.resolve();

export function appendLog(entry: LogEntry): Promise<void> {
  const write = queue.then(async () => {
    await decisionLogItem.setValue(boundLog([...(await decisionLogItem.getValue()), entry]));
  });
  queue = write.catch((error: unknown) => recordBackgroundError(error, 'log'));
  return write;
}
