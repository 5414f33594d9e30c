/**
 * What the escalation filter of a tab set asks the background for, on the shipped rules: a post that only
 * names a place is judged in the tab (a place name is evidence only beside a candidate's name, and every
 * candidate the tab set lacks escalates by its own tokens), and so is one with an honorific but no name
 * (a term the tab set lacks flags a token the tab set lacks, not "pak"), while a post naming another region's
 * candidate still escalates. Texts paraphrased, written for the project.
 */
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { loadEngine } from '../../../rules/engine.ts';
import { FullSetFilter } from '../../../rules/full-set-filter.ts';
import { escalation, nationalBundle, tabRules } from '../../../rules/tab-set.ts';

const bundle = loadDefaultBundle();
const fullCompiled = compileBundle(bundle);
const full = loadEngine(fullCompiled);

const placesOnly = [
  'Macet di Bekasi pagi ini',
  'Jalan-jalan ke Pandeglang bulan depan',
  'Tangerang Selatan panas sekali siang ini',
  'kuliner Medan memang enak',
  'liburan ke bali bareng keluarga',
  'Banjir lagi di Kabupaten Malang',
  'Kereta dari Surabaya ke Jember terlambat',
];
/** honorifics begin the "Pak <short name>" forms of many regional candidates, and posts are full of them */
const honorificsOnly = ['Pak guru datang terlambat pagi ini', 'Bu bidan sudah datang', 'Mas ojek sudah di depan'];

describe.each([undefined, '35'])('a tab set (region %s)', (region) => {
  const compiled = tabRules(bundle, fullCompiled, region);
  const filter = FullSetFilter.of(compiled)!;
  const tab = loadEngine(compiled);

  // with region 35 the tab set holds "Emil" (Jatim) and "pak", and a term of the full set made of both
  // ("pak emil", the Jakarta candidate) still flags "pak"
  it.each(region ? placesOnly : [...placesOnly, ...honorificsOnly])('judges a post that only names places or people by title locally: %s', (text) => {
    expect(filter.needsFullSet({ text })).toBe(false);
    for (const at of ['2024-10-15', '2026-12-06']) expect(tab.evaluate({ text }, { at })).toEqual(full.evaluate({ text }, { at }));
  });

  // Since the DPR and DPD lists ship (2026-12-07), a word that is a token of a list candidate's name or of
  // its generated spelling ("parah": Farah; "minggu": Rafael Minggu) sends the post to the background, even
  // beside a place: a cost in speed (the verdict is the background's, and the same), not in privacy. The
  // rows above were "Macet parah di Bekasi …" and "… Pandeglang minggu depan" before.
  it('escalates a post whose everyday word is a list candidate\'s name token', () => {
    expect(filter.needsFullSet({ text: 'Macet parah di Bekasi pagi ini' })).toBe(true);
  });

  it('still escalates for a candidate of a race the tab set does not hold', () => {
    // Airin: Pilgub Banten (36), in neither tab set
    expect(filter.needsFullSet({ text: 'Bu Airin paling cocok buat Pandeglang' })).toBe(true);
    expect(filter.needsFullSet({ text: 'dukung airin' })).toBe(true);
  });
});

describe('region names only the full set has', () => {
  it('flag their first token, and only theirs', () => {
    const withPlace = { ...bundle, regions: (bundle.regions ?? []).map((r) => (r.code === '36' ? { ...r, names: [...r.names, 'lembah contoh'] } : r)) };
    const e = escalation(compileBundle(withPlace), compileBundle(nationalBundle(bundle)))!;
    expect(e.escalate).toContain('lembah');
    expect(e.escalate).not.toContain('bekasi');
    expect(e.escalate).not.toContain('pandeglang');
  });
});
