/**
 * The matcher: loads CompiledRules (no recompiling, cheap structural checks only) and matches
 * normalised tokens against the phrase trie, field by field, into hits and numbers; the warning
 * policy (rules/severity.ts) turns those into a verdict. This is the content-script path: it must
 * not import zod, rules/schema.ts or rules/compile.ts (tests/unit/rules/imports.test.ts checks it).
 */
import type { ActionContent, ContentField } from './actions.ts';
import {
  ARRAY_NAMES,
  ARRAY_TYPES,
  COMPILED_FORMAT,
  PF_CASE,
  PF_CONTEXT,
  PK_HAND_SIGN,
  PK_NUMBER_MARKER,
  PK_NUMBER_WORD,
  PK_NUMBERED_NOUN,
  PK_YEAR_WORD,
  base64ToBytes,
  type CompiledRules,
} from './compiled.ts';
import {
  HASH_INIT,
  TOK_CAMEL,
  TOK_CAPS,
  TOK_EMOJI,
  TOK_HANDLE,
  TOK_HASHTAG,
  TOK_KEYCAP,
  TOK_NUMBER,
  TOK_URL,
  TokenBuffer,
  grown,
  isDigit,
} from './normalize.ts';
import { decide, policyTables, type Hit, type Num, type PolicyTables } from './severity.ts';
import { CONTENT_FIELDS, FIELD_CAP, ARRAY_ITEMS_CAP, TOTAL_CAP, type Engine, type EvaluateContext, type Verdict } from './verdict.ts';
import { WORD_DROP, WORD_WRITE, type WordFilter, type WordScanner } from './word-filter.ts';

export type { Engine, EvaluateContext, Reason, Severity, Verdict } from './verdict.ts';
export { FIELD_CAP, ARRAY_ITEMS_CAP, TOTAL_CAP, MAX_REASONS } from './verdict.ts';

/** per-ordinal flags of matchField: a number marker ends right before it; it is a year word ("tahun") */
const ORD_AFTER_MARKER = 1;
const ORD_YEAR_WORD = 2;
/** right after a numbered noun ("TPS", "RT"): its number, or a marker before its number ("TPS No. 04") */
const ORD_NUMBERED = 4;

/** glued words longer than this are not segmented */
const MAX_GLUED = 48;
/** shortest glued word segment() tries (two pieces of ≥ 3) */
const MIN_GLUED = 6;

class StructuralError extends Error {}

function decodeArray(name: (typeof ARRAY_NAMES)[number], s: unknown): Uint8Array | Uint16Array | Int32Array {
  if (typeof s !== 'string') throw new StructuralError(`compiled rules: array ${name} missing`);
  const bytes = base64ToBytes(s);
  switch (ARRAY_TYPES[name]) {
    case 'u8':
      return bytes;
    case 'u16':
      if (bytes.byteLength % 2) throw new StructuralError(`compiled rules: ${name} length`);
      return new Uint16Array(bytes.buffer, 0, bytes.byteLength / 2);
    default:
      if (bytes.byteLength % 4) throw new StructuralError(`compiled rules: ${name} length`);
      return new Int32Array(bytes.buffer, 0, bytes.byteLength / 4);
  }
}

/**
 * The number at str[o0, o1) is joined to other digits by a `.`, `/`, `:`, `,` or `-` (a time, a date, a
 * decimal: "03.15", "01/01/2024", "09:05", "02,5"): no ballot number. "Coblos 02." and "02-nya" are.
 */
const inDigitGroup = (str: string, o0: number, o1: number) => (joins(str.charCodeAt(o1)) && isDigit(str.charCodeAt(o1 + 1))) || (joins(str.charCodeAt(o0 - 1)) && isDigit(str.charCodeAt(o0 - 2)));
// char codes, not a RegExp: this runs for every number token (~40 ns a call with two RegExps, ~7 without)
const joins = (c: number) => (c >= 44 && c <= 47) || c === 58; // , - . / :

