/**
 * Support for the per-site end-to-end tests (x, facebook, …): settings written through the service
 * worker, which the content scripts pick up live, and the shared hold/replay checks. To test a
 * private copy of the build, point JAGA_EXTENSION_DIR at it (tests/e2e/harness.ts).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { clickDialogButton, expectNoDialog, siteLog, waitForDialog, type Session } from './harness';

/** Store user settings (utils/settings.ts shape) as the options page would. */
export async function setSettings(session: Session, settings: Record<string, unknown>): Promise<void> {
  const [worker] = session.context.serviceWorkers();
  if (!worker) throw new Error('extension service worker not running');
  await worker.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } } }).chrome;
    await api.storage.local.set({ settings: value });
  }, settings);
}

export interface Expected {
  action: string;
  postId: string;
}

/** What the fixture page's own handlers did, reduced to action and post. */
export const actions = async (page: Page): Promise<Expected[]> =>
  (await siteLog(page)).map(({ action, postId }) => ({ action, postId: postId as string }));

/** The action raises the dialog; Batal leaves the site untouched; doing it again and proceeding reaches the site once. */
export async function heldThenReplayed(page: Page, act: () => Promise<void>, expected: Expected): Promise<void> {
  await act();
  await waitForDialog(page);
  await clickDialogButton(page, 'jaga-cancel');
  await page.waitForTimeout(200);
  expect(await actions(page)).toEqual([]);
  await act();
  await waitForDialog(page);
  await clickDialogButton(page, 'jaga-proceed');
  await expect.poll(() => actions(page)).toEqual([expected]);
  await page.waitForTimeout(300);
  expect(await actions(page)).toEqual([expected]); // exactly once
}

/**
 * A neutral action: no dialog, and the site handles it once. Right after a page loads, the content
 * script may still be reading the rules and the agency policy (entrypoints/content/state.ts): the
 * action is then held until they are known (at most READY_WAIT_MS, 6 s) and replayed, which on a
 * busy CI machine took longer than a fixed pause (CI run of 7 Dec 2026). So wait for the site's
 * handler, bounded beyond that wait; "at once" once ready is the pipeline unit tests' claim.
 */
export async function passes(page: Page, act: () => Promise<void>, expected: Expected, quietMs?: number): Promise<void> {
  await act();
  await expect.poll(() => actions(page), { timeout: 8_000, interval: 100 }).toEqual([expected]);
  await expectNoDialog(page, quietMs);
  expect(await actions(page)).toEqual([expected]); // exactly once, and no dialog came after it
}

/** Type into a composer with real keystrokes. */
export async function typeIn(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.type(text);
}
