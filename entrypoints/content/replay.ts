/**
 * Replay: after "Tetap lanjutkan", run the held action through the site's own handlers exactly once.
 *
 * The held event never reached the site (it was stopped in the capture phase on window), so the
 * replay re-dispatches an identical event on the original target. Re-dispatched events are
 * untrusted, which the interceptor lets through; `requestSubmit()` fires a trusted submit, so it
 * is covered by a one-shot bypass.
 */
import type { InterceptedEvent } from './sites/types';

export class Bypass {
  private armed: { matches: (event: Event) => boolean; until: number } | null = null;

  /** Let the next event that `matches` through, once, within `ms`. */
  arm(matches: (event: Event) => boolean, now: number, ms = 1000): void {
    this.armed = { matches, until: now + ms };
  }

  /** True (and disarmed) when this event is the one the bypass was armed for. */
  consume(event: Event, now: number): boolean {
    const armed = this.armed;
    if (!armed) return false;
    if (now > armed.until) {
      this.armed = null;
      return false;
    }
    if (!armed.matches(event)) return false;
    this.armed = null;
    return true;
  }
}

function mouseInit(e: MouseEvent): MouseEventInit {
  return {
    bubbles: e.bubbles,
    cancelable: e.cancelable,
    composed: e.composed,
    view: e.view,
    detail: e.detail,
    screenX: e.screenX,
    screenY: e.screenY,
    clientX: e.clientX,
    clientY: e.clientY,
    ctrlKey: e.ctrlKey,
    shiftKey: e.shiftKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    button: e.button,
    buttons: e.buttons,
  };
}

/** Legacy fields some sites still read (keyCode 13 for Enter); the constructor cannot set them. */
function withLegacyKeyFields(event: KeyboardEvent, from: KeyboardEvent): KeyboardEvent {
  for (const field of ['keyCode', 'which', 'charCode'] as const) {
    Object.defineProperty(event, field, { get: () => from[field] });
  }
  return event;
}

function keyboardEvent(type: string, e: KeyboardEvent): KeyboardEvent {
  return withLegacyKeyFields(
    new KeyboardEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      view: e.view,
      key: e.key,
      code: e.code,
      location: e.location,
      repeat: false,
      isComposing: false,
      ctrlKey: e.ctrlKey,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      metaKey: e.metaKey,
    }),
    e,
  );
}

/** The element to replay on: the original target while it is still in the page, else the control. */
function replayTarget(original: Event, control: Element): Element {
  const target = original.target;
  return target instanceof Element && target.isConnected ? target : control;
}

export function replay(original: InterceptedEvent, control: Element, bypass: Bypass, now: number): void {
  const target = replayTarget(original, control);

  if (original.type === 'submit') {
    const form = target instanceof HTMLFormElement ? target : target.closest('form');
    if (!form) return;
    bypass.arm((e) => e.type === 'submit' && e.target === form, now);
    const submitter = (original as SubmitEvent).submitter;
    form.requestSubmit(submitter?.isConnected ? submitter : undefined);
    return;
  }

  if (original instanceof KeyboardEvent) {
    const keydown = keyboardEvent('keydown', original);
    target.dispatchEvent(keydown);
    if (keydown.defaultPrevented || original.key !== 'Enter') return;
    // Untrusted key events have no default action, so a plain form field would not submit:
    // mimic the browser's implicit submission.
    const keypress = keyboardEvent('keypress', original);
    target.dispatchEvent(keypress);
    if (keypress.defaultPrevented) return;
    if (target instanceof HTMLInputElement && target.form) {
      const form = target.form;
      bypass.arm((e) => e.type === 'submit' && e.target === form, now);
      form.requestSubmit();
    }
    return;
  }

  if (original instanceof MouseEvent) {
    // Untrusted clicks still run activation behaviour (links navigate, checkboxes toggle).
    target.dispatchEvent(new MouseEvent(original.type, mouseInit(original)));
  }
}

/**
 * Replay a held tap as the browser delivers one: pointerup, touchend, then the click, each on the
 * original target, stopping where the site cancels one (a site that acts on touchend cancels it so
 * that no click follows). A site thus sees the tap once, by whichever event it acts on.
 * `original` is the pointerup or touchend that was held.
 */
export function replayTap(original: Event, control: Element): void {
  const target = replayTarget(original, control);
  const p = original as PointerEvent & TouchEvent;
  const at = p.changedTouches?.[0] ?? p;
  const base = { bubbles: true, cancelable: true, composed: true, view: p.view, clientX: at.clientX, clientY: at.clientY, screenX: at.screenX, screenY: at.screenY };
  if (original.type === 'pointerup') {
    const up = new PointerEvent('pointerup', { ...base, pointerType: 'touch', pointerId: p.pointerId, isPrimary: true });
    target.dispatchEvent(up);
  }
  const end = touchEnd(target, base);
  if (end && !target.dispatchEvent(end)) return;
  target.dispatchEvent(new MouseEvent('click', { ...base, detail: 1, button: 0 }));
}

/** A touchend at the tap's point, or null where touch events cannot be made (desktop Firefox). */
function touchEnd(target: Element, at: { clientX: number; clientY: number; screenX: number; screenY: number }): TouchEvent | null {
  try {
    const t = new Touch({ identifier: 0, target, clientX: at.clientX, clientY: at.clientY, screenX: at.screenX, screenY: at.screenY });
    return new TouchEvent('touchend', { bubbles: true, cancelable: true, composed: true, changedTouches: [t] });
  } catch {
    return null;
  }
}