class RuleEngine implements Engine, WordFilter {
  readonly bundleVersion: number;
  private tokChars: Uint16Array;
  private tokOff: Int32Array;
  private tokHash: Int32Array;
  private hashMask: number;
  readonly prefixBits: Uint8Array;
  /** derived at load: bit per hash of the last 4 chars of each token ≥ 4 chars (a plain glued word must end with one) */
  private suffixBits = new Uint8Array(8192);
  /** derived at load: bit per hash of every prefix (≥ 3 chars) of every token — segmentation stops extending a piece once it is no token's prefix */
  readonly stemBits: Uint8Array;
  readonly stemMask: number;
  /** derived at load: the full FNV-1a hash of the token in each slot of tokHash (compared before the chars) */
  private slotHash: Int32Array;
  /** WordFilter: derived at load, a bit per token hash (bits 13 and up), see classifyWord */
  readonly wordBits: Uint8Array;
  readonly wordBitsMask: number;
  /** WordFilter: shorter words are glued words of nothing (segment() needs ≥ 6 chars) */
  readonly minAsk = MIN_GLUED;
  readonly maxAsk = MAX_GLUED;
  /** WordFilter: the fast path for plain words, if loadEngine was given one (rules/automaton.ts) */
  readonly words: WordScanner | null;
  private rootChild: Int32Array;
  private edgeStart: Int32Array;
  private edgeTok: Int32Array;
  private edgeNode: Int32Array;
  private outStart: Int32Array;
  private outPat: Int32Array;
  private patKind: Uint8Array;
  private patEntity: Int32Array;
  private patFlags: Uint8Array;
  private patAux: Int32Array;
  private maxTokLen: number;
  /** the entity tables and their indexes, for the warning policy (rules/severity.ts) */
  private tables: PolicyTables;

  private buf = new TokenBuffer();
  /*
   * The token stream of the current field, structure-of-arrays (one column per typed array, one row per
   * stream entry s < ns; a glued word segmented into pieces is several rows):
   *
   *   column  type   meaning
   *   sId     i32    dictionary token id, -1 = unknown
   *   sA, sB  i32    normalised chars [sA, sB) in buf.chars
   *   sF      u16    TOK_* flags of the token (hashtag, number, keycap, caps, …)
   *   sOrd    i32    token ordinal, counting the words the filter dropped (positions, distances, adjacency)
   *   sO0,    i32    [sO0, sO1) in the original field string (spans)
   *   sO1
   *
   * and the match records of the field (m < nm), each a pattern and the stream rows [mI, mJ) it covers:
   *
   *   mPat    i32    pattern index (into patKind, patEntity, patFlags, patAux)
   *   mI, mJ  i32    first stream row, one past the last
   *
   * Columns grow together (growStream, growMatches); short names keep the hot loops readable.
   */
  private sId = new Int32Array(256);
  private sA = new Int32Array(256);
  private sB = new Int32Array(256);
  private sF = new Uint16Array(256);
  private sOrd = new Int32Array(256);
  private sO0 = new Int32Array(256);
  private sO1 = new Int32Array(256);
  /** rows of the stream */
  private ns = 0;
  /** next ordinal while building the stream */
  private ord = 0;
  /** per ordinal: ORD_* flags */
  private ordFlags = new Uint8Array(256);
  private mPat = new Int32Array(64);
  private mI = new Int32Array(64);
  private mJ = new Int32Array(64);
  /** match records */
  private nm = 0;
  // segmentation scratch
  private reach = new Int32Array(MAX_GLUED + 1);
  private reachTok = new Int32Array(MAX_GLUED + 1);

