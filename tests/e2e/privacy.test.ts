/**
 * Privacy proof: during a browsing session on fixture pages — likes held and cancelled, likes
 * proceeded, neutral likes, the options page and the popup, a rule update — the only network
 * requests the extension makes are to the rule-bundle URLs (the built-in one and the policy's).
 *
 * How the traffic is captured, independently twice:
 * - Playwright's `request` events on the context, which in Chromium include the extension's service
 *   worker (`request.serviceWorker()`) as well as every frame of every page (content scripts run in
 *   the page's frames, so anything they fetched would show up there);
 * - the fixture server, which every hostname resolves to (`MAP *`), so nothing can leave the
 *   machine unseen: the bundle hosts' GETs it saw must be exactly the service worker's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { bundlePayload } from '../../rules/bundle-payload.ts';
import { parseRuleBundle } from '../../rules/schema.ts';
import { generateKeys, serializeEnvelope, signEnvelope } from '../../rules/signing.ts';
import {
  clickDialogButton,
  expectNoDialog,
  EXTENSION_DIR,
  HANDLERS_PATH,
  openExtensionPage,
  openFixture,
  readExtensionStorage,
  sendFromExtensionPage,
  sessionWithPolicy,
  siteLog,
  waitForDialog,
} from './harness';

const AGENCY_HOST = 'rules.test.jaganetral.id';
const AGENCY_URL = `https://${AGENCY_HOST}/v1/bundle.json`;
/** The plain build has no release channel (no built-in URL): the policy's URL is the only one. */
const BUNDLE_URLS = [AGENCY_URL];
const BUNDLE_HOSTS = ['rules.jaganetral.id', AGENCY_HOST];
const DIALOG_TIMEOUT = 15_000;
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'If-None-Match, If-Modified-Since' };

let bundleBody = '';

interface Seen {
  url: string;
  method: string;
  from: 'service-worker' | 'extension-page' | 'web-page';
  pageUrl?: string;
  navigation: boolean;
}
const seen: Seen[] = [];

function classify(request: Request): Seen {
  const base = { url: request.url(), method: request.method(), navigation: request.isNavigationRequest() };
  if (request.serviceWorker()) return { ...base, from: 'service-worker' };
  const pageUrl = request.frame().url() || request.url();
  return { ...base, from: pageUrl.startsWith('chrome-extension://') ? 'extension-page' : 'web-page', pageUrl };
}

function bundleRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (!BUNDLE_HOSTS.includes(host)) return false;
  if (req.method === 'OPTIONS') res.writeHead(204, CORS).end();
  else if (host === AGENCY_HOST) res.writeHead(200, { 'content-type': 'application/json', etag: '"p1"', ...CORS }).end(bundleBody);
  else res.writeHead(404, CORS).end();
  return true;
}

/** A signed bundle one version above the shipped one, served on the agency URL; the policy trusts its key. */
async function agencyPolicy(): Promise<Record<string, unknown>> {
  const keys = await generateKeys();
  const envelope = JSON.parse(readFileSync(join(EXTENSION_DIR, 'rules/default-bundle.json'), 'utf8')) as { payload: string };
  const shipped = parseRuleBundle((JSON.parse(envelope.payload) as { bundle: unknown }).bundle);
  if (!shipped.ok) throw new Error(shipped.errors.join('\n'));
  const next = { ...shipped.bundle, version: shipped.bundle.version + 1 };
  bundleBody = serializeEnvelope(await signEnvelope(await bundlePayload(next), keys.privateKeyPem));
  return { updateUrls: [AGENCY_URL], trustedPublicKeys: [keys.publicKey] };
}

const shared = sessionWithPolicy({
  file: 'jaga-netral-test.json',
  policy: agencyPolicy,
  routes: [bundleRoute],
  // `*` last: every other hostname also resolves to the local server, so nothing leaves the machine.
  extraHosts: [...BUNDLE_HOSTS, '*'],
  onLaunch: (started) => started.context.on('request', (r) => seen.push(classify(r))),
  storedPolicy: { updateUrls: [AGENCY_URL] },
});

