/**
 * The content script's rules, with the real engine: what it loads from storage.local, and that bad
 * compiled rules (a damaged buffer, an older format) never replace the last good engine.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createContentState } from '@/entrypoints/content/state';
import { compileBundle } from '@/rules/compile';
import { HEADER_WORDS, SECTION_NAMES, packBytes, unpackBytes } from '@/rules/compiled';
import { StructuralError } from '@/rules/tables';
import { tabRules } from '@/rules/tab-set';
import { devBundle } from '../background/helpers';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const compiled = compileBundle(devBundle());
const stored = (c: unknown, bundleVersion = 1) => ({ engine: { bundleVersion, compiled: c, sites: {}, source: 'default', issuedAt: '2026-01-01', expiresAt: '2099-01-01', extraRules: false } });
const AT = { at: '2024-01-10' };
const TEXT = { text: 'Ayo coblos Prabowo-Gibran nomor 02!' };

describe('the content script loads the rules from storage.local', () => {
  let onError: ReturnType<typeof vi.fn<(error: unknown) => void>>;
  beforeEach(() => {
    fakeBrowser.reset();
    onError = vi.fn<(error: unknown) => void>();
  });
  afterEach(() => vi.restoreAllMocks());

  it('loads the stored packed buffer', async () => {
    await fakeBrowser.storage.local.set(stored(compiled));
    const state = createContentState(onError);
    await state.whenReady;
    expect(state.engine?.evaluate(TEXT, AT).severity).toBe('high');
    expect(onError).not.toHaveBeenCalled();
  });

  it('loads a tab set with its escalation filter, and keeps both of the last good rules when the filter is damaged', async () => {
    const tab = tabRules(devBundle(), compiled);
    expect(tab.fullSet).toBeDefined();
    await fakeBrowser.storage.local.set(stored(tab));
    const state = createContentState(onError);
    await state.whenReady;
    const filter = state.fullSet;
    expect(filter?.needsFullSet({ text: 'Dukung Khofifah-Emil untuk Jatim' })).toBe(true);
    expect(filter?.needsFullSet(TEXT)).toBe(false);
    const good = state.engine;
    await fakeBrowser.storage.local.set(stored({ ...tab, fullSet: { ...tab.fullSet, dict: 'x' } }, 2));
    await flush();
    expect(state.engine).toBe(good);
    expect(state.fullSet).toBe(filter);
    expect(onError).toHaveBeenLastCalledWith(expect.objectContaining({ message: expect.stringMatching(/fullSet/) }));
    // the full set: no filter
    await fakeBrowser.storage.local.set(stored(compiled, 3));
    await flush();
    expect(state.fullSet).toBeNull();
  });

  it('keeps the last good engine when damaged or older-format rules arrive, and records why', async () => {
    await fakeBrowser.storage.local.set(stored(compiled));
    const state = createContentState(onError);
    await state.whenReady;
    const good = state.engine;
    expect(good).not.toBeNull();
    const bytes = unpackBytes(compiled.data)!;
    bytes[0] = 0; // the magic
    // a variant word standing for a token past the dictionary (format 4's variant table)
    const badTable = unpackBytes(compiled.data)!;
    const view = new DataView(badTable.buffer);
    const varWordAt = view.getUint32(4 * (HEADER_WORDS + 2 * SECTION_NAMES.indexOf('varWord')), true);
    view.setInt32(varWordAt, 1 << 28, true);
    const bad = [
      { ...compiled, data: packBytes(bytes) },
      { ...compiled, data: packBytes(badTable) },
      { ...compiled, data: compiled.data.slice(0, 1000) },
      { format: 1, bundleVersion: 2, arrays: {}, persons: [], parties: [], contests: [], contestants: [] },
    ];
    for (const [i, c] of bad.entries()) {
      await fakeBrowser.storage.local.set(stored(c, 2 + i));
      await flush();
      expect(state.engine).toBe(good);
      expect(onError).toHaveBeenLastCalledWith(expect.any(StructuralError));
    }
    expect(state.engine?.evaluate(TEXT, AT).severity).toBe('high');
    // good rules again: loaded
    await fakeBrowser.storage.local.set(stored(compiled, 9));
    await flush();
    expect(state.engine).not.toBe(good);
    expect(state.engine?.bundleVersion).toBe(1);
  });

  it('asks the background for rules when the stored ones do not load (an older format)', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await fakeBrowser.storage.local.set(stored({ format: 1, arrays: {} }));
    createContentState(onError);
    await flush();
    expect(onError).toHaveBeenCalledWith(expect.any(StructuralError));
    expect(sent).toHaveBeenCalledWith({ type: 'ensure-engine' });
  });
});
