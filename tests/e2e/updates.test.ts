/**
 * Signed rule updates end to end: the built extension in Chromium under a real policy file
 * (/etc/chromium/policies/managed/) that adds an agency update URL and its signing key through
 * `3rdparty.extensions.<id>`. The fixture server serves bundles on rules.test.jaganetral.id (and
 * answers 404 for rules.jaganetral.id, which the plain build, having no release channel, must not ask).
 *
 * A good update is applied without reloading an open page (a new rule then raises the dialog);
 * tampered, unsigned, older, oversized and malformed bundles are refused, the last good one stays,
 * and the reason is in updateStatus and on the options page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bundlePayload } from '../../rules/bundle-payload.ts';
import { parseRuleBundle, type RuleBundle } from '../../rules/schema.ts';
import { generateKeys, serializeEnvelope, signEnvelope, unsignedEnvelope, type GeneratedKeys } from '../../rules/signing.ts';
import {
  expectNoDialog,
  EXTENSION_DIR,
  openExtensionPage,
  openFixture,
  readExtensionStorage,
  sendFromExtensionPage,
  sessionWithPolicy,
  siteLog,
  waitForDialog,
} from './harness';

const UPDATE_HOST = 'rules.test.jaganetral.id';
const UPDATE_URL = `https://${UPDATE_HOST}/v1/bundle.json`;
const FEED = 'https://x.com/home-id.html';
/** x5 is a food review ("Review bakso Pak Kumis…"): neutral under the shipped rules. */
const X5_LIKE = 'article[data-post-id="x5"] [data-testid="like"]';
/** generous: the machine may be busy with other test runs; this is a wait, not a timing assertion */
const DIALOG_TIMEOUT = 15_000;

let keys: GeneratedKeys;
let shipped: RuleBundle;
/** what the update URL answers */
let answer: { status: number; body: string | Buffer; headers?: Record<string, string> } = { status: 404, body: 'none yet' };

/** The bundle the package ships, at another version, optionally with a rule for x5's text. */
function bundleAt(version: number, newRule: boolean): RuleBundle {
  const b = structuredClone(shipped);
  b.version = version;
  if (newRule) {
    b.persons.push({ id: 'kumis-sentosa', name: 'Kumis Sentosa', aliases: ['Pak Kumis'] });
    b.contests.push({
      id: 'pilkada-uji-e2e',
      name: 'Pilkada Uji',
      kind: 'pilpres',
      phases: [{ kind: 'kampanye', from: '2020-01-01', to: '2099-12-31' }],
      contestants: [{ id: 'kumis-1', number: 7, persons: ['kumis-sentosa'], slogans: ['bakso Pak Kumis'] }],
    });
  }
  const checked = parseRuleBundle(b);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.bundle;
}

const payload = bundlePayload;
const signedBody = async (b: RuleBundle) => serializeEnvelope(await signEnvelope(await payload(b), keys.privateKeyPem));

/**
 * The bundle hosts as docs/deployment.md tells agencies to serve them: CORS for any origin (the
 * extension has no host permission there) and an answer to the preflight that the conditional
 * request headers cause.
 */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
  'access-control-expose-headers': 'ETag, Last-Modified',
};

function updateRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (host !== UPDATE_HOST && host !== 'rules.jaganetral.id') return false;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS).end();
    return true;
  }
  if (host === 'rules.jaganetral.id') {
    res.writeHead(404, CORS).end('not here in tests');
    return true;
  }
  res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...CORS, ...answer.headers });
  res.end(answer.body);
  return true;
}

interface Status {
  result?: string;
  reason?: string;
  url?: string;
  version?: number;
  history: { url: string; result: string; reason?: string }[];
}

let options: Page;

async function updateNow(): Promise<Status> {
  return (await sendFromExtensionPage(options, { type: 'update-now' })) as Status;
}

async function activeVersion(): Promise<number> {
  const { engine } = await readExtensionStorage(shared.session, ['engine']);
  return (engine as { bundleVersion: number }).bundleVersion;
}

/** The shipped bundle and a fresh signing key; the policy adds the update URL and trusts the key. */
async function updatePolicy(): Promise<Record<string, unknown>> {
  keys = await generateKeys();
  const envelope = JSON.parse(readFileSync(join(EXTENSION_DIR, 'rules/default-bundle.json'), 'utf8')) as { payload: string };
  const parsed = parseRuleBundle((JSON.parse(envelope.payload) as { bundle: unknown }).bundle);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  shipped = parsed.bundle;
  return { updateUrls: [UPDATE_URL], trustedPublicKeys: [keys.publicKey] };
}

