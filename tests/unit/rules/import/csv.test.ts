import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileBundle } from '../../../../rules/compile.ts';
import { lintBundle, runExamples } from '../../../../rules/data/tools.ts';
import { loadEngine } from '../../../../rules/engine.ts';
import { runImport } from '../../../../rules/import/index.ts';
import { sourceUrl } from '../../../../rules/import/provenance.ts';
import { parseRuleBundle, type Contest, type Person, type RuleBundle } from '../../../../rules/schema.ts';
import { importBase } from '../helpers.ts';

// A transcription of news articles into one CSV: each row names the article it comes from. The
// people are invented (names no real list holds) and province "99" does not exist, so nothing here is a real candidate.
// Some are common names a real list holds too (the DPR and DPD lists ship): the base's persons of the same or
// a longer name are renamed and such aliases dropped (importBase).
const base = importBase(['dewi kartika', 'bagus santoso', 'rina marlina', 'agus salim']);
const origin = { source: 'https://example.org/transkripsi-pilkada.csv', licence: 'facts from the cited articles', fetchedAt: '2026-12-06' };
const A = 'https://berita.example.org/2024/09/23/nomor-urut-paslon-contoh';
const B = 'https://kabar.example.net/pilkada/paslon-contoh-2';

const CSV = [
  'kode_wilayah,nama_wilayah,nomor_urut,nama_calon,nama_wakil,koalisi,akronim,instagram,tiktok,sumber',
  `99.01,Kabupaten Contoh Raya,1,Dr. H. BUDI CONTOHARTO,SRI CONTOHWATI S.E.,PKB; Gerindra | PDI Perjuangan,Budi-Sri; Bahagia | Kuda Hitam,@budisri.official,budisri_ofc,${A} ${B}`,
  `99.01,Kabupaten Contoh Raya,2,JOKO CONTOHYONO,ANDI CONTOHJAYA,Partai Entah; PKS,Joko-Andi,,,${A}`,
  `99.01,Kabupaten Contoh Raya,3,DEWI KARTIKA,BAGUS SANTOSO,,,,,bukan-url`,
  `99.01,Kabupaten Contoh Raya,4,RINA MARLINA,AGUS SALIM,,,has space,,${B}`,
].join('\n');

function run(text: string) {
  const result = runImport({ format: 'csv', kind: 'pilkada', text, origin, base });
  const doc = (parse(result.yaml) ?? {}) as { persons?: Person[]; contests?: Contest[] };
  return { result, persons: doc.persons ?? [], contests: doc.contests ?? [] };
}

function merged(persons: Person[], contests: Contest[]): RuleBundle {
  const r = parseRuleBundle({ ...base, persons: [...base.persons, ...persons], contests: [...base.contests, ...contests] });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bundle;
}

