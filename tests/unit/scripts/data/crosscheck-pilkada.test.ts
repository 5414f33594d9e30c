import { describe, expect, it } from 'vitest';
import {
  compareNames,
  crosscheck,
  formatTable,
  readSirekapFile,
  SirekapFileError,
  type SirekapRace,
} from '../../../../scripts/data/crosscheck-pilkada.ts';
import type { Contest, Person, RuleBundle } from '../../../../rules/schema.ts';

/** A tiny KPU file in Sirekap's shape: a regency with two pairs, one with an empty box, and a province. */
const PKWKK = JSON.stringify({
  '3501': {
    '1000001': { ts: '2024-11-21 21:55:15', nama: 'Drs. H. BUDI SANTOSO, M.Si. - Hj. SITI AMINAH, S.E.', warna: '#B67352', nomor_urut: 1 },
    '1000002': { ts: '2024-11-21 21:55:15', nama: 'Ir. DJOKO SOEPRAPTO - ABD. ROSYID', warna: '#8CB9BD', nomor_urut: 2 },
  },
  '3502': {
    '1000003': { nama: 'KOLOM KOSONG - ', nomor_urut: 1 },
    '1000004': { nama: 'MOCH. RIZAL HAKIM - FX. TANTRY SENAK', nomor_urut: 2 },
  },
});
const PKWKP = JSON.stringify({
  '35': { '1000005': { nama: 'KHOFIFAH INDAR PARAWANSA - EMIL ELESTIANTO DARDAK, B.Bus., M.Sc.', nomor_urut: 2 } },
});

const person = (id: string, name: string, aliases?: string[]): Person => ({ id, name, ...(aliases ? { aliases } : {}) }) as Person;

function contest(id: string, kind: Contest['kind'], region: string, pairs: [number | undefined, string, string][]): Contest {
  return {
    id,
    name: id,
    kind,
    region,
    votingDay: '2024-11-27',
    phases: [],
    contestants: pairs.map(([number, head, deputy], i) => ({
      id: `${id}-0${i + 1}`,
      ...(number ? { number } : {}),
      persons: [head, deputy],
    })),
  } as unknown as Contest;
}

/** The fixture's rules, every name and number as KPU has it (in the forms news articles write). */
function rules(overrides: { pacitan?: [number | undefined, string, string][]; persons?: Person[] } = {}): RuleBundle {
  const persons = [
    person('budi-santoso', 'Budi Santoso'),
    person('siti-aminah', 'Siti Aminah'),
    person('djoko-suprapto', 'Joko Suprapto'),
    person('abdul-rosyid', 'Abdul Rosyid'),
    person('rizal-hakim', 'Muhammad Rizal Hakim'),
    person('tantry-senak', 'Fransiskus Xaverius Tantry Senak'),
    person('khofifah', 'Khofifah Indar Parawansa'),
    person('emil-dardak', 'Emil Dardak'),
    ...(overrides.persons ?? []),
  ];
  return {
    persons,
    contests: [
      contest(
        'pilbup-pacitan-2024',
        'pilkada-kabupaten',
        '35.01',
        overrides.pacitan ?? [
          [1, 'budi-santoso', 'siti-aminah'],
          [2, 'djoko-suprapto', 'abdul-rosyid'],
        ],
      ),
      contest('pilbup-ponorogo-2024', 'pilkada-kabupaten', '35.02', [[2, 'rizal-hakim', 'tantry-senak']]),
      contest('pilgub-jawa-timur-2024', 'pilkada-provinsi', '35', [[2, 'khofifah', 'emil-dardak']]),
      contest('pilbup-trenggalek-2024', 'pilkada-kabupaten', '35.03', [[1, 'budi-santoso', 'siti-aminah']]),
      { ...contest('pilpres-2024', 'pilpres', '35', []), region: undefined } as unknown as Contest,
    ],
  } as unknown as RuleBundle;
}

function sirekap(): Map<string, SirekapRace> {
  return new Map([...readSirekapFile(PKWKK, 'pkwkk.json'), ...readSirekapFile(PKWKP, 'pkwkp.json')]);
}

