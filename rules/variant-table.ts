/**
 * The per-word spelling variant table (rules/compiled.ts varStart, varWord) while the term compiler
 * (rules/compile-terms.ts) fills it: (variant word id, canonical id × 4 + VAR_* bits) pairs, which
 * canonical words have had their variants entered, and where a one-word name's alone entries are (a
 * later name can clear them). Build-time only.
 */
import { grow } from './trie-builder.ts';

export class VariantTableBuilder {
  /** (variant word id, canonical id × 4 + VAR_* bits) while the table grows */
  private pairs = new Int32Array(2 * 4096);
  private count = 0;
  /**
   * per token id: 1 = its variants as a one-word name are in the table, 2 = inside a two-word name;
   * sized once by `begin` (every canonical word is a name's token, in the dictionary by then)
   */
  private doneBits = new Uint8Array(0);
  /** per one-word name's token id: its alone entries in pairs [start, end) */
  private readonly aloneRange = new Map<number, number[]>();

  /** the names' tokens are ids [0, nTok): the table is filled after every name was added */
  begin(nTok: number): void {
    if (this.doneBits.length < nTok) this.doneBits = new Uint8Array(nTok);
  }

  /** which VAR_* bits the canonical word w has had entered */
  done(w: number): number {
    if (w >= this.doneBits.length) throw new Error(`variant table: token ${w} after begin`);
    return this.doneBits[w]!;
  }

  mark(w: number, bit: number): void {
    this.done(w);
    this.doneBits[w]! |= bit;
  }

  /** the end of the entries so far (an alone range's start) */
  get size(): number {
    return this.count;
  }

  entry(v: number, code: number): void {
    const at = 2 * this.count++;
    if (at + 2 > this.pairs.length) this.pairs = grow(this.pairs, at + 2);
    this.pairs[at] = v;
    this.pairs[at + 1] = code;
  }

  /** the one-word name w's alone entries: made [start, end) */
  setAlone(w: number, start: number): void {
    this.aloneRange.set(w, [start, this.count]);
  }

  /** clears the one-word name w's alone entry for the variant word v (it is another term's form) */
  clearAlone(w: number, v: number): void {
    const range = this.aloneRange.get(w)!;
    for (let e = range[0]!; e < range[1]!; e++) if (this.pairs[2 * e] === v) this.pairs[2 * e + 1] = w * 4;
  }

  /** The variant table (rules/compiled.ts varStart, varWord) over nTok tokens: sorted, one entry per canonical word. */
  tables(nTok: number): { varStart: Int32Array; varWord: Int32Array } {
    const { pairs, count: n } = this;
    const count = new Int32Array(nTok + 1);
    for (let e = 0; e < n; e++) count[pairs[2 * e]! + 1]!++;
    for (let t = 0; t < nTok; t++) count[t + 1]! += count[t]!;
    const sorted = new Int32Array(n);
    const fill = count.slice(0, nTok);
    for (let e = 0; e < n; e++) sorted[fill[pairs[2 * e]!]!++] = pairs[2 * e + 1]!;
    const varStart = new Int32Array(nTok + 1);
    let out = 0;
    for (let t = 0; t < nTok; t++) {
      const s = count[t]!;
      const e = count[t + 1]!;
      const list = sorted.subarray(s, e).sort();
      for (let i = 0; i < list.length; i++) {
        // one entry per canonical word: its bits merged (an alone entry cleared later has none)
        if (!(list[i]! & 3)) continue;
        if (out > varStart[t]! && sorted[out - 1]! >> 2 === list[i]! >> 2) sorted[out - 1]! |= list[i]!;
        else sorted[out++] = list[i]!;
      }
      varStart[t + 1] = out;
    }
    return { varStart, varWord: sorted.slice(0, out) };
  }
}
