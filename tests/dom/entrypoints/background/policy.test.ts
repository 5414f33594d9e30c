import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileBundle } from '@/rules/compile';
import { generateKeys } from '@/rules/signing';
import { engineItem, policyItem, policyWarningsItem } from '@/utils/storage-items';
import { applyPolicy } from '@/utils/policy';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { policyLoaded, refreshPolicy, resetPolicyState, watchPolicy } from '@/entrypoints/background/policy';
import { storeEngine } from '@/entrypoints/background/rules-store';
import type { StoredEngine } from '@/utils/stored-values';
import { checkForUpdates } from '@/entrypoints/background/updates';
import { NEW_HASHTAG, V, bundleAt, scriptedFetch, severityOf, signed, type Handler } from './helpers';

const AGENCY_HASHTAG = 'DukungBupatiContoh';

/** Agency rules as an agency writes them: a local contest naming one of the bundle's persons too. */
const agencyRules = {
  persons: [{ id: 'bupati-contoh', name: 'Bupati Contoh Sejahtera' }],
  contests: [
    {
      id: 'pilbup-contoh-2026',
      name: 'Pilbup Contoh 2026',
      kind: 'pilkada-kabupaten',
      region: '35.07',
      phases: [{ kind: 'kampanye', from: '2020-01-01', to: '2099-12-31' }],
      contestants: [{ id: 'bupati-contoh-1', number: 1, persons: ['bupati-contoh'], hashtags: [AGENCY_HASHTAG] }],
    },
  ],
  vocabulary: { electionTerms: ['pilbup contoh'] },
};

async function local<T>(key: string): Promise<T> {
  return (await fakeBrowser.storage.local.get(key))[key] as T;
}
const engine = () => local<StoredEngine>(engineItem.key);
/** what a tab decides: its own rules, or the background's full set where its escalation filter asks */
const agencySeverity = async () => {
  const { loadEngine } = await import('@/rules/engine');
  const { FullSetFilter } = await import('@/rules/full-set-filter');
  const { fullVerdict } = await import('@/entrypoints/background/rules-store');
  const compiled = (await engine()).compiled as never;
  const content = { hashtags: [AGENCY_HASHTAG], text: `#${AGENCY_HASHTAG}` };
  const ctx = { at: new Date().toISOString(), region: '35.07' };
  if (FullSetFilter.of(compiled)?.needsFullSet(content)) return (await fullVerdict(content, ctx)).severity;
  return loadEngine(compiled).evaluate(content, ctx).severity;
};

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  resetPolicyState();
  const base = bundleAt(5);
  await storeEngine({ bundle: base, compiled: compileBundle(base) }, 'default');
});

describe('enterprise policy (storage.managed)', () => {
  it('no policy: an empty policy and no warnings are published', async () => {
    await refreshPolicy();
    expect(await local(policyItem.key)).toEqual({});
    expect(await local(policyWarningsItem.key)).toEqual([]);
  });

  it('invalid keys are ignored with warnings while the valid ones apply', async () => {
    await fakeBrowser.storage.managed.set({
      updateIntervalHours: 0,
      updateUrls: ['http://insecure.example/bundle.json'],
      trustedPublicKeys: ['not-a-key'],
      enabledSites: ['x', 'instagram'],
      actionBySeverity: { high: 'block', medium: 'warn_reason' },
      language: 'en',
      region: '35',
      allowPause: false,
      allowUserDisable: 'no',
      mode: 'strict',
    });
    await refreshPolicy();
    const policy = await local<Record<string, unknown>>(policyItem.key);
    expect(policy).toEqual({
      enabledSites: ['x', 'instagram'],
      actionBySeverity: { high: 'block', medium: 'warn_reason' },
      language: 'en',
      region: '35',
      allowPause: false,
    });
    const warnings = await local<string[]>(policyWarningsItem.key);
    expect(warnings.map((w) => w.split(':')[0]).sort()).toEqual(['allowUserDisable', 'mode', 'trustedPublicKeys', 'updateIntervalHours', 'updateUrls']);
    expect(warnings.find((w) => w.startsWith('mode'))).toMatch(/unknown policy key/);

    // what the content script and the options page make of it
    const effective = applyPolicy(DEFAULT_SETTINGS, policy);
    expect(effective.settings.actionBySeverity).toEqual({ high: 'block', medium: 'warn_reason', low: 'log' });
    expect(effective.settings.sites.facebook).toBe(false);
    expect([...effective.locked].sort()).toEqual(['actionBySeverity', 'language', 'minSeverityByAction', 'pausedUntil', 'region', 'simulatedDate', 'sites']);
  });

  it('a policy that is not an object is ignored with a warning', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue(['x'] as never);
    await refreshPolicy();
    expect(await local(policyItem.key)).toEqual({});
    expect(await local(policyWarningsItem.key)).toEqual(['policy: expected an object']);
  });

  it('no managed storage at all (Firefox without policies.json rejects the read): no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await refreshPolicy();
    expect(await local(policyItem.key)).toEqual({});
  });

  it('applies live when managed storage changes (Chrome and Edge)', async () => {
    const onChange = vi.fn();
    watchPolicy(onChange);
    await fakeBrowser.storage.managed.set({ actionBySeverity: { high: 'block' } });
    await vi.waitFor(async () => expect(await local(policyItem.key)).toEqual({ actionBySeverity: { high: 'block' } }));
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith({}, { actionBySeverity: { high: 'block' } }));

    await fakeBrowser.storage.managed.remove('actionBySeverity');
    await vi.waitFor(async () => expect(await local(policyItem.key)).toEqual({}));
  });
});

