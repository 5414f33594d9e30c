/**
 * Text normaliser and tokeniser shared by the compiler (to normalise rule terms) and the engine (to
 * normalise page text). Both MUST go through this one code path, so a term and the text that should
 * match it always produce the same tokens.
 *
 * What it does, in one left-to-right pass over the UTF-16 code units (linear, no regexes on the hot path):
 * - NFKD per code point + dropping marks (diacritics, keycap U+20E3) + lower-casing, iterated to a fixpoint
 *   (NFKC-equivalent for matching: fullwidth, mathematical bold, circled letters, ligatures → plain);
 * - default-ignorable characters (zero-width space/joiners, soft hyphen, variation selectors, skin tones)
 *   are dropped *without* breaking the word ("Pra\u200Bbowo" = "prabowo");
 * - every other non-letter/non-digit is a separator;
 * - a pictographic emoji is a token of its own (hand signs ✌ ☝ 👌, party emoji 🐂 🌳);
 * - a digit between two letters is leetspeak (Pr4bowo → prabowo, L3bihbaik → lebihbaik); other digit
 *   runs split from letters into number tokens (PrabowoGibran2024 → prabowogibran 2024, 2️⃣ → 2);
 * - repeated letters collapse to one (prabowooo → prabowo, gemoyyy → gemoy; also "maaf" → "maf"): a
 *   matching key, applied equally to terms; a token of one repeated letter ("PPP") is kept;
 * - CamelCase boundaries are remembered (per char flag) for glued-word segmentation in the matcher;
 * - `#tag` marks its tokens HASHTAG; `@handle` becomes one token "@handle" (HANDLE, chars [a-z0-9._]);
 *   URLs are split into word tokens (URL) and a profile URL of a known social site adds an "@handle" token.
 *
 * Every normalised char keeps the [start, end) offsets of the original code units it came from
 * (Int32Array maps), so a match maps back to exact original offsets for highlighting.
 *
 * Plain ASCII words between runs are read by the word filter's fast path (rules/word-filter.ts),
 * which emits exactly the tokens this general path would.
 *
 * No browser or Node APIs; safe in a content script.
 */
import { HASH_INIT, TOK_CAMEL, TOK_CAPS, TOK_EMOJI, TOK_HANDLE, TOK_HASHTAG, TOK_KEYCAP, TOK_NUMBER, TOK_URL, grown, hashStep, isDigit, maybeUrl } from './chars.ts';
import { scanWords, type WordFilter } from './word-filter.ts';

// the compiler, the engine and the tests import these from here
export { HASH_INIT, TOK_CAMEL, TOK_CAPS, TOK_EMOJI, TOK_HANDLE, TOK_HASHTAG, TOK_KEYCAP, TOK_NUMBER, TOK_URL, grown, hashStep, isDigit } from './chars.ts';
export { WORD_DROP, WORD_WRITE, type WordFilter, type WordScanner } from './word-filter.ts';

const LEET: Record<number, number> = {
  48: 111, // 0 → o
  49: 105, // 1 → i
  51: 101, // 3 → e
  52: 97, // 4 → a
  53: 115, // 5 → s
  55: 116, // 7 → t
  56: 98, // 8 → b
  57: 103, // 9 → g
  54: 103, // 6 → g
};

// ASCII classes: 0 = separator, otherwise the lower-cased code.
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = c;
for (let c = 97; c <= 122; c++) ASCII[c] = c;
for (let c = 65; c <= 90; c++) ASCII[c] = c + 32;

const IGNORE = '\u0000'; // marker: drop without breaking the word
const EMOJI = '\u0001'; // marker: emoji token (the code point itself)
const KEYCAP = '\u0002'; // marker: combining keycap (dropped, flags the digit)

const RE_PICTO = /\p{Extended_Pictographic}/u;
const RE_IGNORABLE = /[\p{M}\p{Default_Ignorable_Code_Point}\u{1F3FB}-\u{1F3FF}]/u;
const RE_WORD = /[\p{L}\p{N}]/u;
const RE_MARKS = /[\p{M}\p{Default_Ignorable_Code_Point}]/gu;

function foldOnce(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKD').replace(RE_MARKS, '').toLowerCase().normalize('NFKD').replace(RE_MARKS, '')) {
    const c = ch.charCodeAt(0);
    if (c < 128) out += ASCII[c] ? String.fromCharCode(ASCII[c]!) : ' ';
    else out += RE_WORD.test(ch) ? ch : ' ';
  }
  return out;
}

const cache = new Map<number, string>();

