/**
 * Load a fixture page from tests/fixtures/sites into happy-dom's `document` (page scripts do not run),
 * and fire events through a capture listener on window, as the interception core does.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectedAction, SelectorData, SiteAdapter } from '@/entrypoints/content/sites/types';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/sites');

export function readFixture(relPath: string): string {
  return readFileSync(join(FIXTURES_DIR, relPath), 'utf8');
}

/** Replace the current document's head and body with the fixture's (attributes on <html>/<body> copied). */
export function loadFixture(relPath: string): Document {
  const parsed = new DOMParser().parseFromString(readFixture(relPath), 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  for (const a of Array.from(document.body.attributes)) document.body.removeAttribute(a.name);
  for (const a of Array.from(parsed.body.attributes)) document.body.setAttribute(a.name, a.value);
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  return document;
}

export function $(selector: string, root: ParentNode = document): Element {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`fixture has no ${selector}`);
  return el;
}

/** The first element whose collapsed text equals `text` among `selector` matches. */
export function byText(selector: string, text: string, root: ParentNode = document): Element {
  const el = Array.from(root.querySelectorAll(selector)).find((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim() === text);
  if (!el) throw new Error(`fixture has no ${selector} with text ${text}`);
  return el;
}

export type FireInit = KeyboardEventInit & MouseEventInit;

/**
 * Dispatch `type` on `target` and return what `adapter.detect` said about it in the capture phase
 * on window (the adapter's own selectors unless `selectors` is given).
 */
export function fire(
  adapter: SiteAdapter,
  target: Element,
  type: 'click' | 'dblclick' | 'keydown' | 'submit' | 'pointerover' | 'pointerdown',
  init: FireInit = {},
  selectors: SelectorData = adapter.selectors,
): DetectedAction | null {
  let found: DetectedAction | null = null;
  const listener = (e: Event) => {
    found = adapter.detect(e as MouseEvent, selectors, document);
  };
  window.addEventListener(type, listener, { capture: true });
  try {
    const opts = { bubbles: true, cancelable: true, composed: true, ...init };
    const event =
      type === 'keydown'
        ? new KeyboardEvent(type, opts)
        : type === 'submit'
          ? new Event(type, opts)
          : type.startsWith('pointer')
            ? new PointerEvent(type, opts)
            : new MouseEvent(type, opts);
    target.dispatchEvent(event);
  } finally {
    window.removeEventListener(type, listener, { capture: true });
  }
  return found;
}

export const click = (adapter: SiteAdapter, target: Element, selectors?: SelectorData) =>
  fire(adapter, target, 'click', {}, selectors);
export const key = (adapter: SiteAdapter, target: Element, k: string, init: FireInit = {}, selectors?: SelectorData) =>
  fire(adapter, target, 'keydown', { key: k, ...init }, selectors);
