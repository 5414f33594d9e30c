/**
 * Policy locks hold end to end (issue #19, item 3): under a real Chromium policy file that blocks
 * high and medium and forbids switching off, a user who sets the training date to 2000-01-01, every
 * threshold to "high", every site off and every severity to "off" still gets the blocking dialog,
 * and the options page shows those controls locked.
 */
import { describe, expect, it } from 'vitest';
import {
  openExtensionPage,
  openFixture,
  sessionWithPolicy,
  siteLog,
  waitForDialog,
} from './harness';
import { setSettings } from './sites-support';

const FEED = 'https://x.com/home-id.html';
const PARTISAN_LIKE = 'article[data-post-id="x1"] [data-testid="like"]';

const POLICY = { actionBySeverity: { high: 'block', medium: 'block' }, allowUserDisable: false };
const WEAKENED = {
  simulatedDate: '2000-01-01',
  minSeverityByAction: { like: 'high', share: 'high', comment: 'high', post: 'high', follow: 'high' },
  sites: { x: false, facebook: false, instagram: false, tiktok: false, youtube: false, threads: false, whatsapp: false },
  actionBySeverity: { high: 'off', medium: 'off', low: 'off' },
};

const shared = sessionWithPolicy({
  file: 'jaga-netral-locks-test.json',
  policy: POLICY,
  extraHosts: ['rules.jaganetral.id'],
  storedPolicy: POLICY,
  prepare: (started) => setSettings(started, WEAKENED),
});

describe.skipIf(!shared.writable)('a user under policy cannot undo it from the settings', () => {
  it('a partisan like is still blocked: no proceed button, the site never gets it', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(PARTISAN_LIKE);
    const dialog = await waitForDialog(page, 15_000);
    expect(dialog.testIds).toContain('jaga-cancel');
    expect(dialog.testIds).not.toContain('jaga-proceed');
    expect(await siteLog(page)).toEqual([]);
    await page.close();
  });

  it('the options page shows the thresholds and the training date locked', async () => {
    const options = await openExtensionPage(shared.session, 'options.html');
    const like = options.locator('#min-like');
    await expect.poll(() => like.isDisabled(), { timeout: 5000 }).toBe(true);
    expect(await like.inputValue()).toBe('low');
    const date = options.locator('.training input[type="date"]');
    expect(await date.isDisabled()).toBe(true);
    expect(await date.inputValue()).toBe('');
    await options.close();
  });
});
