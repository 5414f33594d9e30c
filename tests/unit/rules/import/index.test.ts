import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileBundle } from '../../../../rules/compile.ts';
import { DEFAULT_DATA_DIR } from '../../../../rules/data/index.ts';
import { lintBundle, runExamples } from '../../../../rules/data/tools.ts';
import { loadEngine } from '../../../../rules/engine.ts';
import { runImport, type ImportFormat } from '../../../../rules/import/index.ts';
import { applyOverlay, OverlaySchema } from '../../../../rules/import/overlay.ts';
import { sourceUrl } from '../../../../rules/import/provenance.ts';
import type { ImportKind } from '../../../../rules/import/records.ts';
import { PEMILU_2024_PHASES, PILKADA_2024_PHASES } from '../../../../rules/import/schedule.ts';
import { parseRuleBundle, type Contest, type Person, type RuleBundle } from '../../../../rules/schema.ts';
import { jaga, tempDir } from '../cli/helpers.ts';
import { importBase } from '../helpers.ts';

// Samples written for these tests in the shapes public data sets use; the people are invented and
// province "99" does not exist, so nothing here is a real candidate. Their common names can still be a real
// candidate's (rules/data grows with every import), and a shared name is imported context-only
// (tests/unit/rules/import/csv.test.ts), as is one inside another's longer name ("Imam Budi Hartono"), so here
// the base's persons of the same or a longer name are renamed (and such aliases dropped).
const base = importBase(['budi hartono', 'sri wahyuni', 'joko prasetyo', 'andi wijaya', 'bagus santoso', 'dewi kartika', 'ahmad fauzi', 'rina marlina', 'nurhayati']);
const origin = { source: 'example-org/pemilu-data:paslon/pkwkk.json@0123456789abcdef0123456789abcdef01234567', licence: 'CC-BY-4.0', fetchedAt: '2026-12-05' };

function run(format: ImportFormat, kind: ImportKind, text: string, extra: { district?: string } = {}) {
  const result = runImport({ format, kind, text, origin, base, ...extra });
  const doc = (parse(result.yaml) ?? {}) as { persons?: Person[]; contests?: Contest[] };
  return { result, persons: doc.persons ?? [], contests: doc.contests ?? [] };
}

/** Every person, contest and contestant carries the source URL and the provenance record. */
function expectProvenanceEverywhere(persons: Person[], contests: Contest[]) {
  const records = [...persons, ...contests, ...contests.flatMap((c) => c.contestants)];
  expect(records.length).toBeGreaterThan(0);
  for (const r of records) {
    expect(r.sources, r.id).toEqual([sourceUrl(origin.source)]);
    expect(r.provenance, r.id).toEqual({ source: origin.source, fetchedAt: '2026-12-05', licence: 'CC-BY-4.0' });
  }
}

/** The output merged with rules/data passes the rules schema and the cross-reference checks. */
function expectValidWithBase(persons: Person[], contests: Contest[]) {
  const merged = parseRuleBundle({ ...base, persons: [...base.persons, ...persons], contests: [...base.contests, ...contests] });
  expect(merged.ok ? [] : merged.errors).toEqual([]);
}

const PILKADA_JSON = JSON.stringify({
  '9901': {
    '900001': { ts: '2024-11-27 18:00:00', nama: 'Dr. H. BUDI HARTONO, S.H., M.Si. - Hj. SRI WAHYUNI, S.E.', warna: '#111111', nomor_urut: 1 },
    '900002': { ts: '2024-11-27 18:00:00', nama: 'Ir. JOKO PRASETYO - SURYA', warna: '#222222', nomor_urut: 2 },
  },
  '9971': [{ nama: 'K.H. AHMAD FAUZI, S.Ag. - dr. RINA MARLINA, Sp.OG', nomor_urut: 1 }],
  '99': { '900010': { nama: 'Prof. Dr. H. M. YUSUF KALLA - BAMBANG SUTRISNO, M.M.', nomor_urut: 1 } },
});

