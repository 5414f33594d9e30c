/**
 * The word automaton: an optional fast path for the tokeniser's plain words (a WordScanner), built at
 * load from the compiled dictionary and handed to the engine with
 * `loadEngine(compiled, { wordAutomaton: buildWordAutomaton })`.
 *
 * It is a char trie of every dictionary token that is plain lower-case a–z, as one 16-bit (32-bit past 65,520 states) table of 32
 * columns per state: one transition per input char (case folded by the class table, repeated letters
 * collapsed by self-loops), no hashing, and dropped words counted without a branch. It answers exactly what
 * the engine's classifyWord would for every word it takes; the rest it hands back to fastScan.
 *
 * Who loads it: bulk scanning (`jaga check`, the benchmark, tests). The content script does not: it
 * evaluates one post per action (typically ~1 K chars), where building the table (about 0.3 ms warm,
 * several ms in a cold page) would cost more than the ~2 ns/char it saves, and the code would add
 * ~1 KB gzip to every social page. See docs/engine.md.
 *
 * Pure TypeScript, no browser or Node APIs.
 */
import { HASH_INIT, type TokenBuffer, type WordScanner } from './normalize.ts';

/** char classes (table columns): 0 = separator (ASCII, not `#`/`@`), 1–26 = a–z, then these */
const DC_SEP = 0;
const DC_UPPER = 27;
const DC_DIGIT = 28;
/** `#`, `@` */
const DC_MARK = 29;
/** any code unit ≥ 128 */
const DC_OTHER = 30;
const CLS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CLS[c] = c - 96;
for (let c = 65; c <= 90; c++) CLS[c] = DC_UPPER;
for (let c = 48; c <= 57; c++) CLS[c] = DC_DIGIT;
CLS[35] = DC_MARK;
CLS[64] = DC_MARK;
/** CLS for UTF-8 bytes (transitionsTwoStreams): every byte ≥ 128 is DC_OTHER */
const CLS8 = new Uint8Array(256).fill(DC_OTHER);
CLS8.set(CLS);
let encoder: TextEncoder | undefined;
/**
 * Events, the table's top entries (≥ upper): the word ended in an accepting state (end); hand the word
 * (from its start) to fastScan (fallback); a capital at a word start, take the lower-case letter's
 * column (upper, row 0 only). A 16-bit table when the states fit below them, else a 32-bit one: the
 * DPR and DPD lists (some 10,000 more names) took the dictionary past 65,520 states, and the
 * automaton came out null.
 */
interface Events {
  end: number;
  fallback: number;
  upper: number;
}
const NARROW: Events = { end: 0xfffe, fallback: 0xffff, upper: 0xfffd };
// below 2^31: the branch-free ENDED count reads entries as int32, where a higher one would be negative
const WIDE: Events = { end: 0x7ffffffe, fallback: 0x7fffffff, upper: 0x7ffffffd };
type Table = Uint16Array | Uint32Array;
/** state 1: a word that cannot matter just ended at a separator (state 0 otherwise: between words) */
const ENDED = 1;
/** 16-bit states below the event codes (× 64 bytes = 4 MB) */
const MAX_NARROW_STATES = 0xfff0;
/** size limit: 32-bit states (× 128 bytes = 32 MB) */
const MAX_STATES = 0x40000;

/**
 * The word automaton (a WordScanner) for the compiled dictionary: a char trie of every dictionary
 * token that is plain lower-case a–z without a repeated letter, as a table of 32 columns per state,
 * answering for each plain word exactly what classifyWord would, without hashing:
 * - the word is a token → END at its separator (its id and hash are kept per state);
 * - it left the trie, or ended inside it, without having passed a token of ≥ 4 chars → it is no
 *   token and no glued word (a plain glued word's first piece is a token of ≥ 4 chars) → dropped;
 * - it passed such a token (a possible glued word: "aminajadulu") → FALLBACK at its end;
 * - a capital inside it (CAPS, CamelCase), a digit, `#`/`@`, non-ASCII, a word of one repeated
 *   letter ("PPP", also "www"), a word that may start a URL ("ht…") → FALLBACK at once.
 * Repeated letters collapse through self-loops. States: 0 between words, 1 ENDED (between words, just
 * after a dropped word), 2 dead, 3 glued, 4–29 the first letter a–z, 30–55 that letter repeated, then
 * the deeper trie nodes. Returns null (no automaton, fastScan does everything) past MAX_STATES.
 */
