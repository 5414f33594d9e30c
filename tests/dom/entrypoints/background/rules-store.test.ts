/**
 * Compiled rules stored by an older version of the extension (another COMPILED_FORMAT) are refused
 * and recompiled from the active bundle's source, so that content scripts, which cannot load them,
 * are never left without rules after an update of the extension.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background/messages';
import { ensureEngine, rebuildEngine, syncDefaultBundle, TAB_SET_VERSION, watchRegion } from '@/entrypoints/background/rules-store';
import { FullSetFilter } from '@/rules/full-set-filter';
import { COMPILED_FORMAT, packBytes, unpackBytes } from '@/rules/compiled';
import { compileBundle } from '@/rules/compile';
import { loadEngine } from '@/rules/engine';
import { decodeRules } from '@/rules/tables';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { activeBundleItem, engineItem, policyItem, settingsItem } from '@/utils/storage-items';
import type { ActiveBundle, StoredEngine } from '@/utils/stored-values';
import { bundleAt, devBundle, NEW_HASHTAG, severityOf, unsignedBound, V } from './helpers';

/** compiled rules as format 1 wrote them (JSON arrays of base64) */
const FORMAT_1 = { format: 1, bundleVersion: V(6), issuedAt: '2026-01-01', expiresAt: '2099-01-01', maxTokLen: 9, arrays: { tokChars: '' }, persons: [], parties: [], contests: [], contestants: [] };

async function stored(): Promise<{ engine: StoredEngine; active: ActiveBundle }> {
  const raw = await fakeBrowser.storage.local.get([engineItem.key, activeBundleItem.key]);
  return { engine: raw[engineItem.key] as StoredEngine, active: raw[activeBundleItem.key] as ActiveBundle };
}

beforeEach(async () => {
  fakeBrowser.reset();
  // what an older version left: the active bundle V(6), downloaded, with its rules in format 1
  const bundle = bundleAt(6, { newRule: true });
  await fakeBrowser.storage.local.set({
    [activeBundleItem.key]: { bundle, compiled: FORMAT_1, source: 'update', appliedAt: 1 },
    [engineItem.key]: { bundleVersion: V(6), compiled: FORMAT_1, sites: {}, source: 'update', issuedAt: '2026-01-01', expiresAt: bundle.expiresAt, extraRules: false },
  });
  // the package carries an older default bundle: it must not replace the downloaded one
  const body = await unsignedBound(bundleAt(5));
  vi.stubGlobal('fetch', (async (input: RequestInfo | URL) =>
    String(input).endsWith('/rules/default-bundle.json') ? new Response(body) : new Response('not found', { status: 404 })) as typeof fetch);
});
afterEach(() => vi.unstubAllGlobals());

async function expectRecompiled() {
  const { engine, active } = await stored();
  expect(engine.bundleVersion).toBe(V(6));
  expect(active.source).toBe('update');
  for (const compiled of [engine.compiled, active.compiled]) {
    expect((compiled as { format: number }).format).toBe(COMPILED_FORMAT);
    expect(() => loadEngine(compiled as Parameters<typeof loadEngine>[0])).not.toThrow();
  }
  // the downloaded bundle's own rule is there: recompiled from its source, not replaced by the package's
  expect(severityOf(engine.compiled, NEW_HASHTAG)).toBe('high');
}

describe('stored compiled rules of an older format', () => {
  it('are recompiled from the active bundle at browser start (syncDefaultBundle)', async () => {
    await syncDefaultBundle();
    await expectRecompiled();
  });
  it('are recompiled when a content script asks for rules (ensureEngine)', async () => {
    await ensureEngine();
    await expectRecompiled();
  });
  it('are recompiled when the policy changes (rebuildEngine)', async () => {
    await rebuildEngine();
    await expectRecompiled();
  });
  it('current rules are kept as they are', async () => {
    await ensureEngine();
    const before = await stored();
    await syncDefaultBundle();
    await ensureEngine();
    expect(await stored()).toEqual(before);
  });
});

describe('stored compiled rules of format 3 (before the spelling variant table)', () => {
  it('are recompiled, not misread: a buffer whose header says format 3 is refused and compiled again', async () => {
    const bundle = bundleAt(6, { newRule: true });
    // format 3's rules as an older version stored them: its JSON field and its buffer header say 3
    const now = compileBundle(bundle);
    const bytes = unpackBytes(now.data)!;
    new DataView(bytes.buffer).setUint32(4, 3, true);
    const format3 = { ...now, format: 3, data: packBytes(bytes) };
    expect(() => loadEngine({ ...format3, format: COMPILED_FORMAT })).toThrow(/another format/);
    await fakeBrowser.storage.local.set({
      [activeBundleItem.key]: { bundle, compiled: format3, source: 'update', appliedAt: 1 },
      [engineItem.key]: { bundleVersion: V(6), compiled: format3, sites: {}, source: 'update', issuedAt: '2026-01-01', expiresAt: bundle.expiresAt, extraRules: false },
    });
    await ensureEngine();
    await expectRecompiled();
  });
});

