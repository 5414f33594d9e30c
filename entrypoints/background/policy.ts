/**
 * Enterprise policy in the background: read `storage.managed`, validate key by key (utils/policy.ts),
 * and publish the valid copy to storage.local `policy` (content scripts and pages read only that)
 * with the ignored keys in `policyWarnings`.
 *
 * Chrome and Edge fill `storage.managed` from the `3rdparty` → `extensions` → <id> policy, checked
 * against public/managed_schema.json, and fire `storage.onChanged` (area "managed") when it changes,
 * so policy applies live. Firefox fills it from policies.json → `3rdparty` → `Extensions` → <id> at
 * browser start (no change events there).
 *
 * `extraRules` are agency rules in the rule bundle's own format (persons, parties, contests,
 * vocabulary, like a file under rules/data/). Chrome's schema language cannot describe that shape,
 * so the value is a JSON string there; Firefox may give the object itself. They are merged into the
 * active bundle, validated with the rules schema, compiled here and stored for content scripts.
 * Invalid extra rules are ignored with a warning: the bundle alone stays active.
 */
import { browser } from 'wxt/browser';
import { parseRuleBundle, type RuleBundle } from '@/rules/schema';
import { activeEnrolledPolicy, writePolicySource } from '@/utils/enrolment-store';
import { parsePolicy, type Policy } from '@/utils/policy';
import { engineItem, policyItem, policyWarningsItem } from '@/utils/storage-items';
import { rebuildEngine, readActiveBundle, setExtraRulesMerger } from './rules-store';

const ARRAY_KEYS = ['persons', 'parties', 'contests'] as const;
const VOCABULARY_KEYS = ['electionTerms', 'supportCues', 'neutralCues', 'ambiguousTerms', 'handSigns', 'numberMarkers'] as const;
/** Members of a full bundle that extra rules may carry but that the active bundle decides. */
const IGNORED_META = new Set(['schemaVersion', 'version', 'issuedAt', 'expiresAt']);
const EXTRA_KEYS = new Set<string>([...ARRAY_KEYS, 'vocabulary', ...IGNORED_META]);

export type ExtraRules = Partial<Record<(typeof ARRAY_KEYS)[number], unknown[]>> & { vocabulary?: Record<string, unknown[]> };

export type MergeResult = { ok: true; bundle: RuleBundle } | { ok: false; errors: string[] };

/** Shape check of the policy value (a JSON string or an object); the rules schema checks the rest. */
export function parseExtraRules(raw: unknown): { ok: true; rules: ExtraRules } | { ok: false; error: string } {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return { ok: false, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'expected an object with persons, parties, contests and/or vocabulary' };
  }
  const v = value as Record<string, unknown>;
  const unknownKeys = Object.keys(v).filter((k) => !EXTRA_KEYS.has(k));
  if (unknownKeys.length) return { ok: false, error: `unknown member(s) ${unknownKeys.join(', ')}` };
  for (const key of ARRAY_KEYS) {
    if (v[key] !== undefined && !Array.isArray(v[key])) return { ok: false, error: `${key}: expected an array` };
  }
  if (v.vocabulary !== undefined) {
    const voc = v.vocabulary;
    if (typeof voc !== 'object' || voc === null || Array.isArray(voc)) return { ok: false, error: 'vocabulary: expected an object' };
    for (const [k, list] of Object.entries(voc)) {
      if (!(VOCABULARY_KEYS as readonly string[]).includes(k)) return { ok: false, error: `vocabulary.${k}: unknown list` };
      if (!Array.isArray(list)) return { ok: false, error: `vocabulary.${k}: expected an array` };
    }
  }
  const rules: ExtraRules = {};
  for (const key of ARRAY_KEYS) if (Array.isArray(v[key])) rules[key] = v[key] as unknown[];
  if (v.vocabulary) rules.vocabulary = v.vocabulary as Record<string, unknown[]>;
  return { ok: true, rules };
}

/**
 * The active bundle with the extra rules appended, validated as a whole (so extra contests may name
 * the bundle's persons and parties, and duplicate ids are caught). Error paths that point into the
 * extra rules are given relative to them: `extraRules.persons[0].name: …`.
 */
export function mergeExtraRules(base: RuleBundle, extra: ExtraRules): MergeResult {
  const merged: Record<string, unknown> = { ...base };
  for (const key of ARRAY_KEYS) merged[key] = [...base[key], ...(extra[key] ?? [])];
  const vocabulary: Record<string, unknown[]> = { ...base.vocabulary };
  for (const [k, list] of Object.entries(extra.vocabulary ?? {})) vocabulary[k] = [...(vocabulary[k] ?? []), ...list];
  merged.vocabulary = vocabulary;
  const parsed = parseRuleBundle(merged);
  if (parsed.ok) return parsed;
  const errors = parsed.errors.map((e) => {
    const m = /^(persons|parties|contests)\[(\d+)\](.*)$/s.exec(e);
    if (m) {
      const key = m[1] as (typeof ARRAY_KEYS)[number];
      const index = Number(m[2]);
      const n = base[key].length;
      return index >= n ? `extraRules.${key}[${index - n}]${m[3]}` : e;
    }
    return e.startsWith('vocabulary') ? `extraRules.${e}` : e;
  });
  return { ok: false, errors };
}

