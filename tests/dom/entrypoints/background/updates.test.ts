import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileBundle } from '@/rules/compile';
import { generateKeys, type GeneratedKeys } from '@/rules/signing';
import { activeBundleItem, engineItem } from '@/utils/storage-items';
import { refreshPolicy, resetPolicyState } from '@/entrypoints/background/policy';
import { handleMessage } from '@/entrypoints/background/messages';
import type { ActiveBundle, StoredEngine, UpdateStatus } from '@/utils/stored-values';
import { storeEngine } from '@/entrypoints/background/rules-store';
import {
  HISTORY_LENGTH,
  MAX_BUNDLE_BYTES,
  UPDATE_ALARM,
  checkForUpdates,
  onUpdateAlarm,
  readStatus,
  refreshActiveStatus,
  scheduleUpdates,
} from '@/entrypoints/background/updates';
import { NEW_HASHTAG, V, bundleAt, scriptedFetch, severityOf, signed, streamingBody, unsigned, unsignedBound, type Handler } from './helpers';

// The built-in trust list and update URL, replaced by a key this test owns.
const builtIn = vi.hoisted(() => ({ keys: [] as string[] }));
vi.mock('@/utils/trusted-keys', () => ({
  BUILT_IN_PUBLIC_KEYS: builtIn.keys,
  DEFAULT_UPDATE_URLS: ['https://rules.jaganetral.id/v1/bundle.json'],
}));

const URL_DEFAULT = 'https://rules.jaganetral.id/v1/bundle.json';
const URL_AGENCY = 'https://rules.agency.go.id/jaga/bundle.json';

let project: GeneratedKeys; // built in
let agency: GeneratedKeys; // trusted only through policy
let stranger: GeneratedKeys; // never trusted

beforeAll(async () => {
  [project, agency, stranger] = await Promise.all([generateKeys(), generateKeys(), generateKeys()]);
  builtIn.keys.push(project.publicKey);
});

const routes = new Map<string, Handler>();
let net: ReturnType<typeof scriptedFetch>;

function serve(url: string, body: string, headers: Record<string, string> = {}) {
  routes.set(url, () => new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } }));
}

async function engine(): Promise<StoredEngine> {
  return (await fakeBrowser.storage.local.get(engineItem.key))[engineItem.key] as StoredEngine;
}
async function active(): Promise<ActiveBundle> {
  return (await fakeBrowser.storage.local.get(activeBundleItem.key))[activeBundleItem.key] as ActiveBundle;
}
const check = () => checkForUpdates({ fetch: net.fetch });

beforeEach(async () => {
  fakeBrowser.reset();
  resetPolicyState();
  routes.clear();
  net = scriptedFetch(routes);
  // The last good bundle: version 5, installed from the package.
  const base = bundleAt(5);
  await storeEngine({ bundle: base, compiled: compileBundle(base) }, 'default');
});

afterEach(() => vi.restoreAllMocks());

/** Rejected: the active bundle is still version 5 from the package, and the reason is recorded. */
async function expectKept(status: UpdateStatus, reason: RegExp, url = URL_DEFAULT) {
  expect(status).toMatchObject({ url, result: 'rejected' });
  expect(status.reason).toMatch(reason);
  expect(typeof status.time).toBe('number');
  expect((await engine()).bundleVersion).toBe(V(5));
  expect((await active()).source).toBe('default');
  expect(severityOf((await engine()).compiled, NEW_HASHTAG)).toBe('none');
  const stored = await readStatus();
  expect(stored.history[0]).toEqual({ time: status.time, url: status.url, result: status.result, reason: status.reason, ...(status.version ? { version: status.version } : {}) });
  expect(stored).toMatchObject({ result: 'rejected', reason: status.reason });
  expect(stored.active).toMatchObject({ version: V(5), source: 'default' });
}

