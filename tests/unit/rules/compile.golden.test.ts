/**
 * Compiling must give the same bytes however it is made fast (issue #20, item 3): the compiled rules
 * (the buffer with its entity metadata, and the JSON around it) and the variant report of the dev
 * bundle and of a seeded synthetic 30,000-name set (full, regions in the trie, one region) are compared by
 * SHA-256 with what the compiler gave before its speed work (2026-12-06). A change of these hashes is
 * a change of the compiled output: intended ones update the hashes in the same commit, with the reason.
 *
 * Updated 2026-12-07: the variant generator's kh → k and f → p rules add variants (the output changes
 * on purpose). The hashes are now those of the fast compiler after that change, not of the compiler
 * before its speed work; they still pin its bytes against any later speed work. The change is in the
 * generator alone (wordVariants), which the compiler's memoised path and nameVariants share, and
 * variants.memo.test.ts checks that the two give the same list for any name.
 *
 * Updated 2026-12-07 (format 4): the spelling variants moved out of the trie into the per-word variant
 * table (rules/compiled.ts varStart, varWord; PF_VARIANTS), so every buffer changed; the dev bundle's
 * variant report did not, the synthetic set's did (two-word variants are no longer capped at 24 per name
 * nor dropped as another term, so more are counted compiled). The equivalence tests (variants, memo,
 * trie builder, tab sets, engine ≡ reference engine) and `bench -- quality` (the same figures on every
 * source) are the proof that the new bytes mean what the old ones did.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileBundle, regionalBundle, type VariantReport } from '../../../rules/compile.ts';
import type { RuleBundle } from '../../../rules/schema.ts';
import { devBundle } from './helpers.ts';

/**
 * n distinct synthetic Indonesian-looking names (seeded), a copy of the scale bench's generator kept
 * here so that a change of the bench cannot change the golden values.
 */
function syntheticNames(n: number): string[] {
  const syl = ['ba', 'di', 'su', 'har', 'to', 'ni', 'ka', 'ra', 'wan', 'ti', 'ma', 'ya', 'sa', 'ri', 'no', 'ta', 'lu', 'gi', 'pra', 'se', 'tya', 'an', 'dra', 'wi', 'jo', 'ko', 'mu', 'lia', 'ha', 'dy', 'fa', 'rul', 'zi', 'ad', 'hen', 'dri', 'yo', 'gus', 'sri', 'ati'];
  let seed = 7;
  const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
  const word = (min: number) => {
    let w = '';
    const len = min + rnd(2);
    for (let i = 0; i < len; i++) w += syl[rnd(syl.length)];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const nm = `${word(2)} ${word(2)}${rnd(4) === 0 ? ' ' + word(2) : ''}`;
    if (seen.has(nm)) continue;
    seen.add(nm);
    out.push(nm);
  }
  return out;
}

const PROVINCES = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94', '95', '96'];

/**
 * The dev bundle plus n one-person contestants over 38 provincial lists and synthetic place names of
 * every province; every tenth person has aliases (one with an honorific, some context-requiring), a
 * misspelling, and a variant added and one vetoed, so that every path of the compiler is taken.
 */
function synthetic(base: RuleBundle, n: number): RuleBundle {
  const names = syntheticNames(n + 3 * PROVINCES.length);
  const persons = names.slice(0, n).map((name, i) => {
    const last = name.split(' ')[1]!;
    if (i % 10) return { id: `caleg-${i}`, name };
    const lower = last.toLowerCase();
    return {
      id: `caleg-${i}`,
      name,
      aliases: [last, { term: `Mas ${last}`, requiresContext: i % 20 === 0 }],
      misspellings: [`${lower}h`],
      variants: { add: [{ term: `${lower}x`, requiresContext: true }], veto: [`${lower}nya`] },
    };
  });
  const regions = PROVINCES.map((code, r) => ({ code, names: names.slice(n + 3 * r, n + 3 * r + 3).map((x) => x.toLowerCase()) }));
  return {
    ...base,
    persons: [...base.persons, ...persons],
    regions: [...(base.regions ?? []), ...regions],
    contests: [
      ...base.contests,
      ...PROVINCES.map((region, r) => ({
        id: `pileg-2024-synthetic-${region}`,
        name: `Pileg 2024 (sintetis) ${region}`,
        kind: 'pileg',
        region,
        phases: [{ kind: 'kampanye', from: '2023-11-28', to: '2024-02-10' }],
        contestants: persons.filter((_, i) => i % PROVINCES.length === r).map((p) => ({ id: `k-${p.id}`, persons: [p.id] })),
      })),
    ],
  } as RuleBundle;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** SHA-256 of the buffer (entity metadata included), of the rest of the compiled JSON, and of the variant report. */
function digest(bundle: RuleBundle, regionsInTrie = false): { data: string; rest: string; variants: string } {
  const report: VariantReport = { compiled: 0, dropped: [] };
  const c = compileBundle(bundle, report, { regionsInTrie });
  const { data, ...rest } = c;
  return { data: sha256(data), rest: sha256(JSON.stringify(rest)), variants: sha256(JSON.stringify(report)) };
}

const GOLDEN = {
  dev: {
    data: '069f2964c098067d4e519c276d557b0a452378b8af181c19e5d42a1171cdfce4',
    rest: '3bb135dd148d87dccdd8dd2697d9d10434b8251e30a7e5741781b2909dde17e2',
    variants: '2ce9ef879fce0562dc6ef8719c0d84df5a03e82a399b34a1cfb3327b704d5870',
  },
  synthetic: {
    data: 'f12ca920337088310dd1327fbabd0f00213e152e7ca26c6cba8554bc39b8e462',
    rest: '40dbdb40f740e309f0845a0938d27dbc8072c4c5411020b8cd0ddb6704c7f66b',
    variants: '5b51a8f25c4af1eca41178c7dde90fb07ffbad101cd2fbdda65bc7a3adb05844',
  },
  syntheticRegionsInTrie: {
    data: '16f6345abfc62f4a30915cffe6d25c178033659e043dae362d7f804cb22e3b63',
    rest: '40dbdb40f740e309f0845a0938d27dbc8072c4c5411020b8cd0ddb6704c7f66b',
    variants: '5b51a8f25c4af1eca41178c7dde90fb07ffbad101cd2fbdda65bc7a3adb05844',
  },
  syntheticRegion35: {
    data: 'd4350dcce0898e77cbb5da348e8e0c9014d5a06ccf480984bd620ac5f9dfed68',
    rest: '40dbdb40f740e309f0845a0938d27dbc8072c4c5411020b8cd0ddb6704c7f66b',
    variants: '368ffed7b10d2dae6f0a0f4f07e2221e116f6c1c4766b3f8a66cbfa9fd6d9d1b',
  },
};

describe('compileBundle output is unchanged (golden SHA-256)', () => {
  it('the dev bundle', () => {
    expect(digest(devBundle())).toEqual(GOLDEN.dev);
  });

  it('a seeded synthetic set of 30,000 names: full, with the regions in the trie, and for one region', () => {
    const big = synthetic(devBundle(), 30_000);
    expect(digest(big)).toEqual(GOLDEN.synthetic);
    expect(digest(big, true)).toEqual(GOLDEN.syntheticRegionsInTrie);
    expect(digest(regionalBundle(big, '35'))).toEqual(GOLDEN.syntheticRegion35);
  });
});
