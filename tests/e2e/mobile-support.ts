/**
 * Phones (issue #21), shared by tests/e2e/mobile*.test.ts: a tab in Chromium's mobile emulation
 * (360 × 640 CSS px, an Android user agent, touch enabled), real touch input through the DevTools
 * protocol (Input.dispatchTouchEvent: trusted touchstart/pointer events/touchend and the click the
 * browser makes of a tap), the dialog read and tapped through CDP (its shadow root is closed to the
 * page), and the hold/replay checks done with taps. Every tab records, in the page, how long each
 * tap took to raise the dialog (touchstart → the dialog element in the document).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoDialog, readDialog, sessionForFile, waitForDialog, waitForEngine, type Session } from './harness';
import { actions, setSettings, type Expected } from './sites-support';

export const PHONE = { width: 360, height: 640 };
const ANDROID_UA = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';

export interface Phone {
  page: Page;
  cdp: CDPSession;
}

/**
 * In the page, before its scripts: for each tap that raises the dialog, the time from its touchstart
 * to the dialog's element appearing. (Its touchend is no better start: the extension holds a tap's
 * touchend before the page sees it.) A string, not a function: the test transform may wrap functions
 * in helpers the page does not have.
 */
const RECORD_TAP_TO_DIALOG = `(() => {
  const times = (window.__tapToDialog = []);
  let startAt = 0;
  let counted = true;
  // the dialog is appended to <html>, which may not exist yet when this runs: observe it at the first tap
  const observer = new MutationObserver(() => {
    if (counted || !document.querySelector('jaga-netral-dialog')) return;
    counted = true;
    times.push(performance.now() - startAt);
  });
  let observing = false;
  addEventListener('touchstart', (e) => {
    if (!observing) observer.observe(document.documentElement, { childList: true });
    observing = true;
    startAt = e.timeStamp;
    counted = false;
  }, { capture: true });
})();`;

/** A tab emulating a phone (the emulation lasts as long as its CDP session), on `url`. */
export async function phone(session: Session, url: string): Promise<Phone> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...PHONE, deviceScaleFactor: 2, mobile: true });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await cdp.send('Emulation.setUserAgentOverride', { userAgent: ANDROID_UA, platform: 'Linux armv8l' });
  await page.addInitScript({ content: RECORD_TAP_TO_DIALOG });
  await waitForEngine(session);
  await page.goto(url);
  return { page, cdp };
}

/** Every tap-to-dialog time (ms) the tab has seen so far, in order. */
export async function tapToDialogTimes(p: Phone): Promise<number[]> {
  return p.page.evaluate(() => (window as unknown as { __tapToDialog?: number[] }).__tapToDialog ?? []);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The centre of an element, scrolled into view first. */
export async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function tapAt({ cdp }: Phone, x: number, y: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

export async function tap(p: Phone, selector: string): Promise<void> {
  const { x, y } = await centre(p.page, selector);
  await tapAt(p, x, y);
}

/** Taps in order, each on a visible control (a sheet a tap opened is shown before the next tap). */
export async function tapEach(p: Phone, selectors: string[]): Promise<void> {
  for (const selector of selectors) {
    await p.page.locator(selector).first().waitFor({ state: 'visible', timeout: 3000 });
    await tap(p, selector);
  }
}

/** A finger drag upwards over the element: a scroll, never a tap. */
export async function swipe(p: Phone, selector: string): Promise<void> {
  const { x, y } = await centre(p.page, selector);
  await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let dy = 10; dy <= 150; dy += 10)
    await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - dy }] });
  await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

export interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}
export function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}
export const attr = (n: CdpNode, name: string) => {
  const list = n.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
};

/** The dialog's shadow root and the alertdialog in it (the shadow root is closed to the page, not to CDP). */
export async function dialogNodes(cdp: CDPSession): Promise<{ shadow: CdpNode; dialog: CdpNode }> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  for (const node of walk(root)) {
    if (node.nodeName.toLowerCase() !== 'jaga-netral-dialog' || !node.shadowRoots?.[0]) continue;
    const shadow = node.shadowRoots[0];
    const dialog = [...walk(shadow)].find((n) => attr(n, 'role') === 'alertdialog');
    if (dialog) return { shadow, dialog };
  }
  throw new Error('no dialog');
}

export async function borderBox(cdp: CDPSession, node: CdpNode): Promise<{ x: number; y: number; width: number; height: number }> {
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as {
    model: { border: number[]; width: number; height: number };
  };
  return { x: model.border[0]!, y: model.border[1]!, width: model.width, height: model.height };
}

/** Tap a dialog button with a real touch, and wait for the dialog to close. */
export async function tapDialogButton(p: Phone, testId: 'jaga-cancel' | 'jaga-proceed'): Promise<void> {
  const { dialog } = await dialogNodes(p.cdp);
  const button = [...walk(dialog)].find((n) => attr(n, 'data-testid') === testId);
  if (!button) throw new Error(`no ${testId}`);
  const box = await borderBox(p.cdp, button);
  await tapAt(p, box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => readDialog(p.page), { timeout: 3000 }).toBeNull();
}

