/**
 * The scan of one field: tokenise (rules/normalize.ts, with the dictionary as its word filter), turn the
 * tokens into a token stream (dictionary ids; glued words, hashtags, handles and CamelCase split into
 * dictionary tokens), walk the phrase trie from every stream row, and collect the raw hits and the
 * ballot-number candidates that the warning policy (rules/severity.ts) weighs. Speed matters here and
 * nowhere else: one pass over the text, one hash probe per token, a trie walk bounded by the longest
 * term, segmentation bounded by MAX_GLUED × the longest token.
 *
 * The scan's working memory is structure-of-arrays: one typed array per column, grown together
 * (growStream, growMatches), reused from field to field.
 *
 *   token stream (one row per entry, row < streamLength; a glued word cut into pieces is several rows)
 *   column            type  meaning
 *   streamToken       i32   dictionary token id, -1 = unknown
 *   streamCharStart   i32   its normalised chars are buf.chars[streamCharStart, streamCharEnd)
 *   streamCharEnd     i32
 *   streamFlags       u16   TOK_* flags of the token (hashtag, number, keycap, caps, …)
 *   streamOrdinal     i32   the token's ordinal, counting the words the word filter dropped: positions,
 *                           distances, adjacency ("the next token") are all in ordinals
 *   streamSpanStart   i32   its span in the original field string: [streamSpanStart, streamSpanEnd)
 *   streamSpanEnd     i32
 *
 *   ordinalFlags      u8    per ordinal: ORD_* flags (after a number marker, a year word, after a
 *                           numbered noun)
 *
 *   matches of the field (one row per match, row < matchCount)
 *   matchPattern      i32   pattern index (into patKind, patEntity, patFlags, patAux)
 *   matchFirst        i32   the stream rows [matchFirst, matchEnd) it covers
 *   matchEnd          i32
 */
import type { ContentField } from './actions.ts';
import { PF_CASE, PF_CONTEXT, PF_VARIANTS, VAR_ALONE, VAR_PAIR } from './compiled.ts';
import { HASH_INIT, TOK_CAMEL, TOK_CAPS, TOK_EMOJI, TOK_HANDLE, TOK_HASHTAG, TOK_KEYCAP, TOK_NUMBER, TOK_URL, TokenBuffer, grown, isDigit } from './normalize.ts';
import * as PK from './pattern-kinds.ts';
import type { Hit, Num } from './severity.ts';
import { CompiledTables, MAX_GLUED, MIN_GLUED, hashOf4 } from './tables.ts';

/** ordinalFlags: a number marker ends right before this ordinal */
const ORD_AFTER_MARKER = 1;
/** ordinalFlags: this ordinal is a year word ("tahun") */
const ORD_YEAR_WORD = 2;
/** ordinalFlags: right after a numbered noun ("TPS", "RT"): its number, or a marker before its number ("TPS No. 04") */
const ORD_NUMBERED = 4;

/**
 * The number at str[o0, o1) is joined to other digits by a `.`, `/`, `:`, `,` or `-` (a time, a date, a
 * decimal: "03.15", "01/01/2024", "09:05", "02,5"): no ballot number. "Coblos 02." and "02-nya" are.
 */
const inDigitGroup = (str: string, o0: number, o1: number) =>
  (joins(str.charCodeAt(o1)) && isDigit(str.charCodeAt(o1 + 1))) || (joins(str.charCodeAt(o0 - 1)) && isDigit(str.charCodeAt(o0 - 2)));
// char codes, not a RegExp: this runs for every number token (~40 ns a call with two RegExps, ~7 without)
const joins = (c: number) => (c >= 44 && c <= 47) || c === 58; // , - . / :

