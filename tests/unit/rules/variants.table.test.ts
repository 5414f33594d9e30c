// The spelling variant table (format 4, rules/compiled.ts varStart/varWord): variants are matched per
// word through the table, not as trie paths. Paraphrased names and texts, written for the project.
import { describe, expect, it } from 'vitest';
import { compileBundle, type VariantReport } from '../../../rules/compile.ts';
import { PF_VARIANTS, VAR_ALONE, VAR_PAIR } from '../../../rules/compiled.ts';
import { loadEngine } from '../../../rules/engine.ts';
import type { RuleBundle } from '../../../rules/schema.ts';
import { decodeRules } from '../../../rules/tables.ts';

const bundleOf = (persons: RuleBundle['persons']): RuleBundle => ({
  schemaVersion: 1, version: 1, issuedAt: '2026-01-01', expiresAt: '2027-01-01',
  persons, parties: [], contests: [],
  vocabulary: { electionTerms: [], supportCues: [], neutralCues: [], ambiguousTerms: [], handSigns: [], numberMarkers: [] },
});

const persons: RuleBundle['persons'] = [
  { id: 'prabowo', name: 'Prabowo Subianto', aliases: ['Prabowo'] },
  { id: 'luluk', name: 'Luluk Nurhamidah', aliases: ['Luluk'] },
  { id: 'sarwono', name: 'Sarwono' },
  { id: 'veto', name: 'Gunawan Hadisaputra', aliases: ['Gunawan'], variants: { veto: ['gunwan'] } },
];

/** what a compiled set holds for a word: its token id, whether a term starts with it, its variant entries */
function tableOf(compiled: ReturnType<typeof compileBundle>) {
  const { sections } = decodeRules(compiled);
  const tokOff = sections.tokOff as Int32Array;
  const chars = sections.tokChars as Uint16Array;
  const tokens: string[] = [];
  for (let t = 0; t + 1 < tokOff.length; t++) tokens.push(String.fromCharCode(...chars.subarray(tokOff[t]!, tokOff[t + 1]!)));
  const varStart = sections.varStart as Int32Array;
  const varWord = sections.varWord as Int32Array;
  return {
    starts: (w: string) => (sections.rootChild as Int32Array)[tokens.indexOf(w)] !== 0,
    entries: (w: string) => {
      const t = tokens.indexOf(w);
      return t < 0 ? [] : Array.from(varWord.subarray(varStart[t]!, varStart[t + 1]!), (c) => `${tokens[c >> 2]}:${c & 3}`);
    },
    flagged: Array.from(sections.patFlags as Uint8Array).some((f) => (f & PF_VARIANTS) !== 0),
  };
}

describe('the spelling variant table', () => {
  const report: VariantReport = { compiled: 0, dropped: [] };
  const compiled = compileBundle(bundleOf(persons), report);
  const engine = loadEngine(compiled);
  const names = (text: string) => engine.evaluate({ text }, { at: '2026-06-01' }).reasons.map((r) => r.entityId);
  const t = tableOf(compiled);

  it('holds the variant words outside the trie, each with its canonical words', () => {
    expect(t.flagged).toBe(true);
    expect(t.starts('prbowo')).toBe(false);
    expect(t.entries('prbowo')).toEqual([`prabowo:${VAR_ALONE | VAR_PAIR}`]);
    expect(t.entries('subyanto')).toEqual([`subianto:${VAR_PAIR}`]);
    // a glued suffix is a variant of the one-word name only
    expect(t.entries('prabowonya')).toEqual([`prabowo:${VAR_ALONE}`]);
  });

  it('matches a variant spelling of a one-word and of a two-word name', () => {
    expect(names('yakin pilih Prbowo saja')).toContain('prabowo');
    expect(names('prabowonya keren di debat')).toContain('prabowo');
    expect(names('pilih prabowo subyanto')).toContain('prabowo');
    expect(names('pilih prbowo subianto')).toContain('prabowo');
    // one word changed at a time, as the generator does
    expect(names('pilih prbowo subyanto')).toEqual(names('pilih prbowo'));
    expect(names('prabowonya subianto')).toEqual(names('prabowonya'));
  });

  it('does not read an everyday word alone as the name, but does inside the two-word name', () => {
    // "luk" is "Luluk" without a vowel, and an everyday word
    expect(report.dropped).toContainEqual(expect.objectContaining({ person: 'luluk', variant: 'luk', why: 'everyday word' }));
    expect(t.entries('luk')).toEqual([`luluk:${VAR_PAIR}`]);
    expect(names('luk sekali hari ini')).not.toContain('luluk');
    expect(names('dukung luk nurhamidah')).toContain('luluk');
  });

  it("does not read another entity's term alone as the name", () => {
    // "srwono" is "Sarwono" without a vowel: read alone as Sarwono, unless another person is called so
    expect(t.entries('srwono')).toEqual([`sarwono:${VAR_ALONE}`]);
    expect(names('kata srwono kata')).toContain('sarwono');
    const taken = compileBundle(bundleOf([...persons, { id: 'srwono', name: 'Srwono' }]), { compiled: 0, dropped: [] });
    expect(tableOf(taken).entries('srwono')).toEqual([]);
    const both = loadEngine(taken).evaluate({ text: 'kata srwono kata' }, { at: '2026-06-01' }).reasons.map((r) => r.entityId);
    expect(both).toContain('srwono');
    expect(both).not.toContain('sarwono');
  });

  it('reads a variant alone for both persons who share a context-requiring given name, one of whom has it as a term', () => {
    const shared = bundleOf([
      { id: 'budi-a', name: 'Budiyono Satu Dua', aliases: [{ term: 'Budiyono', requiresContext: true }, 'Budiono'] },
      { id: 'budi-b', name: 'Budiyono Tiga Empat', aliases: [{ term: 'Budiyono', requiresContext: true }] },
    ]);
    const report: VariantReport = { compiled: 0, dropped: [] };
    const e = loadEngine(compileBundle(shared, report));
    const ids = e.evaluate({ text: 'kata budiono kata' }, { at: '2026-06-01' }).reasons.map((r) => r.entityId);
    expect(ids).toContain('budi-a');
    expect(ids).toContain('budi-b');
    expect(report.dropped.filter((d) => d.variant === 'budiono')).toEqual([]);
  });

  it('a veto removes a variant (that person\'s variants stay trie paths)', () => {
    expect(names('pilih gunawan')).toContain('veto');
    expect(names('pilih gunwan')).not.toContain('veto');
    expect(names('pilih gunawannya')).toContain('veto');
    expect(t.entries('gunwan')).toEqual([]);
    expect(report.dropped).toContainEqual(expect.objectContaining({ person: 'veto', variant: 'gunwan', why: 'vetoed' }));
  });
});