describe.skipIf(!shared.writable)('privacy', () => {
  it('during a browsing session the extension contacts nothing but the bundle URLs', async () => {
    const serverBefore = shared.server.requests.length;
    const fixturePages = ['https://x.com/home-id.html', 'https://x.com/home-en.html', 'https://www.instagram.com/feed-id.html'];

    // X: a partisan like cancelled, then proceeded; a neutral like passes.
    const x = await openFixture(shared.session, fixturePages[0]!);
    await x.click('article[data-post-id="x1"] [data-testid="like"]');
    await waitForDialog(x, DIALOG_TIMEOUT);
    await clickDialogButton(x, 'jaga-cancel');
    await x.click('article[data-post-id="x1"] [data-testid="like"]');
    await waitForDialog(x, DIALOG_TIMEOUT);
    await clickDialogButton(x, 'jaga-proceed');
    await x.click('article[data-post-id="x2"] [data-testid="like"]');
    await expectNoDialog(x);
    await expect.poll(() => siteLog(x)).toEqual([
      { action: 'like', postId: 'x1' },
      { action: 'like', postId: 'x2' },
    ]);

    const xEn = await openFixture(shared.session, fixturePages[1]!);
    await xEn.click('article[data-post-id="x1"] [data-testid="like"]');
    await waitForDialog(xEn, DIALOG_TIMEOUT);
    await clickDialogButton(xEn, 'jaga-proceed');

    // Instagram: a partisan like held and cancelled.
    const ig = await openFixture(shared.session, fixturePages[2]!);
    await ig.click('[data-post-id="ig-p1"] ._aamw [role="button"]');
    await waitForDialog(ig, DIALOG_TIMEOUT);
    await clickDialogButton(ig, 'jaga-cancel');

    // The extension's own pages, and a rule update from the options page.
    const popup = await openExtensionPage(shared.session, 'popup.html');
    const options = await openExtensionPage(shared.session, 'options.html');
    const status = (await sendFromExtensionPage(options, { type: 'update-now' })) as { result?: string; history: { url: string; result: string }[] };
    expect(status.history.find((a) => a.url === AGENCY_URL)).toMatchObject({ result: 'updated' });
    await options.reload();
    await popup.waitForTimeout(1000);
    for (const page of [x, xEn, ig, popup, options]) await page.close();

    // The decisions were logged — locally.
    const { decisionLog } = await readExtensionStorage(shared.session, ['decisionLog']);
    expect((decisionLog as unknown[]).length).toBeGreaterThanOrEqual(3);

    const network = (s: Seen) => /^(https?|wss?):/.test(s.url);

    // 1. The service worker fetched only the bundle URLs (and its own package files).
    const fromWorker = seen.filter((s) => s.from === 'service-worker');
    expect(fromWorker.filter(network).map((s) => s.url)).toEqual(BUNDLE_URLS);
    expect(fromWorker.filter((s) => !network(s)).every((s) => s.url.startsWith(`chrome-extension://${shared.session.extensionId}/`))).toBe(true);

    // 2. Extension pages (options, popup) loaded only their own package files.
    const fromPages = seen.filter((s) => s.from === 'extension-page');
    expect(fromPages.length).toBeGreaterThan(0);
    expect(fromPages.filter(network)).toEqual([]);

    // 3. On the social sites, the only network requests were the page loads the test made: the
    //    content scripts and the dialog fetched nothing.
    //    (The fixture pages' own <script src> stands in for the site's code: the page's request, not ours.)
    const pageOwnScript = (s: Seen) => new URL(s.url).pathname === HANDLERS_PATH && !s.navigation;
    const fromWeb = seen.filter((s) => s.from === 'web-page' && network(s) && !pageOwnScript(s));
    expect(fromWeb.every((s) => s.navigation && s.method === 'GET')).toBe(true);
    expect([...new Set(fromWeb.map((s) => s.url))].sort()).toEqual([...fixturePages].sort());

    // 4. Cross-check at the network edge: the bundle hosts got exactly the worker's GETs.
    const atServer = shared.server.requests.slice(serverBefore).filter((r) => BUNDLE_HOSTS.includes(r.host));
    expect(atServer.map((r) => `https://${r.host}${r.path}`)).toEqual(expect.arrayContaining(BUNDLE_URLS));
    const serverGets = shared.server.requests.slice(serverBefore).filter((r) => BUNDLE_HOSTS.includes(r.host) && r.method !== 'OPTIONS');
    expect(serverGets).toHaveLength(fromWorker.filter(network).length);
  });
});