describe('kpu-json importer', () => {
  it('Pilkada: one contest per region code, pairs with ballot numbers, names cleaned, PKPU 2/2024 phases', () => {
    const { result, persons, contests } = run('kpu-json', 'pilkada', PILKADA_JSON);
    expect(result.report.errors).toEqual([]);
    expect(contests.map((c) => [c.kind, c.region, c.contestants.map((k) => k.number)])).toEqual([
      ['pilkada-provinsi', '99', [1]],
      ['pilkada-kabupaten', '99.01', [1, 2]],
      ['pilkada-kota', '99.71', [1]],
    ]);
    expect(contests[1]!.phases).toEqual(PILKADA_2024_PHASES);
    expect(contests[1]!.votingDay).toBe('2024-11-27');
    const names = persons.map((p) => p.name);
    expect(names).toContain('Budi Hartono');
    expect(names).toContain('Sri Wahyuni');
    expect(names).toContain('Joko Prasetyo');
    expect(names).toContain('Ahmad Fauzi');
    expect(names).toContain('Rina Marlina');
    expect(names).toContain('M. Yusuf Kalla');
    expect(persons.find((p) => p.name === 'M. Yusuf Kalla')!.aliases).toEqual(['Yusuf Kalla']);
    const pair = contests[1]!.contestants[0]!;
    expect(pair.persons.map((id) => persons.find((p) => p.id === id)!.name)).toEqual(['Budi Hartono', 'Sri Wahyuni']);
    expectProvenanceEverywhere(persons, contests);
    expectValidWithBase(persons, contests);
  });

  it('a one-word name that is an everyday word only counts with context, and the collision is reported', () => {
    const { result, persons } = run('kpu-json', 'pilkada', PILKADA_JSON);
    const surya = persons.find((p) => p.aliases?.some((a) => typeof a !== 'string' && a.term === 'Surya'))!;
    expect(surya.name).toBe('Surya (Pilkada 2024 99.01)');
    expect(surya.aliases).toEqual([{ term: 'Surya', requiresContext: true, note: 'reads as the everyday word "surya"' }]);
    expect(result.report.collisions.join('\n')).toMatch(/"Surya" reads as the everyday word "surya"/);
  });

  it('names contests from the record or a region list', () => {
    const text = JSON.stringify([{ kode_wilayah: '9902', nama_wilayah: 'KABUPATEN CONTOH JAYA', nama: 'ANDI WIJAYA - BAGUS SANTOSO', nomor_urut: 3 }]);
    const { contests } = run('kpu-json', 'pilkada', text);
    expect(contests.map((c) => [c.id, c.name, c.region])).toEqual([['pilbup-contoh-jaya-2024', 'Pilbup Contoh Jaya 2024', '99.02']]);
  });

  it('DPR: a district map of party lists; party resolved by its 2024 ballot number; numbers kept per party in the id', () => {
    const text = JSON.stringify({
      '9901': {
        '1': { '800001': { nama: 'H. ANDI WIJAYA, S.H.', nomor_urut: 1, jenis_kelamin: 'L' }, '800002': { nama: 'Dra. DEWI KARTIKA', nomor_urut: 2 } },
        '2': { '800101': { nama: 'BAGUS SANTOSO, M.M.', nomor_urut: 1 } },
      },
    });
    const { result, persons, contests } = run('kpu-json', 'dpr', text);
    expect(result.report.errors).toEqual([]);
    expect(contests).toHaveLength(1);
    expect(contests[0]!.kind).toBe('pileg');
    expect(contests[0]!.region).toBe('99');
    expect(contests[0]!.phases).toEqual(PEMILU_2024_PHASES);
    expect(contests[0]!.contestants.map((k) => [k.id, k.coalition?.parties])).toEqual([
      ['dpr-2024-9901-pkb-01', ['pkb']],
      ['dpr-2024-9901-gerindra-01', ['gerindra']],
      ['dpr-2024-9901-pkb-02', ['pkb']],
    ]);
    expect(persons.map((p) => p.name).sort()).toEqual(['Andi Wijaya', 'Bagus Santoso', 'Dewi Kartika']);
    expectProvenanceEverywhere(persons, contests);
    expectValidWithBase(persons, contests);
  });

  it('--names-need-context: every name is qualified with its race and counts only with that race\'s evidence', () => {
    const text = JSON.stringify({ '9901': { '1': { '800001': { nama: 'H. ANDI WIJAYA, S.H.', nomor_urut: 1 }, '800002': { nama: 'Dra. DEWI KARTIKA', nomor_urut: 2 } } } });
    const result = runImport({ format: 'kpu-json', kind: 'dpr', text, origin, base, namesNeedContext: true });
    const persons = ((parse(result.yaml) ?? {}) as { persons?: Person[] }).persons ?? [];
    expect(persons.map((p) => p.name).sort()).toEqual(['Andi Wijaya (DPR RI 2024 9901)', 'Dewi Kartika (DPR RI 2024 9901)']);
    for (const p of persons) {
      expect(p.aliases?.length, p.id).toBeGreaterThan(0);
      for (const a of p.aliases ?? []) expect(typeof a === 'string' ? { term: a } : a, p.id).toMatchObject({ requiresContext: true });
    }
    expect(persons.flatMap((p) => p.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.term))).toContain('Andi Wijaya');
  });

  it('--names-need-context: a name a person of the base rule set already carries decisively is that person, not a new one', () => {
    const known = base.persons.find((p) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(p.name))!;
    const text = JSON.stringify({ '9901': { '1': { '800001': { nama: known.name.toUpperCase(), nomor_urut: 1 } } } });
    const result = runImport({ format: 'kpu-json', kind: 'dpr', text, origin, base, namesNeedContext: true });
    const doc = (parse(result.yaml) ?? {}) as { persons?: Person[]; contests?: Contest[] };
    expect(doc.persons ?? []).toEqual([]);
    expect(doc.contests?.[0]?.contestants[0]?.persons).toEqual([known.id]);
    // its name counts alone, so the entry's negative example does not hold it, and `jaga test` passes
    const entry = doc.contests![0]!.contestants[0]!;
    expect(entry.examples?.negative.join(' ')).not.toContain(known.name);
    const checked = parseRuleBundle({ ...base, contests: [...base.contests, ...doc.contests!] });
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    const failures = runExamples(checked.bundle, loadEngine(compileBundle(checked.bundle))).failures.filter((f) => f.entry === entry.id || f.entry === doc.contests![0]!.id);
    expect(failures).toEqual([]);
  });

  it('--names-need-context: a candidate of a regency or city race only is a namesake, not reused, so the bare name needs evidence', () => {
    const races = new Map<string, string[]>();
    for (const c of base.contests) for (const k of c.contestants) for (const p of k.persons) races.set(p, [...(races.get(p) ?? []), c.kind]);
    const local = base.persons.find(
      (p) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(p.name) && (races.get(p.id) ?? []).length > 0 && races.get(p.id)!.every((k) => k === 'pilkada-kabupaten' || k === 'pilkada-kota'),
    )!;
    const text = JSON.stringify({ '9901': { '1': { '800001': { nama: local.name.toUpperCase(), nomor_urut: 1 } } } });
    const doc = parse(runImport({ format: 'kpu-json', kind: 'dpr', text, origin, base, namesNeedContext: true }).yaml) as { persons: Person[]; contests: Contest[] };
    expect(doc.persons.map((p) => p.name)).toEqual([`${local.name} (DPR RI 2024 9901)`]);
    expect(doc.contests[0]!.contestants[0]!.persons).toEqual([doc.persons[0]!.id]);
    expect(doc.persons[0]!.aliases).toContainEqual(expect.objectContaining({ term: local.name, requiresContext: true }));
  });

  it('--names-need-context: a namesake already on another 2024 legislative list is a different person', () => {
    const text = JSON.stringify({ '9901': { '1': { '800001': { nama: 'H. ANDI WIJAYA, S.H.', nomor_urut: 1 } } } });
    const first = runImport({ format: 'kpu-json', kind: 'dpd', text: JSON.stringify({ '99': { '700001': { nama: 'ANDI WIJAYA', nomor_urut: 1 } } }), origin, base });
    const doc = parse(first.yaml) as { persons: Person[]; contests: Contest[] };
    const withList = { ...base, persons: [...base.persons, ...doc.persons], contests: [...base.contests, ...doc.contests] };
    const result = runImport({ format: 'kpu-json', kind: 'dpr', text, origin, base: withList, namesNeedContext: true });
    const again = parse(result.yaml) as { persons: Person[]; contests: Contest[] };
    expect(again.persons.map((p) => p.name)).toEqual(['Andi Wijaya (DPR RI 2024 9901)']);
    expect(again.contests[0]!.contestants[0]!.persons).not.toEqual([doc.persons[0]!.id]);
  });

  it('--names-need-context: a one-word name gets no alias, since any election word would confirm it', () => {
    const text = JSON.stringify({ '99': { '700001': { nama: 'DADAN', nomor_urut: 1 }, '700002': { nama: 'DEWI KARTIKA', nomor_urut: 2 } } });
    const result = runImport({ format: 'kpu-json', kind: 'dpd', text, origin, base, namesNeedContext: true });
    const persons = (parse(result.yaml) as { persons: Person[] }).persons;
    const terms = persons.flatMap((p) => p.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.term));
    expect(persons.map((p) => p.name)).toEqual(['Dadan (DPD RI 2024 99)', 'Dewi Kartika (DPD RI 2024 99)']);
    expect(terms).toContain('Dewi Kartika');
    expect(terms.filter((t) => !t.includes(' '))).toEqual([]);
  });

  it('--names-need-context: every list entry has examples `jaga test` passes (with its race: counts; the bare name in everyday text: none) and lint has no warning for them', () => {
    // one district's file, by party ballot number (the shape `--district` reads)
    const dpr = JSON.stringify({ '1': [{ nama: 'H. ANDI WIJAYA, S.H.', nomor_urut: 1 }, { nama: 'DADAN', nomor_urut: 2 }], '5': [{ nama: 'Dra. DEWI KARTIKA', nomor_urut: 1 }] });
    const dpd = JSON.stringify({ '99': { '700001': { nama: 'BAGUS SANTOSO', nomor_urut: 1 }, '700002': { nama: 'JOKO PRASETYO, S.Sos.', nomor_urut: 2 } } });
    const docs = [
      runImport({ format: 'kpu-json', kind: 'dpr', text: dpr, origin, base, namesNeedContext: true, district: '9901', districtName: 'Contoh I' }),
      runImport({ format: 'kpu-json', kind: 'dpd', text: dpd, origin, base, namesNeedContext: true }),
    ].map((r) => parse(r.yaml) as { persons: Person[]; contests: Contest[] });
    const persons = docs.flatMap((d) => d.persons);
    const contests = docs.flatMap((d) => d.contests);
    const entries = [...persons, ...contests, ...contests.flatMap((c) => c.contestants)];
    expect(entries).toHaveLength(5 + 2 + 5);
    for (const e of entries) {
      expect(e.examples?.positive.length, e.id).toBeGreaterThan(0);
      expect(e.examples?.negative.length, e.id).toBeGreaterThan(0);
    }
    // the positive names the race the way campaign posts do; the negative has the bare name, no race
    const andi = persons.find((p) => p.name.startsWith('Andi Wijaya'))!;
    expect(andi.examples!.positive[0]).toMatch(/^Dukung Andi Wijaya, caleg PKB dapil Contoh I nomor 1/);
    expect(andi.examples!.negative[0]).toContain('Andi Wijaya');
    const raw = { ...base, persons: [...base.persons, ...persons], contests: [...base.contests, ...contests] };
    const checked = parseRuleBundle(raw);
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    const bundle: RuleBundle = checked.bundle;
    const ids = new Set(entries.map((e) => e.id));
    expect(runExamples(bundle, loadEngine(compileBundle(bundle))).failures.filter((f) => ids.has(f.entry))).toEqual([]);
    const imported = (w: string) => {
      const m = /^(persons|contests)\[(\d+)\]/.exec(w);
      return !!m && Number(m[2]) >= (m[1] === 'persons' ? base.persons.length : base.contests.length);
    };
    expect(lintBundle(bundle).filter(imported)).toEqual([]);
  });

  it('--names-need-context: two namesakes of one race get two names (their party and number), so lint does not attribute one to both', () => {
    const dpr = JSON.stringify({ '1': [{ nama: 'NURHAYATI', nomor_urut: 3 }], '5': [{ nama: 'Hj. NURHAYATI, S.E.', nomor_urut: 7 }] });
    const result = runImport({ format: 'kpu-json', kind: 'dpr', text: dpr, origin, base, namesNeedContext: true, district: '9901', districtName: 'Contoh I' });
    const doc = parse(result.yaml) as { persons: Person[]; contests: Contest[] };
    expect(doc.persons.map((p) => p.name).sort()).toEqual(['Nurhayati (DPR RI 2024 Contoh I)', 'Nurhayati (DPR RI 2024 Contoh I, NasDem 7)']);
    const checked = parseRuleBundle({ ...base, persons: [...base.persons, ...doc.persons], contests: [...base.contests, ...doc.contests] });
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    expect(lintBundle(checked.bundle).filter((w) => /Nurhayati \(DPR/.test(w))).toEqual([]);
  });

  it('DPD: candidates keyed by province code, one contest per province, with ballot numbers', () => {
    const text = JSON.stringify({ '99': { '700001': { nama: 'H. ANDI WIJAYA', nomor_urut: 21 }, '700002': { nama: 'DEWI KARTIKA, S.Sos.', nomor_urut: 22 } } });
    const { persons, contests } = run('kpu-json', 'dpd', text);
    expect(contests.map((c) => [c.id, c.region, c.contestants.map((k) => k.number)])).toEqual([['dpd-2024-99', '99', [21, 22]]]);
    expectProvenanceEverywhere(persons, contests);
    expectValidWithBase(persons, contests);
  });

  it('a broken row is reported by its place and the other rows are imported', () => {
    const text = JSON.stringify({
      '9901': {
        '900001': { nama: 'BUDI HARTONO - SRI WAHYUNI', nomor_urut: 1 },
        '900002': { nama: 'JOKO PRASETYO - ANDI WIJAYA' },
        '900003': { nama: 'DEWI KARTIKA - BAGUS SANTOSO', nomor_urut: 'dua' },
      },
      'ABCD': [{ nama: 'X Y - Z W', nomor_urut: 1 }],
    });
    const { result, contests } = run('kpu-json', 'pilkada', text);
    expect(result.report.errors.map((e) => e.row)).toEqual(['9901 › 900002', '9901 › 900003', 'ABCD[0]']);
    expect(result.report.errors[0]!.message).toMatch(/ballot number/);
    expect(result.report.errors[2]!.message).toMatch(/Kemendagri/);
    expect(contests.flatMap((c) => c.contestants.map((k) => k.number))).toEqual([1]);
  });

  it('two pairs with the same ballot number in one race: the second is a row error', () => {
    const text = JSON.stringify({ '9901': [{ nama: 'BUDI HARTONO - SRI WAHYUNI', nomor_urut: 1 }, { nama: 'JOKO PRASETYO - ANDI WIJAYA', nomor_urut: 1 }] });
    const { result, contests } = run('kpu-json', 'pilkada', text);
    expect(result.report.errors).toEqual([{ row: '9901[1]', message: expect.stringMatching(/ballot number 1 is already used/) }]);
    expect(contests[0]!.contestants).toHaveLength(1);
  });

  it('a file that is not JSON is one clear error', () => {
    const { result, contests } = run('kpu-json', 'pilkada', '{"9901": [');
    expect(result.report.errors).toHaveLength(1);
    expect(result.report.errors[0]!.row).toBe('(file)');
    expect(result.report.errors[0]!.message).toMatch(/not JSON/);
    expect(contests).toEqual([]);
  });

  it('the empty box of a single-pair race ("KOLOM KOSONG - ") is no contestant and no person', () => {
    const text = JSON.stringify({ '9901': { '900001': { nama: 'KOLOM KOSONG - ', nomor_urut: 1 }, '900002': { nama: 'BUDI HARTONO - SRI WAHYUNI', nomor_urut: 2 } } });
    const { result, persons, contests } = run('kpu-json', 'pilkada', text);
    expect(result.report.errors).toEqual([]);
    expect(contests.map((c) => c.contestants.map((k) => k.number))).toEqual([[2]]);
    expect(persons.map((p) => p.name)).toEqual(['Budi Hartono', 'Sri Wahyuni']);
    expect(result.report.notes.join('\n')).toMatch(/9901 › 900001: the empty box \(kolom kosong\), no. 1, is no contestant/);
  });

  it('a nickname in parentheses becomes a context-only alias of its person', () => {
    const text = JSON.stringify({ '9901': [{ nama: 'H. BUDI HARTONO, S.E., M.M. (AYAH BUDI) - SRI WAHYUNI (BUNDA SRI)', nomor_urut: 1 }] });
    const { result, persons } = run('kpu-json', 'pilkada', text);
    expect(result.report.errors).toEqual([]);
    const budi = persons.find((p) => p.name === 'Budi Hartono')!;
    expect(budi.aliases).toEqual([{ term: 'Ayah Budi', requiresContext: true, note: 'nickname in the source file' }]);
    expect(persons.find((p) => p.name === 'Sri Wahyuni')!.aliases).toEqual([{ term: 'Bunda Sri', requiresContext: true, note: 'nickname in the source file' }]);
  });

  it('skips a race the base rule set already has (Pilwalkot Surakarta, 33.72)', () => {
    const { result, contests } = run('kpu-json', 'pilkada', JSON.stringify({ '3372': [{ nama: 'BUDI HARTONO - SRI WAHYUNI', nomor_urut: 1 }] }));
    expect(contests).toEqual([]);
    expect(result.report.skipped.join()).toMatch(/pilwalkot-surakarta-2024/);
  });
});