describe('csv importer: a transcription with a source per row', () => {
  it('each pair and its persons carry the URLs of their own row; the contest carries them all', () => {
    const { result, persons, contests } = run(CSV);
    const [contest] = contests;
    expect(contest!.name).toBe('Pilbup Contoh Raya 2024');
    const [one, two] = contest!.contestants;
    expect(one!.sources).toEqual([A, B]);
    expect(two!.sources).toEqual([A]);
    expect(contest!.sources).toEqual([A, B]);
    const budi = persons.find((p) => p.name === 'Budi Contoharto')!;
    const joko = persons.find((p) => p.name === 'Joko Contohyono')!;
    expect(budi.sources).toEqual([A, B]);
    expect(joko.sources).toEqual([A]);
    // the provenance still names the transcription, its licence and the day it was made
    expect(budi.provenance).toEqual({ source: origin.source, fetchedAt: '2026-12-06', licence: origin.licence });
    expect(sourceUrl(origin.source)).toBe(origin.source);
    expect(result.report.contestants).toBe(2);
  });

  it('a row whose source is not a URL, or whose handle has a space, is named and skipped; the others stay', () => {
    const { result, contests } = run(CSV);
    expect(result.report.errors.map((e) => e.row)).toEqual(['line 4', 'line 5']);
    expect(result.report.errors[0]!.message).toMatch(/sumber.*URL/i);
    expect(result.report.errors[1]!.message).toMatch(/instagram.*handle/i);
    expect(contests[0]!.contestants.map((k) => k.number)).toEqual([1, 2]);
  });

  it('koalisi lists the backing parties (";" or "|"); a party the rules do not know is a note', () => {
    const { result, contests } = run(CSV);
    const [one, two] = contests[0]!.contestants;
    expect(one!.coalition?.parties).toEqual(['pkb', 'gerindra', 'pdi-perjuangan']);
    expect(two!.coalition?.parties).toEqual(['pks']);
    expect(result.report.notes.join('\n')).toMatch(/"Partai Entah" is not a party of the base rule set/);
  });

  it('akronim gives the pair its acronyms; a one-word or everyday one only counts with context', () => {
    const { result, contests } = run(CSV);
    const [one, two] = contests[0]!.contestants;
    expect(one!.acronyms).toEqual([
      'Budi-Sri',
      { term: 'Bahagia', requiresContext: true, note: 'one-word acronym' },
      { term: 'Kuda Hitam', requiresContext: true, note: 'reads as the everyday word "kuda hitam"' },
    ]);
    expect(two!.acronyms).toEqual(['Joko-Andi']);
    expect(result.report.collisions.join('\n')).toMatch(/acronym "Bahagia" is one word/);
    expect(result.report.collisions.join('\n')).toMatch(/acronym "Kuda Hitam" reads as the everyday word "kuda hitam"/);
  });

  it('account columns become the pair campaign accounts, without "@"', () => {
    const { result, contests } = run(CSV);
    expect(contests[0]!.contestants[0]!.accounts).toEqual({ instagram: ['budisri.official'], tiktok: ['budisri_ofc'] });
    expect(result.report.accounts).toBe(2);
    expect(contests[0]!.contestants[1]!.accounts).toBeUndefined();
  });

  it('every imported Pilkada entry has examples that `jaga test` passes, and `jaga validate` has no warning for them', () => {
    const { persons, contests } = run(CSV);
    const bundle = merged(persons, contests);
    const ids = new Set([
      ...persons.map((p) => p.id),
      ...contests.map((c) => c.id),
      ...contests.flatMap((c) => c.contestants.map((k) => k.id)),
    ]);
    for (const e of [...persons, ...contests, ...contests.flatMap((c) => c.contestants)]) {
      expect(e.examples?.positive.length, e.id).toBeGreaterThan(0);
      expect(e.examples?.negative.length, e.id).toBeGreaterThan(0);
    }
    const engine = loadEngine(compileBundle(bundle));
    const failures = runExamples(bundle, engine).failures.filter((f) => ids.has(f.entry));
    expect(failures).toEqual([]);
    // lint names entries by place: the imported ones come after rules/data's
    const imported = (w: string) => {
      const m = /^(persons|contests)\[(\d+)\]/.exec(w);
      return !!m && Number(m[2]) >= (m[1] === 'persons' ? base.persons.length : base.contests.length);
    };
    const warnings = lintBundle(bundle).filter(imported);
    expect(warnings).toEqual([]);
  });

  it('a name another person of the rules already has only counts with its own race, and lint accepts it', () => {
    // two candidates of different races with the same full name: the text alone cannot say which one is meant
    const shared = base.persons.find((p) => /^\p{L}+ \p{L}+$/u.test(p.name))!.name;
    const csv = `${CSV.split('\n')[0]}\n99.01,Kabupaten Contoh Raya,1,${shared.toUpperCase()},SRI CONTOHWATI,,,,,${A}`;
    const { result, persons, contests } = run(csv);
    const head = persons.find((p) => p.aliases?.some((a) => typeof a === 'object' && a.term === shared))!;
    expect(head.name).toBe(`${shared} (Pilbup Contoh Raya 2024)`);
    expect(head.aliases).toContainEqual(expect.objectContaining({ term: shared, requiresContext: true }));
    expect(result.report.notes.join('\n')).toMatch(new RegExp(`"${shared}" has the same name as person`));
    const bundle = merged(persons, contests);
    expect(lintBundle(bundle).filter((w) => w.includes(`"${shared}"`))).toEqual([]);
  });
});

