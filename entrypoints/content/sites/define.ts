/**
 * The one shape every site adapter has: `defineSiteAdapter({ id, hosts, selectors, memory, detect,
 * composerOf })`. The adapter owns its memories (the post that opened a portal menu, a draft kept
 * across a two-step composer): `memory()` makes a fresh set, held by the adapter object, and
 * `reset()` replaces it. No adapter module keeps state of its own.
 *
 * Every call is guarded: an adapter never throws (the core would fail open anyway).
 */
import { safely } from './helpers';
import type { DetectedAction, InterceptedEvent, SelectorData, SiteAdapter } from './types';

export interface SiteAdapterSpec<M> {
  id: SiteAdapter['id'];
  hosts: readonly string[];
  selectors: SelectorData;
  /** a fresh set of this adapter's memories (openers, drafts); omitted when it remembers nothing */
  memory?: () => M;
  detect(event: InterceptedEvent, selectors: SelectorData, doc: Document, memory: M): DetectedAction | null;
  composerOf?(el: Element, selectors: SelectorData, doc: Document, memory: M): Element | null;
}

/** A site adapter made by `defineSiteAdapter`: the core's `SiteAdapter`, plus forgetting what it remembers. */
export interface DefinedSiteAdapter extends SiteAdapter {
  /** forget every remembered opener and draft (tests; a fresh page) */
  reset(): void;
}

export function defineSiteAdapter<M = undefined>(spec: SiteAdapterSpec<M>): DefinedSiteAdapter {
  const fresh = () => (spec.memory ? spec.memory() : (undefined as M));
  let memory = fresh();
  const composerOf = spec.composerOf;
  return {
    id: spec.id,
    hosts: spec.hosts,
    selectors: spec.selectors,
    detect: (event, s, doc) => safely(() => spec.detect(event, s, doc, memory)),
    ...(composerOf ? { composerOf: (el: Element, s: SelectorData, doc: Document) => safely(() => composerOf(el, s, doc, memory)) } : {}),
    reset: () => void (memory = fresh()),
  };
}