export function buildWordAutomaton(tokChars: Uint16Array, tokOff: Int32Array, keepToken: Uint8Array): WordScanner | null {
  const nTok = tokOff.length - 1;
  // runs once per load, so mostly in V8's interpreter: per-element work is kept to native fills and
  // copies; the loops below touch each dictionary char and each state about once
  const ROW = 32;
  const DEAD = 2;
  const GLUED = 3;
  const FIRST = 4;
  const REP = 30;
  const TRIE = 56;
  const need = TRIE + tokChars.length;
  const { end: END, fallback: FALLBACK, upper: UPPER } = need > MAX_NARROW_STATES ? WIDE : NARROW;
  const cap = Math.min(need, MAX_STATES);
  const table: Table = need > MAX_NARROW_STATES ? new Uint32Array(cap * ROW) : new Uint16Array(cap * ROW);
  // every row starts as a dead-end trie node: letters → DEAD, separator → ENDED (dropped), the rest → fallback
  table[DC_SEP] = ENDED;
  table.fill(DEAD, 1, 27);
  table.fill(FALLBACK, DC_UPPER, ROW);
  for (let filled = ROW; filled < table.length; filled *= 2) table.copyWithin(filled, 0, Math.min(filled, table.length - filled));
  const depth = new Uint8Array(cap);
  const parent = new Int32Array(cap);
  const hash = new Int32Array(cap);
  const tok = new Int32Array(cap).fill(-1);
  depth.fill(1, FIRST, REP);
  for (let x = 1; x <= 26; x++) {
    const sx = FIRST + x - 1;
    hash[sx] = Math.imul(HASH_INIT ^ (x + 96), 16777619);
    table[x] = sx; // row 0
  }
  let states = TRIE;
  for (let t = 0; t < nTok; t++) {
    const o = tokOff[t]!;
    const e = tokOff[t + 1]!;
    let plain = e > o;
    for (let k = o; k < e && plain; k++) {
      const c = tokChars[k]!;
      plain = c >= 97 && c <= 122 && (k === o || c !== tokChars[k - 1]);
    }
    if (!plain) continue;
    let st = FIRST + tokChars[o]! - 97;
    for (let k = o + 1; k < e; k++) {
      const x = tokChars[k]! - 96;
      let nx = table[st * ROW + x]!;
      if (nx === DEAD) {
        if (states === cap) return null;
        nx = states++;
        depth[nx] = Math.min(depth[st]! + 1, 255);
        parent[nx] = st;
        hash[nx] = Math.imul(hash[st]! ^ (x + 96), 16777619);
        table[st * ROW + x] = nx;
        table[nx * ROW + x] = nx; // a repeated letter collapses
      }
      st = nx;
    }
    tok[st] = t * 2 + (keepToken[t] === 2 ? 1 : 0); // 2: a term (or a variant word's canonical word) starts with it
    table[st * ROW + DC_SEP] = END;
  }
  // possible glued words: below a token of ≥ 4 chars, leaving the trie goes to GLUED and a word ending
  // inside it is handed back; nodes come after their parents, so one pass in order
  const gluedAfter = new Uint8Array(states); // 1: words that go on past this node extend a token of ≥ 4 chars
  for (let s = FIRST; s < states; s++) {
    if (s >= REP && s < TRIE) continue;
    const glued = s >= TRIE && gluedAfter[parent[s]!] === 1; // this node's own words extend one
    if (glued && tok[s]! < 0) table[s * ROW + DC_SEP] = FALLBACK;
    if (!glued && !(tok[s]! >= 0 && depth[s]! >= 4)) continue;
    gluedAfter[s] = 1;
    for (let k = s * ROW + 1; k <= s * ROW + 26; k++) if (table[k] === DEAD) table[k] = GLUED;
  }
  for (let x = 1; x <= 26; x++) {
    const sx = FIRST + x - 1;
    const rx = REP + x - 1;
    // a first letter repeated: as that letter, but one repeated letter alone is a kept-whole token ("PPP")
    table.copyWithin(rx * ROW, sx * ROW, sx * ROW + ROW);
    table[rx * ROW + x] = rx;
    table[rx * ROW + DC_SEP] = FALLBACK;
    table[sx * ROW + x] = rx;
  }
  // a URL starts with "http" or "www." (urlAt): "ht…" is handed over; "www" already is (one repeated letter)
  table[(FIRST + 7) * ROW + 20] = FALLBACK; // h → t
  table[(REP + 7) * ROW + 20] = FALLBACK;
  // row 0 (between words): letters were set above, a capital takes its letter's column
  table[DC_SEP] = 0;
  table[DC_UPPER] = UPPER;
  // ENDED (a dropped word just ended): between words too, reached only from a word state, so the scanner
  // counts dropped words by counting entries into it
  table.copyWithin(ENDED * ROW, 0, ROW);
  // DEAD: letters stay, a separator drops the word; GLUED: letters stay, a separator hands it back
  table.fill(GLUED, GLUED * ROW + 1, GLUED * ROW + 27);
  table[GLUED * ROW + DC_SEP] = FALLBACK;
  return new WordAutomaton(table.slice(0, states * ROW), tok.slice(0, states), hash.slice(0, states), depth.slice(0, states), { end: END, fallback: FALLBACK, upper: UPPER });
}