describe('rule updates', () => {
  it('applies a newer bundle signed by a built-in key, atomically, and the new rule matches', async () => {
    serve(URL_DEFAULT, await signed(bundleAt(6, { newRule: true }), project.privateKeyPem));
    expect(severityOf((await engine()).compiled, NEW_HASHTAG)).toBe('none');
    const changes: string[][] = [];
    fakeBrowser.storage.onChanged.addListener((c, area) => area === 'local' && changes.push(Object.keys(c)));

    const status = await check();

    expect(status).toMatchObject({ url: URL_DEFAULT, result: 'updated', version: V(6) });
    expect((await engine()).bundleVersion).toBe(V(6));
    expect((await engine()).source).toBe('update');
    expect(severityOf((await engine()).compiled, NEW_HASHTAG)).not.toBe('none');
    expect(await active()).toMatchObject({ source: 'update', url: URL_DEFAULT });
    expect(status.active).toMatchObject({ version: V(6), source: 'update', expired: false });
    // engine and activeBundle change in one write, so no content script sees half an update
    expect(changes.filter((keys) => keys.includes(engineItem.key))).toEqual([[engineItem.key, activeBundleItem.key]]);
  });

  it('rejects a bundle with one byte changed (in the payload or the signature)', async () => {
    const good = await signed(bundleAt(6, { newRule: true }), project.privateKeyPem);
    const at = good.indexOf('"version\\":2026010106') + '"version\\":'.length;
    serve(URL_DEFAULT, `${good.slice(0, at)}7${good.slice(at + 1)}`);
    await expectKept(await check(), /signature does not match/);

    const sig = good.indexOf('"signature":"') + '"signature":"'.length;
    const flipped = good[sig] === 'A' ? 'B' : 'A';
    serve(URL_DEFAULT, `${good.slice(0, sig)}${flipped}${good.slice(sig + 1)}`);
    await expectKept(await check(), /signature does not match/);

    // a change JSON.parse forgives (extra whitespace) is still a change to the signed file
    serve(URL_DEFAULT, good.replace('{"format"', '{ "format"'));
    await expectKept(await check(), /canonical form/);
  });

  it('rejects a file where a signed U+FFFD became a lone surrogate (the same bytes to TextEncoder)', async () => {
    const bundle = bundleAt(6, { newRule: true });
    bundle.persons.find((p) => p.id === 'calon-uji')!.name = 'Calon Ujicoba \uFFFD Sentosa';
    const good = await signed(bundle, project.privateKeyPem);
    serve(URL_DEFAULT, good.replace('\uFFFD', '\\ud800'));
    await expectKept(await check(), /not well-formed/);
  });

  it('rejects an unsigned bundle', async () => {
    serve(URL_DEFAULT, unsigned(bundleAt(6, { newRule: true })));
    await expectKept(await check(), /unsigned/);
  });

  it('rejects a bundle signed by a key nobody trusts', async () => {
    serve(URL_DEFAULT, await signed(bundleAt(6, { newRule: true }), stranger.privateKeyPem));
    await expectKept(await check(), /not trusted/);
  });

  it('rejects an older signed bundle (no rollback) and treats an equal version as nothing new', async () => {
    serve(URL_DEFAULT, await signed(bundleAt(4, { newRule: true }), project.privateKeyPem));
    await expectKept(await check(), /older than the active version 2026010105 \(no rollback\)/);

    serve(URL_DEFAULT, await signed(bundleAt(5, { newRule: true }), project.privateKeyPem));
    const status = await check();
    expect(status).toMatchObject({ result: 'up-to-date', version: V(5) });
    expect(severityOf((await engine()).compiled, NEW_HASHTAG)).toBe('none');
    expect((await active()).source).toBe('default');
  });

  it('refuses an oversized bundle by its Content-Length without reading it', async () => {
    const body = streamingBody(MAX_BUNDLE_BYTES * 3);
    routes.set(URL_DEFAULT, () => new Response(body.stream, { headers: { 'content-length': String(MAX_BUNDLE_BYTES * 3) } }));
    await expectKept(await check(), /too large: 15728640 bytes declared, the limit is 5242880/);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024); // at most the stream's first queued chunk
  });

  it('stops reading an oversized bundle that does not declare its length', async () => {
    const body = streamingBody(MAX_BUNDLE_BYTES * 3);
    routes.set(URL_DEFAULT, () => new Response(body.stream));
    await expectKept(await check(), /too large: more than 5242880 bytes/);
    expect(body.pulled()).toBeLessThan(MAX_BUNDLE_BYTES + 256 * 1024);
  });

  it('rejects malformed JSON', async () => {
    serve(URL_DEFAULT, '{"format":"jaga-bundle/1","payload":');
    await expectKept(await check(), /malformed bundle: envelope: not JSON/);
    serve(URL_DEFAULT, '<html>captive portal</html>');
    await expectKept(await check(), /malformed bundle/);
  });

  it('rejects a signed bundle that fails the rules schema', async () => {
    const bad = { ...bundleAt(6), persons: [{ id: 'Not Kebab', name: '' }] };
    serve(URL_DEFAULT, await signed(bad, project.privateKeyPem, compileBundle(bundleAt(6))));
    await expectKept(await check(), /invalid rule bundle: persons\[0\]/);
  });

  it('runs rules compiled on the device from the signed source, not the shipped compiled form', async () => {
    // Under the right hash, a shipped form that does not even load: the source is what counts.
    const source = bundleAt(6, { newRule: true });
    const { sourceHashOf } = await import('@/rules/compile');
    serve(URL_DEFAULT, await signed(source, project.privateKeyPem, { format: 999, sourceHash: await sourceHashOf(source) }));
    expect(await check()).toMatchObject({ result: 'updated', version: V(6) });
    expect(severityOf((await engine()).compiled, NEW_HASHTAG)).not.toBe('none');
  });

  it('rejects a signed bundle whose compiled rules are not those of its source', async () => {
    // The options page would show the new rule set while the engine ran an empty one.
    const source = bundleAt(6, { newRule: true });
    const empty = { ...bundleAt(6), persons: [], parties: [], contests: [] };
    serve(URL_DEFAULT, await signed(source, project.privateKeyPem, compileBundle(empty)));
    await expectKept(await check(), /compiled rules do not match the bundle's source/);
    // Under the source's hash, other compiled rules are not what runs: the device compiles the source.
    const { sourceHashOf } = await import('@/rules/compile');
    serve(URL_DEFAULT, await signed(source, project.privateKeyPem, { ...compileBundle(empty), sourceHash: await sourceHashOf(source) }));
    expect(await check()).toMatchObject({ result: 'updated', version: V(6) });
    expect(severityOf((await engine()).compiled, NEW_HASHTAG)).not.toBe('none');
  });

  it('rotates keys through policy: a bundle signed by a new key applies once the policy trusts it', async () => {
    const url = URL_DEFAULT;
    serve(url, await signed(bundleAt(6, { newRule: true }), agency.privateKeyPem));
    await expectKept(await check(), /not trusted/);

    await fakeBrowser.storage.managed.set({ trustedPublicKeys: [agency.publicKey] });
    resetPolicyState(); // a fresh service worker reads the policy again
    const status = await check();
    expect(status).toMatchObject({ result: 'updated', version: V(6) });
    expect((await active()).keyId).toBe(await import('@/rules/signing').then((s) => s.keyIdOf(agency.publicKey)));
  });

  it('checks the policy URLs too, and a later URL can bring a higher version', async () => {
    await fakeBrowser.storage.managed.set({ updateUrls: [URL_AGENCY], trustedPublicKeys: [agency.publicKey] });
    serve(URL_DEFAULT, await signed(bundleAt(6), project.privateKeyPem));
    serve(URL_AGENCY, await signed(bundleAt(7, { newRule: true }), agency.privateKeyPem));
    const status = await check();
    expect(net.seen.map((r) => r.url)).toEqual([URL_DEFAULT, URL_AGENCY]);
    expect(status.history.slice(0, 2).map((a) => [a.url, a.result, a.version])).toEqual([
      [URL_AGENCY, 'updated', V(7)],
      [URL_DEFAULT, 'updated', V(6)],
    ]);
    expect((await engine()).bundleVersion).toBe(V(7));
  });

  it('sends the validators it was given (ETag, Last-Modified) and keeps the bundle on 304', async () => {
    const body = await signed(bundleAt(6, { newRule: true }), project.privateKeyPem);
    routes.set(URL_DEFAULT, (req) =>
      req.headers['if-none-match'] === '"b6"'
        ? new Response(null, { status: 304 })
        : new Response(body, { headers: { etag: '"b6"', 'last-modified': 'Tue, 06 Jan 2026 08:00:00 GMT' } }),
    );
    expect((await check()).result).toBe('updated');
    expect(net.seen[0]!.headers['if-none-match']).toBeUndefined();

    const status = await check();
    expect(net.seen[1]!.headers).toMatchObject({ 'if-none-match': '"b6"', 'if-modified-since': 'Tue, 06 Jan 2026 08:00:00 GMT' });
    expect(status).toMatchObject({ result: 'not-modified' });
    expect(status.validators[URL_DEFAULT]).toEqual({ etag: '"b6"', lastModified: 'Tue, 06 Jan 2026 08:00:00 GMT' });
    expect((await engine()).bundleVersion).toBe(V(6));
  });

  it('asks again without validators when the conditional request fails (a host without CORS preflight)', async () => {
    const body = await signed(bundleAt(6), project.privateKeyPem);
    const preflightless = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new Headers(init?.headers).has('if-none-match')) throw new TypeError('Failed to fetch');
      return net.fetch(input, init);
    }) as typeof fetch;
    routes.set(URL_DEFAULT, () => new Response(body, { headers: { etag: '"b6"' } }));
    await checkForUpdates({ fetch: preflightless });
    const status = await checkForUpdates({ fetch: preflightless });
    expect(status).toMatchObject({ result: 'up-to-date', version: V(6) });
    expect(net.seen.map((r) => r.headers['if-none-match'])).toEqual([undefined, undefined]);
  });

  it('does not remember validators of a rejected download (it is fetched in full next time)', async () => {
    routes.set(URL_DEFAULT, () => new Response(unsigned(bundleAt(6)), { headers: { etag: '"bad"' } }));
    await check();
    await check();
    expect(net.seen[1]!.headers['if-none-match']).toBeUndefined();
    expect((await readStatus()).validators[URL_DEFAULT]).toBeUndefined();
  });

  it('records network and HTTP errors and keeps the bundle', async () => {
    routes.set(URL_DEFAULT, () => new Response('oops', { status: 503 }));
    const status = await check();
    expect(status).toMatchObject({ result: 'error', reason: 'download failed: HTTP 503' });
    expect((await engine()).bundleVersion).toBe(V(5));

    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await checkForUpdates({ fetch: offline }))).toMatchObject({ result: 'error', reason: 'download failed: Failed to fetch' });
  });

  it('uses an expired bundle but says so', async () => {
    serve(URL_DEFAULT, await signed(bundleAt(6, { newRule: true, expiresAt: '2026-06-30' }), project.privateKeyPem));
    const status = await check();
    expect(status).toMatchObject({ result: 'updated', version: V(6) });
    expect(status.reason).toMatch(/expired on 2026-06-30/);
    expect(status.active).toMatchObject({ version: V(6), expired: true, expiresAt: '2026-06-30' });
    expect((await engine()).bundleVersion).toBe(V(6));
  });

  it('keeps a short history, newest first', async () => {
    routes.set(URL_DEFAULT, () => new Response('x', { status: 500 }));
    for (let i = 0; i < HISTORY_LENGTH + 3; i++) await checkForUpdates({ fetch: net.fetch, now: () => 1000 + i });
    const status = await readStatus();
    expect(status.history).toHaveLength(HISTORY_LENGTH);
    expect(status.history[0]!.time).toBe(1000 + HISTORY_LENGTH + 2);
    expect(status.history[0]).toEqual({ time: 1000 + HISTORY_LENGTH + 2, url: URL_DEFAULT, result: 'error', reason: 'download failed: HTTP 500' });
  });

  it('serialises concurrent checks (one download is applied once)', async () => {
    serve(URL_DEFAULT, await signed(bundleAt(6), project.privateKeyPem));
    const [a, b] = await Promise.all([check(), check()]);
    expect([a.result, b.result].sort()).toEqual(['up-to-date', 'updated']);
  });
});

