/**
 * Selector entries and querying. Entries are plain CSS, optionally followed by a text filter in
 * Playwright style (CSS cannot match text, and some controls only have a visible label):
 *   `[role="menuitem"] >> text="Posting ulang"`   the element's collapsed text equals the string
 *   `[role="button"] >> text^="Bagikan sekarang"`  the element's collapsed text starts with it
 * A bad entry (from a rule bundle) is skipped, never fatal.
 */
import type { SelectorData } from '../types';
import { MAX_FIELD, cap, collapse, textOf } from './text';

interface ParsedEntry {
  css: string;
  text?: string;
  prefix?: boolean;
}

const parsedCache = new Map<string, ParsedEntry>();

const TEXT_FILTER = /^(.*?)\s*>>\s*text(\^?)=\s*"(.*)"\s*$/s;

/** Split an entry into its CSS part and optional text filter (cached). */
export function parseEntry(entry: string): ParsedEntry {
  let parsed = parsedCache.get(entry);
  if (!parsed) {
    const m = TEXT_FILTER.exec(entry);
    parsed = m ? { css: m[1]!.trim() || '*', text: m[3]!, prefix: m[2] === '^' } : { css: entry };
    parsedCache.set(entry, parsed);
  }
  return parsed;
}

function textFilterOk(el: Element, p: ParsedEntry): boolean {
  if (p.text === undefined) return true;
  const t = collapse(el.textContent ?? '');
  return p.prefix ? t.startsWith(p.text) : t === p.text;
}

/** The selectors of one hook, or an empty list. */
export function sel(selectors: SelectorData, key: string): readonly string[] {
  const list = selectors[key];
  return Array.isArray(list) ? list : [];
}

/** Whether `el` matches one selector entry (invalid CSS → false). */
export function matchesEntry(el: Element, entry: string): boolean {
  const p = parseEntry(entry);
  try {
    return el.matches(p.css) && textFilterOk(el, p);
  } catch {
    return false;
  }
}

/** Whether `el` matches any of the entries. */
export function matchFirst(el: Element | null | undefined, entries: readonly string[]): boolean {
  if (!el) return false;
  for (const e of entries) if (matchesEntry(el, e)) return true;
  return false;
}

