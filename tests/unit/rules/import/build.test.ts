import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileBundle } from '../../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../../rules/data/index.ts';
import { loadEngine } from '../../../../rules/engine.ts';
import { runImport } from '../../../../rules/import/index.ts';
import { parseRuleBundle, type Contest, type Person, type RuleBundle, type Term } from '../../../../rules/schema.ts';

// Names another person already has, in the shapes the KPU Sirekap files write them. Region "99" does not
// exist; the other people are rules/data's (Dedi Mulyadi, Jawa Barat; Hasan Basri Sagala, Sumatera Utara;
// Tarmizi, Aceh Barat), since the point is that a post about them never names the imported person.
const base = loadDefaultBundle();
const origin = { source: 'example-org/pemilu-data:paslon/pkwkk.json@0123456789abcdef0123456789abcdef01234567', licence: 'CC-BY-4.0', fetchedAt: '2026-12-06' };
const CAMPAIGN_DAY = '2024-10-15';

function run(pairs: Record<string, string[]>) {
  const json: Record<string, Record<string, { nama: string; nomor_urut: number }>> = {};
  for (const [region, names] of Object.entries(pairs))
    json[region] = Object.fromEntries(names.map((nama, i) => [`9000${region}${i}`, { nama, nomor_urut: i + 1 }]));
  const result = runImport({ format: 'kpu-json', kind: 'pilkada', text: JSON.stringify(json), origin, base });
  const doc = (parse(result.yaml) ?? {}) as { persons?: Person[]; contests?: Contest[] };
  const persons = doc.persons ?? [];
  const contests = doc.contests ?? [];
  const merged = parseRuleBundle({ ...base, persons: [...base.persons, ...persons], contests: [...base.contests, ...contests] });
  if (!merged.ok) throw new Error(merged.errors.join('\n'));
  return { result, persons, contests, bundle: merged.bundle };
}

const term = (t: Term) => (typeof t === 'string' ? t : t.term);

/** The imported person whose bare name is `name`. */
function personNamed(persons: Person[], name: string): Person {
  const p = persons.find((x) => x.name === name || x.name.startsWith(`${name} (`) || x.aliases?.some((a) => term(a) === name));
  if (!p) throw new Error(`no imported person "${name}" among ${persons.map((x) => x.name).join(', ')}`);
  return p;
}

/** Gated: the bare name is a context-only alias, and the name that always counts is qualified by the race. */
function expectGated(person: Person, name: string) {
  expect(person.name, person.id).not.toBe(name);
  expect(person.name).toMatch(/^.+ \(Pilkada 2024 99\.0\d\)$/);
  expect(person.aliases).toContainEqual(expect.objectContaining({ term: name, requiresContext: true }));
  for (const a of person.aliases ?? []) if (typeof a === 'string') expect(a.split(' ').length, a).toBeGreaterThan(1);
}

/** The entities a text names with some weight, on a campaign day, in every region (the widest rule set). */
function named(bundle: RuleBundle, text: string, region?: string): Set<string> {
  const engine = loadEngine(compileBundle(bundle));
  const verdict = engine.evaluate({ text }, region ? { at: CAMPAIGN_DAY, region } : { at: CAMPAIGN_DAY });
  return new Set(verdict.reasons.filter((r) => r.severity !== 'none').flatMap((r) => [r.entityId, ...(r.contest ? [r.contest.id] : [])]));
}

