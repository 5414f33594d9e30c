/**
 * The compiler writes the entities' metadata straight into bytes (rules/compile.ts MetaWriter): each
 * row must be exactly the UTF-8 of `JSON.stringify` of that row, for the strings JSON escapes (quotes,
 * backslashes, control chars, lone surrogates), non-ASCII and astral chars, ballot numbers, persons that
 * resolve to nobody (their label is then stored) and contestants without a number.
 */
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { contestantLabel } from '../../../rules/compiled.ts';
import type { RuleBundle } from '../../../rules/schema.ts';
import { decodeRules } from '../../../rules/tables.ts';
import { devBundle } from './helpers.ts';

const NAMES = ['Ahmad "Gus" Dahlan', 'Back\\slash Putra', 'Tab\there Sari', 'Ñoño Müller', 'Dewi 😀 Lestari', 'Lone \ud800 Surrogate', 'Plain Name'];

function bundle(): RuleBundle {
  const base = devBundle();
  const persons = NAMES.map((name, i) => ({ id: `meta-${i}`, name }));
  return {
    ...base,
    persons: [...base.persons, ...persons],
    contests: [
      ...base.contests,
      {
        id: 'meta-contest',
        name: 'Pilkada "Uji" Kota',
        kind: 'walikota',
        region: '35.78',
        phases: [{ kind: 'kampanye', from: '2024-09-25', to: '2024-11-23' }],
        contestants: [
          { id: 'meta-k1', number: 1, persons: ['meta-0', 'meta-1'] },
          { id: 'meta-k2', number: 12345, persons: ['meta-3', 'nobody-here'] },
          { id: 'meta-k3', persons: ['meta-4', 'meta-5', 'meta-6'] },
          { id: 'meta-k\u00e9', number: 0, persons: ['nobody-at-all'] },
        ],
      },
    ],
  } as RuleBundle;
}

describe('compileBundle entity metadata', () => {
  it('is the UTF-8 of JSON.stringify of every row, byte for byte', () => {
    const b = bundle();
    const d = decodeRules(compileBundle(b));
    const metaOff = d.sections.metaOff as Int32Array;
    const metaBytes = d.sections.metaBytes as Uint8Array;
    const row = (e: number) => metaBytes.subarray(metaOff[e]!, metaOff[e + 1]!);
    const utf8 = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    for (const [i, p] of b.persons.entries()) expect(row(i), p.id).toEqual(utf8([p.id, p.name]));
    const personIdx = new Map(b.persons.map((p, i) => [p.id, i]));
    const contest = b.contests[b.contests.length - 1]!;
    const ci = b.contests.length - 1;
    const firstK = b.contests.slice(0, ci).reduce((n, c) => n + c.contestants.length, 0);
    contest.contestants.forEach((k, j) => {
      const idx = k.persons.map((id) => personIdx.get(id)).filter((x) => x !== undefined);
      const want: unknown[] = [k.id, ci, k.number ?? null, idx, []];
      const label = contestantLabel(contest, k.number, k.persons.map((id) => (personIdx.has(id) ? b.persons[personIdx.get(id)!]!.name : id)));
      if (idx.length < k.persons.length) want.push(label);
      expect(row(b.persons.length + b.parties.length + firstK + j), k.id).toEqual(utf8(want));
    });
  });
});
