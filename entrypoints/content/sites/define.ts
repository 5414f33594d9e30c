/**
 * The one shape every site adapter has: `defineSiteAdapter({ id, hosts, selectors, memory, detect,
 * composerOf })`. The adapter owns its memories (the post that opened a portal menu, a draft kept
 * across a two-step composer): `memory()` makes a fresh set, held by the adapter object, and
 * `reset()` replaces it. No adapter module keeps state of its own.
 *
 * Every call is guarded: an adapter never throws (the core would fail open anyway).
 */
import { eventElement, isActivation, safely } from './helpers';
import { unknownAction, withContent } from './fallback';
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
  /**
   * For a press `detect` returned null for: the label of a control that looks like an action but
   * that no layer recognised (no hook knows it, and it sits in no post). For the adapter's health.
   */
  unrecognised(event: InterceptedEvent, selectors: SelectorData): string | null;
}

export function defineSiteAdapter<M = undefined>(spec: SiteAdapterSpec<M>): DefinedSiteAdapter {
  const fresh = () => (spec.memory ? spec.memory() : (undefined as M));
  let memory = fresh();
  const composerOf = spec.composerOf;
  return {
    id: spec.id,
    hosts: spec.hosts,
    selectors: spec.selectors,
    detect: (event, s, doc) =>
      safely(() => {
        const found = spec.detect(event, s, doc, memory) ?? byLabel(event, s);
        return found && withContent(found, s);
      }),
    ...(composerOf ? { composerOf: (el: Element, s: SelectorData, doc: Document) => safely(() => composerOf(el, s, doc, memory)) } : {}),
    reset: () => void (memory = fresh()),
    unrecognised: (event, s) =>
      safely(() => {
        const target = eventElement(event);
        const hit = target && unknownAction(target, s);
        return hit && !hit.inPost ? hit.label : null;
      }),
  };

  /** The label and structure layers, after the adapter's hooks missed: a labelled control in a post. */
  function byLabel(event: InterceptedEvent, s: SelectorData): DetectedAction | null {
    const target = eventElement(event);
    const hit = target && unknownAction(target, s);
    if (!hit?.inPost || !isActivation(event, hit.control)) return null;
    return { site: spec.id, action: hit.action, detail: hit.detail, control: hit.control, content: {}, byLabel: true };
  }
}