describe('versions, revocation and keys tied to URLs', () => {
  /** bundleAt(6) with the new rule, at a given version and issue date */
  const at = (version: number, issuedAt = '2026-01-01') => ({ ...bundleAt(6, { newRule: true }), version, issuedAt });
  const JAN_10 = Date.UTC(2026, 0, 10, 12);
  const checkOn = (time: number) => checkForUpdates({ fetch: net.fetch, now: () => time });

  /** The package's own default bundle (what the background falls back to). */
  function packagedIs(bundle: ReturnType<typeof bundleAt>) {
    return unsignedBound(bundle).then((body) => {
      vi.stubGlobal('fetch', (async (input: RequestInfo | URL) =>
        String(input).endsWith('/rules/default-bundle.json') ? new Response(body) : new Response('not found', { status: 404 })) as typeof fetch);
    });
  }
  afterEach(() => vi.unstubAllGlobals());

  it('refuses versions outside YYYYMMDDnn, dated ahead of the clock, or not matching issuedAt', async () => {
    serve(URL_DEFAULT, await signed(at(9007199254740991), project.privateKeyPem));
    await expectKept(await checkOn(JAN_10), /version 9007199254740991 is not of the form YYYYMMDDnn/);
    serve(URL_DEFAULT, await signed(at(2026011301, '2026-01-13'), project.privateKeyPem));
    await expectKept(await checkOn(JAN_10), /version 2026011301 is dated 2026-01-13, more than a day ahead of the clock/);
    serve(URL_DEFAULT, await signed(at(2026011001, '2026-01-12'), project.privateKeyPem));
    await expectKept(await checkOn(JAN_10), /issued 2026-01-12, more than a day ahead of the clock/);
    serve(URL_DEFAULT, await signed(at(2026010901, '2025-12-01'), project.privateKeyPem));
    await expectKept(await checkOn(JAN_10), /version 2026010901 is dated 2026-01-09 but the bundle was issued 2025-12-01/);
    serve(URL_DEFAULT, await signed(at(2026013201, '2026-01-01'), project.privateKeyPem));
    await expectKept(await checkOn(JAN_10), /not of the form YYYYMMDDnn/);
    // the next day is within the bound (time zones)
    serve(URL_DEFAULT, await signed(at(2026011101, '2026-01-11'), project.privateKeyPem));
    expect(await checkOn(JAN_10)).toMatchObject({ result: 'updated', version: 2026011101 });
  });

  it('revokes a key: its active bundle gives way to the packaged one, and real updates apply again', async () => {
    await packagedIs(bundleAt(5));
    await fakeBrowser.storage.managed.set({ trustedPublicKeys: [agency.publicKey] });
    serve(URL_AGENCY, await signed(bundleAt(90, { newRule: true }), agency.privateKeyPem));
    await fakeBrowser.storage.managed.set({ trustedPublicKeys: [agency.publicKey], updateUrls: [URL_AGENCY] });
    expect(await check()).toMatchObject({ url: URL_AGENCY, result: 'updated', version: V(90) });

    // The agency's key was stolen: the policy no longer lists it (nor its URL).
    await fakeBrowser.storage.managed.clear();
    resetPolicyState();
    await refreshPolicy();
    await refreshActiveStatus(); // what the background runs after every policy change and at start
    expect((await engine()).bundleVersion).toBe(V(5));
    expect((await active()).source).toBe('default');
    const status = await readStatus();
    expect(status).toMatchObject({ result: 'rejected', url: URL_AGENCY, version: V(90) });
    expect(status.reason).toMatch(/no longer trusted .*back to the packaged version 2026010105/);
    expect(severityOf((await engine()).compiled, NEW_HASHTAG)).toBe('none');

    // V(6) from the project is no longer refused as a rollback below V(90)
    serve(URL_DEFAULT, await signed(bundleAt(6), project.privateKeyPem));
    expect(await check()).toMatchObject({ url: URL_DEFAULT, result: 'updated', version: V(6) });
  });

  it('drops an active bundle that cannot be checked again (absurd version, no signed copy kept)', async () => {
    await packagedIs(bundleAt(5));
    const stuck = { ...bundleAt(6), version: 9007199254740991 };
    await storeEngine({ bundle: stuck, compiled: compileBundle(stuck) }, { source: 'update', url: URL_DEFAULT, appliedAt: 1 });
    await refreshActiveStatus();
    expect((await engine()).bundleVersion).toBe(V(5));
    serve(URL_DEFAULT, await signed(bundleAt(6), project.privateKeyPem));
    expect(await check()).toMatchObject({ result: 'updated', version: V(6) });
  });

  it('keeps an active bundle whose key is still trusted', async () => {
    await packagedIs(bundleAt(5));
    serve(URL_DEFAULT, await signed(bundleAt(6, { newRule: true }), project.privateKeyPem));
    expect(await check()).toMatchObject({ result: 'updated', version: V(6) });
    await refreshActiveStatus();
    expect((await engine()).bundleVersion).toBe(V(6));
    expect((await readStatus()).result).toBe('updated');
  });

  it('a key tied to its update URL does not make a bundle from another URL valid', async () => {
    await fakeBrowser.storage.managed.set({ updateSources: [{ url: URL_AGENCY, publicKeys: [agency.publicKey] }] });
    serve(URL_DEFAULT, await signed(bundleAt(6, { newRule: true }), agency.privateKeyPem));
    serve(URL_AGENCY, await signed(bundleAt(6, { newRule: true }), project.privateKeyPem));
    const status = await check();
    expect(net.seen.map((r) => r.url)).toEqual([URL_DEFAULT, URL_AGENCY]);
    // the agency's key is not trusted for the release URL, nor the release key for the agency URL
    expect(status.history.slice(0, 2).map((a) => [a.url, a.result])).toEqual([
      [URL_AGENCY, 'rejected'],
      [URL_DEFAULT, 'rejected'],
    ]);
    expect(status.history[1]!.reason).toMatch(/not trusted for https:\/\/rules\.jaganetral\.id/);
    expect((await engine()).bundleVersion).toBe(V(5));

    serve(URL_AGENCY, await signed(bundleAt(7, { newRule: true }), agency.privateKeyPem));
    await check();
    expect((await engine()).bundleVersion).toBe(V(7));
  });
});

