/**
 * The interception core: window-level capture listeners that hold an engagement action, ask the
 * pipeline what to do, and replay or drop it. It knows no site names; a SiteAdapter says what an
 * event is about.
 *
 * Cost model: for every click/keydown (and every tap) the core does one adapter `detect` (a few `closest()` calls)
 * and returns; scrolling, mouse moves and typing that is not Enter never reach the engine.
 */
import { Bypass, replay, replayTap } from './replay';
import type { DetectedAction, InterceptedEvent, SelectorData, SiteAdapter } from './sites/types';

export const INTERCEPTED_EVENTS = ['click', 'dblclick', 'keydown', 'submit'] as const;

/** A touch that moves further than this (CSS px) is a scroll or a swipe, never a tap to hold. */
export const TAP_SLOP_PX = 10;
/** A touch held longer than this is a long press (context menu, reactions), never a tap to hold. */
export const LONG_PRESS_MS = 500;
/**
 * How long after a tap its compatibility click may still arrive (Chromium sends it at once;
 * WebViews with a tap delay up to ~350 ms): that click belongs to the tap already decided.
 */
const TAP_CLICK_MS = 800;

/**
 * The longest an action stays held, whatever present() does: longer than the pipeline's own bounds
 * (rules and policy 6 s, photo check 20 s, dialog script 10 s, the user's answer 10 min). Past it the hold is
 * released without a replay (nobody said "proceed"), so a dialog that never answers cannot leave
 * every later action swallowed.
 */
export const MAX_HOLD_MS = 11 * 60_000;

/** The pipeline's verdict for one detected action: pass it, or hold it and ask the user. */
export type Assessment =
  | { hold: false }
  | { hold: true; present: () => Promise<'proceed' | 'cancel'> };

export interface InterceptorOptions {
  adapter: SiteAdapter;
  /** the adapter's selectors merged with the rule bundle's overrides (read on every event: updates apply live) */
  selectors: () => SelectorData;
  /** rule engine + decision, synchronous so the click path never waits on I/O */
  assess: (detected: DetectedAction) => Assessment;
  /** events that come from the extension's own UI (the dialog) are never intercepted */
  isOwnUi: (event: Event) => boolean;
  onError: (error: unknown, stage: 'detect' | 'assess' | 'present' | 'replay') => void;
  now?: () => number;
  /** whether an event is the user's own input; tests substitute this, as happy-dom cannot make trusted events */
  isUserInput?: (event: Event) => boolean;
  /**
   * Called once, on the first press (pointerdown) on an action control: the click is coming,
   * typically 50–150 ms later, which is time enough to load the dialog script before it is needed.
   */
  onIntent?: (detected: DetectedAction) => void;
}

/** One touch gesture, from its first touch to its compatibility click. */
interface Tap {
  start: number;
  x: number;
  y: number;
  /** started by a pointerdown whose touchstart has not come yet */
  awaitsTouchStart: boolean;
  /** moved beyond the slop, cancelled, or a second finger: not a tap */
  moved: boolean;
  /** its first end event was seen and the tap decided */
  decided: boolean;
  /** the tap was an action and is held */
  held: boolean;
  /** the action control the tap was on (null: no action) */
  control: Element | null;
  /** until when its compatibility click belongs to it */
  until: number;
}

/** What `consider` made of an event: no action (null), or an action on `control`, held or let through. */
type Considered = { control: Element; held: boolean } | null;

export interface Interceptor {
  /** true while an action is held and its dialog is open */
  readonly holding: boolean;
}

/**
 * A pointerdown seen as the click it announces, for adapters that recognise clicks. Reads go to
 * the real event (bound to it, since native getters reject a proxy as receiver).
 */