const shared = sessionWithPolicy({
  file: 'jaga-netral-test.json',
  policy: updatePolicy,
  routes: [updateRoute],
  extraHosts: [UPDATE_HOST, 'rules.jaganetral.id'],
  // the policy reached the extension through Chromium's 3rdparty policy
  storedPolicy: () => ({ updateUrls: [UPDATE_URL], trustedPublicKeys: [keys.publicKey] }),
  prepare: async (started) => {
    options = await openExtensionPage(started, 'options.html');
  },
});

describe.skipIf(!shared.writable)('signed rule updates', () => {
  it('starts on the shipped bundle; x5 (a food review) is neutral', async () => {
    expect(await activeVersion()).toBe(shipped.version);
    const page = await openFixture(shared.session, FEED);
    await page.click(X5_LIKE);
    await expectNoDialog(page);
    expect(await siteLog(page)).toEqual([{ action: 'like', postId: 'x5' }]);
    await page.close();
  });

  it('applies a good update without reloading an open page: the new rule raises the dialog', async () => {
    const open = await openFixture(shared.session, FEED); // opened before the update, never reloaded
    answer = { status: 200, body: await signedBody(bundleAt(shipped.version + 1, true)), headers: { etag: '"v1"' } };
    const status = await updateNow();
    expect(status).toMatchObject({ url: UPDATE_URL, result: 'updated', version: shipped.version + 1 });
    // the plain build has no release channel: the policy's URL is the only one asked
    expect(status.history.filter((a) => a.url !== UPDATE_URL)).toEqual([]);
    expect(await activeVersion()).toBe(shipped.version + 1);

    await open.click(X5_LIKE);
    const dialog = await waitForDialog(open, DIALOG_TIMEOUT);
    expect(dialog.text).toMatch(/Pak Kumis|Kumis Sentosa|bakso/i);
    await open.close();
  });

  it('sends the ETag back and is told 304 Not Modified', async () => {
    const seen: Record<string, string | undefined>[] = [];
    shared.server.routes.unshift((req, res) => {
      if ((req.headers.host ?? '').replace(/:\d+$/, '') !== UPDATE_HOST || req.method !== 'GET') return false;
      seen.push({ inm: req.headers['if-none-match'] as string | undefined });
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, CORS).end();
        return true;
      }
      return false;
    });
    const status = await updateNow();
    shared.server.routes.shift();
    expect(seen).toEqual([{ inm: '"v1"' }]);
    expect(status.history.find((a) => a.url === UPDATE_URL)).toMatchObject({ result: 'not-modified' });
  });

  const good = () => signedBody(bundleAt(shipped.version + 5, true));
  const cases: [string, () => Promise<string | Buffer>, RegExp][] = [
    [
      'tampered (one byte of the payload changed)',
      async () => {
        const body = await good();
        const at = body.indexOf('Kumis Sentosa');
        return `${body.slice(0, at)}L${body.slice(at + 1)}`;
      },
      /signature does not match/,
    ],
    ['unsigned', async () => serializeEnvelope(unsignedEnvelope(await payload(bundleAt(shipped.version + 5, true)))), /unsigned/],
    ['older (a replayed earlier version)', () => signedBody(bundleAt(shipped.version - 1, true)), /older than the active version .* \(no rollback\)/],
    ['oversized (6 MB)', async () => Buffer.alloc(6 * 1024 * 1024, 0x20), /too large/],
    ['malformed JSON', async () => '{"format":"jaga-bundle/1","payload":"{', /malformed bundle/],
  ];

  it.each(cases)('refuses a %s bundle, keeps the last good one and shows why', async (_name, body, reason) => {
    answer = { status: 200, body: await body() };
    const status = await updateNow();
    expect(status).toMatchObject({ url: UPDATE_URL, result: 'rejected' });
    expect(status.reason).toMatch(reason);
    expect(await activeVersion()).toBe(shipped.version + 1);
    const { updateStatus } = await readExtensionStorage(shared.session, ['updateStatus']);
    expect(updateStatus).toMatchObject({ result: 'rejected', reason: status.reason });

    // The options page shows the reason.
    await expect.poll(() => options.locator('body').innerText(), { timeout: 5000 }).toContain(status.reason!.slice(0, 40));

    // The last good rules still work on a fresh page.
    const page = await openFixture(shared.session, FEED);
    await page.click(X5_LIKE);
    await waitForDialog(page, DIALOG_TIMEOUT);
    await page.close();
  });
});
