/**
 * Adapter health: how well a site adapter is doing on the pages this user actually sees. Per
 * site, counters of actions detected, actions whose content was read from the post container or
 * blind, actions found by label only, photos sent without a photo check (the analysis could not
 * run), and presses on controls that look like actions (by label) that no layer recognised — with the labels (UI strings, never post text) and which selector
 * hooks matched the detected controls (what a maintainer changes in the signed bundle).
 *
 * `withHealth(adapter, save)` wraps an adapter: the interception core is unchanged. Nothing is
 * written on the click path: counts are batched and handed to `save` at most every `FLUSH_MS`,
 * from a timer; the hook matching for the report runs then too, not during the click.
 */
import type { StorageItem } from '@/utils/storage-items';
import type { SiteHealth, SiteHealthCounts } from '@/utils/site-health';
import type { DefinedSiteAdapter } from './sites/define';
import { closestAny } from './sites/helpers';
import type { DetectedAction, SelectorData, SiteAdapter } from './sites/types';

/** the stored counters' types live with their schema; re-exported for the adapter tools */
export type { SiteHealth, SiteHealthCounts };

export const FLUSH_MS = 5000;
/** the most distinct labels and hooks kept per site (the rest are counted, not named) */
const MAX_NAMES = 30;

export function emptyCounts(): SiteHealthCounts {
  return { detected: 0, container: 0, blind: 0, byLabel: 0, unrecognised: 0, photoUnchecked: 0, labels: {}, hooks: {}, at: 0 };
}

function addNames(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, n] of Object.entries(from)) if (k in into || Object.keys(into).length < MAX_NAMES) into[k] = (into[k] ?? 0) + n;
}

/** Add one site's batch to the stored counters. */
export function mergeHealth(stored: SiteHealth, site: string, delta: SiteHealthCounts): SiteHealth {
  const cur = stored[site] ?? emptyCounts();
  const next: SiteHealthCounts = {
    detected: cur.detected + delta.detected,
    container: cur.container + delta.container,
    blind: cur.blind + delta.blind,
    byLabel: cur.byLabel + delta.byLabel,
    unrecognised: cur.unrecognised + delta.unrecognised,
    photoUnchecked: (cur.photoUnchecked ?? 0) + (delta.photoUnchecked ?? 0),
    rulesUnchecked: (cur.rulesUnchecked ?? 0) + (delta.rulesUnchecked ?? 0),
    labels: { ...cur.labels },
    hooks: { ...cur.hooks },
    at: delta.at,
  };
  addNames(next.labels, delta.labels);
  addNames(next.hooks, delta.hooks);
  return { ...stored, [site]: next };
}

/** The selector hooks a detected control sits in or matches (for the report: which selector to change). */
export function hooksOf(found: Pick<DetectedAction, 'action' | 'control'>, selectors: SelectorData): string[] {
  return Object.entries(selectors)
    .filter(([key, entries]) => !/clickable/i.test(key) && closestAny(found.control, entries))
    .map(([key]) => `${found.action}:${key}`);
}

export interface HealthOptions {
  /** hand a batch to storage (called from a timer, never during a click) */
  save: (site: string, delta: SiteHealthCounts) => void;
  flushMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * An adapter that counts; the content script also reports through it photos sent unchecked and actions
 * judged without the full rule set's verdict they needed.
 */
export interface CountingAdapter extends SiteAdapter {
  countPhotoUnchecked(): void;
  countRulesUnchecked(): void;
}

/** The adapter, counting what it detects and what it misses. Same `detect` results, same cost on other clicks. */
export function withHealth(adapter: DefinedSiteAdapter, options: HealthOptions): CountingAdapter {
  const { save, flushMs = FLUSH_MS, now = Date.now, setTimer = (fn, ms) => setTimeout(fn, ms) } = options;
  let delta = emptyCounts();
  let found: { action: DetectedAction['action']; control: Element; selectors: SelectorData }[] = [];
  let scheduled = false;
  // the intent listener asks about the pointerdown before the click: one press, counted once
  let last: { control: Element; at: number } | null = null;
  let lastMiss: { label: string; at: number } | null = null;

  const flush = (): void => {
    scheduled = false;
    for (const f of found) for (const hook of hooksOf(f, f.selectors)) delta.hooks[hook] = (delta.hooks[hook] ?? 0) + 1;
    const batch = { ...delta, at: now() };
    delta = emptyCounts();
    found = [];
    save(adapter.id, batch);
  };
  const changed = (): void => {
    if (scheduled) return;
    scheduled = true;
    setTimer(flush, flushMs);
  };

  return {
    id: adapter.id,
    hosts: adapter.hosts,
    selectors: adapter.selectors,
    ...(adapter.composerOf ? { composerOf: adapter.composerOf } : {}),
    countPhotoUnchecked() {
      delta.photoUnchecked = (delta.photoUnchecked ?? 0) + 1;
      changed();
    },
    countRulesUnchecked() {
      delta.rulesUnchecked = (delta.rulesUnchecked ?? 0) + 1;
      changed();
    },
    detect(event, selectors, doc) {
      const result = adapter.detect(event, selectors, doc);
      try {
        if (result) {
          const t = now();
          if (last?.control === result.control && t - last.at < 1500) return result;
          last = { control: result.control, at: t };
          delta.detected++;
          if (result.read) delta[result.read]++;
          if (result.byLabel) delta.byLabel++;
          if (found.length < 20) found.push({ action: result.action, control: result.control, selectors });
          changed();
        } else if (event.type === 'click') {
          const label = adapter.unrecognised(event, selectors);
          const t = now();
          if (label && !(lastMiss?.label === label && t - lastMiss.at < 1500)) {
            lastMiss = { label, at: t };
            delta.unrecognised++;
            delta.labels[label] = (delta.labels[label] ?? 0) + 1;
            changed();
          }
        }
      } catch {
        /* counting never breaks a click */
      }
      return result;
    },
  };
}

/** A `save` that adds each batch to the one `siteHealth` item. Failures are dropped: counters are best effort. */
export function storeHealth(item: StorageItem<SiteHealth>): HealthOptions['save'] {
  return (site, delta) =>
    void item
      .getValue()
      .then((stored) => item.setValue(mergeHealth(stored, site, delta)))
      .catch(() => {});
}
