/**
 * The trie in CSR form (TermCompiler.writeTrie): each node's edges sorted by token id, each with its own
 * child, whatever order the terms came in. Nodes of more than 32 edges (a first word many names share)
 * are sorted apart from the others (sortBigNodes), so the terms below give nodes of both kinds.
 */
import { describe, expect, it } from 'vitest';
import { TermCompiler } from '../../../rules/compile-terms.ts';
import * as PK from '../../../rules/pattern-kinds.ts';

/** seeded shuffle (LCG) */
function shuffled<T>(a: T[], seed: number): T[] {
  const out = [...a];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = (seed >>> 8) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('TermCompiler.writeTrie', () => {
  it('sorts every node’s edges by token, big nodes and small alike', () => {
    // 300 distinct words of consonant-vowel syllables (no letter repeated, which the tokeniser would collapse)
    const syl = ['ba', 'di', 'su', 'ko', 'me', 'ra', 'ti', 'no', 'lu', 'ga', 'pe', 'si', 'ma', 'ju', 'we', 'ha', 'ze', 'fo', 'ci', 'ye'];
    const words = Array.from({ length: 300 }, (_, i) => `ka${syl[i % 20]}${syl[Math.floor(i / 20)]}`);
    // "muhammad …" 300 ways, "siti …" 40 ways, "budi …" 33 (just over 32), "adi …" 32 (not), and
    // "muhammad <word> …" 50 ways; the second words in a shuffled order, so that the
    // dictionary's ids (first seen, first numbered) do not follow the order of the edges
    const terms: string[] = [];
    for (const w of words) terms.push(`muhammad ${w}`);
    for (const w of words.slice(0, 40)) terms.push(`siti ${w}`);
    for (const w of words.slice(100, 133)) terms.push(`budi ${w}`);
    for (const w of words.slice(200, 232)) terms.push(`adi ${w}`);
    for (const w of words.slice(0, 50)) terms.push(`muhammad ${words[7]} ${w}`);
    const order = shuffled(terms, 11);
    const tc = new TermCompiler(order.length);
    // the words first in another order: token ids unrelated to the terms' order
    for (const [i, w] of shuffled(words, 5).entries()) tc.add(w, PK.PERSON, i, 0);
    for (const [i, t] of order.entries()) tc.add(t, PK.PERSON, i, 0);
    const t = tc.tables();
    const edgeStart = new Int32Array(t.nodes + 1);
    const edgeTok = new Int32Array(t.edges);
    const edgeNode = new Int32Array(t.edges);
    tc.writeTrie(edgeStart, edgeTok, edgeNode, new Int32Array(t.nodes + 1), new Int32Array(t.outs));
    let big = 0;
    const seen = new Set<string>();
    for (let n = 0; n < t.nodes; n++) {
      const s = edgeStart[n]!;
      const e = edgeStart[n + 1]!;
      if (e - s > 32) big++;
      for (let i = s; i < e; i++) {
        if (i > s) expect(edgeTok[i]!).toBeGreaterThan(edgeTok[i - 1]!);
        // the edge is the builder's own: the child of n by that token
        expect(tc.trie.child(n, edgeTok[i]!, false)).toBe(edgeNode[i]!);
        seen.add(`${n} ${edgeTok[i]}`);
      }
    }
    expect(big).toBe(4);
    expect(seen.size).toBe(tc.trie.edges);
  });
});
