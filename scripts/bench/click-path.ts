/**
 * The click path (issue #5), measured two ways, each against a baseline from the same run:
 *
 * 1. Decision time inside the click handler, in Node with happy-dom on every site's fixture
 *    feeds: for a click on every element of the page, the adapter's `detect`, and for action
 *    controls also the engine and the decision. p50 / p99, against one bare `closest()` call on
 *    the same targets (the least any capture-phase handler does).
 * 2. Click-to-dialog latency in real Chromium with the built extension: from the button's release
 *    (the click) to the dialog's first frame — cold (first warning on a page: the dialog script is
 *    injected; with an instant synthetic click and with a 100 ms human press, during which the
 *    press already starts loading it), after a neutral action (preloaded), and warm — against the
 *    time the same click takes to reach the site's own handler on a neutral post. Goal: < 50 ms.
 * 3. Tap-to-dialog on a phone (issue #21): the same page in Chromium's mobile emulation (360 × 640,
 *    touch), taps sent as trusted touch events through the DevTools protocol, from the finger's lift
 *    (touchend) to the dialog's first frame: cold with an instant tap and with a 100 ms touch (the
 *    dialog script starts loading at the touch), and warm; against a neutral tap reaching the site.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { compileBundle } from '../../rules/compile.ts';
import { loadEngine } from '../../rules/engine.ts';
import { loadDefaultBundle } from '../../rules/data/index.ts';
import { ADAPTERS } from '../../entrypoints/content/sites/index.ts';
import { decide } from '../../utils/decision.ts';
import { DEFAULT_SETTINGS } from '../../utils/settings.ts';
import type { Page } from 'playwright-core';
import { FIXTURES_DIR, launch, openFixture, startFixtureServer } from '../../tests/e2e/harness.ts';

export const name = 'click-path';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

function timeEach(targets: Element[], fn: (el: Element) => void, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const el of targets) {
      const t0 = performance.now();
      fn(el);
      times.push(performance.now() - t0);
    }
  }
  return times.sort((a, b) => a - b);
}

async function decisionTime(): Promise<void> {
  const engine = loadEngine(compileBundle(loadDefaultBundle()));
  const at = new Date('2024-01-20T10:00:00Z'); // inside the Pilpres 2024 campaign: the engine does its full work
  console.log('decision time in the click handler (happy-dom, every element of every fixture page clicked, 5 rounds):');
  console.log('  site        pages  elements  actions | baseline p50/p99 (closest) | all clicks p50/p99 | action clicks p50/p99 (detect+engine+decide)');
  for (const adapter of ADAPTERS) {
    const dir = join(FIXTURES_DIR, adapter.id);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    } catch {
      continue;
    }
    if (files.length === 0 || Object.keys(adapter.selectors).length === 0) continue;
    const base: number[] = [];
    const all: number[] = [];
    const actions: number[] = [];
    let elements = 0;
    let actionCount = 0;
    for (const file of files) {
      const window = new Window({
        url: `https://${adapter.hosts[0]}/${file}`,
        settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true },
      });
      const doc = window.document as unknown as Document;
      doc.write(readFileSync(join(dir, file), 'utf8'));
      const targets = [...doc.body.querySelectorAll('*')];
      elements += targets.length;
      const click = (el: Element) => {
        const event = new window.MouseEvent('click', { bubbles: true, cancelable: true }) as unknown as MouseEvent;
        Object.defineProperty(event, 'target', { value: el });
        return event;
      };
      const events = new Map(targets.map((el) => [el, click(el)]));
      base.push(...timeEach(targets, (el) => void el.closest('[role="button"]'), 5));
      const run = (el: Element) => {
        const detected = adapter.detect(events.get(el)!, adapter.selectors, doc);
        if (!detected) return false;
        const verdict = engine.evaluate(detected.content, { at, site: detected.site, action: detected.action });
        decide(verdict.severity, detected.action, detected.site, DEFAULT_SETTINGS, at.getTime());
        return true;
      };
      const actionTargets = targets.filter((el) => run(el));
      actionCount += actionTargets.length;
      all.push(...timeEach(targets, run, 5));
      actions.push(...timeEach(actionTargets, run, 5));
      await window.happyDOM.close();
    }
    for (const a of [base, all, actions]) a.sort((x, y) => x - y);
    console.log(
      `  ${adapter.id.padEnd(10)} ${String(files.length).padStart(5)} ${String(elements).padStart(9)} ${String(actionCount).padStart(8)} | ` +
        `${us(percentile(base, 50))} / ${us(percentile(base, 99))} | ${us(percentile(all, 50))} / ${us(percentile(all, 99))} ` +
        `(${(percentile(all, 50) / percentile(base, 50)).toFixed(1)}× baseline) | ` +
        `${us(percentile(actions, 50))} / ${us(percentile(actions, 99))}`,
    );
  }
}

/** The marks the page records: __t0 the release, __ts a touch's start, __t1 the dialog's first frame. */
type Marks = { __t0?: number; __ts?: number; __t1?: number };

