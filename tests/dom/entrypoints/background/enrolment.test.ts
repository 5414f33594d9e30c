import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileBundle } from '@/rules/compile';
import { generateKeys } from '@/rules/signing';
import { buildEnrolmentLink, signAgencyPolicy, type AgencyPolicyPayload } from '@/utils/enrolment';
import { ENROLMENT_KEYS, readEnrolment } from '@/utils/enrolment-store';
import { policyItem } from '@/utils/storage-items';
import { confirmEnrolment, leaveEnrolment, previewEnrolment, refreshEnrolment } from '@/entrypoints/background/enrolment';
import { handleMessage } from '@/entrypoints/background/messages';
import { refreshPolicy, resetPolicyState } from '@/entrypoints/background/policy';
import { storeEngine } from '@/entrypoints/background/rules-store';
import { bundleAt, scriptedFetch, type Handler } from './helpers';

const URL_ = 'https://jaga.example.go.id/kebijakan.json';
const DAY = 86_400_000;
const agency = await generateKeys();
const stranger = await generateKeys();
const LINK = buildEnrolmentLink({ policyUrl: URL_, publicKey: agency.publicKey, agencyName: 'Pemkot Contoh' });

function payload(overrides: Partial<AgencyPolicyPayload> = {}): AgencyPolicyPayload {
  return {
    agencyName: 'Pemerintah Kota Contoh',
    agencyId: 'pemkot-contoh',
    issuedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    expiresAt: new Date(Date.now() + 90 * DAY).toISOString(),
    policy: { actionBySeverity: { high: 'block' }, allowPause: false },
    ...overrides,
  };
}

function serving(body: () => string | Promise<string>) {
  return scriptedFetch(new Map<string, Handler>([[URL_, async () => new Response(await body())]]));
}

async function local<T>(key: string): Promise<T> {
  return (await fakeBrowser.storage.local.get(key))[key] as T;
}

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  resetPolicyState();
  const base = bundleAt(5);
  await storeEngine({ bundle: base, compiled: compileBundle(base) }, 'default');
});

async function enrol(file?: string) {
  const body = file ?? (await signAgencyPolicy(payload(), agency.privateKeyPem));
  const preview = await previewEnrolment(LINK, { fetch: serving(() => body).fetch });
  if (!preview.ok) throw new Error(preview.reason);
  const confirmed = await confirmEnrolment(LINK, preview.envelope);
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return preview;
}

describe('enrolling', () => {
  it('a preview fetches and verifies the policy but stores nothing', async () => {
    const file = await signAgencyPolicy(payload(), agency.privateKeyPem);
    const { fetch, seen } = serving(() => file);
    const preview = await previewEnrolment(LINK, { fetch });
    expect(preview.ok && preview.agencyName).toBe('Pemerintah Kota Contoh');
    expect(preview.ok && preview.policy).toEqual({ actionBySeverity: { high: 'block' }, allowPause: false });
    expect(seen.map((r) => r.url)).toEqual([URL_]);
    expect(await readEnrolment()).toBeNull();
    expect(await local(policyItem.key)).toBeUndefined();
  });

  it('a refused preview says why', async () => {
    const file = await signAgencyPolicy(payload(), stranger.privateKeyPem);
    const preview = await previewEnrolment(LINK, { fetch: serving(() => file).fetch });
    expect(preview).toMatchObject({ ok: false, code: 'wrong-key' });
  });

  it('confirming pins the key and publishes the policy as the managed one would be', async () => {
    await enrol();
    const record = await readEnrolment();
    expect(record?.publicKey).toBe(agency.publicKey);
    expect(record?.agencyName).toBe('Pemerintah Kota Contoh');
    expect(await local(policyItem.key)).toEqual({ actionBySeverity: { high: 'block' }, allowPause: false });
    expect(await local(ENROLMENT_KEYS.policySource)).toBe('enrolled');
    expect(await local<{ policy: unknown }>(ENROLMENT_KEYS.enrolledPolicy)).toMatchObject({ policy: { allowPause: false } });
  });

  it('confirming re-verifies what the page hands back: a changed file is refused', async () => {
    const file = await signAgencyPolicy(payload(), agency.privateKeyPem);
    const r = await confirmEnrolment(LINK, file.replace('\\"block\\"', '\\"off\\"'));
    expect(r).toMatchObject({ ok: false, code: 'tampered' });
    expect(await readEnrolment()).toBeNull();
  });

  it('a real managed policy always wins over the enrolled one', async () => {
    await fakeBrowser.storage.managed.set({ allowUserDisable: false });
    await enrol();
    expect(await local(policyItem.key)).toEqual({ allowUserDisable: false });
    expect(await local(ENROLMENT_KEYS.policySource)).toBe('managed');
    await fakeBrowser.storage.managed.clear();
    await refreshPolicy();
    expect(await local(policyItem.key)).toEqual({ actionBySeverity: { high: 'block' }, allowPause: false });
  });
});

