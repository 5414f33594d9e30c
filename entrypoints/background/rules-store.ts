/**
 * The active rule set. First run (and any time storage is empty) uses the default bundle built
 * into the package, so the extension works offline from the first click. Content scripts read
 * the compiled rules from storage.local and pick up a new value without a reload.
 *
 * Two storage.local keys, always written together in one `set` (one atomic change):
 * - `engine` (engineItem): what content scripts load — the compiled rules of the active
 *   bundle, with the agency's policy `extraRules` merged in when there are any;
 * - `activeBundle` (activeBundleItem): the active bundle itself (validated source and its own
 *   compiled rules, without extra rules) and where it came from, so a policy change can re-merge
 *   without a download, and so content scripts never have to read the (larger) source.
 */
import { browser } from 'wxt/browser';
import { compileBound, compileBundle } from '@/rules/compile';
import { COMPILED_FORMAT, type CompiledRules } from '@/rules/compiled';
import { loadEngine, type Engine, type EvaluateContext, type Verdict } from '@/rules/engine';
import type { ActionContent } from '@/rules/actions';
import { tabRules } from '@/rules/tab-set';
import { ARRAY_ITEMS_CAP, FIELD_CAP } from '@/rules/verdict';
import type { RuleBundle } from '@/rules/schema';
import { applyPolicy } from '@/utils/policy';
import { activeBundleItem, engineItem, getItemValues, itemEntry, policyItem, settingsItem } from '@/utils/storage-items';
import type { ActiveBundle, BundleOrigin, StoredEngine } from '@/utils/stored-values';
import { parseBundleFile, type LoadedBundle } from './bundle-file';

export const DEFAULT_BUNDLE_PATH = '/rules/default-bundle.json';


/** Anything that can merge the policy's extra rules into a bundle (see policy.ts). */
export type ExtraRulesMerger = (base: RuleBundle) => { ok: true; bundle: RuleBundle } | { ok: false; errors: string[] } | null;

let extraRulesMerger: ExtraRulesMerger = () => null;

/** policy.ts installs the current extraRules here; null from the merger = no extra rules. */
export function setExtraRulesMerger(merger: ExtraRulesMerger): void {
  extraRulesMerger = merger;
}

export async function loadDefaultBundle(): Promise<LoadedBundle> {
  const url = (browser.runtime.getURL as (path: string) => string)(DEFAULT_BUNDLE_PATH);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`default bundle missing (${response.status})`);
  return parseBundleFile(await response.text());
}

/** Throws when the compiled rules do not load in the engine the content scripts use. */
export function assertLoads(compiled: unknown): void {
  loadEngine(compiled as Parameters<typeof loadEngine>[0]);
}

/**
 * What `engine` holds beyond the compiled rules: 1 = a tab set with its escalation filter
 * (rules/tab-set.ts). A stored engine without it (what an older version stored: the full set where no
 * region is set) is derived again.
 */
export const TAB_SET_VERSION = 1;

/**
 * The compiled rules content scripts get for a base bundle: a tab set (rules/tab-set.ts: the national
 * contests, plus the region's where a region is set) with the escalation filter over the full set, so
 * that every tab holds a small part of a national rule set and asks the background's full set
 * (`fullVerdict`) only for the actions it cannot judge alone. With extra rules, the merge is compiled
 * here first. Invalid extra rules are skipped (policy.ts records the warning).
 */
export function engineFor(base: LoadedBundle, region?: string): { compiled: unknown; extraRules: boolean; sites: StoredEngine['sites']; full: unknown } {
  const merged = extraRulesMerger(base.bundle);
  if (merged?.ok) {
    try {
      const full = compileBundle(merged.bundle);
      const compiled = tabRules(merged.bundle, full, region);
      assertLoads(compiled);
      return { compiled, extraRules: true, sites: merged.bundle.sites ?? {}, full };
    } catch (error) {
      console.error('Jaga Netral: extra rules did not compile; using the bundle alone', error);
    }
  }
  const compiled = tabRules(base.bundle, base.compiled as CompiledRules, region);
  return { compiled, extraRules: false, sites: base.bundle.sites ?? {}, full: base.compiled };
}

/** The region that applies (the agency policy's over the user's setting), as the background last published them. */
export async function effectiveRegion(): Promise<string | undefined> {
  const { settings, policy } = await getItemValues([settingsItem, policyItem]);
  return applyPolicy(settings, policy).settings.region;
}

/** Make `loaded` the active bundle: one storage write, picked up live by every content script. */
export async function storeEngine(loaded: LoadedBundle, origin: BundleOrigin | BundleOrigin['source']): Promise<void> {
  const from: BundleOrigin = typeof origin === 'string' ? { source: origin, appliedAt: Date.now() } : origin;
  const active: ActiveBundle = { bundle: loaded.bundle, compiled: loaded.compiled, ...from };
  const region = await effectiveRegion();
  const derived = engineFor(loaded, region);
  keepFullEngine(derived.full);
  const engine: StoredEngine = {
    bundleVersion: loaded.bundle.version,
    compiled: derived.compiled,
    sites: derived.sites,
    source: from.source,
    issuedAt: loaded.bundle.issuedAt,
    expiresAt: loaded.bundle.expiresAt,
    extraRules: derived.extraRules,
    tabSet: TAB_SET_VERSION,
    ...(region ? { region } : {}),
  };
  await browser.storage.local.set({ ...itemEntry(engineItem, engine), ...itemEntry(activeBundleItem, active) });
}

