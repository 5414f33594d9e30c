/**
 * The check the dialog runs before it accepts "Tetap lanjutkan": the click is the user's, the
 * dialog is really visible (no page CSS on its host made it transparent, hidden or moved), nothing
 * of the page's sits over it in the top layer, and the click point is on our button.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { visibleForClick } from '@/components/dialog-visibility';

let host: HTMLElement;
let shadow: ShadowRoot;
let top: HTMLDialogElement;
let button: HTMLButtonElement;

/** A real user's mouse click on the button's centre (happy-dom cannot make trusted events). */
const userClick = (over: Partial<MouseEvent> = {}) =>
  ({ isTrusted: true, detail: 1, clientX: 10, clientY: 10, ...over }) as unknown as MouseEvent;

beforeEach(() => {
  host = document.createElement('jaga-netral-dialog');
  shadow = host.attachShadow({ mode: 'closed' });
  top = document.createElement('dialog');
  button = document.createElement('button');
  top.append(button);
  shadow.append(top);
  document.documentElement.append(host);
  top.showModal();
  vi.spyOn(document, 'elementFromPoint').mockReturnValue(host);
  (shadow as ShadowRoot & { elementFromPoint: (x: number, y: number) => Element | null }).elementFromPoint = () => button;
});

afterEach(() => {
  vi.restoreAllMocks();
  host.remove();
});

describe('visibleForClick', () => {
  it('accepts a trusted click on the visible button', () => {
    expect(visibleForClick(host, shadow, top, button, userClick())).toBe(true);
  });

  it('refuses a click that a script made', () => {
    expect(visibleForClick(host, shadow, top, button, userClick({ isTrusted: false }))).toBe(false);
  });

  it.each([
    ['opacity', '0'],
    ['opacity', '0.2'],
    ['visibility', 'hidden'],
    ['display', 'none'],
    ['filter', 'opacity(0)'],
    ['transform', 'scale(0.01)'],
    ['clip-path', 'inset(50%)'],
  ])('refuses when the page set %s: %s on the host', (property, value) => {
    host.style.setProperty(property, value, 'important');
    expect(visibleForClick(host, shadow, top, button, userClick())).toBe(false);
  });

  it('refuses when the page made its own document transparent', () => {
    document.documentElement.style.setProperty('opacity', '0');
    try {
      expect(visibleForClick(host, shadow, top, button, userClick())).toBe(false);
    } finally {
      document.documentElement.style.removeProperty('opacity');
    }
  });

  it('refuses when the dialog is not open in the top layer', () => {
    top.close();
    expect(visibleForClick(host, shadow, top, button, userClick())).toBe(false);
  });

  it('refuses when a page element is in the top layer over ours (here: fullscreen; popovers and modals in e2e)', () => {
    const overlay = document.createElement('div');
    document.body.append(overlay);
    Object.defineProperty(document, 'fullscreenElement', { value: overlay, configurable: true });
    try {
      expect(visibleForClick(host, shadow, top, button, userClick())).toBe(false);
    } finally {
      delete (document as { fullscreenElement?: unknown }).fullscreenElement;
      overlay.remove();
    }
  });

  it('refuses when something else is at the click point', () => {
    vi.mocked(document.elementFromPoint).mockReturnValue(document.body);
    expect(visibleForClick(host, shadow, top, button, userClick())).toBe(false);
  });

  it('a keyboard activation (no click point) needs only the visibility checks', () => {
    vi.mocked(document.elementFromPoint).mockReturnValue(null);
    expect(visibleForClick(host, shadow, top, button, userClick({ detail: 0, clientX: 0, clientY: 0 }))).toBe(true);
  });
});