/** Mapping of one non-ASCII code point: IGNORE, EMOJI, KEYCAP, or chars (' ' = separator). */
function mapCodePoint(cp: number): string {
  let m = cache.get(cp);
  if (m !== undefined) return m;
  const ch = String.fromCodePoint(cp);
  if (cp === 0x20e3) m = KEYCAP;
  else if (RE_PICTO.test(ch)) m = EMOJI;
  else if (RE_IGNORABLE.test(ch)) m = IGNORE;
  else {
    m = foldOnce(ch);
    // iterate to a fixpoint so that normalising the output again changes nothing
    for (let k = 0; k < 4; k++) {
      let next = '';
      for (const c of m) next += c.charCodeAt(0) < 128 || c === ' ' ? c : foldOnce(c);
      if (next === m) break;
      m = next;
    }
    if (m.trim() === '') m = ' ';
  }
  if (cache.size < 50_000) cache.set(cp, m);
  return m;
}

const SOCIAL_HOST = /^(?:[a-z0-9-]+\.)*(instagram\.com|facebook\.com|fb\.com|x\.com|twitter\.com|tiktok\.com|youtube\.com|threads\.net|threads\.com)$/i;
const NON_PROFILE = new Set(['p', 'reel', 'reels', 'watch', 'status', 'hashtag', 'explore', 'search', 'share', 'video', 'tag', 'i', 'home', 'intent', 'groups', 'photo', 'photos', 'stories', 'shorts', 'channel', 'c', 'permalink.php', 'story.php', 'profile.php', 'login', 'events', 'pages']);

function isHandleChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46;
}

/**
 * Reusable token buffer: normalised chars stored token after token (no separators), with their original
 * offsets, plus the token table. Grows as needed; reuse one instance to avoid allocation.
 *
 * Three structure-of-arrays tables, each column a typed array, the columns of a table grown together:
 *
 *   per normalised char (index < n)
 *   chars     u16  the normalised char
 *   oStart    i32  the original chars it came from: input[oStart, oEnd)
 *   oEnd      i32
 *   camel     u8   1 where a CamelCase boundary precedes it inside its token
 *
 *   per token (index < nt)
 *   tStart    i32  its normalised chars: chars[tStart, tEnd) (empty for a token the filter resolved)
 *   tEnd      i32
 *   tFlags    u16  TOK_* flags
 *   tHash     i32  FNV-1a of its normalised chars
 *   tGap      i32  words the filter dropped just before it (ordinals count them)
 *   tId       i32  dictionary id the filter resolved, else -1
 *   tO0       i32  its span in the original string: input[tO0, tO1)
 *   tO1       i32
 *
 *   the raw run: one word as read, before leetspeak, repeat collapsing and splitting (index < r)
 *   rC        u16  the char after the per-char mapping (lower-cased, folded)
 *   rS, rE    i32  its original offsets [rS, rE)
 *   rU        u8   1 = an upper-case letter, 2 = a lower-case ASCII letter
 *   rK        u8   1 = a keycap digit
 */
export class TokenBuffer {
  chars = new Uint16Array(256);
  oStart = new Int32Array(256);
  oEnd = new Int32Array(256);
  /** 1 where a CamelCase boundary precedes the char inside its token */
  camel = new Uint8Array(256);
  n = 0;
  tStart = new Int32Array(64);
  tEnd = new Int32Array(64);
  tFlags = new Uint16Array(64);
  tHash = new Int32Array(64);
  /** per token: words dropped by the filter just before it */
  tGap = new Int32Array(64);
  /** per token: dictionary id resolved by the filter (no chars written: tStart = tEnd), else -1 */
  tId = new Int32Array(64);
  /** per token: [start, end) in the original string */
  tO0 = new Int32Array(64);
  tO1 = new Int32Array(64);
  nt = 0;
  /** words dropped since the last emitted token */
  gap = 0;
  /** optional: drops words that cannot matter to the caller (null: keep everything) */
  filter: WordFilter | null = null;

  // raw run (one word before leet/collapse/split)
  private rC = new Uint16Array(64);
  private rS = new Int32Array(64);
  private rE = new Int32Array(64);
  private rU = new Uint8Array(64); // 1 = upper-case letter, 2 = lower-case ASCII letter
  private rK = new Uint8Array(64); // keycap
  private r = 0;
  /** TOK_HASHTAG / TOK_URL while inside a hashtag or a URL */
  flags = 0;

  reset(): void {
    this.pendingHandle = null;
    this.n = 0;
    this.nt = 0;
    this.gap = 0;
    this.r = 0;
    this.flags = 0;
  }

