/**
 * Helpers shared by the site adapters. DOM-only, no browser-extension APIs, no `@/` imports (the
 * `jaga doctor` CLI runs adapters under tsx in a happy-dom Window, with no global `document`).
 *
 * Rules for everything in here:
 * - never throw: a bad selector from a rule bundle is skipped, not fatal;
 * - never use `instanceof` with DOM classes or the global `document`: the element may come from
 *   another Window (doctor, tests), so check `nodeType` and use `el.ownerDocument`;
 * - read text with `textContent` (whitespace collapsed, capped), not `innerText`.
 *
 * Selector entries are plain CSS, optionally followed by a text filter in Playwright style:
 *   `[role="menuitem"] >> text="Posting ulang"`   the element's collapsed text equals the string
 *   `[role="button"] >> text^="Bagikan sekarang"`  the element's collapsed text starts with it
 * (CSS cannot match text, and some controls only have a visible label.)
 */
import type { SelectorData } from './types';

/** Maximum length of each extracted content field. */
export const MAX_FIELD = 5000;

// ---------------------------------------------------------------------------------------------
// Selector entries

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

// ---------------------------------------------------------------------------------------------
// Events

/** The element an event is about (text-node targets resolved to their parent; shadow DOM via composedPath). */
export function eventElement(event: Event): Element | null {
  let t: unknown = event.target;
  try {
    const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
    if (path.length && isElement(path[0])) t = path[0];
  } catch {
    /* keep event.target */
  }
  if (isElement(t)) return t;
  if (t && typeof t === 'object' && 'parentElement' in t) return (t as Node).parentElement;
  return null;
}

export function isElement(x: unknown): x is Element {
  return !!x && typeof x === 'object' && (x as Node).nodeType === 1;
}

/** Keyboard event fields, duck-typed (no `instanceof KeyboardEvent` across windows). */
function keyOf(event: Event): { key: string; shift: boolean; ctrl: boolean; meta: boolean; alt: boolean; composing: boolean } | null {
  if (event.type !== 'keydown') return null;
  const k = event as KeyboardEvent;
  return {
    key: k.key ?? '',
    shift: !!k.shiftKey,
    ctrl: !!k.ctrlKey,
    meta: !!k.metaKey,
    alt: !!k.altKey,
    composing: !!k.isComposing || k.keyCode === 229,
  };
}

/** Enter without Shift/Ctrl/Meta/Alt, not while an IME is composing: "send" in chat-style composers. */
export function isPlainEnter(event: Event): boolean {
  const k = keyOf(event);
  return !!k && k.key === 'Enter' && !k.shift && !k.ctrl && !k.meta && !k.alt && !k.composing;
}

/** Ctrl+Enter or Cmd+Enter: "send" in post composers. */
export function isModEnter(event: Event): boolean {
  const k = keyOf(event);
  return !!k && k.key === 'Enter' && (k.ctrl || k.meta) && !k.composing;
}

/** A single unmodified character key (site shortcuts such as X's `l`), case-insensitive. */
export function isShortcutKey(event: Event, key: string): boolean {
  const k = keyOf(event);
  return !!k && !k.ctrl && !k.meta && !k.alt && !k.composing && k.key.toLowerCase() === key.toLowerCase();
}

/** Whether the element takes text input (shortcuts must not fire while typing). */
export function isEditable(el: Element | null | undefined): boolean {
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return !['button', 'submit', 'checkbox', 'radio', 'reset', 'image', 'range', 'color', 'file'].includes(type);
  }
  return !!el.closest('[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]');
}

/**
 * Enter or Space on a custom control (`div[role=button]`, `[role=menuitem]`) that the site activates
 * from keydown. Native buttons and links are excluded: the browser turns the key into a trusted
 * click, which is caught as a click — catching the key too would raise two dialogs.
 */
export function isKeyActivation(event: Event, control: Element): boolean {
  const k = keyOf(event);
  if (!k || k.ctrl || k.meta || k.alt || k.shift || k.composing) return false;
  if (k.key !== 'Enter' && k.key !== ' ') return false;
  const tag = control.tagName.toLowerCase();
  if (tag === 'button' || tag === 'input' || tag === 'summary') return false;
  if (tag === 'a' && control.hasAttribute('href')) return false;
  return true;
}

/** A click-like event: click, or keyboard activation of a custom control. */
export function isActivation(event: Event, control: Element): boolean {
  return event.type === 'click' || isKeyActivation(event, control);
}

/** Disabled controls do nothing when clicked. */
export function isDisabled(el: Element): boolean {
  return el.getAttribute('aria-disabled') === 'true' || el.hasAttribute('disabled');
}

// ---------------------------------------------------------------------------------------------
// Text

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function cap(s: string, max = MAX_FIELD): string {
  return s.length > max ? s.slice(0, max) : s;
}

/** The element's text: `textContent` with whitespace collapsed and capped. '' for null. */
export function textOf(el: Element | null | undefined, max = MAX_FIELD): string {
  if (!el) return '';
  return cap(collapse(textWithAlts(el)), max);
}

/**
 * textContent, but emoji images (`<img alt="🙂">` inside text, as X and Facebook render them)
 * contribute their alt text, and `<br>` a space.
 */
