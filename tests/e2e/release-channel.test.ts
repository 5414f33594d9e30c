/**
 * The release's update channel, the whole cycle a maintainer runs, against a local HTTPS static
 * host: `jaga keygen` → `jaga build` → `jaga publish` → the extension, built with that key and URL as
 * build-time settings (JAGA_UPDATE_URLS, JAGA_TRUSTED_KEYS) into its own output folder, picks the
 * update up → a newer version replaces it → a tampered and an older bundle on the host are refused,
 * with the reason in updateStatus and on the options page. No policy file: the channel alone.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  launch,
  openExtensionPage,
  openFixture,
  readExtensionStorage,
  sendFromExtensionPage,
  startFixtureServer,
  waitForDialog,
  waitForEngine,
  type FixtureServer,
  type Session,
} from './harness';

const HOST = 'rules.release.test';
const URL_ = `https://${HOST}/jaga/v1/bundle.json`;
const FEED = 'https://x.com/home-id.html';
/** x5 is a food review ("Review bakso Pak Kumis…"): neutral until the published rules name Pak Kumis. */
const X5_LIKE = 'article[data-post-id="x5"] [data-testid="like"]';
/** generous: the machine may be busy with other test runs; this is a wait, not a timing assertion */
const DIALOG_TIMEOUT = 15_000;

const work = mkdtempSync(join(tmpdir(), 'jaga-release-e2e-'));
const keys = join(work, 'keys');
const site = join(work, 'site'); // what the static host serves, as /jaga/v1/…
const extensionOut = join(work, 'extension');
const today = new Date().toISOString().slice(0, 10);
/** Today's versions in the YYYYMMDDnn scheme; serials 90 and up stay above the packaged bundle. */
const version = (serial: number) => Number(`${today.replace(/-/g, '')}${serial}`);

function jaga(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'rules/cli/jaga.ts'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The shipped rules plus one made-up candidate whose slogan x5 contains, at `v`. */
function sourceAt(v: number): string {
  const dir = join(work, `source-${v}`);
  cpSync(join(ROOT, 'rules/data'), dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  const meta = join(dir, 'meta.yaml');
  writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^version: .*$/m, `version: ${v}`).replace(/^issuedAt: .*$/m, `issuedAt: "${today}"`));
  writeFileSync(
    join(dir, 'uji-rilis.yaml'),
    [
      'persons:',
      '  - { id: kumis-sentosa, name: Kumis Sentosa, aliases: [Pak Kumis] }',
      'contests:',
      '  - id: pilkada-uji-rilis',
      '    name: Pilkada Uji',
      '    kind: pilpres',
      '    phases: [{ kind: kampanye, from: "2020-01-01", to: "2099-12-31" }]',
      '    contestants: [{ id: kumis-1, number: 7, persons: [kumis-sentosa], slogans: [bakso Pak Kumis] }]',
      '',
    ].join('\n'),
  );
  return dir;
}

/** keygen is done; build and publish version `v`, returning the signed file. */
function buildAndPublish(v: number): string {
  const file = join(work, `bundle-${v}.json`);
  jaga('build', '--key', join(keys, 'jaga-private.key'), '--out', file, '--source', sourceAt(v));
  jaga('publish', file, '--key', join(keys, 'jaga-private.key'), '--url', URL_, '--out', join(site, 'jaga/v1'));
  return file;
}

/** The static host: files under `site`, with the CORS header a Pages site sends. */
function staticHost(req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.headers.host ?? '').replace(/:\d+$/, '') !== HOST) return false;
  const path = normalize(join(site, new URL(req.url ?? '/', 'https://x').pathname));
  if (req.method === 'OPTIONS') res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'If-None-Match, If-Modified-Since' }).end();
  else if (!path.startsWith(site) || !existsSync(path)) res.writeHead(404, { 'access-control-allow-origin': '*' }).end('not found');
  else res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(readFileSync(path));
  return true;
}

interface Status {
  result?: string;
  reason?: string;
  url?: string;
  version?: number;
}

let server: FixtureServer;
let session: Session;
let options: Page;
let first = '';

const updateNow = async () => (await sendFromExtensionPage(options, { type: 'update-now' })) as Status;
const activeVersion = async () => ((await readExtensionStorage(session, ['engine'])).engine as { bundleVersion: number }).bundleVersion;

beforeAll(async () => {
  jaga('keygen', '--out', keys);
  const publicKey = readFileSync(join(keys, 'jaga-public.key'), 'utf8').trim();
  first = buildAndPublish(version(90));
  const index = JSON.parse(readFileSync(join(site, 'jaga/v1/index.json'), 'utf8')) as { version: number; url: string };
  expect(index).toMatchObject({ version: version(90), url: URL_ });

  // The extension with this channel as its build-time settings, in its own output folder.
  if (!existsSync(join(ROOT, 'public/rules/default-bundle.json'))) execFileSync('npm', ['run', '--silent', 'rules:build'], { cwd: ROOT, stdio: 'ignore' });
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, JAGA_OUT_DIR: extensionOut, JAGA_UPDATE_URLS: URL_, JAGA_TRUSTED_KEYS: publicKey },
  });

  server = await startFixtureServer();
  server.routes.push(staticHost);
  session = await launch({ server, extraHosts: [HOST], extensionDir: join(extensionOut, 'chrome-mv3') });
  await waitForEngine(session);
  options = await openExtensionPage(session, 'options.html');
}, 300_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the release update channel: keygen → build → publish → update', () => {
  it('starts on the packaged bundle, and the options page names the release URL', async () => {
    expect(await activeVersion()).toBeLessThan(version(90));
    await expect.poll(() => options.locator('[data-testid="update-channel"]').innerText(), { timeout: 5000 }).toContain(URL_);
  });

  it('picks the published bundle up from the release URL; its new rule raises the dialog', async () => {
    expect(await updateNow()).toMatchObject({ url: URL_, result: 'updated', version: version(90) });
    expect(await activeVersion()).toBe(version(90));
    const page = await openFixture(session, FEED);
    await page.click(X5_LIKE);
    expect((await waitForDialog(page, DIALOG_TIMEOUT)).text).toMatch(/Pak Kumis|Kumis Sentosa|bakso/i);
    await page.close();
  });

  it('a newer published version replaces it', async () => {
    buildAndPublish(version(91));
    expect(await updateNow()).toMatchObject({ url: URL_, result: 'updated', version: version(91) });
    expect(await activeVersion()).toBe(version(91));
  });

  const served = join(site, 'jaga/v1/bundle.json');
  const cases: [string, () => void, RegExp][] = [
    [
      'tampered (one byte of the payload changed on the host)',
      () => {
        const text = readFileSync(served, 'utf8');
        const at = text.indexOf('Kumis Sentosa');
        writeFileSync(served, `${text.slice(0, at)}L${text.slice(at + 1)}`);
      },
      /signature does not match/,
    ],
    ['older (the host serves the earlier version again)', () => copyFileSync(first, served), /older than the active version \d+ \(no rollback\)/],
  ];

  it.each(cases)('refuses a %s bundle and shows why', async (_name, serve, reason) => {
    serve();
    const status = await updateNow();
    expect(status).toMatchObject({ url: URL_, result: 'rejected' });
    expect(status.reason).toMatch(reason);
    expect(await activeVersion()).toBe(version(91));
    const { updateStatus } = await readExtensionStorage(session, ['updateStatus']);
    expect(updateStatus).toMatchObject({ result: 'rejected', reason: status.reason });
    await expect.poll(() => options.locator('body').innerText(), { timeout: 5000 }).toContain(status.reason!.slice(0, 40));
  });
});