  /** room for `need` normalised chars in all (the word filter's fast path writes chars itself) */
  growChars(need: number): void {
    if (need <= this.chars.length) return;
    let size = this.chars.length * 2;
    while (size < need) size *= 2;
    this.chars = grown(this.chars, size);
    this.oStart = grown(this.oStart, size);
    this.oEnd = grown(this.oEnd, size);
    this.camel = grown(this.camel, size);
  }

  /** room for `extra` more tokens (the fast path and a WordScanner write tokens themselves) */
  reserveTokens(extra: number): void {
    while (this.nt + extra > this.tStart.length) this.growTokens();
  }

  private growTokens(): void {
    const size = this.tStart.length * 2;
    this.tStart = grown(this.tStart, size);
    this.tEnd = grown(this.tEnd, size);
    this.tFlags = grown(this.tFlags, size);
    this.tHash = grown(this.tHash, size);
    this.tGap = grown(this.tGap, size);
    this.tId = grown(this.tId, size);
    this.tO0 = grown(this.tO0, size);
    this.tO1 = grown(this.tO1, size);
  }

  private growRaw(): void {
    const size = this.rC.length * 2;
    this.rC = grown(this.rC, size);
    this.rS = grown(this.rS, size);
    this.rE = grown(this.rE, size);
    this.rU = grown(this.rU, size);
    this.rK = grown(this.rK, size);
  }

  private pushRaw(c: number, s: number, e: number, u: number): void {
    if (this.r === this.rC.length) this.growRaw();
    const r = this.r++;
    this.rC[r] = c;
    this.rS[r] = s;
    this.rE[r] = e;
    this.rU[r] = u;
    this.rK[r] = 0;
  }

