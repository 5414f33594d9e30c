import { describe, expect, it } from 'vitest';
import { loadWithNational } from '../../../../rules/import/national.ts';
import type { Contest } from '../../../../rules/schema.ts';

/**
 * The national DPR and DPD 2024 rule sources against the KPU's own figures, which come from outside
 * the imported files: the 84 electoral districts of PKPU 6/2023 per province, and the Daftar Calon
 * Tetap of 3 November 2023 (9,917 DPR candidates in the per-party counts the KPU announced, 668 DPD
 * candidates in 38 provinces), as reported by mercusuar.co and tribunnews.com.
 */
const DPR_DISTRICTS_PER_PROVINCE: Record<string, number> = {
  '11': 2,
  '12': 3,
  '13': 2,
  '14': 2,
  '15': 1,
  '16': 2,
  '17': 1,
  '18': 2,
  '19': 1,
  '21': 1,
  '31': 3,
  '32': 11,
  '33': 10,
  '34': 1,
  '35': 11,
  '36': 3,
  '51': 1,
  '52': 2,
  '53': 2,
  '61': 2,
  '62': 1,
  '63': 2,
  '64': 1,
  '65': 1,
  '71': 1,
  '72': 1,
  '73': 3,
  '74': 1,
  '75': 1,
  '76': 1,
  '81': 1,
  '82': 1,
  '91': 1,
  '92': 1,
  '93': 1,
  '94': 1,
  '95': 1,
  '96': 1,
};

const DPR_CANDIDATES_PER_PARTY: Record<string, number> = {
  pkb: 580,
  gerindra: 580,
  'pdi-perjuangan': 580,
  golkar: 580,
  nasdem: 580,
  'partai-buruh': 580,
  gelora: 396,
  pks: 580,
  pkn: 525,
  hanura: 485,
  garuda: 570,
  pan: 580,
  pbb: 470,
  demokrat: 580,
  psi: 580,
  perindo: 579,
  ppp: 580,
  ummat: 512,
};

describe('rules/national: the DPR and DPD 2024 lists are complete', () => {
  const bundle = loadWithNational().bundle;
  const dpr = (bundle?.contests ?? []).filter((c) => c.id.startsWith('dpr-2024-'));
  const dpd = (bundle?.contests ?? []).filter((c) => c.id.startsWith('dpd-2024-'));
  const countBy = (contests: Contest[], key: (c: Contest) => string) =>
    contests.reduce<Record<string, number>>((acc, c) => {
      acc[key(c)] = (acc[key(c)] ?? 0) + 1;
      return acc;
    }, {});

  it('has every one of the 84 DPR electoral districts, each named once, in its province', () => {
    expect(Object.values(DPR_DISTRICTS_PER_PROVINCE).reduce((a, b) => a + b, 0)).toBe(84);
    expect(countBy(dpr, (c) => c.region ?? '')).toEqual(DPR_DISTRICTS_PER_PROVINCE);
    expect(new Set(dpr.map((c) => c.name)).size).toBe(84);
  });

  it('has the 9,917 DPR candidates, with each party as many as it registered', () => {
    const contestants = dpr.flatMap((c) => c.contestants);
    expect(contestants.length).toBe(9917);
    const perParty: Record<string, number> = {};
    for (const c of contestants) for (const p of c.coalition?.parties ?? []) perParty[p] = (perParty[p] ?? 0) + 1;
    expect(perParty).toEqual(DPR_CANDIDATES_PER_PARTY);
  });

  it('has a DPD race in each of the 38 provinces, with the 668 candidates numbered from 1 without gaps', () => {
    expect(Object.keys(countBy(dpd, (c) => c.region ?? '')).sort()).toEqual(Object.keys(DPR_DISTRICTS_PER_PROVINCE).sort());
    expect(dpd.flatMap((c) => c.contestants).length).toBe(668);
    for (const c of dpd) {
      const numbers = c.contestants.map((x) => x.number).sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(numbers, c.id).toEqual(numbers.map((_, i) => i + 1));
    }
  });
});
