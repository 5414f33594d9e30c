/**
 * Enterprise policy end to end: a real Chromium policy file under /etc/chromium/policies/managed/
 * with `3rdparty.extensions.<id>` settings, read by the extension through storage.managed and the
 * managed_schema. `block` removes the proceed button, a site the policy leaves out is left alone,
 * agency extraRules raise the dialog, an invalid key is ignored with a warning, and a change to the
 * file applies without restarting the browser.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import {
  cancelBlockDialog,
  clickDialogButton,
  openExtensionPage,
  openFixture,
  readDialog,
  readExtensionStorage,
  sessionWithPolicy,
  siteLog,
  waitForDialog,
} from './harness';
import { passes } from './sites-support';

const FEED = 'https://x.com/home-id.html';
const like = (id: string) => `article[data-post-id="${id}"] [data-testid="like"]`;
const IG_FEED = 'https://www.instagram.com/feed-id.html';
const IG_PARTISAN_LIKE = '[data-post-id="ig-p1"] ._aamw [role="button"]';
const DIALOG_TIMEOUT = 15_000;

/** Agency rules in the bundle's own format, as a JSON string (Chrome's policy schema carries strings). */
const extraRules = JSON.stringify({
  persons: [{ id: 'kumis-sentosa-agency', name: 'Kumis Sentosa', aliases: ['Pak Kumis'] }],
  contests: [
    {
      id: 'pilkada-agency-e2e',
      name: 'Pilkada Agensi',
      kind: 'pilpres',
      phases: [{ kind: 'kampanye', from: '2020-01-01', to: '2099-12-31' }],
      contestants: [{ id: 'kumis-agency-1', number: 7, persons: ['kumis-sentosa-agency'], slogans: ['bakso Pak Kumis'] }],
    },
  ],
});

const ALL_BUT_INSTAGRAM = ['facebook', 'x', 'tiktok', 'youtube', 'threads', 'whatsapp'];

const basePolicy = {
  actionBySeverity: { high: 'block', medium: 'block' },
  enabledSites: ALL_BUT_INSTAGRAM,
  allowUserDisable: false,
  extraRules,
  // invalid: below the 1-hour minimum → ignored with a warning, the rest still applies
  updateIntervalHours: 0,
};

const shared = sessionWithPolicy({
  file: 'jaga-netral-test.json',
  policy: basePolicy,
  // the built-in update URL is answered locally (nothing leaves the machine)
  extraHosts: ['rules.jaganetral.id'],
  storedPolicy: { enabledSites: ALL_BUT_INSTAGRAM },
  // the engine with the agency rules merged
  prepare: (started) =>
    vi.waitFor(async () => expect((await readExtensionStorage(started, ['engine'])).engine).toMatchObject({ extraRules: true }), {
      timeout: 20_000,
      interval: 200,
    }),
});

async function storedPolicy(): Promise<Record<string, unknown>> {
  return (await readExtensionStorage(shared.session, ['policy'])).policy as Record<string, unknown>;
}

describe.skipIf(!shared.writable)('enterprise policy from a real policy file', () => {
  it('applies the valid keys and records a warning for the invalid one', async () => {
    const policy = await storedPolicy();
    expect(policy).toMatchObject({ actionBySeverity: { high: 'block', medium: 'block' }, enabledSites: ALL_BUT_INSTAGRAM, allowUserDisable: false });
    expect(policy).not.toHaveProperty('updateIntervalHours');
    // the warnings are written after the engine is rebuilt with the extra rules (refreshPolicy checks the
    // extra rules against the active bundle first): on a loaded machine, seconds after what prepare waited for
    await expect
      .poll(async () => (await readExtensionStorage(shared.session, ['policyWarnings'])).policyWarnings, { timeout: 20_000 })
      .toEqual([expect.stringMatching(/^updateIntervalHours: .* — ignored$/)]);

    // The options page shows the settings as managed, and the warning.
    const options = await openExtensionPage(shared.session, 'options.html');
    await expect.poll(() => options.locator('body').innerText(), { timeout: 5000 }).toContain('updateIntervalHours');
    // the master switch is locked on
    const master = options.locator('#umum input[type="checkbox"]').first();
    await expect.poll(() => master.isDisabled()).toBe(true);
    expect(await master.isChecked()).toBe(true);
    await options.close();
  });

  it('block: the dialog has no proceed button, and the site never gets the like', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(like('x1'));
    const dialog = await waitForDialog(page, DIALOG_TIMEOUT);
    await cancelBlockDialog(page, dialog);
    await page.close();
  });

  it('a site the policy leaves out is left alone: no dialog, the site handles the like', async () => {
    const page = await openFixture(shared.session, IG_FEED);
    // held until the policy read answers (up to READY_WAIT_MS), then left alone
    await passes(page, () => page.click(IG_PARTISAN_LIKE), { action: 'like', postId: 'ig-p1' }, 1000);
    await page.close();
  });

  it("the agency's extraRules raise the dialog on content the shipped rules call neutral", async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(like('x5'));
    const dialog = await waitForDialog(page, DIALOG_TIMEOUT);
    expect(dialog.text).toMatch(/Kumis|bakso/i);
    expect(dialog.testIds).not.toContain('jaga-proceed');
    await page.close();
  });

  it('a changed policy file applies without restarting the browser (warn brings the proceed button back)', async () => {
    const page: Page = await openFixture(shared.session, FEED);
    shared.rewrite({ ...basePolicy, actionBySeverity: { high: 'warn', medium: 'warn' }, enabledSites: undefined });
    // Chromium notices the file change and republishes managed storage; storage.onChanged does the rest.
    await vi.waitFor(async () => expect(await storedPolicy()).toMatchObject({ actionBySeverity: { high: 'warn', medium: 'warn' } }), {
      timeout: 45_000,
      interval: 500,
    });
    expect(await storedPolicy()).not.toHaveProperty('enabledSites');
    await page.click(like('x1'));
    const dialog = await waitForDialog(page, DIALOG_TIMEOUT);
    expect(dialog.testIds).toEqual(expect.arrayContaining(['jaga-cancel', 'jaga-proceed']));
    await clickDialogButton(page, 'jaga-proceed');
    await expect.poll(() => siteLog(page)).toEqual([{ action: 'like', postId: 'x1' }]);
    expect(await readDialog(page)).toBeNull();
    await page.close();
  }, 90_000);
});