describe('csv importer', () => {
  const CSV = [
    'kode_wilayah;nama_wilayah;nomor_urut;nama_calon;nama_wakil;tanggal_pemungutan',
    '99.73;KOTA CONTOH;1;"BUDI HARTONO, S.H.";"Hj. SRI WAHYUNI; S.E.";',
    '9973;KOTA CONTOH;2;Drs. JOKO PRASETYO;ANDI WIJAYA, M.Pd.;',
    'abc;KOTA SALAH;1;DEWI KARTIKA;BAGUS SANTOSO;',
    '9904;KABUPATEN ULANG;1;DEWI KARTIKA;BAGUS SANTOSO;2025-08-27',
  ].join('\n');

  it('reads semicolon CSV with quotes; region codes with or without the dot; the broken line is named', () => {
    const { result, persons, contests } = run('csv', 'pilkada', CSV);
    expect(result.report.errors).toEqual([{ row: 'line 4', message: expect.stringMatching(/Kemendagri province or regency\/city code/) }]);
    expect(contests.map((c) => [c.name, c.region, c.contestants.length])).toEqual([
      ['Pilwalkot Contoh 2024', '99.73', 2],
      ['Pilbup Ulang 2024', '99.04', 1],
    ]);
    expect(persons.map((p) => p.name)).toEqual(expect.arrayContaining(['Budi Hartono', 'Sri Wahyuni', 'Joko Prasetyo', 'Andi Wijaya']));
    expectProvenanceEverywhere(persons, contests);
    expectValidWithBase(persons, contests);
  });

  it('a record with its own voting day gets its own campaign, quiet period and vote', () => {
    const { contests } = run('csv', 'pilkada', CSV);
    const rerun = contests.find((c) => c.region === '99.04')!;
    expect(rerun.votingDay).toBe('2025-08-27');
    expect(rerun.phases.map((p) => p.kind)).toEqual(['kampanye', 'tenang', 'pemungutan']);
    expect(rerun.phases.at(-1)).toEqual({ kind: 'pemungutan', from: '2025-08-27', to: '2025-08-27' });
  });

  it('a row with the wrong number of cells is an error naming its line', () => {
    const { result } = run('csv', 'pilkada', 'kode_wilayah,nomor_urut,nama\n9901,1,"BUDI HARTONO - SRI WAHYUNI"\n9901,2\n');
    expect(result.report.errors).toEqual([{ row: 'line 3', message: 'expected 3 cells as in the header, found 2' }]);
  });
});