describe('extraRules', () => {
  it('merges agency rules (a JSON string, as Chrome policy carries it) into the active bundle', async () => {
    expect(await agencySeverity()).toBe('none');
    await fakeBrowser.storage.managed.set({ extraRules: JSON.stringify(agencyRules) });
    await refreshPolicy();
    expect(await local(policyWarningsItem.key)).toEqual([]);
    const e = await engine();
    expect(e.extraRules).toBe(true);
    expect(e.bundleVersion).toBe(V(5));
    expect(await agencySeverity()).not.toBe('none');
    // the bundle's own rules still work
    expect(severityOf(e.compiled, 'PrabowoGibran2024')).not.toBe('none');
  });

  it('accepts the object itself (Firefox policies.json)', async () => {
    await fakeBrowser.storage.managed.set({ extraRules: agencyRules });
    await refreshPolicy();
    expect((await engine()).extraRules).toBe(true);
    expect(await agencySeverity()).not.toBe('none');
  });

  it.each([
    ['not JSON', '{"persons": [', /extraRules: not valid JSON/],
    ['not an object', '[1,2]', /extraRules: expected an object/],
    ['an unknown member', JSON.stringify({ candidates: [] }), /extraRules: unknown member\(s\) candidates/],
    ['a schema error', JSON.stringify({ persons: [{ id: 'bupati-contoh' }] }), /extraRules\.persons\[0\]\.name/],
    ['a duplicate id', JSON.stringify({ persons: [{ id: 'prabowo-subianto', name: 'Prabowo Lain' }] }), /prabowo-subianto/],
    ['a dangling reference', JSON.stringify({ contests: [{ ...agencyRules.contests[0], contestants: [{ id: 'k', persons: ['nobody'] }] }] }), /nobody/],
  ])('invalid extra rules (%s) are ignored with a warning; the bundle alone stays active', async (_name, value, warning) => {
    const before = await engine();
    await fakeBrowser.storage.managed.set({ extraRules: value, language: 'en' });
    await refreshPolicy();
    const warnings = await local<string[]>(policyWarningsItem.key);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
    expect(warnings[0]).toMatch(/— ignored$/);
    expect(await local(policyItem.key)).toMatchObject({ language: 'en' });
    expect((await engine()).extraRules).toBe(false);
    expect((await engine()).compiled).toEqual(before.compiled);
  });

  it('removing extraRules from the policy removes them from the engine', async () => {
    await fakeBrowser.storage.managed.set({ extraRules: agencyRules });
    await refreshPolicy();
    expect(await agencySeverity()).not.toBe('none');
    await fakeBrowser.storage.managed.clear();
    await refreshPolicy();
    expect((await engine()).extraRules).toBe(false);
    expect(await agencySeverity()).toBe('none');
  });

  it('stay merged after a rule update (merged into the new bundle)', async () => {
    const keys = await generateKeys();
    const url = 'https://rules.agency.go.id/bundle.json';
    await fakeBrowser.storage.managed.set({ extraRules: agencyRules, updateUrls: [url], trustedPublicKeys: [keys.publicKey] });
    await policyLoaded();
    const body = await signed(bundleAt(6, { newRule: true }), keys.privateKeyPem);
    const routes = new Map<string, Handler>([[url, () => new Response(body)]]);
    const status = await checkForUpdates({ fetch: scriptedFetch(routes).fetch });
    expect(status.history[0]).toMatchObject({ url, result: 'updated', version: V(6) });
    const e = await engine();
    expect(e).toMatchObject({ bundleVersion: V(6), extraRules: true });
    expect(await agencySeverity()).not.toBe('none');
    expect(severityOf(e.compiled, NEW_HASHTAG)).not.toBe('none');
  });
});
