/**
 * The decision log's storage item (see utils/storage-items.ts). Apart from the other items because
 * its check needs the log entry schema, which the content scripts (they never read the log) would
 * otherwise carry: 2.4 KB gzip each.
 */
import { LogEntrySchema, type LogEntry } from './messages';
import { defineItem } from './storage-items';

/** The local decision log (background-owned, capped); entries that fail LogEntrySchema are dropped, the others kept. */
export const decisionLogItem = /* @__PURE__ */ defineItem('decisionLog', (raw): LogEntry[] =>
  Array.isArray(raw)
    ? raw.flatMap((e) => {
        const parsed = LogEntrySchema.safeParse(e);
        return parsed.success ? [parsed.data] : [];
      })
    : [],
);