/** the start of the plain word that holds input[i - 1] (only ASCII letters, after a separator or at `from`) */
function wordStart(input: string, from: number, i: number): number {
  while (i > from && CLS[input.charCodeAt(i - 1)]! !== DC_SEP) i--;
  return i;
}

class WordAutomaton implements WordScanner {
  constructor(
    private readonly table: Table,
    /** per state: accepted dictionary id × 2, + 1 if some pattern starts with it; -1 if not accepting */
    private readonly tok: Int32Array,
    /** per state: FNV-1a hash of the normalised word that leads to it */
    private readonly hash: Int32Array,
    /** per state: length of that word (≤ 255) */
    private readonly depth: Uint8Array,
    /** the table's event codes */
    private readonly events: Events,
  ) {}

  /**
   * One transition per char. A word that reaches a separator in an accepting state becomes a resolved
   * token (no chars); a word that ends anywhere else can never matter and is only counted, branch-free
   * (`gap`), so token ordinals stay exact. Everything else is handed back at its word start.
   */
  scan(buf: TokenBuffer, input: string, i: number, len: number): number {
    const table = this.table;
    const { end: END, upper: UPPER } = this.events;
    const from = i; // no word of this call starts before it
    buf.reserveTokens(((len - i + 1) >> 1) + 1);
    let gap = buf.gap;
    let st = 0;
    let nx = 0;
    for (; i < len; i++) {
      const c = input.charCodeAt(i);
      nx = table[(st << 5) | (c < 128 ? CLS[c]! : DC_OTHER)]!;
      if (nx < UPPER) {
        gap += ((nx ^ ENDED) - 1) >>> 31; // a word that cannot matter ended (→ ENDED): counted, not emitted
        st = nx;
        continue;
      }
      if (nx === UPPER) {
        st = table[c - 64]!; // row 0, the lower-case letter's column
        continue;
      }
      if (nx !== END) break;
      gap = this.accept(buf, input, from, i, st, gap);
      st = 0;
    }
    if (i >= len && st > ENDED) {
      // the end of the input ends the word like a separator
      nx = table[st << 5]!;
      if (nx === END) {
        gap = this.accept(buf, input, from, len, st, gap);
        st = 0;
      } else if (nx === ENDED) {
        gap++;
        st = 0;
      }
    }
    if (st > ENDED) {
      // handed back: from the word's start
      i = wordStart(input, from, i);
    }
    buf.gap = gap;
    return Math.min(i, len);
  }

