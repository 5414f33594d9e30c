/**
 * The decision log (issue #19, item 7): a failed write does not stop later appends, the failure is
 * recorded, every entry is bounded by its schema, and the whole log is bounded in bytes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { MAX_LOG_BYTES, MAX_LOG_ENTRIES, appendLog } from '@/entrypoints/background/decision-log';
import { handleMessage } from '@/entrypoints/background/messages';
import { LogEntrySchema, type LogEntry } from '@/utils/messages';
import { decisionLogItem } from '@/utils/decision-log-item';
import { errorsItem } from '@/utils/storage-items';

const entry = (n: number, over: Partial<LogEntry> = {}): LogEntry => ({
  time: 1_700_000_000_000 + n,
  site: 'x',
  action: 'like',
  severity: 'high',
  entities: [`Pilpres 2024, nomor urut 0${n % 3}`],
  decision: 'cancelled',
  ...over,
});

async function storedLog(): Promise<LogEntry[]> {
  return ((await browser.storage.local.get(decisionLogItem.key))[decisionLogItem.key] ?? []) as LogEntry[];
}
async function storedErrors(): Promise<{ stage?: string; message: string }[]> {
  return ((await browser.storage.local.get(errorsItem.key))[errorsItem.key] ?? []) as { stage?: string; message: string }[];
}

/** A content script's sender, as the background sees it. */
const CONTENT = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 1 } } as never;

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('appendLog after a failed write', () => {
  it('a rejected storage write fails that append only; the next append is stored, and the failure is recorded', async () => {
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let failNext = true;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (failNext && decisionLogItem.key in items) {
        failNext = false;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return realSet(items);
    });
    await expect(appendLog(entry(1))).rejects.toThrow(/quota/);
    await appendLog(entry(2));
    await appendLog(entry(3));
    expect((await storedLog()).map((e) => e.time)).toEqual([entry(2).time, entry(3).time]);
    const errors = await storedErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ stage: 'log' });
    expect(errors[0]!.message).toMatch(/quota/);
  });

  it('a rejected read does not stop the log either', async () => {
    const realGet = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementationOnce(() => Promise.reject(new Error('storage gone')));
    await expect(appendLog(entry(1))).rejects.toThrow(/storage gone/);
    vi.mocked(fakeBrowser.storage.local.get).mockImplementation(realGet);
    await appendLog(entry(2));
    expect(await storedLog()).toEqual([entry(2)]);
  });
});

describe('LogEntrySchema bounds every string and array', () => {
  it.each([
    ['6 entities', { entities: ['a', 'b', 'c', 'd', 'e', 'f'] }],
    ['an entity of 1001 characters', { entities: ['x'.repeat(1001)] }],
    ['a 5 MB entity', { entities: ['x'.repeat(5_000_000)] }],
    ['a reason of 201 characters', { reason: 'r'.repeat(201) }],
    ['a text of 501 characters', { text: 't'.repeat(501) }],
    ['a time that is not finite', { time: Number.POSITIVE_INFINITY }],
    ['a negative time', { time: -1 }],
  ])('refuses %s', (_what, over) => {
    expect(LogEntrySchema.safeParse({ ...entry(1), ...over }).success).toBe(false);
  });

  it('cuts a long entity label to 120 characters rather than losing the entry', () => {
    const parsed = LogEntrySchema.parse({ ...entry(1), entities: ['a'.repeat(121), 'b'.repeat(120)] });
    expect(parsed.entities[0]).toBe(`${'a'.repeat(119)}…`);
    expect(parsed.entities[1]).toBe('b'.repeat(120));
  });

  it('accepts the largest entry it allows', () => {
    const largest = entry(1, { entities: Array.from({ length: 5 }, () => 'e'.repeat(120)), reason: 'r'.repeat(200), text: 't'.repeat(500), detail: 'repost' });
    expect(LogEntrySchema.safeParse(largest).success).toBe(true);
  });

  it('a content script cannot store a 5 MB entry through the message handler', async () => {
    await expect(handleMessage({ type: 'log-decision', entry: { ...entry(1), entities: ['x'.repeat(5_000_000)] } }, CONTENT)).rejects.toThrow(/invalid message/);
    expect(await storedLog()).toEqual([]);
  });
});

describe('the log as a whole is bounded', () => {
  it(`keeps at most ${MAX_LOG_ENTRIES} entries and at most ${MAX_LOG_BYTES} bytes of JSON, dropping the oldest`, async () => {
    const big = (n: number) => entry(n, { entities: Array.from({ length: 5 }, (_, i) => `${n}-${i}-`.padEnd(120, 'e')), reason: 'r'.repeat(200), text: 't'.repeat(500) });
    // an old log, written by an earlier version without a byte bound
    await browser.storage.local.set({ [decisionLogItem.key]: Array.from({ length: MAX_LOG_ENTRIES }, (_, n) => big(n)) });
    await appendLog(big(MAX_LOG_ENTRIES));
    const log = await storedLog();
    expect(JSON.stringify(log).length).toBeLessThanOrEqual(MAX_LOG_BYTES);
    expect(log.length).toBeLessThan(MAX_LOG_ENTRIES);
    expect(log.at(-1)).toEqual(big(MAX_LOG_ENTRIES)); // the newest is kept
    expect(log[0]!.time).toBeGreaterThan(big(0).time); // the oldest went first
    // still in order: the kept entries are the newest ones, contiguous
    expect(log.map((e) => e.time)).toEqual(log.map((_, i) => big(MAX_LOG_ENTRIES - log.length + 1 + i).time));
  });

  it('drops stored entries that are not valid log entries instead of keeping them forever', async () => {
    await browser.storage.local.set({ [decisionLogItem.key]: [{ junk: 'x'.repeat(1000) }, entry(1)] });
    await appendLog(entry(2));
    expect(await storedLog()).toEqual([entry(1), entry(2)]);
  });
});
