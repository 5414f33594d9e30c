/**
 * The compiler's index of entity ids (rules/compile-ids.ts) against a Map: the position of every id,
 * the last one where an id repeats (as Map.set gave), -1 for an unknown one, across table sizes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../../rules/compile-ids.ts';

const rows = (ids: string[]) => ids.map((id) => ({ id }));

describe('IdIndex', () => {
  it('gives what a Map of id → last position gives, for any ids and queries', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 10 }), { maxLength: 2000 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 200 }), (ids, queries) => {
        const index = new IdIndex(rows(ids));
        const ref = new Map<string, number>();
        ids.forEach((id, i) => {
          ref.set(id, i);
        });
        for (const id of [...ids, ...queries]) expect(index.get(id)).toBe(ref.get(id) ?? -1);
        for (const id of ids) expect(index.has(id)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('finds each of 300,000 ids, and ids of the same hash apart', () => {
    const ids = Array.from({ length: 300_000 }, (_, i) => `caleg-${i}`);
    const index = new IdIndex(rows(ids));
    const wrong: number[] = [];
    for (let i = 0; i < ids.length; i++) if (index.get(`caleg-${i}`) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(index.get('caleg-300000')).toBe(-1);
    expect(index.get('')).toBe(-1);
    // "Aa" and "BB" share Java's string hash; whatever the hash, equal hashes must not be confused
    const clash = new IdIndex(rows(['Aa', 'BB', 'Aa']));
    expect([clash.get('Aa'), clash.get('BB'), clash.get('C#')]).toEqual([2, 1, -1]);
  });

  it('asked in the list’s order, by a step, or in no order, still gives the last row of a repeated id', () => {
    // the row continuing the last two found, then the row after the last, is tried first: a repeated
    // id must not be answered by its earlier, shadowed row, whichever order the queries come in
    const ids = ['a', 'b', 'c', 'b', 'd', 'a', 'e'];
    const ref = new Map<string, number>();
    ids.forEach((id, i) => {
      ref.set(id, i);
    });
    for (const order of [ids, ['a', 'b', 'c', 'd', 'e'], ['c', 'b', 'd', 'a', 'e', 'x'], ['e', 'a', 'b', 'c'], ['a', 'c', 'd', 'e', 'b', 'b', 'a']]) {
      const index = new IdIndex(rows(ids));
      expect(order.map((id) => index.get(id))).toEqual(order.map((id) => ref.get(id) ?? -1));
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('p', 'q', 'r', 's'), { maxLength: 30 }), fc.array(fc.constantFrom('p', 'q', 'r', 's', 't'), { maxLength: 60 }), (list, queries) => {
        const index = new IdIndex(rows(list));
        const last = new Map<string, number>();
        list.forEach((id, i) => {
          last.set(id, i);
        });
        for (const id of [...list, ...queries]) expect(index.get(id)).toBe(last.get(id) ?? -1);
      }),
      { numRuns: 200 },
    );
  });

  it('finds ids asked every n-th row, as interleaved lists ask them', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `p-${i}`);
    const index = new IdIndex(rows(ids));
    for (let r = 0; r < 38; r++) for (let i = r; i < ids.length; i += 38) expect(index.get(ids[i]!)).toBe(i);
    for (let i = ids.length - 1; i >= 0; i -= 7) expect(index.get(ids[i]!)).toBe(i);
    expect(index.get('p-1000')).toBe(-1);
  });

  it('an empty list knows nothing', () => {
    const index = new IdIndex([]);
    expect(index.get('x')).toBe(-1);
    expect(index.has('x')).toBe(false);
  });
});