function textWithAlts(root: Element): string {
  if (!root.querySelector('img[alt],br')) return root.textContent ?? '';
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const el = n as Element;
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style') return;
      if (tag === 'br') out += ' ';
      else if (tag === 'img') out += el.getAttribute('alt') ?? '';
      else for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    }
  };
  walk(root);
  return out;
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

/** Hashtags (without '#') found in one or more strings, de-duplicated, in order. */
export function hashtagsIn(...texts: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const m of t.matchAll(/#([\p{L}\p{N}_]+)/gu)) out.add(m[1]!);
  }
  return [...out];
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

/** `aria-label` with whitespace collapsed ('' when absent). */
export function ariaLabel(el: Element | null | undefined): string {
  return el ? collapse(el.getAttribute('aria-label') ?? '') : '';
}

/** Resolve an href against the element's document URL; '' when absent or unparsable. */
export function absoluteHref(el: Element | null | undefined): string {
  const href = el?.getAttribute('href');
  if (!href) return '';
  try {
    return new URL(href, el!.ownerDocument?.URL || undefined).href;
  } catch {
    return href;
  }
}

/**
 * Drop empty fields so the engine and the log only see what the page showed. Generic over the
 * content shape so this file does not import the engine's types.
 */
export function compact<T extends object>(content: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(content)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// Portals: remember which post opened a menu, flyout or dialog rendered elsewhere in the DOM

/**
 * Remembers one element (typically the post whose button opened a portal menu) for a short
 * time, without keeping it alive: a WeakRef, forgotten after `ttlMs` or when detached from the
 * document. Also carries an optional value (e.g. a draft captured at step 1 of a two-step flow).
 *
 *   const opener = new OpenerMemory();      // one per adapter and purpose
 *   opener.remember(article);               // on the first click (menu opens)
 *   opener.recall();                        // on the confirm click in the portal → article | null
 */
export class OpenerMemory<V = undefined> {
  private ref: WeakRef<Element> | null = null;
  private value: V | undefined;
  private at = 0;

  constructor(
    private readonly ttlMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  remember(el: Element | null | undefined, value?: V): void {
    if (!el) return;
    this.ref = new WeakRef(el);
    this.value = value;
    this.at = this.now();
  }

  /** The remembered element if still fresh and attached, else null. */
  recall(): Element | null {
    const el = this.ref?.deref() ?? null;
    if (!el || this.now() - this.at > this.ttlMs || !el.isConnected) {
      if (this.ref && this.now() - this.at > this.ttlMs) this.clear();
      return null;
    }
    return el;
  }

  /** The value stored with the element, under the same freshness rule (the element may be detached). */
  recallValue(): V | undefined {
    if (!this.ref || this.now() - this.at > this.ttlMs) return undefined;
    return this.value;
  }

  clear(): void {
    this.ref = null;
    this.value = undefined;
    this.at = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Misc

/** Run `fn`, returning null on any exception (adapters never throw). */
export function safely<T>(fn: () => T | null): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** A short CSS path for an element (for logs and `jaga doctor`): tag#id, test ids, nth-of-type. */
export function cssPath(el: Element, maxDepth = 12): string {
  const parts: string[] = [];
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < maxDepth; depth++) {
    const tag = cur.tagName.toLowerCase();
    if (tag === 'html' || tag === 'body') break;
    const id = cur.getAttribute('id');
    if (id && /^[A-Za-z][\w-]*$/.test(id)) {
      parts.unshift(`${tag}#${id}`);
      break;
    }
    let part = tag;
    for (const attr of ['data-testid', 'data-ad-rendering-role', 'role', 'aria-label']) {
      const v = cur.getAttribute(attr);
      if (v && v.length <= 60) {
        part += `[${attr}="${v.replace(/["\\]/g, '\\$&')}"]`;
        break;
      }
    }
    const parent: Element | null = cur.parentElement;
    if (parent) {
      const same = Array.from(parent.children).filter((c) => c.tagName === cur!.tagName);
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(cur) + 1})`;
    }
    parts.unshift(part);
    cur = parent;
  }
  return parts.join(' > ');
}

// ---------------------------------------------------------------------------------------------
// Controls, composers, handles (added for the Instagram/TikTok/YouTube/Threads/WhatsApp adapters)

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

/** The text the user typed: a textarea's or input's value, else the editor's collapsed text. */
export function draftOf(el: Element | null | undefined, max = MAX_FIELD): string {
  if (!el) return '';
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'input') return cap(collapse((el as HTMLTextAreaElement).value ?? ''), max);
  return textOf(el, max);
}

/** The account name in a profile link: `/@name`, `/name/`, `https://site/@name/video/1` → `name`. */
export function handleFromHref(href: string | null | undefined): string {
  if (!href) return '';
  let path = href;
  try {
    path = new URL(href, 'https://example.invalid/').pathname;
  } catch {
    /* keep href */
  }
  const first = path.split('/').find((seg) => seg.length > 0) ?? '';
  let name = first;
  try {
    name = decodeURIComponent(first);
  } catch {
    /* keep raw */
  }
  return name.replace(/^@/, '');
}

/** Text of the first match of `entries` under `root` whose text is not empty. */
export function firstText(root: ParentNode | null | undefined, entries: readonly string[], max = MAX_FIELD): string {
  for (const el of root ? entries.flatMap((e) => queryEntry(root, e)) : []) {
    const t = textOf(el, max);
    if (t) return t;
  }
  return '';
}