  /** Emit one token from explicit chars (emoji, handle). */
  private emitChars(str: string, s: number, e: number, flags: number): void {
    this.growChars(this.n + str.length);
    if (this.nt === this.tStart.length) this.growTokens();
    const t = this.nt++;
    this.tStart[t] = this.n;
    this.tGap[t] = this.gap;
    this.gap = 0;
    let h = HASH_INIT;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      this.chars[this.n] = c;
      this.oStart[this.n] = s;
      this.oEnd[this.n] = e;
      this.camel[this.n] = 0;
      this.n++;
      h = hashStep(h, c);
    }
    this.tEnd[t] = this.n;
    this.tFlags[t] = flags;
    this.tHash[t] = h;
    this.tId[t] = -1;
    this.tO0[t] = s;
    this.tO1[t] = e;
  }

  /** Finish the raw run: leetspeak, split letters/digits, collapse repeats, emit tokens. */
  private endRun(): void {
    const r = this.r;
    if (r === 0) return;
    const rC = this.rC;
    // leetspeak: an ASCII digit with letters on both sides
    for (let k = 1; k < r - 1; k++) {
      const c = rC[k]!;
      if (isDigit(c) && !isDigit(rC[k - 1]!) && !isDigit(rC[k + 1]!)) {
        const l = LEET[c];
        if (l !== undefined) rC[k] = l;
      }
    }
    // mixed case in the run? (camel boundaries only make sense then)
    let upper = 0;
    let lower = 0;
    for (let k = 0; k < r; k++) {
      if (this.rU[k] === 1) upper++;
      else if (this.rU[k] === 2) lower++;
    }
    const mixed = upper > 0 && lower > 0;
    const caps = upper >= 2 && lower === 0 ? TOK_CAPS : 0;
    let a = 0;
    while (a < r) {
      const digits = isDigit(rC[a]!);
      let b = a + 1;
      while (b < r && isDigit(rC[b]!) === digits) b++;
      this.emitRun(a, b, digits, mixed, caps);
      a = b;
    }
    this.r = 0;
    this.flags &= TOK_URL; // a hashtag covers one run; URL mode lasts until the URL ends
  }

  private emitRun(a: number, b: number, digits: boolean, mixed: boolean, caps: number): void {
    const rC = this.rC;
    this.growChars(this.n + (b - a));
    if (this.nt === this.tStart.length) this.growTokens();
    let allSame = true;
    for (let k = a + 1; k < b; k++) if (rC[k] !== rC[a]) { allSame = false; break; }
    const collapse = !digits && !allSame;
    const t = this.nt++;
    this.tStart[t] = this.n;
    this.tGap[t] = this.gap;
    this.gap = 0;
    let flags = this.flags | (digits ? TOK_NUMBER : caps);
    let h = HASH_INIT;
    for (let k = a; k < b; k++) {
      const c = rC[k]!;
      if (collapse && k > a && c === rC[k - 1]) {
        this.oEnd[this.n - 1] = this.rE[k]!; // stretch the kept char over the repeat
        continue;
      }
      let camel = 0;
      if (mixed && k > a) {
        const u = this.rU[k] === 1;
        if (u && this.rU[k - 1] === 2) camel = 1; // fooBar
        else if (u && this.rU[k - 1] === 1 && k + 1 < b && this.rU[k + 1] === 2) camel = 1; // ABCDef → ABC|Def
      }
      if (camel) flags |= TOK_CAMEL;
      if (this.rK[k]) flags |= TOK_KEYCAP;
      this.chars[this.n] = c;
      this.oStart[this.n] = this.rS[k]!;
      this.oEnd[this.n] = this.rE[k]!;
      this.camel[this.n] = camel;
      this.n++;
      h = hashStep(h, c);
    }
    this.tEnd[t] = this.n;
    this.tFlags[t] = flags;
    this.tHash[t] = h;
    this.tId[t] = -1;
    this.tO0[t] = this.oStart[this.tStart[t]!]!;
    this.tO1[t] = this.oEnd[this.n - 1]!;
  }

  /**
   * Tokenise `input[0, limit)`. Never throws on any string (lone surrogates are separators).
   */
  tokenize(input: string, limit = input.length): this {
    this.reset();
    const len = Math.min(input.length, limit);
    let urlEnd = -1;
    let i = 0;
    while (i < len) {
      if (i >= urlEnd && urlEnd >= 0) {
        this.endRun();
        this.flushUrlHandle();
        this.flags &= ~TOK_URL;
        urlEnd = -1;
      }
      if (this.r === 0 && urlEnd < 0) {
        // between words, outside URLs: the fast paths take everything they can
        i = scanWords(this, input, i, len);
        if (i >= len) break;
      }
      const c = input.charCodeAt(i);
      if (c < 128) {
        const m = ASCII[c]!;
        if (m) {
          // URL start (only at a word start)
          if (this.r === 0 && urlEnd < 0 && (c === 104 || c === 119 || c === 72 || c === 87) && i + 4 < len && maybeUrl(input, i, c)) {
            const end = this.urlAt(input, i, len);
            if (end > i) {
              urlEnd = end;
              this.flags |= TOK_URL;
            }
          }
          this.pushRaw(m, i, i + 1, c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : 0);
          i++;
          continue;
        }
        this.endRun();
        if (c === 35 /* # */ && urlEnd < 0) {
          this.flags |= TOK_HASHTAG;
          i++;
          continue;
        }
        this.flags &= ~TOK_HASHTAG;
        if (c === 64 /* @ */ && urlEnd < 0 && i + 1 < len && isHandleChar(input.charCodeAt(i + 1)) && input.charCodeAt(i + 1) !== 46) {
          let j = i + 1;
          while (j < len && isHandleChar(input.charCodeAt(j))) j++;
          while (j > i + 1 && input.charCodeAt(j - 1) === 46) j--; // trailing dots
          this.emitChars('@' + input.slice(i + 1, j).toLowerCase(), i, j, TOK_HANDLE);
          // per-char offsets for a handle: map each char to its own original char
          const t = this.nt - 1;
          const s0 = this.tStart[t]!;
          this.oStart[s0] = i;
          this.oEnd[s0] = i + 1;
          for (let k = 1; k < j - i; k++) {
            this.oStart[s0 + k] = i + k;
            this.oEnd[s0 + k] = i + k + 1;
          }
          i = j;
          continue;
        }
        i++;
        continue;
      }
      // non-ASCII
      let cp = c;
      let size = 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = input.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          size = 2;
        }
      }
      const m = mapCodePoint(cp);
      if (m === IGNORE || m === KEYCAP) {
        if (this.r > 0) {
          this.rE[this.r - 1] = i + size; // extend the previous char over the ignorable
          if (m === KEYCAP) this.rK[this.r - 1] = 1;
        } else if (this.nt > 0 && this.tEnd[this.nt - 1] === this.n && this.oEnd[this.n - 1] === i) {
          this.oEnd[this.n - 1] = i + size; // e.g. ✌ + U+FE0F + skin tone
          this.tO1[this.nt - 1] = i + size;
        }
        i += size;
        continue;
      }
      if (m === EMOJI) {
        this.endRun();
        this.flags &= TOK_URL;
        this.emitChars(String.fromCodePoint(cp), i, i + size, TOK_EMOJI | (this.flags & TOK_URL));
        i += size;
        continue;
      }
      for (let k = 0; k < m.length; k++) {
        const mc = m.charCodeAt(k);
        if (mc === 32) this.endRun();
        else this.pushRaw(mc, i, i + size, 0);
      }
      i += size;
    }
    this.endRun();
    this.flushUrlHandle();
    return this;
  }


  /** If a URL starts at i, add its profile handle token (if any) after its words and return its end. */
  private urlAt(input: string, i: number, len: number): number {
    const head = input.slice(i, i + 12).toLowerCase();
    let hostStart: number;
    if (head.startsWith('https://')) hostStart = i + 8;
    else if (head.startsWith('http://')) hostStart = i + 7;
    else if (head.startsWith('www.')) hostStart = i;
    else return -1;
    let end = hostStart;
    while (end < len) {
      const c = input.charCodeAt(end);
      if (c <= 32 || c === 34 || c === 60 || c === 62) break;
      end++;
    }
    if (end === hostStart) return -1;
    this.pendingUrlHandle(input, hostStart, end);
    return end;
  }

  private pendingHandle: { text: string; s: number; e: number } | null = null;

  private pendingUrlHandle(input: string, hostStart: number, end: number): void {
    this.pendingHandle = null;
    const slash = input.indexOf('/', hostStart);
    if (slash < 0 || slash >= end) return;
    const host = input.slice(hostStart, slash);
    if (!SOCIAL_HOST.test(host)) return;
    let s = slash + 1;
    if (input.charCodeAt(s) === 64) s++;
    let e = s;
    while (e < end && isHandleChar(input.charCodeAt(e))) e++;
    while (e > s && input.charCodeAt(e - 1) === 46) e--;
    if (e === s) return;
    const name = input.slice(s, e).toLowerCase();
    if (NON_PROFILE.has(name)) return;
    this.pendingHandle = { text: '@' + name, s, e };
  }

  /** Emit the profile handle of the URL that just ended (after the URL's word tokens). */
  private flushUrlHandle(): void {
    const p = this.pendingHandle;
    if (!p) return;
    this.pendingHandle = null;
    this.emitChars(p.text, p.s, p.e, TOK_HANDLE | TOK_URL);
    const t = this.nt - 1;
    const s0 = this.tStart[t]!;
    for (let k = 0; k < p.text.length; k++) {
      this.oStart[s0 + k] = Math.min(p.s + Math.max(0, k - 1), p.e - 1);
      this.oEnd[s0 + k] = Math.min(p.s + Math.max(0, k - 1) + 1, p.e);
    }
  }
}

