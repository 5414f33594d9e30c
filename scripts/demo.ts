/**
 * `npm run demo`: the built extension in Chromium on a demo feed — local pages that look like
 * the supported sites, served on their real hostnames. With a display it opens a window to try;
 * without one it runs the whole flow headless and writes screenshots (feed, dialog, after cancel,
 * after proceed) to a folder it prints.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  clickDialogButton,
  expectNoDialog,
  launch,
  openFixture,
  siteLog,
  startFixtureServer,
  waitForDialog,
} from '../tests/e2e/harness';
import { setSettings } from '../tests/e2e/sites-support';

/** The demo posts are from the 2024 campaign: show them as on a campaign day (training mode). */
const CAMPAIGN_DAY = '2024-01-20';

const FEED = 'https://x.com/home-id.html';
const PARTISAN_LIKE = 'article[data-post-id="x1"] [data-testid="like"]';
const NEUTRAL_LIKE = 'article[data-post-id="x2"] [data-testid="like"]';

async function headed(): Promise<void> {
  const server = await startFixtureServer();
  const session = await launch({ server, headed: true });
  await setSettings(session, { simulatedDate: CAMPAIGN_DAY });
  for (const url of [FEED, 'https://www.facebook.com/feed-id.html']) await openFixture(session, url);
  console.log(`Jaga Netral demo: Chromium is open on a demo feed (x.com and facebook.com, served locally), judged as on ${CAMPAIGN_DAY} (training mode).`);
  console.log('Click "Suka" on a post about a candidate to see the warning. Close the browser to finish.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
  await server.close();
}

async function headless(): Promise<void> {
  const out = join(ROOT, 'demo-output');
  mkdirSync(out, { recursive: true });
  const server = await startFixtureServer();
  const session = await launch({ server });
  await setSettings(session, { simulatedDate: CAMPAIGN_DAY });
  try {
    const page = await openFixture(session, FEED);
    const shot = async (name: string) => {
      await page.screenshot({ path: join(out, name) });
      console.log(`  ${join(out, name)}`);
    };
    console.log(`Jaga Netral demo (no display: headless). Feed: ${FEED}, judged as on ${CAMPAIGN_DAY} (training mode).`);
    await shot('1-feed.png');

    await page.click(PARTISAN_LIKE);
    const dialog = await waitForDialog(page);
    console.log(`Warning shown: "${dialog.text.slice(0, 90)}…"`);
    await shot('2-dialog.png');

    await clickDialogButton(page, 'jaga-cancel');
    console.log(`After Batal, the site saw: ${JSON.stringify(await siteLog(page))}`);
    await shot('3-after-cancel.png');

    await page.click(PARTISAN_LIKE);
    await waitForDialog(page);
    await clickDialogButton(page, 'jaga-proceed');
    await page.waitForTimeout(200);
    console.log(`After Tetap lanjutkan, the site saw: ${JSON.stringify(await siteLog(page))}`);
    await shot('4-after-proceed.png');

    await page.click(NEUTRAL_LIKE);
    await expectNoDialog(page);
    console.log(`A neutral post is liked without any dialog: ${JSON.stringify(await siteLog(page))}`);
    console.log(`Screenshots are in ${out}`);
  } finally {
    await session.close();
    await server.close();
  }
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
(hasDisplay ? headed() : headless()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
