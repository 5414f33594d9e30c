/**
 * The tokeniser's word filter: the fast path that reads plain ASCII words between the general
 * path's runs and lets a WordFilter (the engine's dictionary) resolve or drop each word before it is
 * written out. Used by TokenBuffer.tokenize (rules/normalize.ts), with or without a filter; emits
 * exactly the tokens the general path would (tests/unit/rules/fastpath.test.ts compares them).
 */
import { CLS, HASH_INIT, TOK_CAMEL, TOK_CAPS, TOK_NUMBER, maybeUrl } from './chars.ts';
import type { TokenBuffer } from './normalize.ts';

/** WordFilter verdicts (any value ≥ 0 is a dictionary id) */
export const WORD_DROP = -2;
export const WORD_WRITE = -1;

/**
 * Lets the engine resolve or drop plain words before they are written out. `classifyWord` is asked
 * about every word the fast path reads that is all ASCII letters, not a hashtag, not CamelCase and not
 * one repeated letter: `input[i, j)`, whose normalised form has `m` chars and FNV-1a hash `h`. It
 * answers WORD_DROP (the word can never matter: not emitted; the next token counts it in `tGap`, so
 * token ordinals stay as if every word had been emitted), WORD_WRITE (emit it as usual), or a dictionary
 * id ≥ 0 (emitted as a resolved token, `tId`, with its original offsets but no normalised chars).
 * `afterGap`: the word just before was dropped, or there is none. For speed, the buffer itself drops most
 * words without asking, by the bit sets the filter exposes (see below).
 */
export interface WordFilter {
  /** a bit per hash (bits 13 and up) of every word the filter might resolve */
  wordBits: Uint8Array;
  wordBitsMask: number;
  /**
   * A word whose hash bit is clear is dropped without asking unless it has minAsk..maxAsk normalised
   * chars and the bits of the hashes of its first 3 chars (`prefixBits`, 8 KB, hash bits 0–15) and first
   * 4 chars (`stemBits`, hash & stemMask) are set.
   */
  minAsk: number;
  maxAsk: number;
  prefixBits: Uint8Array;
  stemBits: Uint8Array;
  stemMask: number;
  /** h3, h4: hashes after the first 3 and 4 normalised chars (only valid when m ≥ 4) */
  classifyWord(input: string, i: number, j: number, h: number, m: number, h3: number, h4: number, afterGap: boolean): number;
  /** optional: a faster reader of plain words (rules/automaton.ts), used before fastScan */
  words?: WordScanner | null;
}

/**
 * A fast path for plain words that a WordFilter may carry. `scan` is called between words, outside
 * URLs, with no hashtag pending; from `i` it consumes words into `buf` exactly as fastScan with the
 * filter would (resolved tokens with `tId`, dropped words only counted in `buf.gap`, the same
 * ordinals and offsets), and returns the start of the first word it leaves to fastScan (or `len`).
 * It must never write normalised chars for a word it does not finish.
 */
export interface WordScanner {
  scan(buf: TokenBuffer, input: string, i: number, len: number): number;
}

const EMPTY_BITS = new Uint8Array(1);

/**
 * Between words outside URLs: the filter's word scanner (if any) takes the plain words, and fastScan
 * one word at a time whatever it hands back; returns where the general path must go on.
 */
export function scanWords(buf: TokenBuffer, input: string, i: number, len: number): number {
  const words = buf.filter !== null ? (buf.filter.words ?? null) : null;
  if (words === null) return fastScan(buf, input, i, len, false);
  for (;;) {
    if (buf.flags === 0) {
      i = words.scan(buf, input, i, len);
      if (i >= len) return i;
    }
    const j = fastScan(buf, input, i, len, true);
    if (j === i || j >= len) return j;
    i = j;
  }
}

/**
 * Fast path, called between words outside URLs (no raw run pending). Consumes, from i on, ASCII
 * separators other than `#`/`@` and whole words that are all ASCII letters or all ASCII digits, are
 * followed by an ASCII char or the end, and do not start a URL; emits each word's token exactly as
 * pushRaw + endRun would (leetspeak cannot apply, one run, repeats collapsed unless the word is one
 * repeated letter, CAPS and CamelCase flags) in one pass with incremental FNV hashing. Returns the index
 * of the first char it leaves to the general path (non-ASCII, `#`, `@`, a URL, letters mixed with
 * digits), with nothing of that word emitted; len when done. `one`: return after one word.
 */
