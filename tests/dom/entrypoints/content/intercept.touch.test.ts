import { beforeEach, describe, expect, it } from 'vitest';
import { LONG_PRESS_MS, TAP_SLOP_PX } from '@/entrypoints/content/intercept';
import type { SiteAdapter } from '@/entrypoints/content/sites/types';
import { flush, installWith, interceptMocks, type InterceptMocks, user } from './intercept-fixture';

/**
 * Taps on a phone: the core holds a tap on an action control at pointerup/touchend (before sites
 * that act on those events see it) and replays the tap once. User input is marked with `user`
 * (intercept-fixture.ts) because happy-dom cannot create trusted events; time is a test clock.
 */

/** Recognises clicks only, like every real adapter: the core shows it a tap as the click it becomes. */
const testAdapter: SiteAdapter = {
  id: 'x',
  hosts: ['x.com'],
  selectors: { like: ['[data-like]'] },
  detect(event, selectors) {
    if (event.type !== 'click') return null;
    const control = (event.target as Element).closest(selectors.like![0]!);
    return control ? { site: 'x', action: 'like', control, content: { text: 'Ayo coblos 02' } } : null;
  },
};

let mocks: InterceptMocks | undefined;
let clock: number;
let siteLog: string[];
let present: InterceptMocks['present'];
let assess: InterceptMocks['assess'];

function install() {
  return installWith(mocks!, testAdapter, { now: () => clock });
}
const like = () => document.getElementById('icon')!;

