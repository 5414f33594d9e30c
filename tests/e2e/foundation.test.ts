/**
 * The foundation's promises, in real Chromium with the built extension: the manifest a store and
 * an agency see, and the mechanism — hold, cancel, proceed exactly once — with the dialog's
 * contract (alertdialog, aria-modal, closed shadow root, test ids, trusted input only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clickDialogButton,
  expectNoDialog,
  EXTENSION_DIR,
  openFixture,
  readDialog,
  siteLog,
  sessionForFile,
  waitForDialog,
} from './harness';
import { passes, setSettings } from './sites-support';

/**
 * The fixture posts are from the 2024 campaign; judge them as on a campaign day (the training-date
 * setting), so the outcome does not depend on when the tests run.
 */
const CAMPAIGN_DAY = '2024-01-20';

const FEED = 'https://x.com/home-id.html';
const PARTISAN_LIKE = 'article[data-post-id="x1"] [data-testid="like"]';
const NEUTRAL_LIKE = 'article[data-post-id="x2"] [data-testid="like"]';

const shared = sessionForFile({ prepare: (session) => setSettings(session, { simulatedDate: CAMPAIGN_DAY }) });

describe('manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

  it('has the stable extension id agencies put in their policies', () => {
    expect(shared.session.extensionId).toBe('ncbacccphjdeajkcmmpgdhgioganneda');
  });

  it('asks only for what it uses, and only on the seven sites', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'offscreen', 'scripting', 'storage', 'unlimitedStorage']);
    const hosts = new Set(
      (manifest.host_permissions as string[]).map((p) => p.replace(/^https:\/\/(\*\.)?/, '').replace(/\/\*$/, '')),
    );
    expect([...hosts].sort()).toEqual(
      ['facebook.com', 'instagram.com', 'threads.com', 'threads.net', 'tiktok.com', 'twitter.com', 'web.whatsapp.com', 'x.com', 'youtube.com'],
    );
    // one content script per site: together they match exactly the host permissions, each host once
    const matches = (manifest.content_scripts as { matches: string[] }[]).flatMap((cs) => cs.matches);
    expect(manifest.content_scripts).toHaveLength(7);
    expect(new Set(matches).size).toBe(matches.length);
    expect(new Set(matches)).toEqual(new Set(manifest.host_permissions));
    expect(manifest.default_locale).toBe('id');
  });
});

describe('hold, cancel, proceed', () => {
  it('shows a warning dialog for a like on a partisan post, honouring the dialog contract', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(PARTISAN_LIKE);
    const dialog = await waitForDialog(page);
    expect(dialog.role).toBe('alertdialog');
    expect(dialog.ariaModal).toBe('true');
    expect(dialog.shadowMode).toBe('closed');
    expect(dialog.testIds).toEqual(expect.arrayContaining(['jaga-cancel', 'jaga-proceed']));
    expect(dialog.text).toContain('Anda akan menyukai konten kampanye');
    expect(dialog.text).toMatch(/PrabowoGibran2024|Prabowo/);
    // The page cannot reach into the dialog.
    expect(await page.evaluate(() => document.querySelector('jaga-netral-dialog')?.shadowRoot ?? null)).toBeNull();
    // Batal keeps the site's own handler from running.
    await clickDialogButton(page, 'jaga-cancel');
    await page.waitForTimeout(200);
    expect(await siteLog(page)).toEqual([]);
    await page.close();
  });

  it('runs the site handler exactly once after Tetap lanjutkan', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(PARTISAN_LIKE);
    await waitForDialog(page);
    await clickDialogButton(page, 'jaga-proceed');
    await expect.poll(() => siteLog(page)).toEqual([{ action: 'like', postId: 'x1' }]);
    await page.waitForTimeout(300);
    expect(await siteLog(page)).toEqual([{ action: 'like', postId: 'x1' }]);
    await page.close();
  });

  it('leaves a like on a neutral post alone', async () => {
    const page = await openFixture(shared.session, FEED);
    await passes(page, () => page.click(NEUTRAL_LIKE), { action: 'like', postId: 'x2' });
    await page.close();
  });

  it('Esc cancels, and keyboard focus starts on Batal', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(PARTISAN_LIKE);
    await waitForDialog(page);
    // Enter on the focused default button is Batal, not proceed.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDialog(page)) === null).toBe(true);
    expect(await siteLog(page)).toEqual([]);
    await page.click(PARTISAN_LIKE);
    await waitForDialog(page);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readDialog(page)) === null).toBe(true);
    expect(await siteLog(page)).toEqual([]);
    await page.close();
  });

  it('ignores clicks a page script fakes: they neither raise the dialog nor get held', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), PARTISAN_LIKE);
    await expectNoDialog(page);
    expect(await siteLog(page)).toEqual([{ action: 'like', postId: 'x1' }]);
    await page.close();
  });

  it('one action raises one dialog: a double click is held once', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.dblclick(PARTISAN_LIKE);
    await waitForDialog(page);
    await clickDialogButton(page, 'jaga-proceed');
    await page.waitForTimeout(400);
    expect(await readDialog(page)).toBeNull();
    expect(await siteLog(page)).toEqual([{ action: 'like', postId: 'x1' }]);
    await page.close();
  });
});
