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
  /**
   * For a send, post or comment from a composer: the composer it publishes (its editor, or the
   * element around the editor and its attachments). Attached photos are tied to it (see
   * `SiteAdapter.composerOf`). Unset when the adapter cannot tell: every attached photo then counts.
   */
  composer?: Element;
  /**
   * The composer has no text: the action publishes only what is attached (a photo sent without a
   * caption). The pipeline lets it through at once unless a photo is attached to that composer.
   */
  attachmentsOnly?: true;
  /**
   * How the content was read when the adapter's own fields came back empty: `container`, the
   * post's visible text (see `sites/fallback.ts`); `blind`, no post either, only the text around
   * the control. Unset: read from the adapter's fields. Counted in the adapter's health.
   */
  read?: 'container' | 'blind';
  /** set when the adapter's hooks missed and the control was recognised by its label inside a post */
  byLabel?: true;
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
  /**
   * The composer an attach happened in: `el` is a file input, or the target of a drop or paste.
   * Must return the same element (or one inside or around it) as `DetectedAction.composer` for
   * that composer's send. Null when the element is in no composer or the adapter cannot tell:
   * the photo then holds every publishing action on the page. Called only on an attach.
   */
  composerOf?(el: Element, selectors: SelectorData, doc: Document): Element | null;
}