/**
 * Token t's normalised text (debugging, compiler). A function, not a TokenBuffer method: methods are never
 * tree-shaken, and the content script does not need it.
 */
export function tokenText(buf: TokenBuffer, t: number): string {
  return String.fromCharCode(...buf.chars.subarray(buf.tStart[t]!, buf.tEnd[t]!));
}

export interface Normalized {
  /** normalised tokens joined by single spaces */
  text: string;
  /** per char of `text`: original [start, end) offsets (a space maps to the empty range at the previous token's end) */
  start: Int32Array;
  end: Int32Array;
  /** per token: [start, end) in `text` */
  tokens: Array<{ text: string; start: number; end: number; flags: number; orig: [number, number] }>;
}

/** Normalise a string (for tests, the compiler and the CLI; the engine uses TokenBuffer directly). */
export function normalize(input: string): Normalized {
  const buf = new TokenBuffer().tokenize(input);
  return fromBuffer(buf);
}

export function fromBuffer(buf: TokenBuffer): Normalized {
  const total = buf.n + Math.max(0, buf.nt - 1);
  const start = new Int32Array(total);
  const end = new Int32Array(total);
  const parts: string[] = [];
  const tokens: Normalized['tokens'] = [];
  let pos = 0;
  for (let t = 0; t < buf.nt; t++) {
    if (t > 0) {
      const prevEnd = buf.tO1[t - 1]!;
      start[pos] = prevEnd;
      end[pos] = prevEnd;
      pos++;
    }
    const s = buf.tStart[t]!;
    const e = buf.tEnd[t]!;
    const text = tokenText(buf, t);
    parts.push(text);
    tokens.push({ text, start: pos, end: pos + (e - s), flags: buf.tFlags[t]!, orig: [buf.tO0[t]!, buf.tO1[t]!] });
    for (let k = s; k < e; k++) {
      start[pos] = buf.oStart[k]!;
      end[pos] = buf.oEnd[k]!;
      pos++;
    }
  }
  return { text: parts.join(' '), start, end, tokens };
}

/** Tokens of a rule term, as the compiler sees them. */
export function termTokens(term: string): string[] {
  const buf = new TokenBuffer().tokenize(term);
  const out: string[] = [];
  for (let t = 0; t < buf.nt; t++) out.push(tokenText(buf, t));
  return out;
}