/**
 * Main-world instrumentation: the release (mouseup for a mouse; for a touch the finger's lift, and the
 * touchstart, since the extension holds a partisan tap's touchend before the page sees it), and t1: the
 * dialog host's first frame, or the site's own click handler on a neutral post.
 */
async function instrument(page: Page, input: 'mouse' | 'touch'): Promise<void> {
  await page.evaluate((input) => {
    const w = window as unknown as Marks;
    if (input === 'mouse') addEventListener('mouseup', () => (w.__t0 = performance.now()), { capture: true });
    else {
      addEventListener('touchstart', (e) => (w.__ts = e.timeStamp), { capture: true });
      addEventListener('touchend', (e) => (w.__t0 = e.timeStamp), { capture: true });
    }
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if ((n as Element).localName === 'jaga-netral-dialog') requestAnimationFrame(() => (w.__t1 = performance.now()));
        }
      }
    }).observe(document.documentElement, { childList: true });
    document.addEventListener('click', () => (w.__t1 ??= performance.now()));
  }, input);
}

/**
 * One sample: clears the marks, runs `act` (which returns how long a touch was held, 0 for a click), and
 * returns release → t1; where the release never reached the page, touchstart + the time held.
 */
async function sample(page: Page, act: () => Promise<number>, until: 'dialog' | 'site'): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as Marks;
    delete w.__t0;
    delete w.__ts;
    delete w.__t1;
  });
  const held = await act();
  await page.waitForFunction(() => (window as unknown as Marks).__t1 !== undefined, undefined, { timeout: 5000 });
  const ms = await page.evaluate((held) => {
    const w = window as unknown as Required<Pick<Marks, '__t1'>> & Marks;
    return w.__t1 - (w.__t0 ?? w.__ts! + held);
  }, held);
  if (until === 'dialog') await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  return ms;
}

/** The first sample on the page (cold) and ten more, sorted (warm); closes the page. */
async function coldThenWarm(page: Page, one: () => Promise<number>): Promise<{ first: number; rest: number[] }> {
  const first = await one();
  const rest: number[] = [];
  for (let i = 0; i < 10; i++) rest.push(await one());
  await page.close();
  return { first, rest: rest.sort((a, b) => a - b) };
}