  constructor(c: CompiledRules, options: LoadOptions) {
    if (!c || typeof c !== 'object') throw new StructuralError('compiled rules: not an object');
    if (c.format !== COMPILED_FORMAT) throw new StructuralError(`compiled rules: format ${String(c.format)}, expected ${COMPILED_FORMAT}`);
    if (!c.arrays || typeof c.arrays !== 'object') throw new StructuralError('compiled rules: arrays missing');
    const a = {} as Record<(typeof ARRAY_NAMES)[number], Uint8Array | Uint16Array | Int32Array>;
    for (const name of ARRAY_NAMES) a[name] = decodeArray(name, (c.arrays as Record<string, unknown>)[name]);
    this.tokChars = a.tokChars as Uint16Array;
    this.tokOff = a.tokOff as Int32Array;
    this.tokHash = a.tokHash as Int32Array;
    this.prefixBits = a.prefixBits as Uint8Array;
    this.rootChild = a.rootChild as Int32Array;
    this.edgeStart = a.edgeStart as Int32Array;
    this.edgeTok = a.edgeTok as Int32Array;
    this.edgeNode = a.edgeNode as Int32Array;
    this.outStart = a.outStart as Int32Array;
    this.outPat = a.outPat as Int32Array;
    this.patKind = a.patKind as Uint8Array;
    this.patEntity = a.patEntity as Int32Array;
    this.patFlags = a.patFlags as Uint8Array;
    this.patAux = a.patAux as Int32Array;
    const nTok = this.tokOff.length - 1;
    const nodes = this.edgeStart.length - 1;
    const hs = this.tokHash.length;
    if (nTok < 0 || hs === 0 || (hs & (hs - 1)) !== 0 || this.rootChild.length !== nTok || this.outStart.length !== nodes + 1 ||
      this.prefixBits.length !== 8192 || this.edgeTok.length !== this.edgeNode.length ||
      this.patEntity.length !== this.patKind.length || this.patFlags.length !== this.patKind.length || this.patAux.length !== this.patKind.length ||
      this.tokOff[nTok] !== this.tokChars.length || this.edgeStart[nodes] !== this.edgeTok.length || this.outStart[nodes] !== this.outPat.length) {
      throw new StructuralError('compiled rules: inconsistent array sizes');
    }
    this.hashMask = hs - 1;
    this.slotHash = new Int32Array(hs);
    let stemBytes = 1024;
    while (stemBytes < this.tokChars.length && stemBytes < 1 << 20) stemBytes <<= 1; // ≥ 8 bits per prefix, ≤ 1 MB
    this.stemBits = new Uint8Array(stemBytes);
    this.stemMask = stemBytes * 8 - 1;
    for (let t = 0; t < nTok; t++) {
      let h = HASH_INIT;
      const o = this.tokOff[t]!;
      for (let k = o; k < this.tokOff[t + 1]!; k++) {
        h = Math.imul(h ^ this.tokChars[k]!, 16777619);
        if (k - o >= 2) {
          const bit = h & this.stemMask;
          this.stemBits[bit >>> 3]! |= 1 << (bit & 7);
        }
      }
      let slot = h & this.hashMask;
      for (let probe = 0; probe <= this.hashMask; probe++) {
        const v = this.tokHash[slot]!;
        if (v === 0) break;
        if (v === t + 1) {
          this.slotHash[slot] = h;
          break;
        }
        slot = (slot + 1) & this.hashMask;
      }
    }
    for (let t = 0; t < nTok; t++) {
      const e = this.tokOff[t + 1]!;
      if (e - this.tokOff[t]! < 4) continue;
      let h4 = HASH_INIT;
      h4 = Math.imul(h4 ^ this.tokChars[e - 4]!, 16777619);
      h4 = Math.imul(h4 ^ this.tokChars[e - 3]!, 16777619);
      h4 = Math.imul(h4 ^ this.tokChars[e - 2]!, 16777619);
      h4 = Math.imul(h4 ^ this.tokChars[e - 1]!, 16777619);
      this.suffixBits[(h4 >>> 3) & 8191]! |= 1 << (h4 & 7);
    }
    this.maxTokLen = Math.min(Math.max(1, c.maxTokLen | 0), MAX_GLUED);
    if (!Array.isArray(c.persons) || !Array.isArray(c.parties) || !Array.isArray(c.contests) || !Array.isArray(c.contestants)) {
      throw new StructuralError('compiled rules: entity tables missing');
    }
    this.bundleVersion = c.bundleVersion;
    this.tables = policyTables(c.persons, c.parties, c.contests, c.contestants);
    // derived at load: a bit per token hash (≥ 16 bits per token), so most words that are no token
    // stop at one bit test instead of a probe of the denser slot table
    let bitsLen = 8192;
    while (bitsLen * 8 < nTok * 16 && bitsLen < 1 << 20) bitsLen <<= 1;
    this.wordBits = new Uint8Array(bitsLen);
    this.wordBitsMask = bitsLen * 8 - 1;
    for (let slot = 0; slot <= this.hashMask; slot++) {
      if (this.tokHash[slot] === 0) continue;
      const tb = (this.slotHash[slot]! >>> 13) & this.wordBitsMask;
      this.wordBits[tb >>> 3]! |= 1 << (tb & 7);
    }
    this.words = options.wordAutomaton?.(this.tokChars, this.tokOff, this.rootChild) ?? null;
    this.buf.filter = this;
  }