/** `el.closest(entry)` honouring the text filter; null on invalid CSS. */
export function closestEntry(el: Element, entry: string): Element | null {
  const p = parseEntry(entry);
  let cur: Element | null = el;
  try {
    while (cur) {
      const hit: Element | null = cur.closest(p.css);
      if (!hit) return null;
      if (textFilterOk(hit, p)) return hit;
      cur = hit.parentElement;
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The ancestor-or-self of `el` matched by the first entry (in order of preference) that matches
 * anything. Entries are ordered fallbacks, so the first hook that works wins.
 */
export function closestAny(el: Element | null | undefined, entries: readonly string[]): Element | null {
  if (!el) return null;
  for (const e of entries) {
    const hit = closestEntry(el, e);
    if (hit) return hit;
  }
  return null;
}

/** The nearest ancestor-or-self matched by any entry (nearest wins, not first entry). */
export function closestNearest(el: Element | null | undefined, entries: readonly string[]): Element | null {
  let cur: Element | null = el ?? null;
  while (cur) {
    if (matchFirst(cur, entries)) return cur;
    cur = cur.parentElement;
  }
  return null;
}

/** All descendants of `root` matched by one entry (invalid CSS → none). */
export function queryEntry(root: ParentNode, entry: string): Element[] {
  const p = parseEntry(entry);
  try {
    const all = Array.from(root.querySelectorAll(p.css));
    return p.text === undefined ? all : all.filter((el) => textFilterOk(el, p));
  } catch {
    return [];
  }
}

/** The first descendant matched by the first entry that matches anything. */
export function queryFirst(root: ParentNode | null | undefined, entries: readonly string[]): Element | null {
  if (!root) return null;
  for (const e of entries) {
    const hit = queryEntry(root, e)[0];
    if (hit) return hit;
  }
  return null;
}

/** All descendants matched by the first entry that matches anything (one hook's elements, not a mix). */
export function queryAllFirst(root: ParentNode | null | undefined, entries: readonly string[]): Element[] {
  if (!root) return [];
  for (const e of entries) {
    const hits = queryEntry(root, e);
    if (hits.length) return hits;
  }
  return [];
}

/** Every descendant matched by any entry, in document order, without duplicates. */
export function queryAllAny(root: ParentNode | null | undefined, entries: readonly string[]): Element[] {
  if (!root) return [];
  const seen = new Set<Element>();
  for (const e of entries) for (const el of queryEntry(root, e)) seen.add(el);
  return sortInDocumentOrder([...seen]);
}

export function sortInDocumentOrder(els: Element[]): Element[] {
  return els.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

/**
 * Walk up from `el` (inclusive) to the first ancestor that contains a descendant matched by
 * `entries`; returns that ancestor. Used to find "the composer this send button belongs to".
 */
export function ancestorContaining(
  el: Element | null | undefined,
  entries: readonly string[],
  maxDepth = 25,
): Element | null {
  let cur: Element | null = el ?? null;
  for (let depth = 0; cur && depth <= maxDepth; depth++, cur = cur.parentElement) {
    if (queryFirst(cur, entries)) return cur;
  }
  return null;
}

/**
 * The composer around `el` (a file input, a drop or paste target), as the editor element: the
 * editor `el` is in, else the only editor inside the nearest ancestor (at most `maxDepth` levels
 * up) that holds any. Null when there is none, or several (an attach outside any one composer).
 */
export function composerAround(el: Element | null | undefined, editors: readonly string[], maxDepth = 10): Element | null {
  if (!el) return null;
  const own = closestAny(el, editors);
  if (own) return own;
  let cur: Element | null = el;
  for (let depth = 0; cur && depth <= maxDepth; depth++, cur = cur.parentElement) {
    const found = queryAllAny(cur, editors);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return null;
  }
  return null;
}

/**
 * The action control an event is on, for a hook whose entries name either the control itself or a
 * marker inside it (an icon `svg[aria-label="Suka"]`, `[data-e2e="like-icon"]`). A hit on the
 * marker resolves outwards to the nearest `clickable` (the button the site listens on); a click on
 * the button's padding, outside the marker, is caught by the second pass (the clickable under the
 * pointer contains a marker). Entries are tried in order; null when the event is not on this hook.
 */
export function controlFor(
  target: Element | null | undefined,
  hook: readonly string[],
  clickable: readonly string[],
): Element | null {
  if (!target || hook.length === 0) return null;
  for (const entry of hook) {
    const hit = closestEntry(target, entry);
    if (hit) return closestAny(hit, clickable) ?? hit;
  }
  const outer = closestAny(target, clickable);
  if (outer) for (const entry of hook) if (queryEntry(outer, entry).length > 0) return outer;
  return null;
}

/** Text of the first match of `entries` under `root`. */
export function textAt(root: ParentNode | null | undefined, entries: readonly string[], max = MAX_FIELD): string {
  return textOf(queryFirst(root, entries), max);
}

/** Texts of all matches, joined with " · ", skipping empties and duplicates. */
export function textsAt(root: ParentNode | null | undefined, entries: readonly string[], max = MAX_FIELD): string {
  const seen = new Set<string>();
  for (const el of queryAllAny(root, entries)) {
    const t = textOf(el, max);
    if (t) seen.add(t);
  }
  return cap([...seen].join(' · '), max);
}

/** Text of the first match of `entries` under `root` whose text is not empty. */
export function firstText(root: ParentNode | null | undefined, entries: readonly string[], max = MAX_FIELD): string {
  for (const el of root ? entries.flatMap((e) => queryEntry(root, e)) : []) {
    const t = textOf(el, max);
    if (t) return t;
  }
  return '';
}

/** Alt texts of images under `root` matched by `entries` (emoji and empty alts skipped). */
export function imageAlts(root: ParentNode | null | undefined, entries: readonly string[]): string[] {
  const out = new Set<string>();
  for (const img of queryAllAny(root, entries)) {
    const alt = collapse(img.getAttribute('alt') ?? '');
    if (alt.length > 2 && !/^(image|gambar|foto|photo)$/i.test(alt)) out.add(cap(alt));
  }
  return [...out];
}
