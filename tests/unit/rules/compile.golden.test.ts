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
    data: '32e3aabcea52d5412a32b0ac00db8c0e46a579c7f9e528dd73404cb17fc6e54c',
    rest: 'a780ebbdd816cabe7d5c3b208970a98f105b263d70d92202b6fa3b2699e262a9',
    variants: '2ce9ef879fce0562dc6ef8719c0d84df5a03e82a399b34a1cfb3327b704d5870',
  },
  synthetic: {
    data: 'a6e25d0707ac2fd19afde1bd827c2448a6aed26e9faef68654cc90acabe8edb9',
    rest: 'c914fa77575a5dedaa53a38609418bc5c14caa64a385efd3273e6a8ab114619c',
    variants: '373f4f19369e7035fc0317df28407224bbbf6594908b2e10ea8a723820ca5131',
  },
  syntheticRegionsInTrie: {
    data: '12c635b39fd20d58c75ca72527195610402d331d35a1504214699df546d09e85',
    rest: 'c914fa77575a5dedaa53a38609418bc5c14caa64a385efd3273e6a8ab114619c',
    variants: '373f4f19369e7035fc0317df28407224bbbf6594908b2e10ea8a723820ca5131',
  },
  syntheticRegion35: {
    data: '523cde2bf4802d2e25151d73d76654ed64073e05c7c44c13df03d6cb0cea2b80',
    rest: 'c914fa77575a5dedaa53a38609418bc5c14caa64a385efd3273e6a8ab114619c',
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
