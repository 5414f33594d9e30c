/**
 * What the content script keeps in memory so the click path stays synchronous: settings, the
 * loaded engine and the bundle's selector overrides. Filled from storage.local at start and
 * refreshed whenever the background writes a new value (a new bundle, a settings change).
 *
 * The agency policy is read here from storage.managed too, not only from the copy the background
 * publishes in storage.local: right after the browser starts that copy is missing or stale for
 * seconds, and a decision taken from the user's settings alone would ignore the agency's "block".
 * Until the policy read has answered and the rules are loaded the state is not `ready` (the
 * pipeline holds actions meanwhile); both waits are bounded.
 *
 * Where storage.managed holds nothing (or does not exist: Firefox for Android), the agency policy the
 * user enrolled in applies instead, from the background's `enrolledPolicy` copy (kept by
 * utils/enrolment-store.ts) until its expiry time. A real managed policy always wins.
 */
import { browser } from 'wxt/browser';
import { loadEngine, type Engine } from '@/rules/engine-core';
import { FullSetFilter } from '@/rules/full-set-filter';
import type { SiteId } from '@/rules/actions';
import { applyPolicy, parsePolicy, type Policy } from '@/utils/policy';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { dialogStatsItem, type EnrolledPolicyCopy, enrolledPolicyItem, engineItem, policyItem, settingsItem } from '@/utils/storage-items';
import type { SelectorData, SiteAdapter } from './sites/types';


export interface ContentState {
  /** the effective settings: the user's, with the agency policy laid over them */
  settings: Settings;
  engine: Engine | null;
  /**
   * With a tab set (rules/tab-set.ts, what the background gives tabs): the filter that says when an
   * action needs the background's full rule set; null with a full set.
   */
  fullSet?: FullSetFilter | null;
  /** a rule bundle's per-site selector overrides */
  siteSelectors: Partial<Record<SiteId, Record<string, string[]>>>;
  /** how many times the full explanation has been shown */
  fullExplanations: number;
  /** the policy read has answered and the rules are loaded, or the wait for them is over */
  ready: boolean;
  /** resolves when `ready` becomes true: at the latest READY_WAIT_MS after the state was created */
  whenReady: Promise<void>;
}

/**
 * The longest wait for the agency policy (storage.managed) and the rules; then decide with what is
 * known and record what was missing. 6 s: Chromium's first managed read after start took 1–3.5 s
 * on a busy two-core machine, and a fresh install builds the rules first. Only actions the rules
 * match (or cannot yet check) wait; neutral ones pass at once.
 */
export const READY_WAIT_MS = 6_000;

/**
 * The longer bound while the background is still building the rules (a fresh install or a new
 * compiled format: storage held no engine and the `ensure-engine` request has not answered). Then
 * an action held for lack of rules would otherwise pass unchecked after READY_WAIT_MS although
 * the rules are seconds away: compiling the national rule set took 5.6 s in a loaded CI run.
 * When the background answers without rules (or fails), the wait ends at once.
 */
export const RULES_BUILD_WAIT_MS = 30_000;
/** After the background's answer, the time its stored engine has to arrive as a storage change. */
const ENGINE_CHANGE_GRACE_MS = 1_000;

