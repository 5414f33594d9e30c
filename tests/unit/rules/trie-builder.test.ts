/**
 * The compiler's dictionary and trie under construction (rules/trie-builder.ts) against plain maps:
 * ids in first-seen order, children found again after every table growth, patterns per node once
 * and in insertion order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dictionary, TrieBuilder } from '../../../rules/trie-builder.ts';

describe('Dictionary', () => {
  it('gives ids in first-seen order and finds every token again, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 3000 }), (words) => {
        const dict = new Dictionary();
        const ref = new Map<string, number>();
        for (const w of words) {
          const found = dict.findText(w, false);
          expect(found).toBe(ref.get(w) ?? -1);
          const id = dict.findText(w, true);
          if (!ref.has(w)) ref.set(w, ref.size);
          expect(id).toBe(ref.get(w));
        }
        expect(dict.count).toBe(ref.size);
        for (const [w, id] of ref) expect(dict.text(id)).toBe(w);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps every token of 50,000 (many table growths)', () => {
    const dict = new Dictionary();
    const wrong: number[] = [];
    for (let i = 0; i < 50_000; i++) if (dict.findText(`w${i.toString(36)}`, true) !== i) wrong.push(i);
    for (let i = 0; i < 50_000; i += 7) if (dict.findText(`w${i.toString(36)}`, false) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(dict.findText('w-none', false)).toBe(-1);
  });
});

describe('TrieBuilder', () => {
  it('finds every child again and keeps each node’s patterns once, in order, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }), fc.nat(9)), { maxLength: 4000 }), (terms) => {
        const trie = new TrieBuilder(1);
        const ref = new Map<string, number>([['', 0]]);
        const outs = new Map<number, number[]>();
        for (const [tokens, p] of terms) {
          let node = 0;
          let key = '';
          for (const t of tokens) {
            key += `/${t}`;
            const existing = ref.get(key);
            expect(trie.child(node, t, false)).toBe(existing ?? -1);
            node = trie.child(node, t, true);
            if (existing === undefined) ref.set(key, node);
            else expect(node).toBe(existing);
          }
          expect(trie.find(Int32Array.from(tokens), tokens.length)).toBe(node);
          trie.addOutput(node, p);
          const list = outs.get(node) ?? [];
          if (!list.includes(p)) list.push(p);
          outs.set(node, list);
        }
        expect(trie.nodes).toBe(ref.size);
        for (const [node, list] of outs) {
          const got: number[] = [];
          for (let o = trie.outHead[node]!; o >= 0; o = trie.outNext[o]!) got.push(trie.outPat[o]!);
          expect(got).toEqual(list);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('keeps every edge of 100,000 nodes (many table growths)', () => {
    const trie = new TrieBuilder(1);
    const kids: number[] = [];
    for (let i = 0; i < 100_000; i++) kids.push(trie.child(trie.child(0, i % 100, true), i, true));
    expect(trie.nodes).toBe(1 + 100 + 100_000);
    const wrong: number[] = [];
    for (let i = 0; i < 100_000; i += 3) if (trie.child(trie.child(0, i % 100, false), i, false) !== kids[i]) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(trie.child(trie.child(0, 5, false), 6, false)).toBe(-1);
  });

  it('holds at most 44 bytes per expected node, its edge table included (300,000 names: ~1.8 M nodes)', () => {
    // every probe of the edge table is a cache and TLB miss: at 16 bytes a slot it was 64 MB of the
    // builder's 122 MB, and the largest single cost of compiling 300,000 names; each further MB of
    // ArrayBuffers brings V8's next full collection (it marks the whole input bundle) nearer
    const trie = new TrieBuilder(1_800_000);
    expect(trie.bytes / 1_800_000).toBeLessThanOrEqual(44);
  });

  it('tells edges apart whose hashes share their table slot and fingerprint', () => {
    // a small table: many (parent, token) pairs per slot, every lookup checked against the truth
    const trie = new TrieBuilder(1);
    const ref = new Map<string, number>();
    for (let p = 0; p < 300; p++) {
      const parent = trie.child(0, p, true);
      for (let t = 0; t < 300; t += 1 + (p % 7)) ref.set(`${parent}/${t}`, trie.child(parent, t, true));
    }
    const wrong: string[] = [];
    for (let p = 0; p < 300; p++) {
      const parent = trie.child(0, p, false);
      for (let t = 0; t < 300; t++) {
        const want = ref.get(`${parent}/${t}`) ?? -1;
        if (trie.child(parent, t, false) !== want) wrong.push(`${parent}/${t}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sized for n, holds 1.2 n nodes and 1.05 n edges without growing an array', () => {
    // the synthetic 300,000-name set makes 6.08 nodes and 5.91 edges per name and the compiler sizes
    // for 6: the node arrays (and the variants' marks beside them) were doubled at the very end,
    // ~57 MB of copies, and V8 answers such external allocations with a full collection
    const n = 10_000;
    const trie = new TrieBuilder(n);
    const arrays = () => [trie.owner, trie.outHead, trie.eParent, trie.eTok, trie.eChild];
    const before = arrays();
    const roots: number[] = [];
    for (let t = 0; t < 1500; t++) roots.push(trie.child(0, t, true));
    for (let e = 0; e < 10_500; e++) trie.child(roots[e % 1500]!, 1500 + e, true);
    expect(trie.nodes).toBe(1 + 1500 + 10_500);
    expect(arrays().every((a, i) => a === before[i])).toBe(true);
  });
});