  /**
   * WordFilter, mirroring buildStream exactly for a plain word input[i, j) (normalised length m, hash h):
   * a dictionary token → its id (resolved without writing its chars); not in the dictionary but long
   * enough to be a glued word and passing segment()'s one-bit prefix, stem and suffix filters →
   * WORD_WRITE; otherwise WORD_DROP (an unknown token, only counted). Most words of most text stop at the
   * first bit test. `afterGap`: the word before was unknown (or there is none).
   */
  classifyWord(input: string, i: number, j: number, h: number, m: number, h3: number, h4: number, afterGap: boolean): number {
    const tb = (h >>> 13) & this.wordBitsMask;
    if (this.wordBits[tb >>> 3]! & (1 << (tb & 7))) {
      const id = this.lookupInput(input, i, j, h, m);
      // a token no pattern starts with, right after an unknown word, can be in no match
      if (id >= 0) return afterGap && this.rootChild[id] === 0 ? WORD_DROP : id;
    }
    if (m < MIN_GLUED || m > MAX_GLUED) return WORD_DROP;
    // segment()'s filters on the first 3 and 4 normalised chars
    if (!(this.prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7)))) return WORD_DROP;
    const bit = h4 & this.stemMask;
    if (!(this.stemBits[bit >>> 3]! & (1 << (bit & 7)))) return WORD_DROP;
    // and on the last 4, read backwards
    const c1 = input.charCodeAt(j - 1) | 32;
    let c2 = 0;
    let c3 = 0;
    let c4 = 0;
    let q = 1;
    let p = c1;
    for (let k = j - 2; q < 4; k--) {
      const c = input.charCodeAt(k) | 32;
      if (c === p) continue;
      p = c;
      if (++q === 2) c2 = c;
      else if (q === 3) c3 = c;
      else c4 = c;
    }
    let hs = HASH_INIT;
    hs = Math.imul(hs ^ c4, 16777619);
    hs = Math.imul(hs ^ c3, 16777619);
    hs = Math.imul(hs ^ c2, 16777619);
    hs = Math.imul(hs ^ c1, 16777619);
    return this.suffixBits[(hs >>> 3) & 8191]! & (1 << (hs & 7)) ? WORD_WRITE : WORD_DROP;
  }

  // ------------------------------------------------------------------------------------------
  // dictionary lookups

  /**
   * dictionary id of the plain ASCII word input[i, j) read as the tokeniser does (lower-cased, repeats
   * collapsed), or -1. The twin of lookup() for words that were never written out: same probe, the chars
   * compared against the input.
   */
  private lookupInput(input: string, i: number, j: number, h: number, m: number): number {
    let slot = h & this.hashMask;
    for (;;) {
      const v = this.tokHash[slot]!;
      if (v === 0) return -1;
      const id = v - 1;
      const o = this.tokOff[id]!;
      if (this.slotHash[slot] === h && this.tokOff[id + 1]! - o === m) {
        let p = input.charCodeAt(i) | 32;
        let ok = this.tokChars[o] === p;
        let q = o + 1;
        for (let k = i + 1; ok && k < j; k++) {
          const c = input.charCodeAt(k) | 32;
          if (c === p) continue;
          p = c;
          ok = this.tokChars[q++] === c;
        }
        if (ok) return id;
      }
      slot = (slot + 1) & this.hashMask;
    }
  }

  /** dictionary id of normalised chars [a, b) with hash h, or -1 */
  private lookup(h: number, a: number, b: number): number {
    const chars = this.buf.chars;
    const len = b - a;
    let slot = h & this.hashMask;
    for (;;) {
      const v = this.tokHash[slot]!;
      if (v === 0) return -1;
      const id = v - 1;
      const o = this.tokOff[id]!;
      if (this.slotHash[slot] === h && this.tokOff[id + 1]! - o === len) {
        let k = 0;
        while (k < len && this.tokChars[o + k] === chars[a + k]) k++;
        if (k === len) return id;
      }
      slot = (slot + 1) & this.hashMask;
    }
  }

  private child(node: number, tok: number): number {
    let lo = this.edgeStart[node]!;
    let hi = this.edgeStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.edgeTok[mid]!;
      if (t === tok) return this.edgeNode[mid]!;
      if (t < tok) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  private growStream(): void {
    const size = this.sId.length * 2;
    this.sId = grown(this.sId, size);
    this.sA = grown(this.sA, size);
    this.sB = grown(this.sB, size);
    this.sF = grown(this.sF, size);
    this.sOrd = grown(this.sOrd, size);
    this.sO0 = grown(this.sO0, size);
    this.sO1 = grown(this.sO1, size);
  }

  private growMatches(): void {
    const size = this.mPat.length * 2;
    this.mPat = grown(this.mPat, size);
    this.mI = grown(this.mI, size);
    this.mJ = grown(this.mJ, size);
  }

  private push(id: number, a: number, b: number, f: number): void {
    if (this.ns === this.sId.length) this.growStream();
    const s = this.ns++;
    this.sId[s] = id;
    this.sA[s] = a;
    this.sB[s] = b;
    this.sF[s] = f;
    this.sOrd[s] = this.ord++;
    this.sO0[s] = this.buf.oStart[a]!;
    this.sO1[s] = this.buf.oEnd[b - 1]!;
  }

  /**
   * Segment glued chars [a, b) into dictionary tokens (≥ 3 chars each), left to right, preferring the
   * cover that reaches furthest. `full`: the whole range must be covered (plain glued words).
   * Pushes the segments (and an unknown tail) and returns true, or returns false (nothing pushed).
   */
  private segment(a: number, b: number, f: number, full: boolean): boolean {
    const len = b - a;
    if (len < MIN_GLUED || len > MAX_GLUED) return false;
    const chars = this.buf.chars;
    // every cover starts with a dictionary token at a (≥ 3 chars; ≥ 4 for a full cover) and a full
    // cover ends with one (≥ 4 chars) at b: one-bit filters before any work
    let h3 = HASH_INIT;
    h3 = Math.imul(h3 ^ chars[a]!, 16777619);
    h3 = Math.imul(h3 ^ chars[a + 1]!, 16777619);
    h3 = Math.imul(h3 ^ chars[a + 2]!, 16777619);
    if (!(this.prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7)))) return false;
    if (full) {
      // the first piece has ≥ 4 chars: its first 4 must be some token's prefix
      const h4 = Math.imul(h3 ^ chars[a + 3]!, 16777619);
      const bit = h4 & this.stemMask;
      if (!(this.stemBits[bit >>> 3]! & (1 << (bit & 7)))) return false;
      let hs = HASH_INIT;
      hs = Math.imul(hs ^ chars[b - 4]!, 16777619);
      hs = Math.imul(hs ^ chars[b - 3]!, 16777619);
      hs = Math.imul(hs ^ chars[b - 2]!, 16777619);
      hs = Math.imul(hs ^ chars[b - 1]!, 16777619);
      if (!(this.suffixBits[(hs >>> 3) & 8191]! & (1 << (hs & 7)))) return false;
    }
    const reach = this.reach;
    const reachTok = this.reachTok;
    for (let k = 1; k <= len; k++) reach[k] = -1;
    reach[0] = 0;
    let best = 0;
    for (let i = 0; i + 3 <= len; i++) {
      if (reach[i]! < 0) continue;
      let h3 = HASH_INIT;
      h3 = Math.imul(h3 ^ chars[a + i]!, 16777619);
      h3 = Math.imul(h3 ^ chars[a + i + 1]!, 16777619);
      h3 = Math.imul(h3 ^ chars[a + i + 2]!, 16777619);
      if (!(this.prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7)))) continue;
      let h = HASH_INIT;
      const lim = Math.min(len, i + this.maxTokLen);
      const minSeg = full ? 4 : 3; // plain words: no 3-letter pieces ("pandan" ≠ "pan" + "dan")
      for (let k = i; k < lim; k++) {
        h = Math.imul(h ^ chars[a + k]!, 16777619);
        if (k - i + 1 < 3) continue;
        const bit = h & this.stemMask;
        if (!(this.stemBits[bit >>> 3]! & (1 << (bit & 7)))) break; // no token starts with chars [i, k]
        if (k - i + 1 < minSeg) continue;
        // a 3-letter piece must be written as 3 letters: "#ppksayung" (PPK Sayung) is no PKS
        if (k - i === 2 && this.buf.oEnd[a + k]! - this.buf.oStart[a + i]! !== 3) continue;
        const id = this.lookup(h, a + i, a + k + 1);
        if (id >= 0) {
          // longest later cover wins: overwrite so the longest token ending at k+1 is kept
          reach[k + 1] = i;
          reachTok[k + 1] = id;
          if (k + 1 > best) best = k + 1;
        }
      }
    }
    if (best === 0 || (full && best !== len)) return false;
    // reconstruct
    const segs: number[] = [];
    let e = best;
    while (e > 0) {
      const s = reach[e]!;
      segs.push(s, e, reachTok[e]!);
      e = s;
    }
    for (let k = segs.length - 3; k >= 0; k -= 3) this.push(segs[k + 2]!, a + segs[k]!, a + segs[k + 1]!, f);
    if (best < len) this.push(-1, a + best, b, f);
    return true;
  }

  private hashRange(a: number, b: number): number {
    let h = HASH_INIT;
    for (let k = a; k < b; k++) h = Math.imul(h ^ this.buf.chars[k]!, 16777619);
    return h;
  }

  /** Glued part [a, b) of a hashtag/handle/camel token: whole lookup, else partial segmentation. */
  private gluedPart(a: number, b: number, f: number): void {
    if (b - a <= 0) return;
    const id = this.lookup(this.hashRange(a, b), a, b);
    if (id >= 0) this.push(id, a, b, f);
    else if (!this.segment(a, b, f, false)) this.push(-1, a, b, f);
  }

  /** Build the token stream of the current buffer. */
  private buildStream(): void {
    const buf = this.buf;
    this.ns = 0;
    const nt = buf.nt;
    // room for one stream entry per token (segmentation may add more through push)
    while (this.sId.length < nt) this.growStream();
    const tStart = buf.tStart;
    const tEnd = buf.tEnd;
    const tFlags = buf.tFlags;
    const tHash = buf.tHash;
    const tGap = buf.tGap;
    const tId = buf.tId;
    const tO0 = buf.tO0;
    const tO1 = buf.tO1;
    this.ord = 0;
    for (let t = 0; t < nt; t++) {
      const a = tStart[t]!;
      const b = tEnd[t]!;
      const f = tFlags[t]!;
      const h = tHash[t]!;
      this.ord += tGap[t]!; // words the filter dropped before this token
      // resolved by the word filter, or: most tokens miss the dictionary at the first probe (an empty slot)
      const resolved = tId[t]!;
      // digits inside a URL are an id, not a number: they match no term and are no ballot number
      // (shortened links are random: "bit.ly/3xyz" is no "3 jari", "t.co/j04g…" no "nomor urut 4")
      const urlDigits = (f & (TOK_NUMBER | TOK_URL)) === (TOK_NUMBER | TOK_URL);
      const id = urlDigits ? -1 : resolved >= 0 ? resolved : this.tokHash[h & this.hashMask] === 0 ? -1 : this.lookup(h, a, b);
      if (id >= 0 || f & (TOK_EMOJI | TOK_NUMBER) || b - a < MIN_GLUED) {
        if (this.ns === this.sId.length) this.growStream();
        const s = this.ns++;
        this.sId[s] = id;
        this.sA[s] = a;
        this.sB[s] = b;
        this.sF[s] = urlDigits ? f & ~TOK_NUMBER : f;
        this.sOrd[s] = this.ord++;
        this.sO0[s] = tO0[t]!;
        this.sO1[s] = tO1[t]!;
        continue;
      }
      if (f & TOK_HANDLE) {
        this.push(-1, a, b, f);
        // parts of the handle between '.', '_' (after the '@')
        let p = a + 1;
        for (let k = a + 1; k <= b; k++) {
          const c = k < b ? buf.chars[k]! : 46;
          if (c === 46 || c === 95) {
            if (k - p >= 6) this.gluedPart(p, k, f & ~TOK_HANDLE);
            p = k + 1;
          }
        }
        continue;
      }
      // a link's path is an id, not words: no CamelCase split ("t.co/qeNciHSAvA" held a candidate's "Av")
      if ((f & (TOK_CAMEL | TOK_URL)) === TOK_CAMEL) {
        let p = a;
        for (let k = a + 1; k <= b; k++) {
          if (k < b && !buf.camel[k]) continue;
          // capitals then lower case split before the last capital (KPU|Melayani), unless the capitals make
          // a token with it: "#PDIPmenang" is PDIP|menang, "#LUMANuntukJatim" LUMAN|untuk|Jatim
          if (k + 1 < b && !buf.camel[k + 1] && this.lookup(this.hashRange(p, k + 1), p, k + 1) >= 0) k++;
          this.gluedPart(p, k, f);
          p = k;
        }
        continue;
      }
      if (!this.segment(a, b, f, !(f & TOK_HASHTAG))) this.push(id, a, b, f);
    }
  }

  // ------------------------------------------------------------------------------------------
  // matching one field

  /** stream entries [i, j) all come from a hashtag */
  private allTagged(i: number, j: number): boolean {
    for (let q = i; q < j; q++) if (!(this.sF[q]! & TOK_HASHTAG)) return false;
    return true;
  }

  private spanOf(str: string, shift: number, s0: number, s1: number): [number, number] {
    const o0 = this.sO0[s0]! - shift;
    const o1 = this.sO1[s1 - 1]! - shift;
    return [Math.max(0, o0), Math.max(0, Math.min(str.length, o1))];
  }

  private matchField(str: string, field: ContentField, index: number | undefined, seq: number, shift: number, limit: number, hits: Hit[] | null, nums: Num[]): void {
    const buf = this.buf.tokenize(str, limit);
    this.buildStream();
    const ns = this.ns;
    const sOrd = this.sOrd;
    // indexed by ordinal (stream entries are a subset of the ordinals [0, this.ord))
    const nOrd = this.ord;
    if (this.ordFlags.length < nOrd + 1) this.ordFlags = new Uint8Array((nOrd + 1) * 2);
    this.ordFlags.fill(0, 0, nOrd + 1);
    const numberWordAt: number[] = [];
    let nm = 0;
    for (let i = 0; i < ns; i++) {
      const id = this.sId[i]!;
      if (id < 0) continue;
      let node = this.rootChild[id]!;
      let j = i;
      while (node) {
        for (let o = this.outStart[node]!; o < this.outStart[node + 1]!; o++) {
          const p = this.outPat[o]!;
          const kind = this.patKind[p]!;
          if (kind === PK_NUMBER_MARKER) {
            // a marker after a numbered noun passes that on: "TPS No. 04"
            this.ordFlags[sOrd[j]! + 1]! |= ORD_AFTER_MARKER | (this.ordFlags[sOrd[i]!]! & ORD_NUMBERED);
            continue;
          }
          if (kind === PK_YEAR_WORD) {
            this.ordFlags[sOrd[j]!]! |= ORD_YEAR_WORD;
            continue;
          }
          if (kind === PK_NUMBERED_NOUN) {
            this.ordFlags[sOrd[j]! + 1]! |= ORD_NUMBERED;
            continue;
          }
          if (kind === PK_NUMBER_WORD) {
            numberWordAt.push(i, j + 1, this.patAux[p]!);
            continue;
          }
          // a compact match record (pattern, stream range); evaluate turns it into a Hit below
          if (nm === this.mPat.length) this.growMatches();
          this.mPat[nm] = p;
          this.mI[nm] = i;
          this.mJ[nm] = j + 1;
          nm++;
        }
        j++;
        if (j >= ns || sOrd[j] !== sOrd[j - 1]! + 1) break; // the next token was dropped: unknown
        const next = this.sId[j]!;
        if (next < 0) break;
        node = this.child(node, next);
      }
    }
    this.nm = nm;
    if (hits && nm > 0) {
      // an all-caps token (AMIN) only counts as "written in caps" in text that has lower case at all
      const hasLower = /[a-z]/.test(str.length > limit ? str.slice(0, limit) : str);
      for (let k = 0; k < nm; k++) {
        const p = this.mPat[k]!;
        const i = this.mI[k]!;
        const j = this.mJ[k]!;
        // a keycap hand sign ("2️⃣" normalises to "2") is not a plain digit ("Debat ke-2", "kunjungi 3 desa")
        if (this.patKind[p] === PK_HAND_SIGN && j === i + 1 && (this.sF[i]! & (TOK_NUMBER | TOK_KEYCAP)) === TOK_NUMBER) continue;
        // one token written in capitals ("AMIN", "PAS")
        const capsToken = j === i + 1 && (this.sF[i]! & TOK_CAPS) !== 0;
        hits.push({
          kind: this.patKind[p]!,
          entity: this.patEntity[p]!,
          ctx: (this.patFlags[p]! & PF_CONTEXT) !== 0,
          aux: this.patAux[p]!,
          field,
          index,
          seq,
          s0: sOrd[i]!,
          s1: sOrd[j - 1]! + 1,
          span: this.spanOf(str, shift, i, j),
          src: str,
          off: shift,
          caps: hasLower && capsToken,
          // no capital after the first letter: "dia", "Dia", "pagi" are the everyday words, "DiA" and "PAGI" the acronyms
          lower: hasLower && (this.patFlags[p]! & PF_CASE) !== 0 && !/[A-Z]/.test(str.slice(this.sO0[i]! + 1, this.sO1[j - 1]!)),
          tag: this.allTagged(i, j),
        });
      }
    }
    // numbers: digits (1–2 significant digits) and number words after a marker
    for (let i = 0; i < ns; i++) {
      const f = this.sF[i]!;
      if (!(f & TOK_NUMBER)) continue;
      const a = this.sA[i]!;
      const b = this.sB[i]!;
      if (b - a > 3) continue;
      let v = 0;
      for (let k = a; k < b; k++) v = v * 10 + (buf.chars[k]! - 48);
      if (v <= 0 || v > 99) continue;
      const zeroPad = b - a === 2 && buf.chars[a] === 48;
      const o = sOrd[i]!;
      // "Nomor 2 Tahun 2024", "2 tahun"; "TPS 04", "RT 02"; a time, date or decimal, unless a keycap or hashtag
      if (this.ordFlags[o + 1]! & ORD_YEAR_WORD || this.ordFlags[o]! & ORD_NUMBERED || (!(f & (TOK_KEYCAP | TOK_HASHTAG)) && inDigitGroup(str, this.sO0[i]!, this.sO1[i]!))) continue;
      const marker = (this.ordFlags[o]! & ORD_AFTER_MARKER) !== 0;
      const strong = marker || zeroPad || (f & (TOK_KEYCAP | TOK_HASHTAG)) !== 0;
      const span = this.spanOf(str, shift, i, i + 1);
      nums.push({ value: v, strong, marker, seq, s: o, field, index, span, src: str, off: 0 });
    }
    for (let k = 0; k < numberWordAt.length; k += 3) {
      const i = numberWordAt[k]!;
      if (!(this.ordFlags[sOrd[i]!]! & ORD_AFTER_MARKER)) continue;
      if (this.ordFlags[sOrd[numberWordAt[k + 1]! - 1]! + 1]! & ORD_YEAR_WORD) continue; // "nomor dua tahun …"
      if (this.ordFlags[sOrd[i]!]! & ORD_NUMBERED) continue; // "TPS nomor dua"
      const span = this.spanOf(str, shift, i, numberWordAt[k + 1]!);
      nums.push({ value: numberWordAt[k + 2]!, strong: true, marker: true, seq, s: sOrd[i]!, field, index, span, src: str, off: 0 });
    }
  }

  // ------------------------------------------------------------------------------------------

  evaluate(content: ActionContent, ctx: EvaluateContext): Verdict {
    try {
      return this.evaluateUnsafe(content ?? {}, ctx ?? { at: new Date() });
    } catch {
      return { severity: 'none', reasons: [] };
    }
  }

  private evaluateUnsafe(content: ActionContent, ctx: EvaluateContext): Verdict {
    const hits: Hit[] = [];
    const nums: Num[] = [];
    let budget = TOTAL_CAP;
    let seq = 0;
    const run = (value: unknown, field: ContentField, index: number | undefined, prefix: string) => {
      if (typeof value !== 'string' || value.length === 0 || budget <= 0) return;
      let str = value;
      let shift = 0;
      if (prefix && !str.startsWith(prefix)) {
        str = prefix + str;
        shift = 1;
      }
      const limit = Math.min(str.length, FIELD_CAP, budget);
      budget -= limit;
      // shift: offsets are reported in the caller's string, without our prefix
      this.matchField(str, field, index, seq++, shift, limit, hits, nums);
    };
    for (const field of CONTENT_FIELDS) {
      const v = (content as Record<string, unknown>)[field];
      if (Array.isArray(v)) {
        const n = Math.min(v.length, ARRAY_ITEMS_CAP);
        for (let i = 0; i < n; i++) run(v[i], field, i, field === 'hashtags' ? '#' : '');
      } else run(v, field, undefined, field === 'handle' ? '@' : '');
    }
    if (hits.length === 0 && nums.length === 0) return { severity: 'none', reasons: [] };
    return decide(hits, nums, ctx, this.tables);
  }
}