/** The taps of one action: a selector, or the controls tapped in order (an opener, then the sheet's button). */
export type Taps = string | string[];
const tapsOf = (taps: Taps) => (typeof taps === 'string' ? [taps] : taps);

/** Taps: the dialog; Batal: nothing reached the site; the same taps, Tetap lanjutkan: the site acted once. */
export async function tapHeldThenReplayed(p: Phone, taps: Taps, expected: Expected): Promise<void> {
  await tapEach(p, tapsOf(taps));
  await waitForDialog(p.page);
  await tapDialogButton(p, 'jaga-cancel');
  await p.page.waitForTimeout(200);
  expect(await actions(p.page)).toEqual([]);
  await tapEach(p, tapsOf(taps));
  await waitForDialog(p.page);
  await tapDialogButton(p, 'jaga-proceed');
  await expect.poll(() => actions(p.page)).toEqual([expected]);
  await p.page.waitForTimeout(300);
  expect(await actions(p.page)).toEqual([expected]); // exactly once
}

export async function tapPasses(p: Phone, taps: Taps, expected: Expected): Promise<void> {
  await tapEach(p, tapsOf(taps));
  await expectNoDialog(p.page);
  expect(await actions(p.page)).toEqual([expected]);
}

export async function swipeNeverHeld(p: Phone, selector: string): Promise<void> {
  await swipe(p, selector);
  await expectNoDialog(p.page);
  expect(await actions(p.page)).toEqual([]);
}

/** What is typed before the taps: box selector → text (a draft, a reply). */
export type Typed = Record<string, string>;
/** One tap case: [page url, taps, what the site's own handler records, what is typed first] */
export type PhoneCase = [url: string, taps: Taps, expected: Expected, typed?: Typed];
/** Where a swipe starts: [page url, a control on a partisan post, what is typed first] */
export type SwipeCase = [url: string, selector: string, typed?: Typed];

async function typeAll(p: Phone, typed: Typed = {}): Promise<void> {
  for (const [box, text] of Object.entries(typed)) await p.page.fill(box, text);
}

/** One site's phone layout: each partisan action tapped, a neutral post, a swipe. */
export interface MobileSite {
  name: string;
  /** action name → its partisan case */
  held: Record<string, PhoneCase>;
  neutral: PhoneCase;
  /** more neutral taps that pass at once (other actions, other pages) */
  alsoPasses?: Record<string, PhoneCase>;
  /** a control on a partisan post where a swipe starts */
  swipe: SwipeCase;
  /** more places a swipe starts, by name */
  alsoSwipes?: Record<string, SwipeCase>;
}

/**
 * The tests for one site's phone layout, in one browser for the file: a tap on each partisan action
 * opens the dialog, Batal holds (the page's own handler did not run), Tetap lanjutkan replays exactly
 * once; a neutral post passes with no dialog; a swipe over a partisan post is never held. Prints the
 * tap-to-dialog times of the file (first tap of each action) and their median.
 */
export function mobileSiteSuite(site: MobileSite): void {
  // About taps and hold/replay, not the calendar: Pemilu 2024 content is "low" after the election.
  const shared = sessionForFile({
    prepare: (session) => setSettings(session, { actionBySeverity: { high: 'warn', medium: 'warn', low: 'warn' } }),
  });
  // first tap on a fresh page (the dialog's script loads then) and the second tap (it is loaded)
  const cold: number[] = [];
  const warm: number[] = [];

  describe(`${site.name}, tapped on a phone`, () => {
    it.each(Object.entries(site.held))(
      '%s: the tap opens the dialog; Batal holds; Tetap lanjutkan replays once',
      async (_action, [url, taps, expected, typed]) => {
        const p = await phone(shared.session, url);
        await typeAll(p, typed);
        await tapHeldThenReplayed(p, taps, expected);
        const seen = await tapToDialogTimes(p);
        expect(seen.length).toBe(2); // one per dialog
        cold.push(seen[0]!);
        warm.push(seen[1]!);
        await p.page.close();
      },
    );

    it.each(Object.entries({ 'a tap on a neutral post': site.neutral, ...site.alsoPasses }))(
      '%s: passes at once, once',
      async (_action, [url, taps, expected, typed]) => {
        const p = await phone(shared.session, url);
        await typeAll(p, typed);
        await tapPasses(p, taps, expected);
        await p.page.close();
      },
    );

    it.each(Object.entries({ 'a partisan post': site.swipe, ...site.alsoSwipes }))(
      'a swipe that starts on %s is never held',
      async (_where, [url, selector, typed]) => {
        const p = await phone(shared.session, url);
        await typeAll(p, typed);
        await swipeNeverHeld(p, selector);
        await p.page.close();
      },
    );
  });

  afterAll(() => {
    if (cold.length === 0) return;
    const line = (list: number[]) => `${list.map((t) => t.toFixed(1)).join(', ')} (median ${median(list).toFixed(1)})`;
    console.log(
      `${site.name}: tap-to-dialog ms (touchstart → dialog), ${cold.length} actions\n` +
        `  first tap on a fresh page (loads the dialog script): ${line(cold)}\n  second tap on the same page: ${line(warm)}`,
    );
  });
}