export class Matcher extends CompiledTables {
  protected readonly buf = new TokenBuffer();
  // the token stream of the current field (diagram above)
  private streamToken = new Int32Array(256);
  private streamCharStart = new Int32Array(256);
  private streamCharEnd = new Int32Array(256);
  private streamFlags = new Uint16Array(256);
  private streamOrdinal = new Int32Array(256);
  private streamSpanStart = new Int32Array(256);
  private streamSpanEnd = new Int32Array(256);
  private streamLength = 0;
  /** the ordinal of the next row while the stream is built */
  private nextOrdinal = 0;
  private ordinalFlags = new Uint8Array(256);
  // the matches of the current field
  private matchPattern = new Int32Array(64);
  private matchFirst = new Int32Array(64);
  private matchEnd = new Int32Array(64);
  /** matches of the last field scanned (read by countMatches) */
  matchCount = 0;
  /** region names by first token: offsets into regionTable, shorter names first (built at the first region scan) */
  private regionsByFirst: Map<number, number[]> | null = null;
  // segmentation scratch: reach[k] = start of the piece that ends at k on the cover found (-1: none), reachTok[k] its token
  private reach = new Int32Array(MAX_GLUED + 1);
  private reachTok = new Int32Array(MAX_GLUED + 1);

  constructor(...args: ConstructorParameters<typeof CompiledTables>) {
    super(...args);
    this.buf.filter = this;
  }

  private growStream(): void {
    const size = this.streamToken.length * 2;
    this.streamToken = grown(this.streamToken, size);
    this.streamCharStart = grown(this.streamCharStart, size);
    this.streamCharEnd = grown(this.streamCharEnd, size);
    this.streamFlags = grown(this.streamFlags, size);
    this.streamOrdinal = grown(this.streamOrdinal, size);
    this.streamSpanStart = grown(this.streamSpanStart, size);
    this.streamSpanEnd = grown(this.streamSpanEnd, size);
  }

  private growMatches(): void {
    const size = this.matchPattern.length * 2;
    this.matchPattern = grown(this.matchPattern, size);
    this.matchFirst = grown(this.matchFirst, size);
    this.matchEnd = grown(this.matchEnd, size);
  }

  private push(id: number, a: number, b: number, f: number): void {
    if (this.streamLength === this.streamToken.length) this.growStream();
    const s = this.streamLength++;
    this.streamToken[s] = id;
    this.streamCharStart[s] = a;
    this.streamCharEnd[s] = b;
    this.streamFlags[s] = f;
    this.streamOrdinal[s] = this.nextOrdinal++;
    this.streamSpanStart[s] = this.buf.oStart[a]!;
    this.streamSpanEnd[s] = this.buf.oEnd[b - 1]!;
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
      if (!this.isStem(h4)) return false;
      if (!this.isSuffix(hashOf4(chars[b - 4]!, chars[b - 3]!, chars[b - 2]!, chars[b - 1]!))) return false;
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
        if (!this.isStem(h)) break; // no token starts with chars [i, k]
        if (k - i + 1 < minSeg) continue;
        // a 3-letter piece must be written as 3 letters: "#ppksayung" (PPK Sayung) is no PKS
        if (k - i === 2 && this.buf.oEnd[a + k]! - this.buf.oStart[a + i]! !== 3) continue;
        const id = this.lookup(chars, h, a + i, a + k + 1);
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
    const id = this.lookup(this.buf.chars, this.hashRange(a, b), a, b);
    if (id >= 0) this.push(id, a, b, f);
    else if (!this.segment(a, b, f, false)) this.push(-1, a, b, f);
  }