describe('a name another person has is gated: it counts only with its own race', () => {
  const { persons, contests, bundle } = run({
    // one word equal to another's one-word name (Aceh Barat's Tarmizi)
    '9901': ['BUDI CONTOHARTO - TARMIZI, S.I.Kom', 'ANDI CONTOHJAYA - Drs. SYUKRI CONTOHWAN'],
    // one word inside another's longer name (Dedi Mulyadi); a very common given name
    '9902': ['YOTA CONTOHBALAD - MULYADI', 'RIDWAN CONTOHBAKAR - MUHAMMAD, S.E.'],
    // two words inside another's longer name (Hasan Basri Sagala)
    '9903': ['H. HASAN BASRI, S.E. - SAIFUL CONTOHANWAR', 'SIBRAL CONTOHMALASYI - ABDULLAH'],
  });

  it('the importer qualifies each name and keeps the bare one context-only', () => {
    for (const name of ['Tarmizi', 'Mulyadi', 'Muhammad', 'Abdullah', 'Hasan Basri']) expectGated(personNamed(persons, name), name);
  });

  it('a post about the other person does not name the imported one', () => {
    // [imported name, post about someone else, the regions of the users who would read it]; "any" loads
    // every contest at once, more than a tab ever holds (national and the agency's region)
    const cases: [string, string, (string | undefined)[]][] = [
      ['Tarmizi', 'Tarmizi, calon bupati Aceh Barat nomor urut 2, menyapa warga.', ['11.05', '11']],
      ['Tarmizi', 'Ayo dukung Tarmizi, calon bupati Aceh Barat nomor urut 2!', ['11.05', '11']],
      ['Mulyadi', 'Ayo warga Jawa Barat, coblos Dedi Mulyadi, calon gubernur nomor urut 4!', ['32', undefined]],
      ['Mulyadi', 'Kang Dedi Mulyadi blusukan lagi di Purwakarta, pilgub makin seru.', ['32', undefined]],
      ['Hasan Basri', 'Ayo dukung Hasan Basri Sagala, calon wakil gubernur Sumatera Utara nomor urut 2!', ['12', undefined]],
      ['Hasan Basri', 'Pilih Hasan Basri Sagala di Pilgub Sumut!', ['12', undefined]],
      ['Muhammad', 'Ayo dukung Muhammad Fawait, calon bupati Jember nomor urut 2!', ['35.09', '35', undefined]],
      ['Muhammad', 'Selamat memperingati Maulid Nabi Muhammad SAW, semoga membawa berkah.', ['99.02', '99', undefined]],
      ['Abdullah', 'Dukung Abdullah Hidayat, coblos nomor 1!', ['35', '99.03', undefined]],
    ];
    const wrong: string[] = [];
    for (const [name, text, regions] of cases) {
      const id = personNamed(persons, name).id;
      const contestantIds = contests.flatMap((c) => c.contestants.filter((k) => k.persons.includes(id)).map((k) => k.id));
      for (const r of regions) {
        const hits = named(bundle, text, r);
        const found = [id, ...contestantIds].filter((x) => hits.has(x));
        if (found.length) wrong.push(`${text} (region ${r ?? 'any'}): ${found.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('with its own race beside it, the imported name counts', () => {
    const mulyadi = personNamed(persons, 'Mulyadi').id;
    const hits = named(bundle, 'Dukung Yota Contohbalad dan Mulyadi, coblos nomor 1 di Pilkada Contoh!', '99.02');
    expect(hits.has(mulyadi) || contests.some((c) => c.contestants.some((k) => k.persons.includes(mulyadi) && hits.has(k.id)))).toBe(true);
    const hasan = personNamed(persons, 'Hasan Basri').id;
    const hitsHasan = named(bundle, 'Ayo dukung Hasan Basri dan Saiful Contohanwar, coblos nomor 1!', '99.03');
    expect(hitsHasan.has(hasan) || contests.some((c) => c.contestants.some((k) => k.persons.includes(hasan) && hitsHasan.has(k.id)))).toBe(true);
  });
});

describe('a DPR or DPD list person yields its names to a regional candidate (import order does not matter)', () => {
  // two list persons as `jaga import --names-need-context` writes them (imported after the regional race: ids
  // end in -2): the name qualified by the race, the
  // bare name a context-only alias. One has the regional candidate's name, the other holds it in a longer one.
  const listPerson = (id: string, name: string): Person => ({
    id,
    name: `${name} (DPR RI 2024 Contoh I)`,
    aliases: [{ term: name, requiresContext: true, note: 'a list candidate: counts with evidence of the race' }],
    sources: ['https://example.org/dpr'],
  });
  const list: Contest = {
    id: 'dpr-2024-contoh-i',
    name: 'DPR RI 2024 Contoh I',
    kind: 'pileg',
    region: '99',
    votingDay: '2024-02-14',
    phases: [{ kind: 'kampanye', from: '2023-11-28', to: '2024-02-10' }],
    contestants: [
      { id: 'dpr-2024-contoh-i-01', persons: ['rahmat-contohwan-2'] },
      { id: 'dpr-2024-contoh-i-02', persons: ['dedi-sulistya-contohharjo-2'] },
    ],
    sources: ['https://example.org/dpr'],
  };
  const withList = {
    persons: [...base.persons, listPerson('rahmat-contohwan-2', 'Rahmat Contohwan'), listPerson('dedi-sulistya-contohharjo-2', 'Dedi Sulistya Contohharjo')],
    parties: base.parties,
    contests: [...base.contests, list],
  };
  const json = JSON.stringify({ '9904': { '900099040': { nama: 'RAHMAT CONTOHWAN - SULISTYA CONTOHHARJO', nomor_urut: 1 } } });
  const pilkada = (b: typeof withList) => runImport({ format: 'kpu-json', kind: 'pilkada', text: json, origin, base: b }).yaml;

  it('the regional import is the same with the list in its base as without it', () => {
    const yaml = pilkada(withList);
    expect(yaml).toBe(pilkada(base));
    const persons = (parse(yaml) as { persons: Person[] }).persons;
    expect(persons.map((p) => p.name)).toEqual(['Rahmat Contohwan', 'Sulistya Contohharjo']);
  });

  it('a decisive name of another person still qualifies it', () => {
    const decisive = { ...withList, persons: [...withList.persons, { id: 'rahmat-contohwan-tokoh', name: 'Rahmat Contohwan', sources: ['https://example.org/tokoh'] }] };
    const persons = (parse(pilkada(decisive)) as { persons: Person[] }).persons;
    expect(persons[0]!.name).toBe('Rahmat Contohwan (Pilkada 2024 99.04)');
  });
});