describe('seeder importer', () => {
  const SEEDER = `<?php
class PaslonDprSeeder extends Seeder {
    public function run(): void {
        $rows = [
            ['id' => '1', 'nomor_urut' => '1', 'nama_pasangan_calon' => 'H. ANDI WIJAYA, S.Pd.I.', 'partai' => 'PKB', 'kode_dapil' => '9901'],
            ['id' => '2', 'nomor_urut' => '2', 'nama_pasangan_calon' => 'DEWI KARTIKA', 'partai' => 'PKB', 'kode_dapil' => '9901'],
            ['id' => '3', 'nomor_urut' => '1', 'nama_pasangan_calon' => 'BAGUS SANTOSO', 'partai' => 'Gerindra', 'kode_dapil' => '9901'],
            ['id' => '4', 'nomor_urut' => 'x', 'nama_pasangan_calon' => 'JOKO PRASETYO', 'partai' => 'PKB', 'kode_dapil' => '9901'],
        ];
        DB::table('paslon')->insert($rows);
    }
}`;
  it('reads literal arrays of key => value pairs without running PHP', () => {
    const { result, persons, contests } = run('seeder', 'dpr', SEEDER);
    expect(result.report.errors).toEqual([{ row: 'line 8', message: expect.stringMatching(/ballot number/) }]);
    expect(contests[0]!.contestants.map((k) => k.id)).toEqual(['dpr-2024-9901-pkb-01', 'dpr-2024-9901-gerindra-01', 'dpr-2024-9901-pkb-02']);
    expect(persons.map((p) => p.name).sort()).toEqual(['Andi Wijaya', 'Bagus Santoso', 'Dewi Kartika']);
    expectProvenanceEverywhere(persons, contests);
    expectValidWithBase(persons, contests);
  });
  it('a file without seeder arrays is one clear error', () => {
    const { result } = run('seeder', 'dpr', '<?php echo "hello";');
    expect(result.report.errors).toEqual([{ row: '(file)', message: expect.stringMatching(/no array of 'key' => 'value' pairs/) }]);
  });
});

