import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBundle, type VariantReport } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { EVERYDAY_WORDS, VARIANT_EVERYDAY_WORDS } from '../../../rules/data/lint.ts';
import { loadEngine } from '../../../rules/engine.ts';
import type { RuleBundle } from '../../../rules/schema.ts';
import { MAX_VARIANTS_PER_TERM, nameVariants, normalizedForm, personVariants } from '../../../rules/variants.ts';

// Paraphrased names and texts, written for the project.
describe('each rule of the variant generator', () => {
  it.each([
    ['a vowel dropped', 'Prabowo', 'prbowo'],
    ['a vowel dropped, not the first letter', 'Ganjar', 'ganjr'],
    ['oe for u', 'Mahfud', 'mahfoed'],
    ['u for oe', 'Soekarno', 'sukarno'],
    ['dj for j', 'Ganjar', 'gandjar'],
    ['j for dj', 'Djarot', 'jarot'],
    ['tj for c', 'Cak Imin', 'tjak imin'],
    ['ch for kh', 'Khofifah', 'chofifah'],
    ['kh for ch', 'Chofifah', 'khofifah'],
    ['sj for sy', 'Syaikhu', 'sjaikhu'],
    ['k for kh', 'Khofifah', 'kofifah'],
    ['k for kh', 'Lukmanul Khakim', 'lukmanul kakim'],
    ['p for f at one place', 'Khofifah', 'khopifah'],
    ['p for f at every place', 'Khofifah', 'khopipah'],
    ['k for kh and p for f together', 'Khofifah', 'kopipah'],
    ['p for f', 'Mahfud', 'mahpud'],
    ['y for i', 'Airin', 'ayrin'],
    ['i for y', 'Yusuf', 'iusuf'],
    ['an honorific glued in front', 'Anies', 'pakanies'],
    ['an honorific glued in front', 'Giring', 'bugiring'],
    ['-nya', 'Prabowo', 'prabowonya'],
    ['-ku', 'Anies', 'aniesku'],
    ['-lah', 'Ganjar', 'ganjarlah'],
    ['-mu', 'Gibran', 'gibranmu'],
  ])('%s: %s → %s', (_rule, name, variant) => expect(nameVariants(name)).toContain(variant));

  it.each([
    ['no vowel dropped from a short word', 'Budi', 'bdi'],
    ['never the first letter', 'Anies', 'nies'],
    ['doubled letters collapse as the normaliser does: nothing new', 'Prabowo', 'prabowwo'],
    ['no glued honorific on a two-word alias', 'Anies Baswedan', 'pakanies baswedan'],
    ['no suffix on a short word', 'Edy', 'edyku'],
  ])('%s: %s ↛ %s', (_rule, name, variant) => expect(nameVariants(name)).not.toContain(variant));

  it('gives no variants for names of three or more words, digits or handles', () => {
    expect(nameVariants('Anies Rasyid Baswedan')).toEqual([]);
    expect(nameVariants('Paslon 02')).toEqual([]);
  });
});

