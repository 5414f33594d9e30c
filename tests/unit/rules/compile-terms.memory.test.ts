/**
 * What the term compiler (rules/compile-terms.ts) allocates beside the trie builder's own arrays. At
 * 300,000 names the trie has ~1.85 M nodes: an array per node is ~7 MB of ArrayBuffers, and V8 answers
 * every ~64 MB of new ones with a full collection that marks the whole input bundle again.
 */
import { describe, expect, it } from 'vitest';
import { TermCompiler } from '../../../rules/compile-terms.ts';
import * as PK from '../../../rules/pattern-kinds.ts';

/** the typed arrays a TermCompiler holds itself (not through its trie or dictionary) */
function ownArrays(terms: TermCompiler): ArrayBufferView[] {
  return Object.values(terms).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
}

describe('TermCompiler', () => {
  it('keeps no array per trie node for the spelling variants', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `Sutarman${i.toString(36).replace(/\d/g, (d) => 'qwxzvjkhgf'[Number(d)]!)} Wibowo`);
    const persons = names.map((name, i) => ({ id: `p${i}`, name, aliases: i % 3 === 0 ? [`Pak ${name.split(' ')[0]}`, name.split(' ')[0]!] : undefined }));
    const terms = new TermCompiler(names.length * 2);
    persons.forEach((p, i) => {
      terms.addName(p.name, i);
      for (const a of p.aliases ?? []) terms.add(a, PK.PERSON, i, 0);
    });
    terms.addVariants(persons as Parameters<TermCompiler['addVariants']>[0], undefined);
    expect(terms.trie.nodes).toBeGreaterThan(20_000);
    const perNode = ownArrays(terms).filter((a) => a.byteLength >= 4 * terms.trie.nodes);
    expect(perNode.map((a) => a.byteLength)).toEqual([]);
  });
});