describe('accounts and hashtags: overlays onto existing entities', () => {
  it('accounts attach to parties and persons; a bad handle or platform is a row error', () => {
    const csv = 'owner,platform,handle\npkb,instagram,@pkb.official.contoh\ngerindra,x,https://x.com/GerindraContoh\npkb,myspace,pkb\npks,x,has space\n';
    const { result } = run('csv', 'accounts', csv);
    expect(result.overlay).toBe(true);
    expect(result.report.errors.map((e) => e.row)).toEqual(['line 4', 'line 5']);
    const overlay = OverlaySchema.parse(parse(result.yaml));
    expect(overlay.accounts.map((a) => [a.owner, a.platform, a.handle])).toEqual([
      ['pkb', 'instagram', 'pkb.official.contoh'],
      ['gerindra', 'x', 'GerindraContoh'],
    ]);
    const raw = structuredClone(base) as unknown as Record<string, unknown>;
    expect(applyOverlay(raw, overlay)).toEqual([]);
    const merged = parseRuleBundle(raw);
    expect(merged.ok).toBe(true);
    if (merged.ok) expect(merged.bundle.parties.find((p) => p.id === 'pkb')!.accounts!.instagram).toContain('pkb.official.contoh');
  });

  it('hashtags attach to pairs; an everyday word needs context; an unknown owner is an error', () => {
    const csv = 'owner,hashtag\npilpres-2024-01,#AminContohSaja\npilpres-2024-01,#amin\nno-such-pair,#Apa\n';
    const { result } = run('csv', 'hashtags', csv);
    const overlay = OverlaySchema.parse(parse(result.yaml));
    expect(overlay.hashtags.map((h) => [h.term, h.requiresContext ?? false])).toEqual([
      ['AminContohSaja', false],
      ['amin', true],
      ['Apa', false],
    ]);
    expect(result.report.collisions.join()).toMatch(/"#amin" reads as the everyday word "amin"/);
    const raw = structuredClone(base) as unknown as Record<string, unknown>;
    expect(applyOverlay(raw, overlay)).toEqual([{ row: 'overlay hashtags[2]', message: 'unknown owner id "no-such-pair"' }]);
  });
});