describe('downloads that never finish', () => {
  /** A fetch that never answers; it only gives up when its signal is aborted (as a real fetch does). */
  const hanging = (async (_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
    })) as typeof fetch;

  it('a stalled download does not hold up rule writes (a policy change applies meanwhile)', async () => {
    let asked!: () => void;
    const fetchCalled = new Promise<void>((resolve) => (asked = resolve));
    const stalled = ((input: RequestInfo | URL, init?: RequestInit) => {
      asked();
      return hanging(input, init);
    }) as typeof fetch;
    const pending = checkForUpdates({ fetch: stalled, timeouts: { headersMs: 60_000, totalMs: 60_000 } });
    await fetchCalled; // the download has started
    let checkDone = false;
    void pending.then(() => (checkDone = true));
    // rebuildEngine is what a new policy's extraRules go through; it must not wait for the download
    const { rebuildEngine } = await import('@/entrypoints/background/rules-store');
    await rebuildEngine();
    expect(checkDone).toBe(false);
    expect((await engine()).bundleVersion).toBe(V(5));
  });

  it('gives up on a server that never sends headers, and records why', async () => {
    const status = await checkForUpdates({ fetch: hanging, timeouts: { headersMs: 20, totalMs: 60_000 } });
    expect(status).toMatchObject({ url: URL_DEFAULT, result: 'error' });
    expect(status.reason).toMatch(/no answer within 0\.02 s/);
    expect((await engine()).bundleVersion).toBe(V(5));
  });

  it('gives up on a body that stops half-way (total bound), and records why', async () => {
    const trickle = (async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"format":"jaga-bundle/1",'));
            // …and nothing more, ever
          },
        }),
      )) as typeof fetch;
    const status = await checkForUpdates({ fetch: trickle, timeouts: { headersMs: 60_000, totalMs: 30 } });
    expect(status).toMatchObject({ url: URL_DEFAULT, result: 'error' });
    expect(status.reason).toMatch(/not complete within 0\.03 s/);
  });
});