  /**
   * The scan loop alone, with no output: one class lookup and one table step per char; an event only
   * resets the state. Not used for matching: the benchmark prints it as the least any scan through this
   * table costs per char (docs/engine.md).
   */
  transitionsOnly(input: string): number {
    const table = this.table;
    const UPPER = this.events.upper;
    let st = 0;
    let ended = 0;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      const nx = table[(st << 5) | (c < 128 ? CLS[c]! : DC_OTHER)]!;
      ended += ((nx ^ ENDED) - 1) >>> 31;
      st = nx < UPPER ? nx : 0;
    }
    return ended;
  }

  /**
   * The same loop in the fastest shape found for it: the text as UTF-8 bytes (TextEncoder.encodeInto is
   * native and ~0.4× a bare pass; a byte read skips charCodeAt's checks), walked as two halves in one loop
   * so the two chains of dependent table loads overlap. Not used for matching (offsets would need mapping
   * back from bytes, the halves splitting at a word boundary, and hand-backs pausing both streams): the
   * benchmark prints it as the least a scan through this table could cost (docs/engine.md). An odd last
   * byte is not walked.
   */
  transitionsTwoStreams(input: string): number {
    const table = this.table;
    const UPPER = this.events.upper;
    const bytes = this.bytes.length >= input.length * 3 ? this.bytes : (this.bytes = new Uint8Array(input.length * 3));
    const n = (encoder ??= new TextEncoder()).encodeInto(input, bytes).written;
    const half = n >> 1;
    let a = 0;
    let b = 0;
    let ended = 0;
    for (let i = 0, j = half; i < half; i++, j++) {
      const x = table[(a << 5) | CLS8[bytes[i]!]!]!;
      const y = table[(b << 5) | CLS8[bytes[j]!]!]!;
      ended += (((x ^ ENDED) - 1) >>> 31) + (((y ^ ENDED) - 1) >>> 31);
      a = x < UPPER ? x : 0;
      b = y < UPPER ? y : 0;
    }
    return ended;
  }

  private bytes = new Uint8Array(0);

  /**
   * An accepting word end at `end` (state st): the word is the dictionary token of tok[st], emitted as
   * a resolved token exactly as classifyWord's id would be. Returns the new gap.
   */
  private accept(buf: TokenBuffer, input: string, from: number, end: number, st: number, gap: number): number {
    const nt = buf.nt;
    const v = this.tok[st]!;
    if ((v & 1) === 0 && (gap > 0 || nt === 0)) return gap + 1; // no pattern starts with it, and the word before is unknown
    // the word's start: it holds only ASCII letters, after a separator or at `from`; without a repeated
    // letter it is `depth` chars long (one read to check), else read back
    let ws = end - this.depth[st]!;
    if (ws > from && CLS[input.charCodeAt(ws - 1)]! !== DC_SEP) ws = wordStart(input, from, end - 1);
    buf.tStart[nt] = buf.n;
    buf.tEnd[nt] = buf.n;
    buf.tFlags[nt] = 0;
    buf.tHash[nt] = this.hash[st]!;
    buf.tGap[nt] = gap;
    buf.tId[nt] = v >> 1;
    buf.tO0[nt] = ws;
    buf.tO1[nt] = end;
    buf.nt = nt + 1;
    return 0;
  }
}