/** The active bundle, or null before the first install finished. */
export async function readActiveBundle(): Promise<ActiveBundle | null> {
  const { activeBundle, engine } = await getItemValues([activeBundleItem, engineItem]);
  return activeBundle && engine ? activeBundle : null;
}

const isCurrentFormat = (compiled: unknown) =>
  typeof compiled === 'object' && compiled !== null && (compiled as { format?: unknown }).format === COMPILED_FORMAT;

/**
 * The active bundle, with its compiled rules made current: rules of another COMPILED_FORMAT (what an
 * older version of the extension stored; content scripts refuse them) are recompiled from the active
 * bundle's source and stored again, keeping where the bundle came from; content scripts' rules of
 * another region than the one that applies are derived again. A source that no longer compiles gives
 * way to the package's default bundle. Null before the first install finished.
 * Run inside `serialise`.
 */
async function currentActiveBundle(): Promise<ActiveBundle | null> {
  const { activeBundle, engine } = await getItemValues([activeBundleItem, engineItem]);
  if (!activeBundle || !engine) return null;
  const { bundle, compiled: activeCompiled, ...origin } = activeBundle;
  if (isCurrentFormat(activeCompiled) && isCurrentFormat(engine.compiled)) {
    // content scripts' rules of another region than the one that applies now: derived again
    // (or not yet a tab set: what an older version stored)
    if (engine.region !== (await effectiveRegion()) || engine.tabSet !== TAB_SET_VERSION) await storeEngine({ bundle, compiled: activeCompiled }, origin);
    return activeBundle;
  }
  let compiled: unknown;
  try {
    compiled = await compileBound(bundle);
    assertLoads(compiled);
  } catch (error) {
    console.error('Jaga Netral: the active bundle no longer compiles; using the default bundle', error);
    await storeEngine(await loadDefaultBundle(), 'default');
    return readActiveBundle();
  }
  await storeEngine({ bundle, compiled }, origin);
  return { bundle, compiled, ...origin };
}

// Engine writes are serialised: an update and a policy change never interleave their read-modify-write.
let queue: Promise<unknown> = Promise.resolve();
export function serialise<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/**
 * Make sure content scripts have rules: keep what is stored (recompiled if an older version stored
 * another format), else install the default bundle.
 */
export function ensureEngine(): Promise<void> {
  return serialise(async () => {
    if (await currentActiveBundle()) return;
    await storeEngine(await loadDefaultBundle(), 'default');
  });
}

/**
 * At install and browser start: install the default bundle when nothing is stored, and switch to
 * it when the package now carries a newer version than the active one (an extension update that
 * ships a newer default must win over an older downloaded bundle).
 */
export function syncDefaultBundle(): Promise<void> {
  return serialise(async () => {
    const active = await currentActiveBundle();
    const packaged = await loadDefaultBundle();
    if (active && active.bundle.version >= packaged.bundle.version) return;
    await storeEngine(packaged, 'default');
  });
}

/** Re-derive `engine` from the active bundle (after the policy's extraRules changed). */
export function rebuildEngine(): Promise<void> {
  return serialise(async () => {
    const active = await currentActiveBundle();
    if (!active) {
      await storeEngine(await loadDefaultBundle(), 'default');
      return;
    }
    const { bundle, compiled, ...origin } = active;
    await storeEngine({ bundle, compiled }, origin);
  });
}

/**
 * Content scripts' rules follow the region that applies: a change of the user's `region` setting or
 * of the policy the background publishes re-derives them (`rebuildEngine`).
 */
export function watchRegion(): void {
  const regionOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { region?: unknown }).region : undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    // only a change of a region (the engine read below is the size of the rule set)
    const moved = [settingsItem.key, policyItem.key].some((key) => key in changes && regionOf(changes[key]!.oldValue) !== regionOf(changes[key]!.newValue));
    if (!moved) return;
    void serialise(async () => {
      const engine = await engineItem.getValue();
      return engine !== null && engine.region !== (await effectiveRegion());
    })
      .then((stale) => (stale ? rebuildEngine() : undefined))
      .catch((error: unknown) => console.error('Jaga Netral: rules not narrowed to the region', error));
  });
}

// ---------------------------------------------------------------------------------------------
// the full rule set, for the actions a tab set escalates

/** the full engine of the rules content scripts were last given, loaded at the first escalation and kept */
let fullEngine: { compiled: unknown; engine: Engine | null } | null = null;

function keepFullEngine(compiled: unknown): void {
  if (fullEngine?.compiled !== compiled) fullEngine = { compiled, engine: null };
}

/**
 * The full rule set's verdict on an action (a content script's escalation, rules/full-set-filter.ts).
 * The full engine is loaded once and kept while the background lives; after a restart it is derived
 * again from the active bundle, as content scripts' rules are.
 */
export async function fullVerdict(content: ActionContent, context: EvaluateContext): Promise<Verdict> {
  if (!fullEngine) {
    const active = await readActiveBundle();
    if (!active) throw new Error('no active bundle');
    const merged = extraRulesMerger(active.bundle);
    keepFullEngine(merged?.ok ? compileBundle(merged.bundle) : active.compiled);
  }
  const held = fullEngine!;
  held.engine ??= loadEngine(held.compiled as CompiledRules);
  return held.engine.evaluate(capped(content), context);
}

/** the content as the engine reads it (a content script sends what the page holds) */
function capped(content: ActionContent): ActionContent {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(content)) {
    if (typeof value === 'string') out[key] = value.slice(0, FIELD_CAP);
    else if (Array.isArray(value)) out[key] = value.slice(0, ARRAY_ITEMS_CAP).map((v: string) => v.slice(0, FIELD_CAP));
  }
  return out as ActionContent;
}