export function createContentState(onError: (error: unknown) => void): ContentState {
  let markReady!: () => void;
  const state: ContentState = {
    settings: DEFAULT_SETTINGS,
    engine: null,
    fullSet: null,
    siteSelectors: {},
    fullExplanations: 0,
    ready: false,
    whenReady: new Promise<void>((resolve) => (markReady = resolve)),
  };
  let userSettings: Settings = DEFAULT_SETTINGS;
  /** the background's copy, used only when storage.managed cannot be read */
  let storedPolicy: Policy = {};
  /** undefined until storage.managed has answered; {} when there is none */
  let managedPolicy: Policy | undefined;
  /** the background's copy of the enrolled agency policy */
  let enrolled: EnrolledPolicyCopy | null = null;
  let policyKnown = false;
  let storedRead = false;
  /** storage held no engine and the background has been asked to build one, and has not answered */
  let rulesBuilding = false;

  const layer = () => {
    let policy = managedPolicy ?? storedPolicy;
    if (managedPolicy && !Object.keys(managedPolicy).length) {
      policy = enrolled && enrolled.expiresAt > Date.now() ? enrolled.policy : {};
    }
    state.settings = applyPolicy(userSettings, policy).settings;
  };
  const becomeReady = () => {
    state.ready = true;
    markReady();
  };
  const checkReady = () => {
    if (policyKnown && storedRead && state.engine) becomeReady();
  };

  const ITEMS = [settingsItem, policyItem, enrolledPolicyItem, engineItem, dialogStatsItem];
  const apply = (changes: Record<string, unknown>) => {
    if (settingsItem.key in changes) userSettings = settingsItem.read(changes[settingsItem.key]);
    if (policyItem.key in changes) storedPolicy = policyItem.read(changes[policyItem.key]);
    if (enrolledPolicyItem.key in changes) enrolled = enrolledPolicyItem.read(changes[enrolledPolicyItem.key]);
    if (settingsItem.key in changes || policyItem.key in changes || enrolledPolicyItem.key in changes) layer();
    if (engineItem.key in changes) {
      const stored = engineItem.read(changes[engineItem.key]);
      if (stored) {
        try {
          // The background only stores bundles it has validated; a failure here keeps the old engine.
          const compiled = stored.compiled as Parameters<typeof loadEngine>[0];
          // both or neither: a tab set without its filter would not know when to ask for the full set
          const fullSet = FullSetFilter.of(compiled);
          state.engine = loadEngine(compiled);
          state.fullSet = fullSet;
          state.siteSelectors = stored.sites ?? {};
        } catch (error) {
          onError(error);
        }
      }
    }
    if (dialogStatsItem.key in changes) state.fullExplanations = dialogStatsItem.read(changes[dialogStatsItem.key]).fullExplanations;
    checkReady();
  };

  const readManaged = () =>
    // Firefox for Android has no storage.managed at all: no managed policy.
    Promise.resolve(browser.storage.managed?.get() ?? {})
      .then(
        (raw) => {
          managedPolicy = parsePolicy(raw).policy;
        },
        // Firefox without an enterprise policy rejects the read ("manifest not found"): no managed policy.
        (error: unknown) => {
          if (/manifest/.test(String(error))) managedPolicy = {};
          else onError(error);
        },
      )
      .then(() => {
        policyKnown = true;
        layer();
        checkReady();
      });
  void readManaged();
  const giveUp = () => {
    if (state.ready) return;
    onError(new Error(`not ready: policy ${policyKnown}, rules ${!!state.engine}`));
    becomeReady();
  };
  let firstWaitOver = false;
  setTimeout(() => {
    firstWaitOver = true;
    if (state.ready) return;
    if (policyKnown && rulesBuilding) setTimeout(giveUp, RULES_BUILD_WAIT_MS - READY_WAIT_MS);
    else giveUp();
  }, READY_WAIT_MS);

  browser.storage.local
    .get(ITEMS.map((item) => item.key))
    .then((items) => {
      storedRead = true;
      apply(items);
      if (state.engine) return;
      rulesBuilding = true;
      browser.runtime
        .sendMessage({ type: 'ensure-engine' })
        .catch(onError)
        .finally(() => {
          rulesBuilding = false;
          // answered: the engine is stored (its storage change follows within milliseconds) or the
          // build failed; past READY_WAIT_MS, nothing more is worth waiting for than that change
          if (firstWaitOver) setTimeout(giveUp, ENGINE_CHANGE_GRACE_MS);
        });
    }, onError);

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void readManaged();
    if (area !== 'local') return;
    apply(Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue])));
  });

  return state;
}

/** The adapter's built-in selectors, with the rule bundle's overrides replacing them key by key. */
export function selectorsFor(adapter: SiteAdapter, state: ContentState): SelectorData {
  const overrides = state.siteSelectors[adapter.id];
  if (!overrides) return adapter.selectors;
  // Called for every click and key press: merge once per overrides object (a new bundle brings a new one).
  let merged = mergedSelectors.get(overrides);
  if (!merged) {
    merged = { ...adapter.selectors, ...overrides };
    mergedSelectors.set(overrides, merged);
  }
  return merged;
}

const mergedSelectors = new WeakMap<object, SelectorData>();