describe('regional rules for content scripts', () => {
  const personsIn = (compiled: unknown) => decodeRules(compiled as Parameters<typeof decodeRules>[0]).persons;
  const all = devBundle().persons.length + 1; // bundleAt(6, { newRule: true }) adds one
  beforeEach(async () => {
    // the active bundle in the current format
    await ensureEngine();
  });

  it('with a region set, content scripts get the national contests and that region only; the background keeps the full set', async () => {
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { ...DEFAULT_SETTINGS, region: '31' } });
    await rebuildEngine();
    const { engine, active } = await stored();
    expect(engine.region).toBe('31');
    expect(personsIn(engine.compiled)).toBeLessThan(all);
    expect(personsIn(active.compiled)).toBe(all);
    // the national contest's hashtag still warns
    expect(severityOf(engine.compiled, NEW_HASHTAG)).toBe('high');
  });

  it('a full set an older version stored for tabs (no tabSet) is derived again at the next start', async () => {
    const { engine, active } = await stored();
    expect(engine.tabSet).toBe(TAB_SET_VERSION);
    await fakeBrowser.storage.local.set({ [engineItem.key]: { ...engine, compiled: active.compiled, tabSet: undefined } });
    await syncDefaultBundle();
    const again = (await stored()).engine;
    expect(again.tabSet).toBe(TAB_SET_VERSION);
    expect(personsIn(again.compiled)).toBeLessThan(all);
  });

  it("the full verdict a tab escalates: the background's full set, also for another region's candidate", async () => {
    const { active } = await stored();
    const content = { text: 'Ayo coblos Khofifah Emil nomor 2 untuk Jatim!' };
    const ctx = { at: '2024-11-20T10:00:00+07:00' };
    const want = loadEngine(active.compiled as Parameters<typeof loadEngine>[0]).evaluate(content, ctx);
    expect(want.severity).not.toBe('none');
    const sender = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 1 } as never };
    expect(await handleMessage({ type: 'full-verdict', content, context: ctx }, sender)).toEqual(want);
    // the national part alone does not know her: the tab escalates
    const { engine } = await stored();
    expect(FullSetFilter.of(engine.compiled as never)?.needsFullSet(content)).toBe(true);
    await expect(handleMessage({ type: 'full-verdict', content: { text: 1 }, context: ctx }, sender)).rejects.toThrow(/invalid message/);
    // a post longer than the engine reads is judged on what it reads, not refused
    const long = { text: content.text + ' '.repeat(30_000) + 'x', hashtags: Array.from({ length: 80 }, () => 'KhofifahEmil') };
    expect(await handleMessage({ type: 'full-verdict', content: long, context: ctx }, sender)).toEqual(loadEngine(active.compiled as Parameters<typeof loadEngine>[0]).evaluate(long, ctx));
  });

  it("the agency's region wins over the user's", async () => {
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { ...DEFAULT_SETTINGS, region: '31' }, [policyItem.key]: { region: '35' } });
    await rebuildEngine();
    expect((await stored()).engine.region).toBe('35');
  });

  it('a region change rebuilds the rules of content scripts; clearing it gives the national part with a filter over the rest', async () => {
    watchRegion();
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { ...DEFAULT_SETTINGS, region: '35' } });
    await vi.waitFor(async () => expect((await stored()).engine.region).toBe('35'));
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { ...DEFAULT_SETTINGS } });
    await vi.waitFor(async () => expect((await stored()).engine.region).toBeUndefined());
    const national = (await stored()).engine.compiled as { fullSet?: unknown };
    expect(personsIn(national)).toBeLessThan(all);
    expect(national.fullSet).toBeDefined();
  });

  it('a settings change that leaves the region alone rewrites nothing', async () => {
    watchRegion();
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { ...DEFAULT_SETTINGS, region: '35' } });
    await vi.waitFor(async () => expect((await stored()).engine.region).toBe('35'));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { ...DEFAULT_SETTINGS, region: '35', language: 'en' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(set).toHaveBeenCalledTimes(1); // the test's own write
    expect(get).not.toHaveBeenCalled();
  });

  it('a stored engine of another region is rebuilt at the next start', async () => {
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { ...DEFAULT_SETTINGS, region: '33' } });
    await syncDefaultBundle();
    expect((await stored()).engine.region).toBe('33');
  });
});