describe('readSirekapFile', () => {
  it('reads pairs by Kemendagri code, titles kept, the empty box apart', () => {
    const races = sirekap();
    expect(races.get('35.01')?.pairs).toEqual([
      { number: 1, head: 'Drs. H. BUDI SANTOSO, M.Si.', deputy: 'Hj. SITI AMINAH, S.E.' },
      { number: 2, head: 'Ir. DJOKO SOEPRAPTO', deputy: 'ABD. ROSYID' },
    ]);
    expect(races.get('35.02')).toMatchObject({ emptyBoxNumber: 1, pairs: [{ number: 2 }] });
    expect(races.get('35')?.pairs).toHaveLength(1);
  });

  it('refuses a file of another shape with the path of what is wrong', () => {
    expect(() => readSirekapFile('{"3501": {"1": {"nama": "A - B"}}}', 'x.json')).toThrow(/x\.json.*\n.*3501 › 1 › nomor_urut/);
    expect(() => readSirekapFile('{"35x": {}}', 'x.json')).toThrow(SirekapFileError);
    expect(() => readSirekapFile('[', 'x.json')).toThrow(/x\.json: not JSON/);
    expect(() => readSirekapFile('{"3501": {"1": {"nama": "ONLY ONE NAME", "nomor_urut": 1}}}', 'x.json')).toThrow(
      /"ONLY ONE NAME" is not "HEAD - DEPUTY"/,
    );
  });
});

describe('compareNames', () => {
  it.each([
    ['Budi Santoso', 'Drs. H. BUDI SANTOSO, M.Si.', 'exact'],
    ['Joko Suprapto', 'Ir. DJOKO SOEPRAPTO', 'variant'], // old spelling
    ['Abdul Rosyid', 'ABD. ROSYID', 'variant'], // abbreviation
    ['Muhammad Rizal Hakim', 'MOCH. RIZAL HAKIM', 'variant'],
    ['Emil Dardak', 'EMIL ELESTIANTO DARDAK, B.Bus., M.Sc.', 'variant'], // a middle name left out
    ['Agustinus Taolin', 'dr. TAOLIN AGUSTINUS, Sp PD', 'variant'], // surname first
    ['A Rachmansyah Ismail', 'Ir. ABDUL RACHMAN SYAH ISMAIL, M.P.', 'variant'], // glued
    ['Wahyu Saptonohadi', 'Kol Ckm (Purn) DRH WAHYU SAPTONO HADI, M.K.M.', 'variant'],
    ['Hasbi Asyidqi Jayabaya', 'MOCHAMAD HASBI ASYIDIKI JAYABAYA, S.H.', 'variant'], // two letters apart, 7+ letters
    ['Ali Makki Zaini', 'H. MOH ALI MAKKI', 'one part differs'],
    ['Rusdianto', 'YOSDIANTO, S.Pd., M.Si.', 'differ'], // two letters apart but another first letter
    ['Rahman H. Buding', 'H. ABDUL RAHMAN', 'differ'],
    ['Edy Natar', 'H. EDY NASUTION, S.IP.', 'differ'],
    ['Theodorus Manek', 'THEODORUS FREDERIKUS SERAN TEFA, S.M', 'differ'],
  ])('%s / %s: %s', (rule, kpu, expected) => {
    expect(compareNames(rule, kpu)).toBe(expected);
  });
});