function asClick(event: Event): InterceptedEvent {
  return new Proxy(event, {
    get(target, key) {
      if (key === 'type') return 'click';
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as InterceptedEvent;
}

function hold(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

export function installInterceptor(target: Window, options: InterceptorOptions, signal: AbortSignal): Interceptor {
  const { adapter, selectors, assess, isOwnUi, onError } = options;
  const now = options.now ?? Date.now;
  const isUserInput = options.isUserInput ?? ((event: Event) => event.isTrusted);
  const bypass = new Bypass();
  let holding = false;

  /** The tap being decided (or just decided), from its first touch to its compatibility click. */
  let tap: Tap | null = null;

  const onEvent = (event: Event): void => {
    // Our own replays are untrusted, and so is anything a page script dispatches: never ours to hold.
    if (!isUserInput(event) || bypass.consume(event, now()) || isOwnUi(event)) return;
    if (event.type === 'click' && tap?.decided && tapClick(event)) return;
    consider(event, event as InterceptedEvent, (control) => replay(event as InterceptedEvent, control, bypass, now()));
  };

  /**
   * Detect, assess and hold one event. `seenAs` is what the adapter is shown (a tap is shown as the
   * click it becomes); `replayIt` runs the held action once on proceed. Returns whether it was an
   * action, and whether it is held, so a tap's click is not assessed a second time.
   */
  const consider = (event: Event, seenAs: InterceptedEvent, replayIt: (control: Element) => void): Considered => {
    let detected: DetectedAction | null;
    try {
      detected = adapter.detect(seenAs, selectors(), target.document);
    } catch (error) {
      onError(error, 'detect');
      return null; // fail open
    }
    if (!detected) return null;
    const control = detected.control;

    // One action, one dialog: a second click or an auto-repeated Enter while held is swallowed.
    if (holding) {
      hold(event);
      return { control, held: true };
    }

    let assessment: Assessment;
    try {
      assessment = assess(detected);
    } catch (error) {
      onError(error, 'assess');
      return { control, held: false }; // fail open
    }
    if (!assessment.hold) return { control, held: false };

    hold(event);
    holding = true;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (proceed: boolean): void => {
      if (settled) return; // a late answer after the bound: the hold is gone
      settled = true;
      clearTimeout(timer);
      holding = false;
      if (!proceed || signal.aborted) return;
      try {
        replayIt(control);
      } catch (error) {
        onError(error, 'replay');
      }
    };
    timer = setTimeout(() => {
      onError(new Error('no answer: hold released'), 'present');
      finish(false);
    }, MAX_HOLD_MS);
    // A present() that throws at once is a rejection too, never a stuck hold.
    let answer: Promise<'proceed' | 'cancel'>;
    try {
      answer = assessment.present();
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (choice) => finish(choice === 'proceed'),
      (error: unknown) => {
        // The dialog could not be shown: let the user's action happen rather than eat it.
        onError(error, 'present');
        finish(true);
      },
    );
    return { control, held: true };
  };

  for (const type of INTERCEPTED_EVENTS) {
    target.addEventListener(type, onEvent, { capture: true, signal });
  }

  // --- taps ---------------------------------------------------------------------------------------
  // On a phone a like is a tap, and some mobile pages act on pointerup or touchend, before any click.
  // A tap is decided at its first end event (pointerup, or touchend where there are no pointer
  // events): shown to the adapter as the click it becomes, held like a click, and its later end
  // events and compatibility click go with it. Moves beyond the slop, cancels (the browser took the
  // gesture for a scroll) and long presses are never held. Without a touch in progress every
  // listener returns after one comparison.

  const isTouchPointer = (event: Event): boolean => (event as PointerEvent).pointerType === 'touch';
  const point = (event: Event): { x: number; y: number } | null => {
    if ('clientX' in event && !('touches' in event)) return { x: (event as PointerEvent).clientX, y: (event as PointerEvent).clientY };
    const t = (event as TouchEvent).changedTouches?.[0];
    return t ? { x: t.clientX, y: t.clientY } : null;
  };

  const onTouchStart = (event: Event): void => {
    if (!isUserInput(event)) return;
    if (event.type === 'pointerdown' && !isTouchPointer(event)) return;
    if (event.type === 'touchstart' && (event as TouchEvent).touches.length > 1) {
      if (tap) tap.moved = true; // a second finger: pinch, never a tap
      return;
    }
    // the touchstart that follows this gesture's pointerdown: the same tap
    if (event.type === 'touchstart' && tap?.awaitsTouchStart) {
      tap.awaitsTouchStart = false;
      return;
    }
    const p = point(event);
    tap = { start: now(), x: p?.x ?? 0, y: p?.y ?? 0, awaitsTouchStart: event.type === 'pointerdown', moved: false, decided: false, held: false, control: null, until: 0 };
  };

  const onTouchMove = (event: Event): void => {
    if (!tap || tap.decided || tap.moved || !isUserInput(event)) return;
    if (event.type === 'pointermove' && !isTouchPointer(event)) return;
    const p = point(event);
    if (p && Math.hypot(p.x - tap.x, p.y - tap.y) > TAP_SLOP_PX) tap.moved = true;
  };

  const onTouchCancel = (event: Event): void => {
    if (tap && !tap.decided && isUserInput(event)) tap.moved = true;
  };

  const onTouchEnd = (event: Event): void => {
    if (!tap || !isUserInput(event) || isOwnUi(event)) return;
    if (event.type === 'pointerup' && !isTouchPointer(event)) return;
    const current = tap;
    if (current.decided) {
      // the touchend after a held pointerup: cancelling it is what stops the compatibility click
      if (current.held && event.type === 'touchend') hold(event);
      return;
    }
    current.decided = true;
    current.until = now() + TAP_CLICK_MS;
    if (current.moved || now() - current.start > LONG_PRESS_MS) {
      tap = null; // scroll, swipe or long press: the site's, untouched
      return;
    }
    const considered = consider(event, asClick(event), (control) => replayTap(event, control));
    if (!considered) {
      tap = null;
      return;
    }
    current.control = considered.control;
    current.held = considered.held;
  };

  /** The compatibility click of a decided tap: swallowed when the tap was held, else passed unassessed. */
  const tapClick = (event: Event): boolean => {
    const current = tap!;
    tap = null;
    const el = event.target;
    if (!current.control || now() > current.until || !(el instanceof Node) || !current.control.contains(el)) return false;
    if (current.held) hold(event);
    return true;
  };

  for (const type of ['pointerdown', 'touchstart'] as const) target.addEventListener(type, onTouchStart, { capture: true, passive: true, signal });
  for (const type of ['pointermove', 'touchmove'] as const) target.addEventListener(type, onTouchMove, { capture: true, passive: true, signal });
  for (const type of ['pointercancel', 'touchcancel'] as const) target.addEventListener(type, onTouchCancel, { capture: true, passive: true, signal });
  for (const type of ['pointerup', 'touchend'] as const) target.addEventListener(type, onTouchEnd, { capture: true, signal });

  if (options.onIntent) {
    const onIntent = options.onIntent;
    const intent = new AbortController();
    signal.addEventListener('abort', () => intent.abort(), { once: true });
    const onPress = (event: Event): void => {
      if (!isUserInput(event) || isOwnUi(event)) return;
      try {
        const detected = adapter.detect(asClick(event), selectors(), target.document);
        if (!detected) return;
        intent.abort(); // once is enough: after the first intent this listener costs nothing
        onIntent(detected);
      } catch (error) {
        onError(error, 'detect');
      }
    };
    target.addEventListener('pointerdown', onPress, { capture: true, passive: true, signal: intent.signal });
  }
  return {
    get holding() {
      return holding;
    },
  };
}