function fastScan(buf: TokenBuffer, input: string, i: number, len: number, one: boolean): number {
  let n = buf.n;
  let nt = buf.nt;
  // room for the rest of the input: chars are written speculatively and committed per word
  if (n + (len - i) > buf.chars.length) buf.growChars(n + (len - i));
  buf.reserveTokens(((len - i + 1) >> 1) + 1);
  const chars = buf.chars;
  const oStart = buf.oStart;
  const oEnd = buf.oEnd;
  const tStart = buf.tStart;
  const tEnd = buf.tEnd;
  const tFlags = buf.tFlags;
  const tHash = buf.tHash;
  const tGap = buf.tGap;
  const tId = buf.tId;
  const tO0 = buf.tO0;
  const tO1 = buf.tO1;
  const filter = buf.filter;
  // the filter's bit set and threshold in locals: read once per call, not once per word
  const wordBits = filter !== null ? filter.wordBits : EMPTY_BITS;
  const wordBitsMask = filter !== null ? filter.wordBitsMask : 0;
  const minAsk = filter !== null ? filter.minAsk : 0;
  const maxAsk = filter !== null ? filter.maxAsk : 0;
  const prefixBits = filter !== null ? filter.prefixBits : EMPTY_BITS;
  const stemBits = filter !== null ? filter.stemBits : EMPTY_BITS;
  const stemMask = filter !== null ? filter.stemMask : 0;
  let gap = buf.gap;
  let flags = buf.flags; // 0 or TOK_HASHTAG here (never TOK_URL)
  let done = n; // chars committed
  scan: while (i < len) {
    const c0 = input.charCodeAt(i);
    if (c0 >= 128) break;
    const k0 = CLS[c0]!;
    if (k0 === 0) {
      if (c0 === 35 || c0 === 64) break; // '#', '@'
      flags = 0; // any other separator ends a hashtag
      i++;
      continue;
    }
    if ((c0 === 104 || c0 === 119 || c0 === 72 || c0 === 87) && i + 4 < len && maybeUrl(input, i, c0)) break;
    const n0 = n;
    let f = flags;
    const c0l = c0 | 32; // a digit stays a digit
    let h = Math.imul(HASH_INIT ^ c0l, 16777619);
    let j = i + 1;
    let sep = 0; // the ASCII separator that ended the word (0: end of input)
    if (k0 === 3) {
      f |= TOK_NUMBER;
      chars[n] = c0l;
      oStart[n] = i;
      oEnd[n] = i + 1;
      n++;
      for (; j < len; j++) {
        const c = input.charCodeAt(j);
        if (c >= 128) break scan;
        const k = CLS[c]!;
        if (k !== 3) {
          if (k !== 0) break scan; // digits then letters: general path
          sep = c;
          break;
        }
        chars[n] = c;
        oStart[n] = j;
        oEnd[n] = j + 1;
        n++;
        h = Math.imul(h ^ c, 16777619);
      }
    } else {
      // read the word once: hash of the normalised chars (lower-cased, repeats collapsed), nothing written;
      // the hashes after 3 and 4 normalised chars are kept for the filter (two loops, so the long tail of
      // a word pays for no extra test)
      let upper = k0 === 1 ? 1 : 0;
      let inner = false; // an upper-case letter after the first char (a CamelCase boundary is possible)
      let prev = c0l; // previous char, lower-cased
      let m = 1; // normalised length
      let h3 = 0;
      for (; j < len && m < 4; j++) {
        const raw = input.charCodeAt(j);
        if (raw >= 128) break scan;
        const k = CLS[raw]!;
        if (k !== 2) {
          if (k === 0) {
            sep = raw;
            break;
          }
          if (k === 3) break scan; // letters then digits (leetspeak, split): general path
          upper++;
          inner = true;
        }
        const c = raw | 32;
        if (c === prev) continue;
        prev = c;
        h = Math.imul(h ^ c, 16777619);
        if (++m === 3) h3 = h;
      }
      const h4 = h;
      if (sep === 0) {
        for (; j < len; j++) {
          const raw = input.charCodeAt(j);
          if (raw >= 128) break scan;
          const k = CLS[raw]!;
          if (k !== 2) {
            if (k === 0) {
              sep = raw;
              break;
            }
            if (k === 3) break scan;
            upper++;
            inner = true;
          }
          const c = raw | 32;
          if (c === prev) continue;
          prev = c;
          m++;
          h = Math.imul(h ^ c, 16777619);
        }
      }
      const lower = j - i - upper;
      const camel = inner && lower > 0;
      const allSame = m === 1 && j - i > 1;
      if (upper >= 2 && lower === 0) f |= TOK_CAPS;
      if (filter !== null && flags === 0 && !camel && !allSame) {
        const tb = (h >>> 13) & wordBitsMask;
        const sb = h4 & stemMask;
        const v =
          !(wordBits[tb >>> 3]! & (1 << (tb & 7))) &&
          (m < minAsk || m > maxAsk || !(prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7))) || !(stemBits[sb >>> 3]! & (1 << (sb & 7))))
            ? WORD_DROP // the common case, decided here without a call
            : filter.classifyWord(input, i, j, h, m, h3, h4, gap > 0 || nt === 0);
        if (v !== WORD_WRITE) {
          if (v === WORD_DROP) gap++; // only counted, so the next token's ordinal stays right
          else {
            // resolved: a token without chars
            tStart[nt] = n;
            tEnd[nt] = n;
            tFlags[nt] = f;
            tHash[nt] = h;
            tGap[nt] = gap;
            tId[nt] = v;
            tO0[nt] = i;
            tO1[nt] = j;
            gap = 0;
            nt++;
          }
          i = sep === 32 ? j + 1 : j;
          if (one) break;
          continue;
        }
      }
      if (allSame) {
        // one repeated letter ("PPP", "aA"): kept whole, nothing collapsed
        h = HASH_INIT;
        for (let k = i; k < j; k++) {
          const c = input.charCodeAt(k) | 32;
          chars[n] = c;
          oStart[n] = k;
          oEnd[n] = k + 1;
          n++;
          h = Math.imul(h ^ c, 16777619);
        }
      } else {
        chars[n] = c0l;
        oStart[n] = i;
        oEnd[n] = i + 1;
        n++;
        let p = c0l;
        for (let k = i + 1; k < j; k++) {
          const c = input.charCodeAt(k) | 32;
          if (c === p) {
            oEnd[n - 1] = k + 1; // stretch the kept char over the repeat
            continue;
          }
          p = c;
          chars[n] = c;
          oStart[n] = k;
          oEnd[n] = k + 1;
          n++;
        }
      }
      // CamelCase marks (only read for TOK_CAMEL tokens): needs an inner capital and a lower-case letter
      if (camel) f |= camelMarks(buf, input, i, j, n0, allSame);
    }
    tStart[nt] = n0;
    tEnd[nt] = n;
    tFlags[nt] = f;
    tHash[nt] = h;
    tGap[nt] = gap;
    tId[nt] = -1;
    tO0[nt] = i;
    tO1[nt] = j;
    gap = 0;
    nt++;
    done = n;
    flags = 0;
    i = sep === 32 ? j + 1 : j; // a following space needs nothing more (the hashtag flag is already cleared)
    if (one) break;
  }
  // commit the words done (a word left to the general path was written past n only)
  buf.n = done;
  buf.nt = nt;
  buf.flags = flags;
  buf.gap = gap;
  return i;
}

/**
 * CamelCase marks of the letters-only word input[i, j) emitted at n0 (collapsed unless `keepAll`),
 * exactly as emitRun sets them; returns TOK_CAMEL if any.
 */
function camelMarks(buf: TokenBuffer, input: string, i: number, j: number, n0: number, keepAll: boolean): number {
  const camelA = buf.camel;
  let n = n0;
  let any = 0;
  for (let k = i; k < j; k++) {
    const raw = input.charCodeAt(k);
    if (!keepAll && k > i && (raw | 32) === (input.charCodeAt(k - 1) | 32)) continue; // collapsed
    let camel = 0;
    if (k > i && raw < 97) {
      const p = input.charCodeAt(k - 1);
      if (p >= 97) camel = 1; // fooBar
      else if (k + 1 < j && input.charCodeAt(k + 1) >= 97) camel = 1; // ABCDef → ABC|Def
    }
    camelA[n++] = camel;
    any |= camel;
  }
  return any ? TOK_CAMEL : 0;
}
