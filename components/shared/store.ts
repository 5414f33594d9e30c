/**
 * What the popup and the options page read from storage.local, kept live: the user's settings,
 * the policy laid over them, the active rule set, the last update attempt and the decision log.
 * Every value is read through its storage item (utils/storage-items.ts); a missing key (an older background) simply
 * shows as "unknown".
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { LogEntry } from '@/utils/messages';
import { applyPolicy, type EffectiveSettings, type Policy } from '@/utils/policy';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@/utils/settings';
import { decisionLogItem } from '@/utils/decision-log-item';
import {
  type EngineRead,
  engineItem,
  errorsItem,
  policyItem,
  policyWarningsItem,
  settingsItem,
  type StoredError,
  updateStatusItem,
} from '@/utils/storage-items';
import { UPDATE_RESULTS, type UpdateAttempt, type UpdateResult, type UpdateStatus } from '@/utils/stored-values';

export type { StoredError };

export interface EngineInfo {
  bundleVersion: number;
  compiled: unknown;
  source?: string;
  issuedAt?: string;
  expiresAt?: string;
}

/** The headline of the latest update check (utils/stored-values.ts), as the popup and options show it. */
export type UpdateHeadline = Pick<UpdateAttempt, 'time' | 'result'> & Partial<Pick<UpdateAttempt, 'url' | 'reason'>> & Pick<UpdateStatus, 'nextCheck'>;

export interface StoreState {
  loaded: boolean;
  /** the user's own settings (what the forms edit) */
  user: Settings;
  policy: Policy;
  /** the user's settings with the policy laid over them, and what the policy locks */
  effective: EffectiveSettings;
  engine: EngineInfo | null;
  updateStatus: UpdateHeadline | null;
  policyWarnings: string[];
  log: LogEntry[];
  errors: StoredError[];
}

const ITEMS = [settingsItem, policyItem, engineItem, updateStatusItem, policyWarningsItem, decisionLogItem, errorsItem] as const;
const KEYS: string[] = ITEMS.map((item) => item.key);

function engineInfo(v: EngineRead | null): EngineInfo | null {
  if (!v) return null;
  const info: EngineInfo = { bundleVersion: v.bundleVersion, compiled: v.compiled };
  if (typeof v.source === 'string') info.source = v.source;
  if (typeof v.issuedAt === 'string') info.issuedAt = v.issuedAt;
  if (typeof v.expiresAt === 'string') info.expiresAt = v.expiresAt;
  return info;
}

const isUpdateResult = (v: unknown): v is UpdateResult => (UPDATE_RESULTS as readonly unknown[]).includes(v);

/** The latest check's headline; null until a check with a known result has run. */
function headline(v: UpdateStatus): UpdateHeadline | null {
  if (typeof v.time !== 'number' || !isUpdateResult(v.result)) return null;
  const status: UpdateHeadline = { time: v.time, result: v.result };
  if (typeof v.url === 'string') status.url = v.url;
  if (typeof v.reason === 'string') status.reason = v.reason;
  if (typeof v.nextCheck === 'number') status.nextCheck = v.nextCheck;
  return status;
}

/** The state from raw storage values; each goes through its item's check, so a page never trusts a bad value. */
export function stateFrom(items: Record<string, unknown>): StoreState {
  const user = settingsItem.read(items[settingsItem.key]);
  const policy = policyItem.read(items[policyItem.key]);
  return {
    loaded: true,
    user,
    policy,
    effective: applyPolicy(user, policy),
    engine: engineInfo(engineItem.read(items[engineItem.key])),
    updateStatus: headline(updateStatusItem.read(items[updateStatusItem.key])),
    policyWarnings: policyWarningsItem.read(items[policyWarningsItem.key]),
    log: decisionLogItem.read(items[decisionLogItem.key]),
    errors: errorsItem.read(items[errorsItem.key]),
  };
}

const EMPTY: StoreState = { ...stateFrom({}), loaded: false };

/** The store, re-read whenever one of its keys changes in storage.local. */
export function useStore(): StoreState {
  const [state, setState] = useState<StoreState>(EMPTY);
  useEffect(() => {
    let alive = true;
    let items: Record<string, unknown> = {};
    void browser.storage.local.get(KEYS).then((got) => {
      if (!alive) return;
      items = { ...got, ...items };
      setState(stateFrom(items));
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some((k) => KEYS.includes(k))) return;
      items = { ...items };
      for (const [key, change] of Object.entries(changes)) items[key] = change.newValue;
      setState(stateFrom(items));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}

/**
 * Change the user's settings: read the stored value, apply `update`, validate the result with
 * SettingsSchema and write it. Content scripts pick the change up through storage.onChanged.
 */
export async function saveSettings(update: (current: Settings) => Settings): Promise<Settings> {
  const next = SettingsSchema.parse(update(await settingsItem.getValue()));
  await settingsItem.setValue(next);
  return next;
}

export { DEFAULT_SETTINGS };

/** The rule set has passed its expiry date. */
export function isExpired(engine: EngineInfo | null, now: number): boolean {
  if (!engine?.expiresAt) return false;
  // A date without a time is valid through the end of that day (as the background reads it).
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(engine.expiresAt) ? `${engine.expiresAt}T23:59:59.999Z` : engine.expiresAt);
  return Number.isFinite(t) && t < now;
}

export type UpdateOutcome = 'ok' | 'unchanged' | 'error' | 'unknown';

/** The background's result word, in one of four buckets for display. */
export function updateOutcome(result: string): UpdateOutcome {
  const r = result.toLowerCase();
  if (/^(ok|updated|success|installed|new)/.test(r)) return 'ok';
  if (/(unchanged|not-modified|current|up-to-date|same|no-update)/.test(r)) return 'unchanged';
  if (/(error|fail|invalid|rejected|expired|offline|denied|bad)/.test(r)) return 'error';
  return 'unknown';
}

/** The warnings shown (not merely logged) per day for the last 7 days, oldest first. */
export interface WeekStats {
  days: { start: number; shown: number; cancelled: number; proceeded: number; blocked: number }[];
  shown: number;
  cancelled: number;
  proceeded: number;
  blocked: number;
  logged: number;
}

export function weekStats(log: readonly LogEntry[], now: number): WeekStats {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const days: WeekStats['days'] = [];
  for (let i = 6; i >= 0; i--) {
    const d = new Date(today);
    d.setDate(today.getDate() - i);
    days.push({ start: d.getTime(), shown: 0, cancelled: 0, proceeded: 0, blocked: 0 });
  }
  const stats: WeekStats = { days, shown: 0, cancelled: 0, proceeded: 0, blocked: 0, logged: 0 };
  const from = days[0]!.start;
  for (const entry of log) {
    if (entry.time < from || entry.time > now + 60_000) continue;
    if (entry.decision === 'logged') {
      stats.logged += 1;
      continue;
    }
    let idx = days.length - 1;
    while (idx > 0 && entry.time < days[idx]!.start) idx--;
    const day = days[idx]!;
    day.shown += 1;
    day[entry.decision] += 1;
    stats.shown += 1;
    stats[entry.decision] += 1;
  }
  return stats;
}
