/**
 * Before the dialog accepts "Tetap lanjutkan" it checks that the user could see what they clicked.
 * A page can style our host element (it is in the page's DOM) or stack its own top-layer element
 * over the dialog, so that a click the user meant for the page lands on a hidden proceed button.
 * Lives in the dialog script: it costs the content script nothing.
 */

/** Computed values on the host that mean "hidden, moved or see-through" (our :host rules force all of them). */
const HOST_MUST_BE: Record<string, string> = {
  opacity: '1',
  visibility: 'visible',
  filter: 'none',
  transform: 'none',
  'clip-path': 'none',
  'mask-image': 'none',
  'mix-blend-mode': 'normal',
};

function hostLooksRight(host: Element): boolean {
  const style = getComputedStyle(host);
  if (style.display === 'none') return false;
  for (const [property, value] of Object.entries(HOST_MUST_BE)) {
    const actual = style.getPropertyValue(property);
    // an engine that does not compute a property reports '' (happy-dom, older browsers)
    if (actual !== '' && actual !== value) return false;
  }
  return true;
}

/** The document element can hide everything too; a filter there (e.g. grayscale on mourning days) is fine unless it fades. */
function documentLooksRight(root: Element): boolean {
  const style = getComputedStyle(root);
  return style.display !== 'none' && style.visibility !== 'hidden' && !(Number(style.opacity || 1) < 1) && !/opacity\(/.test(style.filter);
}

/** Whether the page has an element matching `selector`; `older` stands in where the engine lacks it. */
function present(doc: Document, selector: string, older?: string): boolean {
  try {
    return doc.querySelector(selector) !== null;
  } catch {
    return older !== undefined && doc.querySelector(older) !== null;
  }
}

/** A page element in the top layer (its own modal dialog, popover or fullscreen element) can sit over ours. */
function pageTopLayerOpen(doc: Document): boolean {
  return !!doc.fullscreenElement || present(doc, ':modal', 'dialog[open]') || present(doc, ':popover-open');
}

/**
 * Whether a proceed click can be accepted: the user's own input, on our dialog open in the top
 * layer, with nothing of the page's hiding it, and (for a pointer click) our button at the click point.
 */
export function visibleForClick(host: HTMLElement, shadow: ShadowRoot, top: HTMLDialogElement, button: Element, event: MouseEvent): boolean {
  if (!event.isTrusted || !host.isConnected || !top.open) return false;
  const doc = host.ownerDocument;
  if (!hostLooksRight(host) || !documentLooksRight(doc.documentElement) || pageTopLayerOpen(doc)) return false;
  if (button.checkVisibility && !button.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  // detail 0: activated from the keyboard, no click point to check
  if (event.detail === 0) return true;
  if (doc.elementFromPoint(event.clientX, event.clientY) !== host) return false;
  const hit = (shadow as ShadowRoot & { elementFromPoint?: (x: number, y: number) => Element | null }).elementFromPoint?.(event.clientX, event.clientY);
  return hit === undefined || (hit !== null && button.contains(hit));
}
