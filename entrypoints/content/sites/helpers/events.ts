/**
 * Input events, duck-typed (no `instanceof KeyboardEvent`: the event may come from another Window,
 * as in `jaga doctor` and the tests).
 */

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