// random words, and words built from the letters the kh → k and f → p rules rewrite
const word = fc.oneof(fc.stringMatching(/^[A-Z][a-z]{2,11}$/), fc.stringMatching(/^(kh|f|a|i|o|u|r|s|ch|sy){2,6}$/));
const name = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a} ${b}`));

describe('variant generator properties', () => {
  it('is bounded, de-duplicated and never gives the name itself', () => {
    fc.assert(
      fc.property(name, (n) => {
        const vs = nameVariants(n);
        expect(vs.length).toBeLessThanOrEqual(MAX_VARIANTS_PER_TERM);
        expect(new Set(vs).size).toBe(vs.length);
        expect(vs).not.toContain(normalizedForm(n));
      }),
    );
  });

  it('every kept variant normalises to a form the matcher finds for that person', () => {
    fc.assert(
      fc.property(name, (n) => {
        const bundle: RuleBundle = {
          schemaVersion: 1, version: 1, issuedAt: '2026-01-01', expiresAt: '2027-01-01',
          persons: [{ id: 'calon', name: n }], parties: [], contests: [],
          vocabulary: { electionTerms: [], supportCues: [], neutralCues: [], ambiguousTerms: [], handSigns: [], numberMarkers: [] },
        };
        const engine = loadEngine(compileBundle(bundle));
        const everyday = new Set([...EVERYDAY_WORDS, ...VARIANT_EVERYDAY_WORDS]);
        for (const v of personVariants(bundle.persons[0]!, everyday, new Map()).keep) {
          // as people write it: capitalised and stretched letters too
          const text = `kata ${v.text.replace(/^./, (c) => c.toUpperCase())} kata`;
          const reasons = engine.evaluate({ text }, { at: '2026-06-01' }).reasons;
          expect(reasons.some((r) => r.entityId === 'calon'), `${n} → ${v.text}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    // 60 rule sets compiled and loaded: seconds on a loaded 2-core machine, over vitest's 5 s default
  }, 120_000);

  it('no variant is an everyday word unless a maintainer adds it; veto removes', () => {
    fc.assert(
      fc.property(name, fc.array(fc.stringMatching(/^[a-z]{3,8}$/), { maxLength: 5 }), (n, words) => {
        const all = nameVariants(n);
        const everyday = new Set([...words, ...all.filter((_, i) => i % 3 === 0)]);
        const p = { id: 'calon', name: n };
        const { keep, dropped } = personVariants(p, everyday, new Map());
        for (const v of keep) expect(everyday.has(normalizedForm(v.text))).toBe(false);
        for (const d of dropped) expect(d.why).toBe('everyday word');
        const everydayVariant = all.find((v) => everyday.has(v));
        if (everydayVariant) {
          const added = personVariants({ ...p, variants: { add: [everydayVariant] } }, everyday, new Map());
          expect(added.keep.map((v) => v.text)).toContain(everydayVariant);
        }
        const vetoed = keep[0]?.text;
        if (vetoed) {
          const after = personVariants({ ...p, variants: { veto: [vetoed] } }, everyday, new Map());
          expect(after.keep.map((v) => v.text)).not.toContain(vetoed);
          expect(after.dropped.some((d) => d.variant === vetoed && d.why === 'vetoed')).toBe(true);
        }
      }),
    );
  });

  it('a variant equal to another entity\'s term is dropped, one of the same person is not', () => {
    const taken = new Map([['prbowo', 'party:0'], ['ganjr', 'person:ganjar']]);
    expect(personVariants({ id: 'p', name: 'Prabowo' }, new Set(), taken).dropped).toContainEqual(
      expect.objectContaining({ variant: 'prbowo', why: 'another term' }),
    );
    expect(personVariants({ id: 'ganjar', name: 'Ganjar' }, new Set(), taken).keep.map((v) => v.text)).toContain('ganjr');
  });

  it('two persons who share a context-requiring given name share its variants too', () => {
    // "Dimyati" (Pilgub Banten) and "Dimyati" (Pilwalkot Malang): the first one's variants are taken
    const first = personVariants({ id: 'a', name: 'Dimyati Satu Dua', aliases: [{ term: 'Dimyati', requiresContext: true }] }, new Set(), new Map([['dimyati', 'person:a']]), 'person:a');
    const taken = new Map<string, string>([['dimyati', 'person:a'], ...first.keep.map((v) => [v.text, 'person:a'] as [string, string])]);
    const second = personVariants({ id: 'b', name: 'Dimyati (kota lain)', aliases: [{ term: 'Dimyati', requiresContext: true }] }, new Set(), taken, 'person:b');
    expect(second.keep.map((v) => v.text)).toContain('dmyati');
    expect(second.keep.find((v) => v.text === 'dmyati')?.ctx).toBe(true);
    expect(second.dropped.filter((d) => d.why === 'another term')).toEqual([]);
    // a variant that is a different term of that other person is still dropped
    const other = personVariants({ id: 'c', name: 'Prabowo' }, new Set(), new Map([['prbowo', 'person:a']]), 'person:c');
    expect(other.dropped).toContainEqual(expect.objectContaining({ variant: 'prbowo', why: 'another term' }));
  });
});

describe('variants in the default rules', () => {
  const report: VariantReport = { compiled: 0, dropped: [] };
  const engine = loadEngine(compileBundle(loadDefaultBundle(), report));
  const at = '2024-01-15';
  const sev = (text: string) => engine.evaluate({ text }, { at }).severity;
  it.each([
    'yakin pilih prbowo',
    'gandjar paling jujur',
    'prabowonya keren di debat',
    'pakanies jawabannya mantap',
  ])('a generated variant names the candidate: %s', (text) => expect(['medium', 'high']).toContain(sev(text)));
  it.each(['dukung kofifah jadi gubernur', 'kopipah menang lagi di jatim', 'pilih kopipah saja'])(
    'k for kh and p for f name Khofifah: %s',
    (text) => {
      const r = engine.evaluate({ text }, { at: '2024-10-15' });
      expect(r.reasons.some((x) => x.entityId === 'khofifah-indar-parawansa')).toBe(true);
      expect(['medium', 'high']).toContain(r.severity);
    },
  );
  it.each(['saya pikir akir bulan ini hujan terus', 'akir tahun kita pikir lagi rencana liburan', 'jangan banyak pikir, kerjakan saja sampai akir'])(
    'everyday words with k for kh and p for f stay none: %s',
    (text) => expect(engine.evaluate({ text }, { at: '2024-10-15' }).severity).toBe('none'),
  );
  it('the maintainers\' added variant needs context: "anis" alone is a given name', () => {
    expect(sev('anis lagi masak nasi goreng')).toBe('none');
    expect(['medium', 'high']).toContain(sev('saya dukung pak anis jadi presiden'));
  });
  it('reports what it dropped as everyday words', () => {
    expect(report.compiled).toBeGreaterThan(1000);
    expect(report.dropped.map((d) => d.variant)).toContain('luk'); // "Luluk" without a vowel
    expect(report.dropped.map((d) => d.variant)).not.toContain('anis'); // added back, with context
  });
});
