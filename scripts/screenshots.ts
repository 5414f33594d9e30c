/**
 * `npm run screenshots`: Playwright screenshots of the warning dialog (Indonesian and English,
 * light and dark, at 320 px, at 360 px on a phone, asking for a reason, the short form), the
 * toolbar popup and the options page, written to docs/screenshots/ and shown in docs/ui.md.
 * `npm run screenshots -- dialog-id-360` takes only the shots whose file name starts so.
 *
 * Uses the e2e harness: the built extension in Chromium on fixture pages served under the sites'
 * real hostnames, from a private copy of the build (a parallel `npm run build` cannot pull files
 * away mid-run). Settings are written to storage.local from the service worker, as the options
 * page would.
 *
 * Pemilu 2024 is over, so its content now rates "low". To show the dialog as it looks during a
 * campaign, the script installs the development rule set (tests/fixtures/dev-bundle.yaml) with
 * the Pilpres 2024 phases moved so that today falls in its campaign period.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { parse } from 'yaml';
import { compileBundle } from '../rules/compile';
import { parseRuleBundle } from '../rules/schema';
import { ROOT, clickDialogButton, launch, startFixtureServer, waitForDialog, waitForEngine, type Session } from '../tests/e2e/harness';

const OUT = join(ROOT, 'docs', 'screenshots');
/** Take only the shots whose file name starts with this (first argument), or all. */
const ONLY = process.argv[2] ?? '';
const wanted = (file: string) => file.startsWith(ONLY);
const PARTISAN_LIKE = 'article[data-post-id="x1"] [data-testid="like"]';
const DAY = 86_400_000;

type Scheme = 'light' | 'dark';

function worker(session: Session): Worker {
  const [w] = session.context.serviceWorkers();
  if (!w) throw new Error('extension service worker not running');
  return w;
}

async function setStorage(session: Session, items: Record<string, unknown>): Promise<void> {
  await worker(session).evaluate(async (values) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome;
    await api.storage.local.set(values);
  }, items);
}

async function removeStorage(session: Session, keys: string[]): Promise<void> {
  await worker(session).evaluate(async (k) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { remove(k: string[]): Promise<void> } } } }).chrome;
    await api.storage.local.remove(k);
  }, keys);
}

async function dialogShot(
  session: Session,
  file: string,
  opts: { language: 'id' | 'en'; scheme: Scheme; width?: number; height?: number; settings?: Record<string, unknown>; fullExplanations?: number },
): Promise<void> {
  if (!wanted(file)) return;
  await setStorage(session, {
    settings: { language: opts.language, ...opts.settings },
    dialogStats: { fullExplanations: opts.fullExplanations ?? 0 },
  });
  const page = await session.context.newPage();
  try {
    // The launch viewport (1200×900) unless a width is asked for. (Headless Chromium sometimes
    // leaves the dimmed backdrop out of a screenshot after a resize to a wider viewport.)
    if (opts.width) await page.setViewportSize({ width: opts.width, height: opts.height ?? 640 });
    await page.emulateMedia({ colorScheme: opts.scheme });
    await page.goto(`https://x.com/home-${opts.language}.html`);
    await page.waitForTimeout(300);
    await page.click(PARTISAN_LIKE);
    await waitForDialog(page);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(600); // fonts and layout settle
    await page.screenshot({ path: join(OUT, file) });
    console.log(`  docs/screenshots/${file}`);
    await clickDialogButton(page, 'jaga-cancel');
  } finally {
    await page.close();
  }
}

function sampleLog(now: number): unknown[] {
  const pair02 = 'Pilpres 2024, nomor urut 02: Prabowo Subianto – Gibran Rakabuming Raka';
  const pair01 = 'Pilpres 2024, nomor urut 01: Anies Rasyid Baswedan – Muhaimin Iskandar';
  const rows: [number, string, string, string, string, string?][] = [
    [6, 'x', 'like', pair02, 'cancelled'],
    [5, 'instagram', 'comment', pair01, 'cancelled'],
    [5, 'facebook', 'share', pair02, 'proceeded', 'Konten berita atau informasi resmi'],
    [3, 'tiktok', 'follow', pair02, 'cancelled'],
    [2, 'x', 'share', pair01, 'cancelled'],
    [2, 'x', 'like', pair02, 'cancelled'],
    [1, 'youtube', 'comment', 'Partai Gerakan Indonesia Raya (Gerindra)', 'proceeded', 'Bukan konten kampanye'],
    [0, 'instagram', 'like', pair01, 'cancelled'],
  ];
  return rows.map(([daysAgo, site, action, entity, decision, reason]) => ({
    time: now - daysAgo * DAY - 3_600_000,
    site,
    action,
    severity: 'high',
    entities: [entity],
    decision,
    ...(reason ? { reason } : {}),
  }));
}

/**
 * A production build of the working tree in a private folder, so builds other people run in
 * parallel (into .output) cannot change or remove files mid-run. NODE_ENV is forced: a build
 * started from a test runner (NODE_ENV=test) would compile JSX for React's development runtime.
 */
