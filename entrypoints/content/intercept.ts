/**
 * The interception core: window-level capture listeners that hold an engagement action, ask the
 * pipeline what to do, and replay or drop it. It knows no site names; a SiteAdapter says what an
 * event is about.
 *
 * Cost model: for every click/keydown the core does one adapter `detect` (a few `closest()` calls)
 * and returns; scrolling, mouse moves and typing that is not Enter never reach the engine.
 */
import { Bypass, replay } from './replay';
import type { DetectedAction, InterceptedEvent, SelectorData, SiteAdapter } from './sites/types';

export const INTERCEPTED_EVENTS = ['click', 'dblclick', 'keydown', 'submit'] as const;

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

  const onEvent = (event: Event): void => {
    // Our own replays are untrusted, and so is anything a page script dispatches: never ours to hold.
    if (!isUserInput(event) || bypass.consume(event, now()) || isOwnUi(event)) return;

    let detected: DetectedAction | null;
    try {
      detected = adapter.detect(event as InterceptedEvent, selectors(), target.document);
    } catch (error) {
      onError(error, 'detect');
      return; // fail open
    }
    if (!detected) return;

    // One action, one dialog: a second click or an auto-repeated Enter while held is swallowed.
    if (holding) {
      hold(event);
      return;
    }

    let assessment: Assessment;
    try {
      assessment = assess(detected);
    } catch (error) {
      onError(error, 'assess');
      return; // fail open
    }
    if (!assessment.hold) return;

    hold(event);
    holding = true;
    const { control } = detected;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (proceed: boolean): void => {
      if (settled) return; // a late answer after the bound: the hold is gone
      settled = true;
      clearTimeout(timer);
      holding = false;
      if (!proceed || signal.aborted) return;
      try {
        replay(event as InterceptedEvent, control, bypass, now());
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
  };

  for (const type of INTERCEPTED_EVENTS) {
    target.addEventListener(type, onEvent, { capture: true, signal });
  }

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
