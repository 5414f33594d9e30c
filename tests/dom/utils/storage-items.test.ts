/**
 * The typed storage items: one key per item, values read through the item's check, and a stored
 * value that fails its check reads as missing (the item's fallback), never as the bad value.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { decisionLogItem } from '@/utils/decision-log-item';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import {
  STORAGE_ITEMS,
  activeBundleItem,
  dialogStatsItem,
  engineItem,
  errorsItem,
  getItemValues,
  itemEntry,
  policyItem,
  policyWarningsItem,
  settingsItem,
  siteHealthItem,
  updateStatusItem,
} from '@/utils/storage-items';

const raw = async (key: string) => (await browser.storage.local.get(key))[key];
const put = (key: string, value: unknown) => browser.storage.local.set({ [key]: value });

beforeEach(() => fakeBrowser.reset());

describe('storage items', () => {
  it('each item has its own key', () => {
    const keys = [...Object.values(STORAGE_ITEMS), decisionLogItem].map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['settings', 'engine', 'dialogStats', 'decisionLog', 'errors', 'policy', 'policyWarnings', 'updateStatus', 'activeBundle', 'siteHealth']));
  });

  it('a value written with setValue reads back with getValue', async () => {
    const settings = { ...DEFAULT_SETTINGS, language: 'en' as const };
    await settingsItem.setValue(settings);
    expect(await raw('settings')).toEqual(settings);
    expect(await settingsItem.getValue()).toEqual(settings);
  });

  it('a missing value reads as the fallback', async () => {
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await policyItem.getValue()).toEqual({});
    expect(await engineItem.getValue()).toBeNull();
    expect(await activeBundleItem.getValue()).toBeNull();
    expect(await decisionLogItem.getValue()).toEqual([]);
    expect(await errorsItem.getValue()).toEqual([]);
    expect(await policyWarningsItem.getValue()).toEqual([]);
    expect(await siteHealthItem.getValue()).toEqual({});
    expect(await dialogStatsItem.getValue()).toEqual({ fullExplanations: 0 });
    expect(await updateStatusItem.getValue()).toEqual({ history: [], active: null, validators: {} });
  });

  it('a stored value that fails its check is treated as missing, never trusted', async () => {
    await put('settings', { language: 'fr', mode: 'everything' });
    await put('policy', 'block everything');
    await put('engine', { bundleVersion: 'seven', compiled: {} });
    await put('activeBundle', { bundle: null, compiled: {} });
    await put('dialogStats', { fullExplanations: 'many' });
    await put('siteHealth', { x: 'broken' });
    await put('updateStatus', 'yesterday');
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await policyItem.getValue()).toEqual({});
    expect(await engineItem.getValue()).toBeNull();
    expect(await activeBundleItem.getValue()).toBeNull();
    expect(await dialogStatsItem.getValue()).toEqual({ fullExplanations: 0 });
    expect(await siteHealthItem.getValue()).toEqual({});
    expect(await updateStatusItem.getValue()).toEqual({ history: [], active: null, validators: {} });
  });

  it('a stored engine of the wrong shape reads as missing (zod/mini; the compiled rules themselves are loadEngine\'s to check)', async () => {
    const good = { bundleVersion: 7, compiled: { format: 2, data: '' }, sites: {}, source: 'update', issuedAt: '2026-01-01', expiresAt: '2026-07-01', extraRules: false };
    await put('engine', good);
    expect(await engineItem.getValue()).toEqual(good);
    for (const bad of [
      { ...good, compiled: 'compiled' },
      { ...good, compiled: null },
      { ...good, compiled: [] },
      { ...good, sites: 'x' },
      { ...good, source: 3 },
      { ...good, extraRules: 'no' },
      [good],
    ]) {
      await put('engine', bad);
      expect(await engineItem.getValue()).toBeNull();
    }
  });

  it('lists keep their valid entries only', async () => {
    const entry = { time: 1, site: 'x', action: 'like', severity: 'high', entities: [], decision: 'cancelled' };
    await put('decisionLog', [{ junk: true }, entry]);
    await put('errors', [{ time: 1, message: 'a' }, { message: 'no time' }, 'text']);
    await put('policyWarnings', ['one', { message: 'two' }]);
    expect(await decisionLogItem.getValue()).toEqual([entry]);
    expect(await errorsItem.getValue()).toEqual([{ time: 1, message: 'a' }]);
    expect(await policyWarningsItem.getValue()).toEqual(['one', 'two']);
  });

  it('reads several items in one call, each through its own check', async () => {
    await put('settings', { ...DEFAULT_SETTINGS, language: 'en' });
    await put('policy', 42);
    const values = await getItemValues([settingsItem, policyItem]);
    expect(values.settings.language).toBe('en');
    expect(values.policy).toEqual({});
  });

  it('itemEntry gives the key and value for a one-call write of several items', async () => {
    await browser.storage.local.set({ ...itemEntry(dialogStatsItem, { fullExplanations: 3 }), ...itemEntry(policyWarningsItem, ['w']) });
    expect(await dialogStatsItem.getValue()).toEqual({ fullExplanations: 3 });
    expect(await raw('policyWarnings')).toEqual(['w']);
  });
});