describe('update-now message', () => {
  const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

  it('runs a check for an extension page and answers with the status', async () => {
    vi.stubGlobal('fetch', net.fetch);
    serve(URL_DEFAULT, await signed(bundleAt(6), project.privateKeyPem));
    const status = (await handleMessage({ type: 'update-now' }, extensionPage())) as UpdateStatus;
    expect(status).toMatchObject({ result: 'updated', version: V(6) });
    vi.unstubAllGlobals();
  });

  it('is refused from content scripts (a social site cannot trigger downloads)', async () => {
    const contentScript = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 3 } as never, frameId: 0 };
    await expect(handleMessage({ type: 'update-now' }, contentScript)).rejects.toThrow('not allowed');
    // an extension page opened in a tab is still an extension page
    vi.stubGlobal('fetch', net.fetch);
    await expect(handleMessage({ type: 'update-now' }, { ...extensionPage(), tab: { id: 4 } as never })).resolves.toBeTruthy();
    vi.unstubAllGlobals();
    expect(net.seen).toHaveLength(1);
  });
});

describe('schedule', () => {
  it('first check within minutes, then every interval with jitter; the policy interval applies', async () => {
    const now = Date.now();
    await scheduleUpdates({}, now);
    const first = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(first!.scheduledTime).toBeGreaterThanOrEqual(now + 60_000);
    expect(first!.scheduledTime).toBeLessThanOrEqual(now + 10 * 60_000);

    routes.set(URL_DEFAULT, () => new Response(null, { status: 304 }));
    await onUpdateAlarm({ fetch: net.fetch, now: () => now });
    const next = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(next!.scheduledTime).toBeGreaterThanOrEqual(now + 6 * 0.9 * 3600_000);
    expect(next!.scheduledTime).toBeLessThanOrEqual(now + 6 * 1.1 * 3600_000);
    expect((await readStatus()).nextCheck).toBe(next!.scheduledTime);

    // a policy that asks for hourly checks pulls the far alarm in
    await scheduleUpdates({ updateIntervalHours: 1 }, now);
    const hourly = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(hourly!.scheduledTime).toBeLessThanOrEqual(now + 1.1 * 3600_000);
    expect(hourly!.scheduledTime).toBeGreaterThanOrEqual(now + 0.9 * 3600_000);

    // new URLs or keys: check soon
    await scheduleUpdates({ updateIntervalHours: 1 }, now, 'soon');
    expect((await fakeBrowser.alarms.get(UPDATE_ALARM))!.scheduledTime).toBeLessThanOrEqual(now + 10 * 60_000);
  });
});