async function clickToDialog(): Promise<void> {
  const server = await startFixtureServer();
  const session = await launch({ server });
  try {
    const measure = async (selector: string, until: 'dialog' | 'site', warmUp?: string, pressMs = 0) => {
      const page = await openFixture(session, 'https://x.com/home-id.html');
      if (warmUp) {
        // A neutral action first: the content script preloads the dialog script on it.
        await page.click(warmUp);
        await page.waitForTimeout(1000);
      }
      await instrument(page, 'mouse');
      const click = async () => {
        if (pressMs > 0) {
          // A human press: the button is held for a while before the click.
          const box = (await page.locator(selector).first().boundingBox())!;
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await page.mouse.down();
          await page.waitForTimeout(pressMs);
          await page.mouse.up();
        } else {
          await page.click(selector);
        }
        return 0;
      };
      return coldThenWarm(page, () => sample(page, click, until));
    };
    const site = await measure('article[data-post-id="x2"] [data-testid="like"]', 'site');
    const dialog = await measure('article[data-post-id="x1"] [data-testid="like"]', 'dialog');
    const pressed = await measure('article[data-post-id="x1"] [data-testid="like"]', 'dialog', undefined, 100);
    const preloaded = await measure('article[data-post-id="x1"] [data-testid="like"]', 'dialog', 'article[data-post-id="x2"] [data-testid="like"]');
    const baseline = percentile(site.rest, 50);
    console.log('click-to-dialog latency in Chromium (button release → first frame with the dialog), x.com fixture:');
    console.log(`  baseline: release → site's own click handler on a neutral post: p50 ${baseline.toFixed(1)} ms`);
    console.log(`  cold, instant synthetic click (the dialog script starts loading at the click): ${dialog.first.toFixed(1)} ms (${(dialog.first / baseline).toFixed(1)}× baseline)`);
    console.log(`  cold, 100 ms human press (loading starts at the press): ${pressed.first.toFixed(1)} ms after release (${(pressed.first / baseline).toFixed(1)}× baseline)`);
    console.log(`  first warning after a neutral action on the page (dialog preloaded): ${preloaded.first.toFixed(1)} ms (${(preloaded.first / baseline).toFixed(1)}× baseline)`);
    console.log(
      `  warm (10 more): p50 ${percentile(dialog.rest, 50).toFixed(1)} ms, max ${dialog.rest.at(-1)!.toFixed(1)} ms (${(percentile(dialog.rest, 50) / baseline).toFixed(1)}× baseline); goal < 50 ms`,
    );
  } finally {
    await session.close();
    await server.close();
  }
}

async function tapToDialog(): Promise<void> {
  const server = await startFixtureServer();
  const session = await launch({ server });
  try {
    const measure = async (selector: string, until: 'dialog' | 'site', touchMs = 0) => {
      const page = await session.context.newPage();
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 360, height: 640, deviceScaleFactor: 2, mobile: true });
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await page.goto('https://x.com/home-id.html');
      await page.waitForTimeout(500);
      await instrument(page, 'touch');
      const tap = async () => {
        const el = page.locator(selector).first();
        await el.scrollIntoViewIfNeeded();
        const box = (await el.boundingBox())!;
        const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
        const touchedAt = performance.now();
        if (touchMs > 0) await page.waitForTimeout(touchMs);
        const held = performance.now() - touchedAt;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        return held;
      };
      return coldThenWarm(page, () => sample(page, tap, until));
    };
    const like = (id: string) => `article[data-post-id="${id}"] [data-testid="like"]`;
    const site = await measure(like('x2'), 'site');
    const instant = await measure(like('x1'), 'dialog');
    const touched = await measure(like('x1'), 'dialog', 100);
    const baseline = percentile(site.rest, 50);
    const warm = percentile(instant.rest, 50);
    console.log('tap-to-dialog latency on a phone (Chromium mobile emulation, 360 × 640, trusted touch; lift → first frame with the dialog), x.com fixture:');
    console.log(`  baseline: lift → site's own click handler on a neutral post: p50 ${baseline.toFixed(1)} ms`);
    console.log(`  cold, instant tap (the dialog script starts loading at the touch): ${instant.first.toFixed(1)} ms (${(instant.first / baseline).toFixed(1)}× baseline)`);
    console.log(`  cold, 100 ms touch: ${touched.first.toFixed(1)} ms after the lift (${(touched.first / baseline).toFixed(1)}× baseline)`);
    console.log(`  warm (10 more): p50 ${warm.toFixed(1)} ms, max ${instant.rest.at(-1)!.toFixed(1)} ms (${(warm / baseline).toFixed(1)}× baseline); goal < 50 ms`);
  } finally {
    await session.close();
    await server.close();
  }
}

export async function run(): Promise<void> {
  await decisionTime();
  await clickToDialog();
  await tapToDialog();
}