describe('jaga import (command)', () => {
  const flags = ['--source', origin.source, '--licence', 'CC-BY-4.0', '--fetched', '2026-12-05'];
  const broken = JSON.stringify({ '9901': [{ nama: 'BUDI HARTONO - SRI WAHYUNI', nomor_urut: 1 }, { nama: 'JOKO PRASETYO - ANDI WIJAYA' }] });
  /**
   * A base of the metadata, vocabulary and parties only: the row handling under test does not depend on
   * the shipped candidates, and reading all of rules/data (13,000 persons) made each case take 40 s or
   * more on a loaded machine.
   */
  const smallBase = (dir: string): string => {
    const baseDir = join(dir, 'base');
    mkdirSync(baseDir);
    for (const f of ['meta.yaml', 'vocabulary.yaml', 'parties-2024.yaml']) copyFileSync(join(DEFAULT_DATA_DIR, f), join(baseDir, f));
    return baseDir;
  };

  it('writes the good rows and reports the broken one', async () => {
    const dir = tempDir();
    const input = join(dir, 'paslon.json');
    writeFileSync(input, broken);
    const out = join(dir, 'out.yaml');
    const r = await jaga('import', ['--format', 'kpu-json', '--kind', 'pilkada', input, ...flags, '--out', out, '--base', smallBase(dir), '--national', join(dir, 'none')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/error: .*paslon\.json 9901\[1\]: .*ballot number/);
    expect(r.stderr).toMatch(/imported: 1 contests, 1 contestants, 2 persons/);
    const doc = parse(readFileSync(out, 'utf8')) as { contests: Contest[] };
    expect(doc.contests[0]!.contestants).toHaveLength(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Generated by jaga import from example-org\/pemilu-data/);
  });

  it('--strict: a broken row fails the import and nothing is written', async () => {
    const dir = tempDir();
    const input = join(dir, 'paslon.json');
    writeFileSync(input, broken);
    const out = join(dir, 'out.yaml');
    const r = await jaga('import', ['--format', 'kpu-json', '--kind', 'pilkada', input, ...flags, '--out', out, '--strict', '--base', smallBase(dir), '--national', join(dir, 'none')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAILED \(--strict\): 1 broken row/);
    expect(existsSync(out)).toBe(false);
  });

  it('re-importing into a file of the base leaves that file out of the base: same ids, same output', async () => {
    // a transcription's output lies in rules/data, the default base; read as part of the base, its own
    // contests were "already there" and the re-import wrote an empty file (or renumbered the ids)
    const dir = tempDir();
    const baseDir = join(dir, 'data');
    mkdirSync(baseDir);
    for (const f of ['meta.yaml', 'vocabulary.yaml', 'parties-2024.yaml']) copyFileSync(join(DEFAULT_DATA_DIR, f), join(baseDir, f));
    const input = join(dir, 'berita.csv');
    writeFileSync(
      input,
      'kode_wilayah,nama_wilayah,nomor_urut,nama_calon,nama_wakil,koalisi,instagram,sumber\n' +
        '99.01,Kabupaten Contoh Raya,1,BUDI CONTOHARTO,SRI CONTOHWATI,PKB,@budisri.contoh,https://berita.example.org/paslon-contoh\n' +
        '99.01,Kabupaten Contoh Raya,2,JOKO CONTOHYONO,ANDI CONTOHJAYA,PKS,,https://berita.example.org/paslon-contoh\n',
    );
    const out = join(baseDir, 'pilkada-contoh.yaml');
    const argv = ['--format', 'csv', '--kind', 'pilkada', input, ...flags, '--base', baseDir, '--national', join(dir, 'none'), '--out', out];
    expect((await jaga('import', argv)).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(first).toMatch(/id: pilbup-contoh-raya-2024\n/);
    // another file of the base refers to a person of the output (as a DPR list reuses a regent candidate
    // who stood for the DPR too): without that person the rest of the base would not validate
    const doc = parse(first) as { contests: Contest[] };
    const [contest] = doc.contests;
    const other = {
      ...contest!,
      id: 'pilwalkot-contoh-lain-2024',
      name: 'Pilwalkot Contoh Lain 2024',
      region: '99.71',
      contestants: contest!.contestants.map((k) => ({ ...k, id: `lain-${k.id}`, acronyms: [], examples: undefined })),
      examples: undefined,
    };
    writeFileSync(join(baseDir, 'pilkada-lain.yaml'), JSON.stringify({ contests: [other] }));
    const again = await jaga('import', argv);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/skipped:/);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('refuses to run without provenance', async () => {
    const r = await jaga('import', ['--format', 'csv', '--kind', 'pilkada', 'x.csv', '--source', 'not a source', '--fetched', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--source: expected a URL/);
    expect(r.stderr).toMatch(/--licence/);
    expect(r.stderr).toMatch(/--fetched: expected an ISO date/);
  });
});