  /** Build the token stream of the current buffer. */
  private buildStream(): void {
    const buf = this.buf;
    this.streamLength = 0;
    const nt = buf.nt;
    // room for one stream entry per token (segmentation may add more through push)
    while (this.streamToken.length < nt) this.growStream();
    this.nextOrdinal = 0;
    for (let t = 0; t < nt; t++) {
      const a = buf.tStart[t]!;
      const b = buf.tEnd[t]!;
      const f = buf.tFlags[t]!;
      const h = buf.tHash[t]!;
      this.nextOrdinal += buf.tGap[t]!; // words the filter dropped before this token
      // resolved by the word filter, or: most tokens miss the dictionary at the first probe (an empty slot)
      const resolved = buf.tId[t]!;
      // digits inside a URL are an id, not a number: they match no term and are no ballot number
      // (shortened links are random: "bit.ly/3xyz" is no "3 jari", "t.co/j04g…" no "nomor urut 4")
      const urlDigits = (f & (TOK_NUMBER | TOK_URL)) === (TOK_NUMBER | TOK_URL);
      const id = urlDigits ? -1 : resolved >= 0 ? resolved : this.tokHash[h & this.hashMask] === 0 ? -1 : this.lookup(buf.chars, h, a, b);
      if (id >= 0 || f & (TOK_EMOJI | TOK_NUMBER) || b - a < MIN_GLUED) {
        if (this.streamLength === this.streamToken.length) this.growStream();
        const s = this.streamLength++;
        this.streamToken[s] = id;
        this.streamCharStart[s] = a;
        this.streamCharEnd[s] = b;
        this.streamFlags[s] = urlDigits ? f & ~TOK_NUMBER : f;
        this.streamOrdinal[s] = this.nextOrdinal++;
        this.streamSpanStart[s] = buf.tO0[t]!;
        this.streamSpanEnd[s] = buf.tO1[t]!;
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
          if (k + 1 < b && !buf.camel[k + 1] && this.lookup(buf.chars, this.hashRange(p, k + 1), p, k + 1) >= 0) k++;
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
    for (let q = i; q < j; q++) if (!(this.streamFlags[q]! & TOK_HASHTAG)) return false;
    return true;
  }

  private spanOf(str: string, shift: number, s0: number, s1: number): [number, number] {
    const o0 = this.streamSpanStart[s0]! - shift;
    const o1 = this.streamSpanEnd[s1 - 1]! - shift;
    return [Math.max(0, o0), Math.max(0, Math.min(str.length, o1))];
  }

  /**
   * The region names (PK.REGION hits) of one field, from the table outside the trie: called only when a
   * context-requiring name needs evidence. The field is tokenised again without the word filter (which
   * drops words no trie term starts with, as a region name's first word now is); the filter never
   * changes a token it keeps, its ordinal or offsets, so the hits are those a trie walk would find: the
   * same tokens at consecutive ordinals, in the same order (by row, shorter names first, then as listed).
   */
  scanRegions(str: string, field: ContentField, index: number | undefined, seq: number, shift: number, limit: number, hits: Hit[]): void {
    const table = this.regionTable;
    if (!table) return;
    let byFirst = this.regionsByFirst;
    if (!byFirst) {
      byFirst = new Map();
      for (let o = 0; o < table.length; o += 2 + table[o]!) {
        const list = byFirst.get(table[o + 2]!);
        if (list) list.push(o);
        else byFirst.set(table[o + 2]!, [o]);
      }
      for (const list of byFirst.values()) list.sort((x, y) => table[x]! - table[y]! || x - y);
      this.regionsByFirst = byFirst;
    }
    const filter = this.buf.filter;
    this.buf.filter = null;
    try {
      this.buf.tokenize(str, limit);
      this.buildStream();
    } finally {
      this.buf.filter = filter;
    }
    const rows = this.streamLength;
    const ordinals = this.streamOrdinal;
    const hasLower = /[a-z]/.test(str.length > limit ? str.slice(0, limit) : str);
    for (let i = 0; i < rows; i++) {
      const starts = byFirst.get(this.streamToken[i]!);
      if (!starts) continue;
      for (const o of starts) {
        const n = table[o]!;
        let k = 1;
        for (; k < n; k++) {
          const j = i + k;
          if (j >= rows || ordinals[j] !== ordinals[j - 1]! + 1 || this.streamToken[j] !== table[o + 2 + k]) break;
        }
        if (k < n) continue;
        hits.push({
          kind: PK.REGION,
          entity: -1,
          ctx: false,
          aux: table[o + 1]!,
          field,
          index,
          seq,
          s0: ordinals[i]!,
          s1: ordinals[i + n - 1]! + 1,
          span: this.spanOf(str, shift, i, i + n),
          src: str,
          off: shift,
          caps: hasLower && n === 1 && (this.streamFlags[i]! & TOK_CAPS) !== 0,
          lower: false,
          tag: this.allTagged(i, i + n),
        });
      }
    }
  }

  /**
   * The PF_VARIANTS patterns of trie node `node` as matches of stream rows [i, i + n), unless this row's
   * matches from `from` on have the same person with the same context already (a variant that is also
   * a term of that person: one trie path and one pattern in format 3)
   */
  private variantHits(node: number, i: number, n: number, from: number): void {
    for (let o = node ? this.outStart[node]! : 0; o < (node ? this.outStart[node + 1]! : 0); o++) {
      const p = this.outPat[o]!;
      if (!(this.patFlags[p]! & PF_VARIANTS)) continue;
      let q = from;
      for (; q < this.matchCount; q++) {
        const r = this.matchPattern[q]!;
        if (this.matchEnd[q] === i + n && this.patKind[r] === PK.PERSON && this.patEntity[r] === this.patEntity[p] && !((this.patFlags[r]! ^ this.patFlags[p]!) & PF_CONTEXT)) break;
      }
      if (q < this.matchCount) continue;
      if (this.matchCount === this.matchPattern.length) this.growMatches();
      this.matchPattern[this.matchCount] = p;
      this.matchFirst[this.matchCount] = i;
      this.matchEnd[this.matchCount++] = i + n;
    }
  }

  matchField(str: string, field: ContentField, index: number | undefined, seq: number, shift: number, limit: number, hits: Hit[] | null, nums: Num[]): void {
    const buf = this.buf.tokenize(str, limit);
    this.buildStream();
    const rows = this.streamLength;
    const ordinals = this.streamOrdinal;
    // indexed by ordinal (stream entries are a subset of the ordinals [0, this.nextOrdinal))
    const nOrd = this.nextOrdinal;
    if (this.ordinalFlags.length < nOrd + 1) this.ordinalFlags = new Uint8Array((nOrd + 1) * 2);
    this.ordinalFlags.fill(0, 0, nOrd + 1);
    const numberWordAt: number[] = [];
    let count = 0;
    for (let i = 0; i < rows; i++) {
      const id = this.streamToken[i]!;
      if (id < 0) continue;
      let node = this.rootChild[id]!;
      let j = i;
      const from = count;
      // walked to depth 2 even off the trie: the row's token or the next one may have spelling variants
      const vs = this.varStart;
      const variants = vs[id + 1]! > vs[id]! || i + 1 < rows;
      while (node || variants) {
        for (let o = node ? this.outStart[node]! : 0; o < (node ? this.outStart[node + 1]! : 0); o++) {
          const p = this.outPat[o]!;
          const kind = this.patKind[p]!;
          if (kind === PK.NUMBER_MARKER) {
            // a marker after a numbered noun passes that on: "TPS No. 04"
            this.ordinalFlags[ordinals[j]! + 1]! |= ORD_AFTER_MARKER | (this.ordinalFlags[ordinals[i]!]! & ORD_NUMBERED);
            continue;
          }
          if (kind === PK.YEAR_WORD) {
            this.ordinalFlags[ordinals[j]!]! |= ORD_YEAR_WORD;
            continue;
          }
          if (kind === PK.NUMBERED_NOUN) {
            this.ordinalFlags[ordinals[j]! + 1]! |= ORD_NUMBERED;
            continue;
          }
          if (kind === PK.NUMBER_WORD) {
            numberWordAt.push(i, j + 1, this.patAux[p]!);
            continue;
          }
          // a compact match record (pattern, stream range); evaluate turns it into a Hit below
          if (count === this.matchPattern.length) this.growMatches();
          this.matchPattern[count] = p;
          this.matchFirst[count] = i;
          this.matchEnd[count] = j + 1;
          count++;
        }
        // spelling variants (rules/compiled.ts varStart, varWord) after the exact terms of the same
        // length, as the trie paths of format 3 came: the row's canonical words alone, then as the
        // first of two words or the next row's as the second; one word changed at a time
        if (variants && j < i + 2) {
          this.matchCount = count;
          const next = j > i ? this.streamToken[j]! : -1;
          for (let e = vs[id]!; e < vs[id + 1]!; e++) {
            const c = this.varWord[e]!;
            const at = this.rootChild[c >> 2]!;
            if (j === i && c & VAR_ALONE) this.variantHits(at, i, 1, from);
            if (next >= 0 && c & VAR_PAIR && at) this.variantHits(this.child(at, next), i, 2, from);
          }
          const at = this.rootChild[id]!;
          if (next >= 0 && at) for (let e = vs[next]!; e < vs[next + 1]!; e++) if (this.varWord[e]! & VAR_PAIR) this.variantHits(this.child(at, this.varWord[e]! >> 2), i, 2, from);
          count = this.matchCount;
        }
        j++;
        if (j >= rows || ordinals[j] !== ordinals[j - 1]! + 1) break; // the next token was dropped: unknown
        const next = this.streamToken[j]!;
        if (next < 0 || (!node && j > i + 1)) break;
        node = node ? this.child(node, next) : 0;
      }
    }
    this.matchCount = count;
    if (hits && count > 0) {
      // an all-caps token (AMIN) only counts as "written in caps" in text that has lower case at all
      const hasLower = /[a-z]/.test(str.length > limit ? str.slice(0, limit) : str);
      for (let k = 0; k < count; k++) {
        const p = this.matchPattern[k]!;
        const i = this.matchFirst[k]!;
        const j = this.matchEnd[k]!;
        // a keycap hand sign ("2️⃣" normalises to "2") is not a plain digit ("Debat ke-2", "kunjungi 3 desa")
        if (this.patKind[p] === PK.HAND_SIGN && j === i + 1 && (this.streamFlags[i]! & (TOK_NUMBER | TOK_KEYCAP)) === TOK_NUMBER) continue;
        // one token written in capitals ("AMIN", "PAS")
        const capsToken = j === i + 1 && (this.streamFlags[i]! & TOK_CAPS) !== 0;
        hits.push({
          kind: this.patKind[p]!,
          entity: this.patEntity[p]!,
          ctx: (this.patFlags[p]! & PF_CONTEXT) !== 0,
          aux: this.patAux[p]!,
          field,
          index,
          seq,
          s0: ordinals[i]!,
          s1: ordinals[j - 1]! + 1,
          span: this.spanOf(str, shift, i, j),
          src: str,
          off: shift,
          caps: hasLower && capsToken,
          // no capital after the first letter: "dia", "Dia", "pagi" are the everyday words, "DiA" and "PAGI" the acronyms
          lower: hasLower && (this.patFlags[p]! & PF_CASE) !== 0 && !/[A-Z]/.test(str.slice(this.streamSpanStart[i]! + 1, this.streamSpanEnd[j - 1]!)),
          tag: this.allTagged(i, j),
        });
      }
    }
    // numbers: digits (1–2 significant digits) and number words after a marker
    for (let i = 0; i < rows; i++) {
      const f = this.streamFlags[i]!;
      if (!(f & TOK_NUMBER)) continue;
      const a = this.streamCharStart[i]!;
      const b = this.streamCharEnd[i]!;
      if (b - a > 3) continue;
      let v = 0;
      for (let k = a; k < b; k++) v = v * 10 + (buf.chars[k]! - 48);
      if (v <= 0 || v > 99) continue;
      const zeroPad = b - a === 2 && buf.chars[a] === 48;
      const o = ordinals[i]!;
      // "Nomor 2 Tahun 2024", "2 tahun"; "TPS 04", "RT 02"; a time, date or decimal, unless a keycap or hashtag
      if (this.ordinalFlags[o + 1]! & ORD_YEAR_WORD || this.ordinalFlags[o]! & ORD_NUMBERED || (!(f & (TOK_KEYCAP | TOK_HASHTAG)) && inDigitGroup(str, this.streamSpanStart[i]!, this.streamSpanEnd[i]!))) continue;
      const marker = (this.ordinalFlags[o]! & ORD_AFTER_MARKER) !== 0;
      const strong = marker || zeroPad || (f & (TOK_KEYCAP | TOK_HASHTAG)) !== 0;
      const span = this.spanOf(str, shift, i, i + 1);
      nums.push({ value: v, strong, marker, seq, s: o, field, index, span, src: str, off: 0 });
    }
    for (let k = 0; k < numberWordAt.length; k += 3) {
      const i = numberWordAt[k]!;
      if (!(this.ordinalFlags[ordinals[i]!]! & ORD_AFTER_MARKER)) continue;
      if (this.ordinalFlags[ordinals[numberWordAt[k + 1]! - 1]! + 1]! & ORD_YEAR_WORD) continue; // "nomor dua tahun …"
      if (this.ordinalFlags[ordinals[i]!]! & ORD_NUMBERED) continue; // "TPS nomor dua"
      const span = this.spanOf(str, shift, i, numberWordAt[k + 1]!);
      nums.push({ value: numberWordAt[k + 2]!, strong: true, marker: true, seq, s: ordinals[i]!, field, index, span, src: str, off: 0 });
    }
  }
}