/** Normalise + match only (no severity): number of raw matches. For the benchmark. */
export function countMatches(engine: Engine, text: string): number {
  // outside the class (through its private members), so that the content script, which never calls it,
  // does not carry it: methods are not tree-shaken, functions are
  const e = engine as RuleEngine;
  const nums: Num[] = [];
  e['matchField'](text, 'text', undefined, 0, 0, Math.min(text.length, FIELD_CAP), null, nums);
  return e['nm'] + nums.length;
}

/** Options of loadEngine. */
export interface LoadOptions {
  /**
   * Builds a fast path for plain words from the dictionary (pass `buildWordAutomaton` from
   * rules/automaton.ts): worth it for bulk scanning (`jaga check`, benchmarks); the content script,
   * which checks one post per action, loads without it. Verdicts are the same either way.
   */
  wordAutomaton?: (tokChars: Uint16Array, tokOff: Int32Array, rootChild: Int32Array) => WordScanner | null;
}

/**
 * Load compiled rules (from `compileBundle`, possibly after JSON or structured-clone transport).
 * Decodes the typed arrays and runs cheap structural checks; throws on a wrong format or corrupt data.
 */
export function loadEngine(compiled: CompiledRules, options: LoadOptions = {}): Engine {
  return new RuleEngine(compiled, options);
}
