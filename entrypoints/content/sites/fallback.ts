/**
 * What keeps an adapter working on markup it was not written against (the layers after an
 * adapter's own stable hooks):
 *
 * - labels: a control whose aria-label, title, value or short visible text says like, share or
 *   follow, in Indonesian or English, on `button`, `[role=button]`, `a` or `input` alike;
 * - structure: such a control counts only inside a post (`article`, `[role=article]`, a feed unit,
 *   or the adapter's `container` hook), so a "Follow" in a sidebar is not mistaken for one;
 * - content: when the adapter's fields (text, draft, quoted) come back empty, the post's visible
 *   text without its action bar, comment list and composer, its profile links as handles and its
 *   image alts. With no post and no name at all, whatever text surrounds the control is checked
 *   and the action is marked blind.
 *
 * Runs only on an action (or on a press whose label looks like one), never on other clicks.
 */
import type { ActionContent } from '../../../rules/actions';
import { cap, closestAny, collapse, compact, hashtagsIn, handleFromHref, imageAlts, queryAllAny, queryFirst, sel, textOf } from './helpers';
import type { DetectedAction, SelectorData } from './types';

/** What a press on a control can be: the element, and its label in lower case. */
const CONTROL = 'button,[role=button],a,input[type=button],input[type=submit]';
/** Posts in every layout seen so far; an adapter's own `container` hook is tried first. */
const POST = 'article,[role=article],[data-pagelet^=FeedUnit],[aria-posinset],[data-testid=fbfeed_story],.userContentWrapper';
/** Parts of a post that are not the post: controls, composers, comment lists, hidden text. */
const NOT_POST = 'button,[role=button],[role=toolbar],[role=group],form,textarea,input,[contenteditable],ul,[role=list],[role=article] [role=article],script,style,template,svg,[aria-hidden=true]';

/** Action labels, whole (a count or a "with 12 others" may follow a like). Anchored: "Batal suka" and "Unlike" never match. */
const LABELS: [RegExp, DetectedAction['action'], DetectedAction['detail']][] = [
  [/^(suka|sukai|like|menyukai)( (video|komentar|comment|postingan|post|this|ini)\b.*)?$/, 'like', 'like'],
  [/^(bagikan|share|posting ulang|repost|retweet)$/, 'share', 'share'],
  [/^(ikuti|follow|berlangganan|subscribe)$/, 'follow', 'follow'],
];

/** The control under `target` and what its label says it does, or null. Cheap: one `closest`, a few attribute reads. */
export function labelledAction(target: Element): { control: Element; label: string; action: DetectedAction['action']; detail: DetectedAction['detail'] } | null {
  const control = target.closest(CONTROL);
  if (!control || control.getAttribute('aria-pressed') === 'true' || control.getAttribute('aria-disabled') === 'true') return null;
  const label = (control.getAttribute('aria-label') || control.getAttribute('title') || control.getAttribute('value') || textOf(control, 60))
    .trim()
    .toLowerCase();
  for (const [re, action, detail] of LABELS) if (re.test(label)) return { control, label: label.slice(0, 40), action, detail };
  return null;
}

/** The adapters' names for their post container hooks (X says tweet, TikTok item). */
const CONTAINER_KEYS = ['container', 'post', 'tweet', 'item'];

/** The post an element sits in: the adapter's own container hooks, else any known post container. */
export function postAround(el: Element, s: SelectorData): Element | null {
  for (const key of CONTAINER_KEYS) {
    const hit = closestAny(el, sel(s, key));
    if (hit) return hit;
  }
  return el.closest(POST);
}

/** A post's visible text without its controls, composers and comments; its profile handles; its image alts. */
export function containerContent(post: Element): ActionContent {
  const skip = new Set(queryAllAny(post, [NOT_POST]));
  let text = '';
  const walk = (n: Node): void => {
    if (n.nodeType === 3) text += n.nodeValue;
    else if (n.nodeType === 1 && !skip.has(n as Element)) {
      text += (n as Element).tagName === 'IMG' ? ' ' : '';
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
      text += ' ';
    }
  };
  walk(post);
  const handles = queryAllAny(post, ['a[href]'])
    .filter((a) => !skip.has(a) && /^(https?:\/\/[^/]+)?\/@?[\w.]+\/?$/.test(a.getAttribute('href') ?? ''))
    .map((a) => handleFromHref(a.getAttribute('href')));
  const body = cap(collapse(text));
  return compact<ActionContent>({ text: body, handle: handles[0], hashtags: hashtagsIn(body), imageAlt: imageAlts(post, ['img[alt]']) });
}

/**
 * Fill an action's content when the adapter read nothing to check: from the post around the
 * control, else (blind) from the nearest text around it. Returns the action, marked by how it was read.
 */
export function withContent(found: DetectedAction, s: SelectorData): DetectedAction {
  const c = found.content;
  if (c.text || c.draft || c.quoted) return found;
  const post = postAround(found.control, s);
  const read = post ? containerContent(post) : {};
  if (read.text) {
    found.content = { ...read, ...c, imageAlt: [...new Set([...(c.imageAlt ?? []), ...(read.imageAlt ?? [])])] };
    found.read = 'container';
    return found;
  }
  if (c.author || c.handle || c.linkTitle || c.imageAlt?.length || found.attachmentsOnly) return found;
  // the nearest ancestor with more to say than the control itself (at most 8 levels up)
  let around = found.control.parentElement;
  for (let i = 0; around?.parentElement && i < 8 && textOf(around, 200).length < 40; i++) around = around.parentElement;
  found.content = { ...c, text: textOf(around, 1000) };
  found.read = 'blind';
  return found;
}

/**
 * The label-and-structure layers: a press the adapter's hooks did not recognise, on a control
 * labelled like an action, that no hook of the adapter knows (an already-liked state, a menu
 * opener), inside a post. `inPost` false: it looks like an action but sits in no post (counted as
 * unrecognised by the adapter's health, never acted on).
 */
export function unknownAction(target: Element, s: SelectorData): (ReturnType<typeof labelledAction> & { inPost: boolean }) | null {
  const hit = labelledAction(target);
  if (!hit) return null;
  const { control } = hit;
  for (const [key, entries] of Object.entries(s)) {
    if (/clickable/i.test(key) || !Array.isArray(entries)) continue; // what every control is, not what it does
    const inside = closestAny(target, entries);
    if ((inside && control.contains(inside)) || queryFirst(control, entries)) return null;
  }
  return { ...hit, inPost: !!postAround(control, s) };
}