async function privateBuild(): Promise<{ dir: string; remove(): void }> {
  if (!existsSync(join(ROOT, 'public/rules/default-bundle.json'))) execSync('npm run --silent rules:build', { cwd: ROOT, stdio: 'inherit' });
  process.env.NODE_ENV = 'production';
  const outDir = mkdtempSync(join(tmpdir(), 'jaga-netral-shots-'));
  const { build } = await import('wxt');
  await build({ root: ROOT, outDir });
  const dir = join(outDir, 'chrome-mv3');
  for (const f of ['manifest.json', 'content-scripts/x.js', 'dialog.js', 'popup.html', 'options.html']) {
    if (!existsSync(join(dir, f))) throw new Error(`private build has no ${f}`);
  }
  return { dir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** The dev rule set with Pilpres 2024 moved so that today is 20 Jan 2024 of its calendar (campaign). */
function inSeasonEngine(now: number): Record<string, unknown> {
  const parsed = parseRuleBundle(parse(readFileSync(join(ROOT, 'tests/fixtures/dev-bundle.yaml'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const bundle = structuredClone(parsed.bundle);
  const shiftDays = Math.round((now - Date.parse('2024-01-20T00:00:00Z')) / DAY);
  const shift = (iso: string) => new Date(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') + shiftDays * DAY).toISOString().slice(0, 10);
  const contest = bundle.contests.find((c) => c.id === 'pilpres-2024');
  if (!contest) throw new Error('dev bundle has no pilpres-2024');
  const c = contest as unknown as { phases: { from: string; to: string }[]; votingDay?: string };
  c.phases = c.phases.map((p) => ({ ...p, from: shift(p.from), to: shift(p.to) }));
  if (c.votingDay) c.votingDay = shift(c.votingDay);
  const b = bundle as unknown as { issuedAt: string; expiresAt: string };
  b.issuedAt = new Date(now - 3 * DAY).toISOString();
  b.expiresAt = new Date(now + 180 * DAY).toISOString();
  const compiled = JSON.parse(JSON.stringify(compileBundle(bundle))) as { bundleVersion: number; issuedAt: string; expiresAt: string };
  return { bundleVersion: compiled.bundleVersion, compiled, sites: {}, source: 'update', issuedAt: compiled.issuedAt, expiresAt: compiled.expiresAt };
}

async function pageShot(page: Page, file: string, fullPage = false): Promise<void> {
  if (!wanted(file)) return;
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(OUT, file), fullPage });
  console.log(`  docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  const snapshot = await privateBuild();
  mkdirSync(OUT, { recursive: true });

  const server = await startFixtureServer();
  const session = await launch({ server, extensionDir: snapshot.dir });
  try {
    await waitForEngine(session);
    await setStorage(session, { engine: inSeasonEngine(Date.now()) });
    console.log('Dialog:');
    for (const language of ['id', 'en'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        await dialogShot(session, `dialog-${language}-${scheme}.png`, { language, scheme });
      }
    }
    await dialogShot(session, 'dialog-id-320.png', { language: 'id', scheme: 'light', width: 320, height: 640 });
    // a phone (issue #21): 360 × 640, the decision buttons stacked for the thumb
    await dialogShot(session, 'dialog-id-360.png', { language: 'id', scheme: 'light', width: 360, height: 640 });
    await dialogShot(session, 'dialog-id-360-dark.png', { language: 'id', scheme: 'dark', width: 360, height: 640 });
    await dialogShot(session, 'dialog-id-reason.png', {
      language: 'id',
      scheme: 'light',
      settings: { actionBySeverity: { high: 'warn_reason', medium: 'warn_reason', low: 'log' } },
    });
    await dialogShot(session, 'dialog-id-short.png', { language: 'id', scheme: 'light', fullExplanations: 5 });

    // Popup and options with a week of sample decisions and a last update attempt.
    const now = Date.now();
    await setStorage(session, {
      settings: { language: 'id' },
      decisionLog: sampleLog(now),
      updateStatus: { time: now - 2 * 3_600_000, url: 'https://aturan.jaganetral.id/bundle.json', result: 'up-to-date', reason: 'version already active', history: [], validators: {}, active: null },
    });
    await removeStorage(session, ['errors']);
    const base = `chrome-extension://${session.extensionId}`;
    console.log('Popup:');
    for (const [language, scheme] of [['id', 'light'], ['en', 'light'], ['id', 'dark']] as const) {
      await setStorage(session, { settings: { language } });
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 340, height: 460 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${base}/popup.html`);
      await page.waitForSelector('main.popup h1');
      await pageShot(page, `popup-${language}-${scheme}.png`, true);
      await page.close();
    }
    console.log('Options:');
    await setStorage(session, { settings: { language: 'id', region: '35' } });
    const options = await session.context.newPage();
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.goto(`${base}/options.html`);
    await options.waitForSelector('main.options h2');
    await pageShot(options, 'options-id.png');
    await options.fill('#coba textarea', 'Ayo coblos 02! Prabowo–Gibran satu putaran #PrabowoGibran2024');
    await options.click('#coba button.primary');
    await options.waitForSelector('#coba .try-result');
    if (wanted('options-coba-teks.png')) {
      await options.locator('#coba').screenshot({ path: join(OUT, 'options-coba-teks.png') });
      console.log('  docs/screenshots/options-coba-teks.png');
    }
    if (wanted('options-log.png')) {
      await options.locator('#catatan').screenshot({ path: join(OUT, 'options-log.png') });
      console.log('  docs/screenshots/options-log.png');
    }
    await options.goto(`${base}/options.html#aturan`);
    await options.waitForSelector('#aturan h3');
    if (wanted('options-aturan.png')) {
      await options.locator('#aturan').screenshot({ path: join(OUT, 'options-aturan.png') });
      console.log('  docs/screenshots/options-aturan.png');
    }
    await options.close();

    // Managed by an agency: the popup with the lock.
    await setStorage(session, { policy: { allowUserDisable: false, allowPause: false }, settings: { language: 'id' } });
    const managed = await session.context.newPage();
    await managed.setViewportSize({ width: 340, height: 460 });
    await managed.goto(`${base}/popup.html`);
    await managed.waitForSelector('main.popup h1');
    await pageShot(managed, 'popup-id-managed.png', true);
    await managed.close();
  } finally {
    await session.close();
    await server.close();
    snapshot.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
