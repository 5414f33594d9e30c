/**
 * An agency's policy holds from the first second: a real Chromium policy file blocks high and
 * medium, the browser starts with a fresh profile, and a partisan like is clicked as soon as the
 * page's content script is up, before the background has published the policy (or even built the
 * rules). The like must get the block dialog (no "Tetap lanjutkan"), never the user's default
 * warning and never pass unchecked.
 */
import { describe, expect, it } from 'vitest';
import {
  cancelBlockDialog,
  sessionWithPolicy,
  waitForDialog,
} from './harness';

const FEED = 'https://x.com/home-id.html';
// the browser is launched by the test itself, to click while it is still starting
const shared = sessionWithPolicy({
  file: 'jaga-netral-startup-test.json',
  policy: { actionBySeverity: { high: 'block', medium: 'block' }, allowUserDisable: false },
  launchInBeforeAll: false,
});

describe.skipIf(!shared.writable)('policy at browser start', () => {
  it('a partisan like clicked at once after the browser starts gets the block dialog', async () => {
    const session = await shared.launch();
    const started = Date.now();
    const page = await session.context.newPage();
    // document_start: the content script runs before the page's DOM is parsed
    await page.goto(FEED, { waitUntil: 'domcontentloaded' });
    await page.click('article[data-post-id="x1"] [data-testid="like"]');
    const clicked = Date.now();
    const clickedAfter = clicked - started;
    // while it is held, the "preparing the rules" status bar (after 1 s of holding), seen from outside its
    // closed root by its host and the moment it came
    const noticeSeen = page.waitForSelector('jaga-netral-status', { state: 'attached', timeout: 35_000 }).then(
      () => Date.now() - clicked,
      () => -1,
    );
    // the content script holds it while the background builds the rules (RULES_BUILD_WAIT_MS, 30 s):
    // a generous wait, not a timing assertion (the time is printed)
    const dialog = await waitForDialog(page, 35_000);
    const dialogAfter = Date.now() - clicked;
    console.info(`like clicked ${clickedAfter} ms after the service worker started; dialog after ${Date.now() - started} ms`);
    // a hold of over 2 s (the usual case here: the fresh profile compiles the rules first) showed the notice
    if (dialogAfter > 2_000) {
      const at = await noticeSeen;
      expect(at).toBeGreaterThanOrEqual(900);
      expect(at).toBeLessThan(dialogAfter);
    }
    await cancelBlockDialog(page, dialog);
    await page.close();
  });
});