function pointer(type: string, target: Element, x = 10, y = 10, pointerType = 'touch'): PointerEvent {
  const e = user(new PointerEvent(type, { bubbles: true, cancelable: true, composed: true, pointerType, pointerId: 7, isPrimary: true, clientX: x, clientY: y }));
  target.dispatchEvent(e);
  return e;
}
function touch(type: string, target: Element, x = 10, y = 10): TouchEvent {
  const t = new Touch({ identifier: 1, target, clientX: x, clientY: y });
  const list = type === 'touchend' || type === 'touchcancel' ? [] : [t];
  const e = user(new TouchEvent(type, { bubbles: true, cancelable: true, composed: true, touches: list, targetTouches: list, changedTouches: [t] }));
  target.dispatchEvent(e);
  return e;
}
function mouseClick(target: Element): MouseEvent {
  const e = user(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  target.dispatchEvent(e);
  return e;
}

/** A whole tap as Chromium delivers it: pointerdown, touchstart, (moves), pointerup, touchend, then click when it is one. */
function tap(target: Element, opts: { moveTo?: [number, number]; pressMs?: number } = {}) {
  pointer('pointerdown', target);
  touch('touchstart', target);
  if (opts.moveTo) {
    pointer('pointermove', target, ...opts.moveTo);
    touch('touchmove', target, ...opts.moveTo);
  }
  clock += opts.pressMs ?? 80;
  const [x, y] = opts.moveTo ?? [10, 10];
  const up = pointer('pointerup', target, x, y);
  const end = touch('touchend', target, x, y);
  // the browser makes no click after a scroll or a long press, nor after a cancelled touchend
  const gesture = opts.moveTo !== undefined && Math.hypot(opts.moveTo[0] - 10, opts.moveTo[1] - 10) > TAP_SLOP_PX;
  const click = end.defaultPrevented || gesture || (opts.pressMs ?? 0) > LONG_PRESS_MS ? null : mouseClick(target);
  return { up, end, click };
}

beforeEach(() => {
  mocks?.controller.abort();
  mocks = interceptMocks();
  ({ present, assess } = mocks);
  clock = 1_000_000;
  siteLog = [];
  document.body.innerHTML = `<article><button id="like" data-like><span id="icon">♥</span></button></article><button id="other">Lainnya</button>`;
  const button = document.getElementById('like')!;
  for (const type of ['pointerup', 'touchend', 'click']) button.addEventListener(type, () => siteLog.push(type));
});

describe('taps', () => {
  it('holds a tap on an action control at pointerup: the site sees no pointerup, touchend or click, and one dialog opens', () => {
    install();
    present.mockReturnValue(new Promise(() => {}));
    const { up, end, click } = tap(like());
    expect(up.defaultPrevented).toBe(true);
    // a cancelled touchend is what stops the browser from making the compatibility click
    expect(end.defaultPrevented).toBe(true);
    expect(click).toBeNull();
    expect(siteLog).toEqual([]);
    expect(assess).toHaveBeenCalledTimes(1);
    expect(present).toHaveBeenCalledTimes(1);
  });

  it('Batal keeps the tap from the site', async () => {
    install();
    present.mockResolvedValue('cancel');
    tap(like());
    await flush();
    expect(siteLog).toEqual([]);
  });

  it('proceed replays the tap once, as the browser would deliver it: pointerup, touchend, click', async () => {
    install();
    present.mockResolvedValue('proceed');
    tap(like());
    await flush();
    expect(siteLog).toEqual(['pointerup', 'touchend', 'click']);
    expect(assess).toHaveBeenCalledTimes(1);
  });

  it('proceed on a site that acts on touchend (and cancels it) replays no click after it', async () => {
    document.getElementById('like')!.addEventListener('touchend', (e) => e.preventDefault());
    install();
    present.mockResolvedValue('proceed');
    tap(like());
    await flush();
    expect(siteLog).toEqual(['pointerup', 'touchend']);
  });

  it('a click that still follows a held tap is swallowed, not counted and not a second dialog', async () => {
    install();
    let answer!: (c: 'proceed' | 'cancel') => void;
    present.mockReturnValue(new Promise((r) => (answer = r)));
    tap(like());
    const late = mouseClick(like());
    expect(late.defaultPrevented).toBe(true);
    expect(assess).toHaveBeenCalledTimes(1);
    answer('proceed');
    await flush();
    expect(siteLog).toEqual(['pointerup', 'touchend', 'click']);
  });

  it('after a tap the pipeline let through, its click is not assessed a second time', () => {
    assess.mockReturnValue({ hold: false });
    install();
    const { up, end, click } = tap(like());
    expect(up.defaultPrevented || end.defaultPrevented || click!.defaultPrevented).toBe(false);
    expect(siteLog).toEqual(['pointerup', 'touchend', 'click']);
    expect(assess).toHaveBeenCalledTimes(1);
  });

  it(`a scroll (a move beyond ${TAP_SLOP_PX} px) is never held and never reaches the pipeline`, () => {
    install();
    const { up, end } = tap(like(), { moveTo: [10, 10 + TAP_SLOP_PX + 30] });
    expect(up.defaultPrevented).toBe(false);
    expect(end.defaultPrevented).toBe(false);
    expect(assess).not.toHaveBeenCalled();
  });

  it('a scroll the browser took over (pointercancel, touchcancel) is never held', () => {
    install();
    pointer('pointerdown', like());
    touch('touchstart', like());
    pointer('pointercancel', like());
    touch('touchcancel', like());
    const end = touch('touchend', like());
    expect(end.defaultPrevented).toBe(false);
    expect(assess).not.toHaveBeenCalled();
  });

  it(`a long press (over ${LONG_PRESS_MS} ms) is never held`, () => {
    install();
    const { up, end } = tap(like(), { pressMs: LONG_PRESS_MS + 1 });
    expect(up.defaultPrevented).toBe(false);
    expect(end.defaultPrevented).toBe(false);
    expect(assess).not.toHaveBeenCalled();
  });

  it('a jitter within the slop is still a tap', () => {
    install();
    present.mockReturnValue(new Promise(() => {}));
    const { up } = tap(like(), { moveTo: [12, 13] });
    expect(up.defaultPrevented).toBe(true);
  });

  it('a tap elsewhere (the dialog\'s own buttons) just before does not blur the next tap', () => {
    install();
    present.mockReturnValue(new Promise(() => {}));
    const other = document.getElementById('other')!;
    pointer('pointerdown', other, 300, 400);
    touch('touchstart', other, 300, 400);
    // its end events never reach the core (own UI), and the next tap follows within 500 ms
    clock += 100;
    const { up } = tap(like(), { moveTo: [12, 13] });
    expect(up.defaultPrevented).toBe(true);
  });

  it('holds at touchend when the browser sends no pointer events', async () => {
    install();
    present.mockResolvedValue('proceed');
    touch('touchstart', like());
    clock += 60;
    const end = touch('touchend', like());
    expect(end.defaultPrevented).toBe(true);
    expect(siteLog).toEqual([]);
    await flush();
    expect(siteLog).toEqual(['touchend', 'click']);
  });

  it('a tap on something that is no action is not held and costs no assessment', () => {
    install();
    const { up, end } = tap(document.getElementById('other')!);
    expect(up.defaultPrevented || end.defaultPrevented).toBe(false);
    expect(assess).not.toHaveBeenCalled();
  });

  it('mouse pointerups are left to the click path', () => {
    install();
    pointer('pointerdown', like(), 10, 10, 'mouse');
    const up = pointer('pointerup', like(), 10, 10, 'mouse');
    expect(up.defaultPrevented).toBe(false);
    expect(assess).not.toHaveBeenCalled();
  });

  it('taps made by page scripts are ignored', () => {
    install();
    const fake = new PointerEvent('pointerup', { bubbles: true, cancelable: true, pointerType: 'touch' });
    like().dispatchEvent(fake);
    expect(fake.defaultPrevented).toBe(false);
    expect(assess).not.toHaveBeenCalled();
  });
});