describe('following the enrolled policy', () => {
  it('takes a newer file signed by the pinned key', async () => {
    await enrol();
    const newer = await signAgencyPolicy(
      payload({ issuedAt: new Date(Date.now() - DAY).toISOString(), policy: { allowPause: true } }),
      agency.privateKeyPem,
    );
    await refreshEnrolment({ fetch: serving(() => newer).fetch });
    expect(await local(policyItem.key)).toEqual({ allowPause: true });
    expect((await readEnrolment())?.lastCheck).toMatchObject({ ok: true });
  });

  it.each([
    [
      'rollback',
      () => signAgencyPolicy(payload({ issuedAt: new Date(Date.now() - 5 * DAY).toISOString(), policy: {} }), agency.privateKeyPem),
    ],
    ['wrong-key', () => signAgencyPolicy(payload({ policy: {} }), stranger.privateKeyPem)],
    ['expired', () => signAgencyPolicy(payload({ expiresAt: new Date(Date.now() - DAY).toISOString(), policy: {} }), agency.privateKeyPem)],
  ] as const)('keeps the last good policy and records why on %s', async (code, file) => {
    await enrol();
    const body = await file();
    await refreshEnrolment({ fetch: serving(() => body).fetch });
    expect(await local(policyItem.key)).toEqual({ actionBySeverity: { high: 'block' }, allowPause: false });
    const last = (await readEnrolment())?.lastCheck;
    expect(last).toMatchObject({ ok: false, code });
    expect(last?.reason?.length).toBeGreaterThan(10);
  });

  it('keeps the last good policy when the server is unreachable', async () => {
    await enrol();
    await refreshEnrolment({ fetch: scriptedFetch(new Map()).fetch });
    expect(await local(policyItem.key)).toEqual({ actionBySeverity: { high: 'block' }, allowPause: false });
    expect((await readEnrolment())?.lastCheck).toMatchObject({ ok: false, code: 'download' });
  });

  it('an expired held policy stops applying', async () => {
    const soon = Date.now() + 60_000;
    await enrol(await signAgencyPolicy(payload({ expiresAt: new Date(soon).toISOString() }), agency.privateKeyPem));
    expect(await local(ENROLMENT_KEYS.policySource)).toBe('enrolled');
    vi.spyOn(Date, 'now').mockReturnValue(soon + 1);
    await refreshPolicy();
    expect(await local(policyItem.key)).toEqual({});
    expect(await local(ENROLMENT_KEYS.policySource)).toBe('none');
    expect(await readEnrolment()).not.toBeNull();
  });

  it('leaving removes the enrolment and its policy', async () => {
    await enrol();
    await leaveEnrolment();
    expect(await readEnrolment()).toBeNull();
    expect(await local(ENROLMENT_KEYS.enrolledPolicy)).toBeUndefined();
    expect(await local(policyItem.key)).toEqual({});
  });
});

describe('enrolment messages', () => {
  const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
  const contentScript = () => ({ id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 3 } as never, frameId: 0 });

  it('an extension page previews and confirms through messages', async () => {
    const file = await signAgencyPolicy(payload(), agency.privateKeyPem);
    vi.stubGlobal('fetch', serving(() => file).fetch);
    try {
      const preview = (await handleMessage({ type: 'enrol-preview', link: LINK }, extensionPage())) as { ok: boolean; envelope: string };
      expect(preview.ok).toBe(true);
      expect(await handleMessage({ type: 'enrol-confirm', link: LINK, envelope: preview.envelope }, extensionPage())).toMatchObject({
        ok: true,
      });
      expect((await readEnrolment())?.agencyId).toBe('pemkot-contoh');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a social site cannot enrol, check or leave (content scripts are refused)', async () => {
    await enrol();
    for (const message of [{ type: 'enrol-preview', link: LINK }, { type: 'enrol-check' }, { type: 'enrol-leave' }]) {
      await expect(handleMessage(message, contentScript())).rejects.toThrow('not allowed');
    }
    expect(await readEnrolment()).not.toBeNull();
  });
});