// ---------------------------------------------------------------- state

interface Loaded {
  policy: Policy;
  /** warnings from parsing, before the extra rules were tried against the bundle */
  warnings: string[];
  extra: ExtraRules | null;
}

let current: Loaded = { policy: {}, warnings: [], extra: null };

setExtraRulesMerger((base) => (current.extra ? mergeExtraRules(base, current.extra) : null));

/** Raw managed storage; {} when there is none (Firefox without a policy rejects the read). */
export async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return ((await browser.storage.managed.get()) ?? {}) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Parse a raw policy: valid keys, warnings, and the extra rules' shape. Pure. */
export function interpretPolicy(raw: unknown): Loaded {
  const { policy, warnings } = parsePolicy(raw);
  let extra: ExtraRules | null = null;
  if (policy.extraRules !== undefined) {
    const parsed = parseExtraRules(policy.extraRules);
    if (parsed.ok) {
      extra = parsed.rules;
      policy.extraRules = parsed.rules;
    } else {
      warnings.push(`extraRules: ${parsed.error} — ignored`);
      delete policy.extraRules;
    }
  }
  return { policy, warnings, extra };
}

/** The policy warnings plus, when the extra rules do not fit the active bundle, why. */
async function currentWarnings(): Promise<string[]> {
  const warnings = [...current.warnings];
  if (current.extra) {
    const active = await readActiveBundle();
    if (active) {
      const merged = mergeExtraRules(active.bundle, current.extra);
      if (!merged.ok) warnings.push(`extraRules: ${merged.errors.slice(0, 5).join('; ')} — ignored`);
    }
  }
  return warnings;
}

/** Re-check the extra rules against the active bundle (after an update) and rewrite the warnings. */
export async function writePolicyWarnings(): Promise<void> {
  await policyWarningsItem.setValue(await currentWarnings());
}

/** The validated policy as last published (survives service-worker restarts). */
export async function storedPolicy(): Promise<Policy> {
  return policyItem.getValue();
}

/**
 * The policy that applies: the managed one when storage.managed holds any key; else the agency
 * policy the user enrolled in (agency enrolment, entrypoints/background/enrolment.ts) while it has
 * not expired; else none. A real managed policy always wins.
 */
async function readEffectiveRaw(): Promise<{ raw: Record<string, unknown>; source: 'managed' | 'enrolled' | 'none' }> {
  const managed = await readManaged();
  if (Object.keys(managed).length > 0) return { raw: managed, source: 'managed' };
  const enrolled = await activeEnrolledPolicy(Date.now());
  return enrolled ? { raw: enrolled, source: 'enrolled' } : { raw: {}, source: 'none' };
}

/**
 * Read the managed (or enrolled) policy and publish it. Rebuilds the engine when the extra rules changed (or
 * valid extra rules are missing from it); calls `onChange` with the old and new policy so the
 * updater can reschedule.
 */
export async function refreshPolicy(onChange?: (before: Policy, after: Policy) => void | Promise<void>): Promise<Policy> {
  const before = await storedPolicy();
  const { raw, source } = await readEffectiveRaw();
  current = interpretPolicy(raw);
  await policyItem.setValue(current.policy);
  await writePolicySource(source);
  const changed = JSON.stringify(before.extraRules ?? null) !== JSON.stringify(current.policy.extraRules ?? null);
  if (changed || (current.extra && (await extrasMissing(current.extra)))) await rebuildEngine();
  await writePolicyWarnings();
  await onChange?.(before, current.policy);
  return current.policy;
}

let firstLoad: Promise<Policy> | null = null;

/** The policy loaded once per service-worker lifetime (the updater waits for it before merging). */
export function policyLoaded(onChange?: (before: Policy, after: Policy) => void | Promise<void>): Promise<Policy> {
  firstLoad ??= refreshPolicy(onChange).catch((error: unknown) => {
    firstLoad = null;
    throw error;
  });
  return firstLoad;
}

/** Valid extra rules that the stored engine does not include yet. */
async function extrasMissing(extra: ExtraRules): Promise<boolean> {
  const engine = await engineItem.getValue();
  if (!engine || engine.extraRules === true) return false;
  const active = await readActiveBundle();
  return !!active && mergeExtraRules(active.bundle, extra).ok;
}

/** Forget the in-memory state (tests: a fresh service worker). */
export function resetPolicyState(): void {
  current = { policy: {}, warnings: [], extra: null };
  firstLoad = null;
}

/** Policy applies live on Chrome and Edge: managed storage changes fire storage.onChanged. */
export function watchPolicy(onChange?: (before: Policy, after: Policy) => void | Promise<void>): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    void refreshPolicy(onChange).catch((e: unknown) => console.error('Jaga Netral: policy not applied', e));
  });
}
