/** Safety and diagnostics: adapters never throw; short CSS paths for health reports and `jaga doctor`. */

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
