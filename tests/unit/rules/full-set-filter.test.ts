/** The escalation filter's input checks and its Bloom bits (rules/full-set-filter.ts). */
import { describe, expect, it } from 'vitest';
import { packBytes } from '../../../rules/compiled.ts';
import { BITS_PER_KEY, FullSetFilter, bloomBits } from '../../../rules/full-set-filter.ts';
import { filterData, tokenHash } from '../../../rules/tab-set.ts';

describe('FullSetFilter', () => {
  it('is absent for compiled rules without one (a full set)', () => {
    expect(FullSetFilter.of({})).toBeNull();
  });

  it('refuses a damaged filter with a clear error', () => {
    const good = filterData({ dictionary: ['budi', 'santoso'], escalate: ['santoso'], missing: [], maxTokLen: 7 });
    expect(FullSetFilter.of({ fullSet: good })).not.toBeNull();
    for (const bad of [null, 'x', { ...good, dict: 3 }, { ...good, escalate: packBytes(new Uint8Array(12)) }, { ...good, maxTokLen: 0 }, { ...good, dict: 'Ā' }]) {
      expect(() => FullSetFilter.of({ fullSet: bad }), JSON.stringify(bad)).toThrow(/fullSet/);
    }
  });

  it('escalates on an escalation token whole, glued into a plain word, in a hashtag, a handle and CamelCase', () => {
    const f = FullSetFilter.of({ fullSet: filterData({ dictionary: ['budi', 'santoso', 'rakyat', 'untuk'], escalate: ['santoso'], missing: [], maxTokLen: 7 }) })!;
    for (const text of ['Pilih Santoso', 'budisantoso', '#BudiSantoso2024', '#untuksantoso', 'BudiSantosoMenang', 'BUDI SANTOSO']) expect(f.needsFullSet({ text }), text).toBe(true);
    expect(f.needsFullSet({ handle: 'budi_santoso' })).toBe(true);
    expect(f.needsFullSet({ hashtags: ['santoso'] })).toBe(true);
    // a plain word must be covered from end to end: "santosoxyz" is no cut the matcher makes
    for (const text of ['Pilih Budi untuk rakyat', 'santosoxyz lagi', 'santo so', '']) expect(f.needsFullSet({ text }), text).toBe(false);
  });

  it('a token the tab set lacks that starts no term of its own escalates only as a piece of a cut', () => {
    const f = FullSetFilter.of({ fullSet: filterData({ dictionary: ['budi', 'susan', 'rakyat', 'untuk'], escalate: [], missing: ['susan'], maxTokLen: 6 }) })!;
    for (const text of ['Pilih Susan', 'Budi Susan', 'SUSAN', 'susanxyz']) expect(f.needsFullSet({ text }), text).toBe(false);
    for (const text of ['budisusan', '#untuksusan', 'BudiSusan']) expect(f.needsFullSet({ text }), text).toBe(true);
    // a long one, whole: the tab set may cut it into its own tokens
    const g = FullSetFilter.of({ fullSet: filterData({ dictionary: ['budisantoso', 'budi'], escalate: [], missing: ['budisantoso'], maxTokLen: 11 }) })!;
    expect(g.needsFullSet({ text: 'budisantoso' })).toBe(true);
  });

  it('sets at least BITS_PER_KEY bits of room per key, a power of two bytes', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => tokenHash(`t${i}`));
    const bits = bloomBits(keys, keys.length);
    expect(bits.length * 8).toBeGreaterThanOrEqual(1000 * BITS_PER_KEY);
    expect(bits.length & (bits.length - 1)).toBe(0);
  });
});
