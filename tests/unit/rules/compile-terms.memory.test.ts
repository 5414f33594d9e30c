/**
 * What the term compiler (rules/compile-terms.ts) puts into the trie. At 300,000 names the spelling
 * variants were 79% of the trie's edges as trie paths (format 3): each a lookup and an insert at a random
 * slot of the edge table. Since format 4 they are a table per word, and the trie holds real terms only.
 */
import { describe, expect, it } from 'vitest';
import { TermCompiler } from '../../../rules/compile-terms.ts';

describe('TermCompiler', () => {
  it('keeps the spelling variants out of the trie: the variant table holds them', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `Sutarman${i.toString(36).replace(/\d/g, (d) => 'qwxzvjkhgf'[Number(d)]!)} Wibowo`);
    const persons = names.map((name, i) => ({ id: `p${i}`, name, aliases: i % 3 === 0 ? [`Pak ${name.split(' ')[0]}`, name.split(' ')[0]!] : undefined }));
    const terms = new TermCompiler(names.length * 2);
    persons.forEach((p, i) => {
      terms.addName(p, i);
      (p.aliases ?? []).forEach((a, k) => {
        terms.addAlias(a, i, 0, k + 1);
      });
    });
    const realNodes = terms.trie.nodes;
    terms.addVariants(persons as Parameters<TermCompiler['addVariants']>[0], undefined);
    expect(terms.trie.nodes).toBe(realNodes);
    const t = terms.tables();
    expect(t.varWord.length).toBeGreaterThan(5_000);
  });
});
