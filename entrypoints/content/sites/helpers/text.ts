/**
 * Reading text from the page: collapsed, capped, with emoji alts; handles, hashtags, links.
 * DOM-only, never throws, no `instanceof` with DOM classes (elements may come from another Window).
 */

/** Maximum length of each extracted content field. */
export const MAX_FIELD = 5000;

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

/** Hashtags (without '#') found in one or more strings, de-duplicated, in order. */
export function hashtagsIn(...texts: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const m of t.matchAll(/#([\p{L}\p{N}_]+)/gu)) out.add(m[1]!);
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
