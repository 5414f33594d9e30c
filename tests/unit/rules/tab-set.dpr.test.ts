/**
 * The DPR and DPD 2024 lists in a tab (rules/tab-set.ts): a DPR district's or DPD race's region is its
 * province, so a tab holds the national contests and its own province's lists, never the whole country's
 * 10,000 candidates.
 */
import { describe, expect, it } from 'vitest';
import { regionalBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import type { RuleBundle } from '../../../rules/schema.ts';
import { nationalBundle } from '../../../rules/tab-set.ts';

const full = loadDefaultBundle();
const lists = (b: RuleBundle) => b.contests.filter((c) => /^dp[rd]-2024-/.test(c.id) && c.contestants.length > 0);
const personIds = (b: RuleBundle) => new Set(b.persons.map((p) => p.id));

describe('DPR and DPD lists in a tab set', () => {
  it('ships 80 DPR districts (the other four stay in rules/national) and 38 DPD races, each in its province', () => {
    const all = lists(full);
    expect(all.filter((c) => c.id.startsWith('dpr-2024-')).length).toBe(80);
    expect(all.filter((c) => c.id.startsWith('dpd-2024-')).length).toBe(38);
    for (const c of all) expect(c.region, c.id).toMatch(/^\d{2}$/);
  });

  it('a tab for one province holds its DPR districts and DPD race, with their candidates, and no other province\'s', () => {
    const west = regionalBundle(full, '32');
    const held = lists(west);
    expect(held.map((c) => c.id).sort()).toEqual(lists(full).filter((c) => c.region === '32').map((c) => c.id).sort());
    expect(held.filter((c) => c.id.startsWith('dpr-2024-jawa-barat-')).length).toBe(10);
    expect(held.some((c) => c.id === 'dpd-2024-jawa-barat')).toBe(true);
    const ids = personIds(west);
    for (const c of lists(full)) {
      const candidates = c.contestants.flatMap((k) => k.persons);
      // a candidate of another province's list is held only when something else of the tab needs it
      if (c.region === '32') for (const p of candidates) expect(ids.has(p), p).toBe(true);
    }
    const elsewhere = lists(full)
      .filter((c) => c.region !== '32')
      .flatMap((c) => c.contestants.flatMap((k) => k.persons))
      .filter((p) => ids.has(p) && !held.some((c) => c.contestants.some((k) => k.persons.includes(p))));
    // only persons another kept contest names (a national figure on a list elsewhere)
    const keptElse = new Set(west.contests.filter((c) => !/^dp[rd]-2024-/.test(c.id)).flatMap((c) => c.contestants.flatMap((k) => k.persons)));
    expect(elsewhere.filter((p) => !keptElse.has(p))).toEqual([]);
    expect(west.persons.length).toBeLessThan(full.persons.length / 3);
  });

  it('a regency\'s tab holds its province\'s lists; a tab without a region holds none of them', () => {
    expect(new Set(lists(regionalBundle(full, '35.78')).map((c) => c.region))).toEqual(new Set(['35']));
    expect(lists(nationalBundle(full))).toEqual([]);
  });
});
