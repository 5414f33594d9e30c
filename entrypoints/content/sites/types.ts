import type { ActionContent, ActionDetail, ActionKind, SiteId } from '@/rules/actions';

/** Selector data: for each named hook, CSS selectors in order of preference (stable hooks first, then labels). */
export type SelectorData = Readonly<Record<string, readonly string[]>>;

/** What a site adapter recognised: an action control, and the content the action is about. */
export interface DetectedAction {
  site: SiteId;
  action: ActionKind;
  detail?: ActionDetail;
  /** the element the user acted on (button, composer, menu item) */
  control: Element;
  content: ActionContent;
}

/** The trusted input events the interception core listens to, in the capture phase on window. */
export type InterceptedEvent = MouseEvent | KeyboardEvent | SubmitEvent;

export interface SiteAdapter {
  id: SiteId;
  /** hostnames handled, matched exactly or as a suffix after a dot (e.g. "facebook.com" covers www.facebook.com) */
  hosts: readonly string[];
  /** built-in selector data; a rule bundle's `sites[id]` overrides it key by key */
  selectors: SelectorData;
  /**
   * Called for every click, dblclick, keydown and submit in the capture phase. Must return fast
   * (a few `closest()` calls) when the event is not an engagement action, and must not throw —
   * the core catches anyway and lets the action through (fail-open).
   */
  detect(event: InterceptedEvent, selectors: SelectorData, doc: Document): DetectedAction | null;
}
