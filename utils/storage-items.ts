/**
 * Every value the extension keeps in storage.local, defined once as a typed item: its key, its type
 * and how a stored value is read. The background, the content scripts and the extension pages all
 * go through these items. Reading checks the value with its parser (zod/mini schemas, or the shape
 * checks below); a stored value that fails the check reads as missing (the item's fallback), never
 * as itself, since storage may hold what an older version or a bug wrote.
 *
 * These are not WXT's `storage.defineItem`: that module (versioning, migrations, metadata, locks)
 * adds 3.7 KB gzip to each content script, whose budget is 40 KB; an item here is a key, a read
 * function and two calls on browser.storage.local, as before.
 *
 * Items:
 * - settings: the user's Settings (utils/settings.ts)
 * - engine: the active compiled rules for content scripts (written by the background)
 * - activeBundle: the active bundle's validated source and compiled form (background only; what
 *   agency extraRules are merged into); always written in the same `set` as `engine`
 * - dialogStats: how often the full explanation was shown (for the short form)
 * - decisionLog: the local decision log (background-owned, capped), in utils/decision-log-item.ts
 * - errors: the last errors seen by content scripts and the background (capped)
 * - policy: the background's validated copy of the enterprise policy (utils/policy.ts), so
 *   content scripts and pages need no access to storage.managed
 * - policyWarnings: policy keys that were ignored, and why
 * - updateStatus: the rule-update attempts (time, result, reason) for the popup and options
 * - siteHealth: per-site adapter counters (utils/site-health.ts)
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { parsePolicy, type Policy } from './policy';
import { parseSettings } from './settings';
import { parseSiteHealth } from './site-health';
import type { ActiveBundle, StoredEngine, UpdateStatus } from './stored-values';

export interface StorageItem<T, K extends string = string> {
  readonly key: K;
  /** A raw stored value (from a `get` or a change) as this item: the fallback when missing or invalid. */
  read(raw: unknown): T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export function defineItem<T, K extends string>(key: K, read: (raw: unknown) => T): StorageItem<T, K> {
  return {
    key,
    read,
    getValue: () => browser.storage.local.get(key).then((items) => read(items[key])),
    setValue: (value) => browser.storage.local.set({ [key]: value }),
  };
}

type ItemValues<I extends readonly StorageItem<unknown>[]> = { [E in I[number] as E['key']]: E extends StorageItem<infer T> ? T : never };

/** Several items read in one storage call, each through its own check. */
export async function getItemValues<const I extends readonly StorageItem<unknown>[]>(items: I): Promise<ItemValues<I>> {
  const raw = await browser.storage.local.get(items.map((item) => item.key));
  return Object.fromEntries(items.map((item) => [item.key, item.read(raw[item.key])])) as ItemValues<I>;
}

/** `{ [key]: value }` for one item, to write several items in one `set` (one atomic change). */
export function itemEntry<T>(item: StorageItem<T>, value: T): Record<string, T> {
  return { [item.key]: value };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored engine: what content scripts load. `sites` and the rest may be missing in what an older background wrote. */
export type EngineRead = Pick<StoredEngine, 'bundleVersion' | 'compiled'> & Partial<Omit<StoredEngine, 'bundleVersion' | 'compiled'>>;

export interface StoredError {
  time: number;
  stage?: string;
  host?: string;
  message: string;
}

export interface DialogStats {
  fullExplanations: number;
}

const EMPTY_STATUS: UpdateStatus = { history: [], active: null, validators: {} };

export const settingsItem = /* @__PURE__ */ defineItem('settings', parseSettings);

export const policyItem = /* @__PURE__ */ defineItem('policy', (raw): Policy => parsePolicy(raw).policy);

/**
 * The stored engine's shape. Only the shape: the compiled rules (rules/compiled.ts; one packed buffer
 * of tens of MB at scale) are checked by loadEngine, which the content script runs on them anyway.
 */
const storedEngineShape = /* @__PURE__ */ z.looseObject({
  bundleVersion: z.number(),
  compiled: z.looseObject({}),
  sites: z.optional(z.record(z.string(), z.looseObject({}))),
  source: z.optional(z.string()),
  issuedAt: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
  extraRules: z.optional(z.boolean()),
  region: z.optional(z.string()),
});

// the value itself, not zod's copy of it
export const engineItem = /* @__PURE__ */ defineItem('engine', (raw): EngineRead | null => (storedEngineShape.safeParse(raw).success ? (raw as EngineRead) : null));

export const activeBundleItem = /* @__PURE__ */ defineItem('activeBundle', (raw): ActiveBundle | null => {
  if (!isRecord(raw)) return null;
  const v = raw as Partial<ActiveBundle>;
  return isRecord(v.bundle) && typeof v.bundle.version === 'number' && 'compiled' in v ? (v as ActiveBundle) : null;
});

export const dialogStatsItem = /* @__PURE__ */ defineItem(
  'dialogStats',
  (raw): DialogStats => ({ fullExplanations: isRecord(raw) && typeof raw.fullExplanations === 'number' ? raw.fullExplanations : 0 }),
);

export const errorsItem = /* @__PURE__ */ defineItem('errors', (raw): StoredError[] =>
  Array.isArray(raw) ? raw.filter((e): e is StoredError => isRecord(e) && typeof e.time === 'number' && typeof e.message === 'string') : [],
);

/** One line per warning (an object with a message, as an older background wrote, becomes its message). */
export const policyWarningsItem = /* @__PURE__ */ defineItem('policyWarnings', (raw): string[] =>
  Array.isArray(raw) ? raw.map((w) => (typeof w === 'string' ? w : isRecord(w) && typeof w.message === 'string' ? w.message : JSON.stringify(w))) : [],
);

export const updateStatusItem = /* @__PURE__ */ defineItem('updateStatus', (raw): UpdateStatus => {
  if (!isRecord(raw)) return { ...EMPTY_STATUS, validators: {} };
  const value = raw as Partial<UpdateStatus>;
  return {
    ...EMPTY_STATUS,
    ...value,
    history: Array.isArray(value.history) ? value.history : [],
    validators: isRecord(value.validators) ? (value.validators as UpdateStatus['validators']) : {},
  };
});

export const siteHealthItem = /* @__PURE__ */ defineItem('siteHealth', parseSiteHealth);

/** The content scripts' copy of an enrolled agency policy (written by utils/enrolment-store.ts). */
export interface EnrolledPolicyCopy {
  /** the valid policy keys */
  policy: Policy;
  /** ms since the epoch; the copy stops applying then */
  expiresAt: number;
}

export const enrolledPolicyItem = /* @__PURE__ */ defineItem('enrolledPolicy', (raw): EnrolledPolicyCopy | null =>
  isRecord(raw) && typeof raw.expiresAt === 'number' ? { policy: parsePolicy(raw.policy).policy, expiresAt: raw.expiresAt } : null,
);

/** Every item, by name (tests and tools). */
export const STORAGE_ITEMS = {
  settingsItem,
  policyItem,
  engineItem,
  activeBundleItem,
  dialogStatsItem,
  errorsItem,
  policyWarningsItem,
  updateStatusItem,
  siteHealthItem,
  enrolledPolicyItem,
};