describe('crosscheck', () => {
  it('finds every race of the fixture in agreement, and leaves out non-Pilkada contests', () => {
    const result = crosscheck(rules(), sirekap());
    expect(result.races.map((r) => [r.contest, r.status])).toEqual([
      ['pilbup-pacitan-2024', 'agree'],
      ['pilbup-ponorogo-2024', 'agree'],
      ['pilgub-jawa-timur-2024', 'agree'],
      ['pilbup-trenggalek-2024', 'not in Sirekap'],
    ]);
    expect(result.summary).toMatchObject({
      races: 4,
      racesAgree: 3,
      racesDiffer: 0,
      racesMissing: 1,
      pairs: 4,
      pairsAgree: 4,
      names: 8,
      namesDiffer: 0,
    });
  });

  it('reports a planted wrong deputy, swapped numbers, a missing pair and a pair without a number', () => {
    const wrongDeputy = crosscheck(
      rules({
        persons: [person('siti-rahayu', 'Siti Rahayu')],
        pacitan: [
          [1, 'budi-santoso', 'siti-rahayu'],
          [2, 'djoko-suprapto', 'abdul-rosyid'],
        ],
      }),
      sirekap(),
    );
    expect(wrongDeputy.races[0]).toMatchObject({
      status: 'differ',
      problems: ['no. 1 deputy: rules "Siti Rahayu", KPU "Hj. SITI AMINAH, S.E."'],
    });
    expect(wrongDeputy.summary).toMatchObject({ racesAgree: 2, racesDiffer: 1, pairsAgree: 3, namesDiffer: 1 });

    const swapped = crosscheck(
      rules({
        pacitan: [
          [2, 'budi-santoso', 'siti-aminah'],
          [1, 'djoko-suprapto', 'abdul-rosyid'],
        ],
      }),
      sirekap(),
    );
    expect(swapped.races[0]?.problems).toEqual(['no. 2: KPU gives these names no. 1', 'no. 1: KPU gives these names no. 2']);

    const onePair = crosscheck(rules({ pacitan: [[1, 'budi-santoso', 'siti-aminah']] }), sirekap());
    expect(onePair.races[0]?.problems).toEqual(['pairs: rules 1, KPU 2']);

    const noNumber = crosscheck(
      rules({
        pacitan: [
          [undefined, 'budi-santoso', 'siti-aminah'],
          [2, 'djoko-suprapto', 'abdul-rosyid'],
        ],
      }),
      sirekap(),
    );
    expect(noNumber.races[0]?.problems).toEqual(['pilbup-pacitan-2024-01: no number in the rules; KPU gives these names no. 1']);
  });

  it('takes an alias that agrees, and says so', () => {
    const nick = rules();
    nick.persons = nick.persons.map((p) => (p.id === 'emil-dardak' ? person('emil-dardak', 'Mas Wapres', ['Emil Dardak']) : p));
    const aliased = crosscheck(nick, sirekap());
    expect(aliased.races[2]).toMatchObject({
      status: 'agree',
      notes: ['no. 2 deputy: rules "Mas Wapres" (alias "Emil Dardak"), KPU "EMIL ELESTIANTO DARDAK, B.Bus., M.Sc."'],
    });
    expect(aliased.summary).toMatchObject({ namesAlias: 1, namesDiffer: 0 });
  });

  it('lists a name that agrees only because a part is two letters apart (a possible slip)', () => {
    const slip = rules();
    slip.persons = slip.persons.map((p) => (p.id === 'djoko-suprapto' ? person('djoko-suprapto', 'Joko Supratno') : p));
    const result = crosscheck(slip, sirekap());
    expect(result.races[0]).toMatchObject({
      status: 'agree',
      notes: ['no. 2 head: two letters apart: rules "Joko Supratno", KPU "Ir. DJOKO SOEPRAPTO"'],
    });
    expect(crosscheck(rules(), sirekap()).races[0]?.notes).toEqual([]);
  });

  it('takes a running mate listed after the current one (replaced before a re-vote), and says so', () => {
    const replaced = rules({ persons: [person('siti-rahayu', 'Siti Rahayu')] });
    replaced.contests[0]!.contestants[0]!.persons = ['budi-santoso', 'siti-rahayu', 'siti-aminah'];
    const result = crosscheck(replaced, sirekap());
    expect(result.races[0]).toMatchObject({
      status: 'agree',
      notes: [
        'no. 1 deputy: KPU "Hj. SITI AMINAH, S.E." is the earlier running mate "Siti Aminah"; the rules\' current one is "Siti Rahayu"',
      ],
    });
    replaced.contests[0]!.contestants[0]!.persons = ['budi-santoso', 'siti-rahayu'];
    expect(crosscheck(replaced, sirekap()).races[0]?.status).toBe('differ');
  });

  it('prints the races that differ and the totals', () => {
    const table = formatTable(crosscheck(rules({ pacitan: [[1, 'budi-santoso', 'siti-aminah']] }), sirekap()));
    expect(table).toMatch(/35\.01 +pilbup-pacitan-2024 +differ +pairs: rules 1, KPU 2/);
    expect(table).not.toMatch(/pilbup-ponorogo-2024/);
    expect(table).toMatch(/races +4: agree 2 .* differ 1, not in Sirekap 1/);
  });
});
