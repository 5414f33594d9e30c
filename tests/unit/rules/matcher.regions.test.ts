import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { countMatches, loadEngine } from '../../../rules/engine.ts';
import * as PK from '../../../rules/pattern-kinds.ts';
import { decodeRules } from '../../../rules/tables.ts';

// Region names only ever count as evidence for a context-requiring candidate name (rules/severity.ts,
// `evidence`), so the main scan leaves them out and a second, small table is scanned only when such a
// name needs evidence. Texts paraphrased, written for the project ("Airin": Pilgub Banten no. 1).
const bundle = loadDefaultBundle();
const compiled = JSON.parse(JSON.stringify(compileBundle(bundle)));
const engine = loadEngine(compiled);
/** the layout before: region names in the phrase trie, matched everywhere */
const inTrie = loadEngine(JSON.parse(JSON.stringify(compileBundle(bundle, undefined, { regionsInTrie: true }))));
const at = '2024-10-15';

describe('region names cost the main scan nothing', () => {
  it('the phrase trie holds no region name; the region table holds them', () => {
    const { sections } = decodeRules(compiled);
    expect([...sections.patKind]).not.toContain(PK.REGION);
    expect(sections.regions.length).toBeGreaterThan(100);
  });
  it.each([
    ['pulang kampung ke Tangerang Selatan', 'pulang kampung ke rumah nenek'],
    ['macet total dari Serang sampai Cilegon', 'macet total dari sini sampai sana'],
    ['Banten panas sekali hari ini', 'Rumah panas sekali hari ini'],
  ])('raw matches of "%s" = those of "%s"', (withPlace, without) => {
    expect(countMatches(engine, withPlace)).toBe(countMatches(engine, without));
  });
});

describe('verdicts are those of region names in the trie', () => {
  const texts = [
    'Bu Airin paling cocok buat Banten',
    'bu airin sudah terbukti di tangerang selatan',
    'Airin baru pulang dari Tangerang',
    'bu airin hatinya lagi malang',
    'Bu Airin dan warga Kota Serang, Tangerang, Tangerang Selatan',
    '#BantenMaju bu airin',
    'Bu Airin, pandeglang lebak serang cilegon',
  ];
  it.each(texts)('%s', (text) => {
    expect(engine.evaluate({ text }, { at })).toEqual(inTrie.evaluate({ text }, { at }));
  });
  it('in other fields than the one with the name', () => {
    const content = { text: 'Bu Airin paling cocok', group: 'Warga Tangerang Selatan', hashtags: ['Banten'], author: 'Serang' };
    expect(engine.evaluate(content, { at })).toEqual(inTrie.evaluate(content, { at }));
  });
  const names = (bundle.regions ?? []).filter((r) => r.code === '36' || r.code === '31' || r.code === '35').flatMap((r) => r.names);
  const words = ['bu', 'Bu', 'pak', 'airin', 'Airin', 'ade', 'sumardi', 'luluk', 'pilih', 'dukung', 'cocok', 'jadi', 'gubernur', 'dari', 'di', 'ke', 'lagi', 'nomor', '1', '01', 'kota', 'kab'];
  const piece = fc.oneof(fc.constantFrom(...names), fc.constantFrom(...names).map((n) => n.toUpperCase()), fc.constantFrom(...words));
  const text = fc.array(piece, { maxLength: 14 }).chain((ws) =>
    fc.array(fc.constantFrom(' ', ' ', ', ', '#', '', '-'), { minLength: ws.length, maxLength: ws.length }).map((seps) => ws.map((w, i) => w + seps[i]).join('')),
  );
  const day = fc.constantFrom('2024-10-15', '2024-01-10', '2025-03-01');
  it('on arbitrary mixes of place names, gated names, honorifics and support words, in one or two fields', () => {
    fc.assert(
      fc.property(text, text, day, (t, g, d) => {
        expect(engine.evaluate({ text: t }, { at: d })).toEqual(inTrie.evaluate({ text: t }, { at: d }));
        expect(engine.evaluate({ text: t, group: g }, { at: d })).toEqual(inTrie.evaluate({ text: t, group: g }, { at: d }));
      }),
      { numRuns: 1500 },
    );
  });
});
