/**
 * The photo check in real Chromium with the built extension: a photo attached through the
 * composer's file input is analysed in the offscreen document (MediaPipe Hands, CPU/SwiftShader
 * here); a send that would publish a photo with a number gesture raises the dialog with the
 * thumbnail and the gesture; a photo without hands is sent without a dialog. Photos:
 * tests/fixtures/photos (fingerpose npm package, MIT).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ROOT,
  clickDialogButton,
  expectNoDialog,
  launch,
  openFixture,
  siteLog,
  startFixtureServer,
  waitForDialog,
  type FixtureServer,
  type Session,
} from './harness';
import { setSettings } from './sites-support';

const PAGE = 'https://x.com/compose-photo-id.html';
const PHOTOS = join(ROOT, 'tests/fixtures/photos');
const SEND = '[data-testid="tweetButtonInline"]';
/** The first analysis also loads the model (≈ 16 MB of WebAssembly and weights) on a CPU. */
const FIRST_ANALYSIS_MS = 25_000;

let server: FixtureServer;
let session: Session;

beforeAll(async () => {
  server = await startFixtureServer();
  session = await launch({ server });
  await setSettings(session, { simulatedDate: '2024-01-20' });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function attach(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid="fileInput"]', join(PHOTOS, file));
}

async function waitForLog(page: Page, count: number, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await siteLog(page)).length < count && Date.now() < deadline) await page.waitForTimeout(100);
}

describe('photo check', () => {
  it('holds a post whose photo shows a V sign, shows the photo and the gesture; cancel keeps it, proceed sends once', async () => {
    const page = await openFixture(session, PAGE);
    await attach(page, 'v-sign-002.jpg');
    await page.waitForTimeout(FIRST_ANALYSIS_MS);
    await page.click(SEND);
    const dialog = await waitForDialog(page, 15_000);
    expect(dialog.role).toBe('alertdialog');
    expect(dialog.ariaModal).toBe('true');
    expect(dialog.testIds).toEqual(expect.arrayContaining(['jaga-photo', 'jaga-cancel', 'jaga-proceed']));
    expect(dialog.text).toContain('dua jari / V');
    expect(dialog.text).toContain('nomor urut 2');
    await clickDialogButton(page, 'jaga-cancel');
    await expectNoDialog(page, 300);
    expect(await siteLog(page)).toEqual([]);

    // The photo is still in the composer: the next send is checked again.
    await page.click(SEND);
    await waitForDialog(page, 15_000);
    await clickDialogButton(page, 'jaga-proceed');
    await waitForLog(page, 1, 3000);
    await page.waitForTimeout(300);
    expect(await siteLog(page)).toEqual([expect.objectContaining({ action: 'post', postId: 'compose-photo' })]);
  }, 90_000);

  it('sends a photo without hands with no dialog, even when the send comes while the check still runs', async () => {
    const page = await openFixture(session, PAGE);
    await attach(page, 'no-hand-face-003.jpg');
    await page.click(SEND); // at once: the send waits for the analysis, then is replayed silently
    await waitForLog(page, 1, 15_000);
    await expectNoDialog(page, 300);
    expect(await siteLog(page)).toEqual([expect.objectContaining({ action: 'post', postId: 'compose-photo' })]);
  }, 60_000);

  it('warns for a thumbs-up photo sent right after attaching', async () => {
    const page = await openFixture(session, PAGE);
    await attach(page, 'thumbs-up-000.jpg');
    await page.click(SEND);
    const dialog = await waitForDialog(page, 15_000);
    expect(dialog.text).toContain('jempol');
    await clickDialogButton(page, 'jaga-cancel');
    expect(await siteLog(page)).toEqual([]);
  }, 60_000);

  it('a clenched fist (an allowed pose) passes', async () => {
    const page = await openFixture(session, PAGE);
    await attach(page, 'near-miss-fist.jpg');
    await page.click(SEND);
    await waitForLog(page, 1, 15_000);
    await expectNoDialog(page, 300);
    expect(await siteLog(page)).toHaveLength(1);
  }, 60_000);
});
