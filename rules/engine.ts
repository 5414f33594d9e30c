/**
 * The engine: loads CompiledRules (no recompiling, cheap structural checks only), matches normalised
 * tokens against the phrase trie and decides the severity. This is the content-script path: it must
 * not import zod, rules/schema.ts or rules/compile.ts (tests/unit/rules/imports.test.ts checks it).
 *
 * Severity policy: see docs/engine.md ("Severity") — summarised at `decide` below.
 */
import type { ActionContent, ActionKind, ContentField, SiteId } from './actions.ts';
import {
  ARRAY_NAMES,
  ARRAY_TYPES,
  COMPILED_FORMAT,
  PF_CASE,
  PF_CONTEXT,
  PK_ACCOUNT_CONTESTANT,
  PK_ACCOUNT_PARTY,
  PK_ACCOUNT_PERSON,
  PK_AGAINST,
  PK_AMBIGUOUS,
  PK_COALITION,
  PK_CONTEST_TERM,
  PK_ELECTION_TERM,
  PK_HAND_SIGN,
  PK_HASHTAG,
  PK_NEUTRAL_CUE,
  PK_NUMBER_MARKER,
  PK_NUMBER_WORD,
  PK_YEAR_WORD,
  PK_NUMBERED_NOUN,
  PK_PAIR,
  PK_PARTY,
  PK_PARTY_SLOGAN,
  PK_PARTY_SYMBOL,
  PK_PERSON,
  PK_SALUTE,
  PK_SLOGAN,
  PK_SUPPORT_CUE,
  PK_TEAM,
  base64ToBytes,
  dayOf,
  type CompiledContest,
  type CompiledContestant,
  type CompiledParty,
  type CompiledPerson,
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
  type WordFilter,
  type WordScanner,
  WORD_DROP,
  WORD_WRITE,
} from './normalize.ts';

// Module-local copies of the imported constants used per token: under tsx (esbuild → CommonJS) every
// read of an imported binding is a getter call, which showed up as ~20% of the match time in profiles.
const L_HASH_INIT = HASH_INIT | 0;
const L_TOK_CAMEL = TOK_CAMEL | 0;
const L_TOK_CAPS = TOK_CAPS | 0;
const L_TOK_EMOJI = TOK_EMOJI | 0;
const L_TOK_HANDLE = TOK_HANDLE | 0;
const L_TOK_HASHTAG = TOK_HASHTAG | 0;
const L_TOK_KEYCAP = TOK_KEYCAP | 0;
const L_TOK_NUMBER = TOK_NUMBER | 0;
const L_TOK_URL = TOK_URL | 0;
const L_PK_NUMBER_MARKER = PK_NUMBER_MARKER | 0;
const L_PK_NUMBER_WORD = PK_NUMBER_WORD | 0;
const L_PK_YEAR_WORD = PK_YEAR_WORD | 0;
const L_PK_NUMBERED_NOUN = PK_NUMBERED_NOUN | 0;
const L_PK_HAND_SIGN = PK_HAND_SIGN | 0;
/** per-ordinal flags of matchField: a number marker ends right before it; it is a year word ("tahun") */
const ORD_AFTER_MARKER = 1;
const ORD_YEAR_WORD = 2;
/** right after a numbered noun ("TPS", "RT"): its number, or a marker before its number ("TPS No. 04") */
const ORD_NUMBERED = 4;
const L_PF_CONTEXT = PF_CONTEXT | 0;
const L_PF_CASE = PF_CASE | 0;
const L_WORD_DROP = WORD_DROP | 0;
const L_WORD_WRITE = WORD_WRITE | 0;

export type Severity = 'none' | 'low' | 'medium' | 'high';

export interface EvaluateContext {
  /** the moment of the action: a Date, an ISO date (YYYY-MM-DD, a calendar day) or date-time */
  at: Date | string;
  /** Kemendagri region code of the user's agency ("35", "35.78"); narrows local contests */
  region?: string;
  site?: SiteId;
  action?: ActionKind;
}

export interface Reason {
  /** 'candidate' | 'pair' | 'party' | 'coalition' | 'hashtag' | 'slogan' | 'salute' | 'team' | 'account' |
   * 'campaign-term' | 'ballot-number' | 'person' | 'election-term' | 'support-cue' | 'neutral-cue' | 'ambiguous' */
  kind: string;
  entityId: string;
  /** human label, Indonesian */
  label: string;
  contest?: { id: string; name: string; number?: number };
  field: ContentField;
  /** index into an array field (hashtags, imageAlt) */
  index?: number;
  /** [start, end) in the original field string */
  span: [number, number];
  matched: string;
  /** this reason's own contribution (before the neutral-news step down of the verdict) */
  severity: Severity;
}

export interface Verdict {
  severity: Severity;
  reasons: Reason[];
}

export interface Engine {
  readonly bundleVersion: number;
  evaluate(content: ActionContent, ctx: EvaluateContext): Verdict;
}

/** At most this many UTF-16 code units of each field (or array item) are examined. */
export const FIELD_CAP = 20_000;
/** At most this many items of an array field (hashtags, imageAlt) are examined. */
export const ARRAY_ITEMS_CAP = 50;
/** At most this many code units are examined per evaluation, over all fields. */
export const TOTAL_CAP = 100_000;
/** At most this many reasons are returned. */
export const MAX_REASONS = 64;
/** glued words longer than this are not segmented */
const MAX_GLUED = 48;
/** shortest glued word segment() tries (two pieces of ≥ 3) */
const MIN_GLUED = 6;
/** an election term makes a context-requiring term count within this many tokens (same field) */
const CONTEXT_WINDOW = 24;

const SEV: Severity[] = ['none', 'low', 'medium', 'high'];
const NONE = 0;
const LOW = 1;
const MEDIUM = 2;
const HIGH = 3;

const FIELDS: ContentField[] = ['text', 'quoted', 'author', 'handle', 'hashtags', 'linkTitle', 'linkUrl', 'imageAlt', 'draft', 'group'];
const PLATFORM_BIT: Partial<Record<SiteId, number>> = { facebook: 1, instagram: 2, x: 4, tiktok: 8, youtube: 16, threads: 32 };

const ENTITY_KINDS = new Set([
  PK_PERSON, PK_PARTY, PK_PARTY_SYMBOL, PK_PARTY_SLOGAN, PK_PAIR, PK_COALITION, PK_HASHTAG, PK_AGAINST,
  PK_SLOGAN, PK_SALUTE, PK_TEAM, PK_ACCOUNT_PERSON, PK_ACCOUNT_PARTY, PK_ACCOUNT_CONTESTANT, PK_CONTEST_TERM,
]);
const CONTESTANT_KINDS = new Set([PK_PAIR, PK_COALITION, PK_HASHTAG, PK_AGAINST, PK_SLOGAN, PK_SALUTE, PK_TEAM, PK_ACCOUNT_CONTESTANT]);

interface Hit {
  kind: number;
  entity: number;
  ctx: boolean;
  aux: number;
  field: ContentField;
  index: number | undefined;
  /** field instance (field + array index) */
  seq: number;
  /** stream positions [s0, s1) */
  s0: number;
  s1: number;
  span: [number, number];
  /** the matched text is src.slice(span[0] + off, span[1] + off), taken only when a reason is built */
  src: string;
  off: number;
  caps: boolean;
  /** a PF_CASE acronym written without a capital after its first letter, in text that has lower case: the everyday word */
  lower: boolean;
  /** every token of the match is part of a hashtag ("#KhofifahEmil") */
  tag: boolean;
  dropped?: boolean;
}

interface Num {
  value: number;
  /** marker-number ("nomor urut 2"), zero-padded ("02"), keycap or hashtag number */
  strong: boolean;
  /** introduced by a number marker: election vocabulary in its own right */
  marker: boolean;
  seq: number;
  s: number;
  field: ContentField;
  index: number | undefined;
  span: [number, number];
  src: string;
  off: number;
}

class StructuralError extends Error {}

/** the original text of a hit or number (hits of a prefixed field are offset past the added prefix) */
function matchedText(h: { src: string; off: number; span: [number, number] }): string {
  return h.src.slice(h.span[0] + h.off, h.span[1] + h.off);
}

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

function regionCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  return a === b || a.startsWith(b + '.') || b.startsWith(a + '.');
}

const WIB_MS = 7 * 3_600_000;
function dayOfContext(at: Date | string | undefined): number {
  if (typeof at === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
      const d = dayOf(at);
      if (!Number.isNaN(d)) return d;
    }
    const t = Date.parse(at);
    if (!Number.isNaN(t)) return Math.floor((t + WIB_MS) / 86_400_000);
  } else if (at instanceof Date && !Number.isNaN(at.getTime())) {
    return Math.floor((at.getTime() + WIB_MS) / 86_400_000);
  }
  return Math.floor((Date.now() + WIB_MS) / 86_400_000);
}

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
  private persons: CompiledPerson[];
  private parties: CompiledParty[];
  private contests: CompiledContest[];
  private contestants: CompiledContestant[];
  /** person index → contestant indices */
  private personContestants: number[][];
  /** contest index → contestant indices */
  private contestContestants: number[][];

  private buf = new TokenBuffer();
  // token stream of the current field: dictionary id (-1 = unknown), normalised char range, flags
  private sId = new Int32Array(256);
  private sA = new Int32Array(256);
  private sB = new Int32Array(256);
  private sF = new Uint16Array(256);
  /** token ordinal of each stream entry, as if no word had been dropped (positions, distances, adjacency) */
  private sOrd = new Int32Array(256);
  /** original [start, end) of each stream entry (spans) */
  private sO0 = new Int32Array(256);
  private sO1 = new Int32Array(256);
  private ns = 0;
  /** next ordinal while building the stream */
  private ord = 0;
  private ordFlags = new Uint8Array(256);
  // match records of the current field: pattern, stream range [mI, mJ)
  private mPat = new Int32Array(64);
  private mI = new Int32Array(64);
  private mJ = new Int32Array(64);
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
      let h = L_HASH_INIT;
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
      let h4 = L_HASH_INIT;
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
    this.persons = c.persons;
    this.parties = c.parties;
    this.contests = c.contests;
    this.contestants = c.contestants;
    this.bundleVersion = c.bundleVersion;
    this.personContestants = this.persons.map(() => []);
    this.contestContestants = this.contests.map(() => []);
    this.contestants.forEach((k, ki) => {
      for (const p of k.persons) this.personContestants[p]?.push(ki);
      this.contestContestants[k.contest]?.push(ki);
    });
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
      if (id >= 0) return afterGap && this.rootChild[id] === 0 ? L_WORD_DROP : id;
    }
    if (m < MIN_GLUED || m > MAX_GLUED) return L_WORD_DROP;
    // segment()'s filters on the first 3 and 4 normalised chars
    if (!(this.prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7)))) return L_WORD_DROP;
    const bit = h4 & this.stemMask;
    if (!(this.stemBits[bit >>> 3]! & (1 << (bit & 7)))) return L_WORD_DROP;
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
    let hs = L_HASH_INIT;
    hs = Math.imul(hs ^ c4, 16777619);
    hs = Math.imul(hs ^ c3, 16777619);
    hs = Math.imul(hs ^ c2, 16777619);
    hs = Math.imul(hs ^ c1, 16777619);
    return this.suffixBits[(hs >>> 3) & 8191]! & (1 << (hs & 7)) ? L_WORD_WRITE : L_WORD_DROP;
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
    let h3 = L_HASH_INIT;
    h3 = Math.imul(h3 ^ chars[a]!, 16777619);
    h3 = Math.imul(h3 ^ chars[a + 1]!, 16777619);
    h3 = Math.imul(h3 ^ chars[a + 2]!, 16777619);
    if (!(this.prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7)))) return false;
    if (full) {
      // the first piece has ≥ 4 chars: its first 4 must be some token's prefix
      const h4 = Math.imul(h3 ^ chars[a + 3]!, 16777619);
      const bit = h4 & this.stemMask;
      if (!(this.stemBits[bit >>> 3]! & (1 << (bit & 7)))) return false;
      let hs = L_HASH_INIT;
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
      let h3 = L_HASH_INIT;
      h3 = Math.imul(h3 ^ chars[a + i]!, 16777619);
      h3 = Math.imul(h3 ^ chars[a + i + 1]!, 16777619);
      h3 = Math.imul(h3 ^ chars[a + i + 2]!, 16777619);
      if (!(this.prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7)))) continue;
      let h = L_HASH_INIT;
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
    let h = L_HASH_INIT;
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
      const urlDigits = (f & (L_TOK_NUMBER | L_TOK_URL)) === (L_TOK_NUMBER | L_TOK_URL);
      const id = urlDigits ? -1 : resolved >= 0 ? resolved : this.tokHash[h & this.hashMask] === 0 ? -1 : this.lookup(h, a, b);
      if (id >= 0 || f & (L_TOK_EMOJI | L_TOK_NUMBER) || b - a < MIN_GLUED) {
        if (this.ns === this.sId.length) this.growStream();
        const s = this.ns++;
        this.sId[s] = id;
        this.sA[s] = a;
        this.sB[s] = b;
        this.sF[s] = urlDigits ? f & ~L_TOK_NUMBER : f;
        this.sOrd[s] = this.ord++;
        this.sO0[s] = tO0[t]!;
        this.sO1[s] = tO1[t]!;
        continue;
      }
      if (f & L_TOK_HANDLE) {
        this.push(-1, a, b, f);
        // parts of the handle between '.', '_' (after the '@')
        let p = a + 1;
        for (let k = a + 1; k <= b; k++) {
          const c = k < b ? buf.chars[k]! : 46;
          if (c === 46 || c === 95) {
            if (k - p >= 6) this.gluedPart(p, k, f & ~L_TOK_HANDLE);
            p = k + 1;
          }
        }
        continue;
      }
      // a link's path is an id, not words: no CamelCase split ("t.co/qeNciHSAvA" held a candidate's "Av")
      if ((f & (L_TOK_CAMEL | L_TOK_URL)) === L_TOK_CAMEL) {
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
      if (!this.segment(a, b, f, !(f & L_TOK_HASHTAG))) this.push(id, a, b, f);
    }
  }

  // ------------------------------------------------------------------------------------------
  // matching one field

  /** stream entries [i, j) all come from a hashtag */
  private allTagged(i: number, j: number): boolean {
    for (let q = i; q < j; q++) if (!(this.sF[q]! & L_TOK_HASHTAG)) return false;
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
          if (kind === L_PK_NUMBER_MARKER) {
            // a marker after a numbered noun passes that on: "TPS No. 04"
            this.ordFlags[sOrd[j]! + 1]! |= ORD_AFTER_MARKER | (this.ordFlags[sOrd[i]!]! & ORD_NUMBERED);
            continue;
          }
          if (kind === L_PK_YEAR_WORD) {
            this.ordFlags[sOrd[j]!]! |= ORD_YEAR_WORD;
            continue;
          }
          if (kind === L_PK_NUMBERED_NOUN) {
            this.ordFlags[sOrd[j]! + 1]! |= ORD_NUMBERED;
            continue;
          }
          if (kind === L_PK_NUMBER_WORD) {
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
        if (this.patKind[p] === L_PK_HAND_SIGN && j === i + 1 && (this.sF[i]! & (L_TOK_NUMBER | L_TOK_KEYCAP)) === L_TOK_NUMBER) continue;
        // one token written in capitals ("AMIN", "PAS")
        const capsToken = j === i + 1 && (this.sF[i]! & L_TOK_CAPS) !== 0;
        hits.push({
          kind: this.patKind[p]!,
          entity: this.patEntity[p]!,
          ctx: (this.patFlags[p]! & L_PF_CONTEXT) !== 0,
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
          lower: hasLower && (this.patFlags[p]! & L_PF_CASE) !== 0 && !/[A-Z]/.test(str.slice(this.sO0[i]! + 1, this.sO1[j - 1]!)),
          tag: this.allTagged(i, j),
        });
      }
    }
    // numbers: digits (1–2 significant digits) and number words after a marker
    for (let i = 0; i < ns; i++) {
      const f = this.sF[i]!;
      if (!(f & L_TOK_NUMBER)) continue;
      const a = this.sA[i]!;
      const b = this.sB[i]!;
      if (b - a > 3) continue;
      let v = 0;
      for (let k = a; k < b; k++) v = v * 10 + (buf.chars[k]! - 48);
      if (v <= 0 || v > 99) continue;
      const zeroPad = b - a === 2 && buf.chars[a] === 48;
      const o = sOrd[i]!;
      // "Nomor 2 Tahun 2024", "2 tahun"; "TPS 04", "RT 02"; a time, date or decimal, unless a keycap or hashtag
      if (this.ordFlags[o + 1]! & ORD_YEAR_WORD || this.ordFlags[o]! & ORD_NUMBERED || (!(f & (L_TOK_KEYCAP | L_TOK_HASHTAG)) && inDigitGroup(str, this.sO0[i]!, this.sO1[i]!))) continue;
      const marker = (this.ordFlags[o]! & ORD_AFTER_MARKER) !== 0;
      const strong = marker || zeroPad || (f & (L_TOK_KEYCAP | L_TOK_HASHTAG)) !== 0;
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
    for (const field of FIELDS) {
      const v = (content as Record<string, unknown>)[field];
      if (Array.isArray(v)) {
        const n = Math.min(v.length, ARRAY_ITEMS_CAP);
        for (let i = 0; i < n; i++) run(v[i], field, i, field === 'hashtags' ? '#' : '');
      } else run(v, field, undefined, field === 'handle' ? '@' : '');
    }
    if (hits.length === 0 && nums.length === 0) return { severity: 'none', reasons: [] };
    return this.decide(hits, nums, ctx);
  }

  /**
   * Severity (docs/engine.md):
   * - campaign hashtag / slogan / salute / team / campaign account / contest campaign term of a live
   *   contest → high; a candidate, pair or coalition of a live contest → medium, high with a support cue
   *   or that contest's ballot number;
   * - a party → medium (high with a support cue and election vocabulary); parties always matter;
   * - a person who is not a contestant in a live contest (e.g. an officeholder after the election) →
   *   none alone, low with election vocabulary, medium with election vocabulary and a support cue;
   * - campaign material of a finished contest → low; election vocabulary alone → low;
   * - a context-requiring term counts only when confirmed (see `confirmed`); else an 'ambiguous' reason, none;
   * - neutral/news cues without a support cue step the verdict down once (high → medium → low; low stays).
   */
  private decide(hits: Hit[], nums: Num[], ctx: EvaluateContext): Verdict {
    const day = dayOfContext(ctx.at);
    const region = typeof ctx.region === 'string' && ctx.region ? ctx.region : undefined;
    const siteBit = ctx.site ? PLATFORM_BIT[ctx.site] ?? 0 : 0;
    const nC = this.contests.length;
    // contest state: 2 = live (in season, region ok), 1 = finished, 3 = not started yet, 0 = not relevant here
    const state = new Uint8Array(nC);
    for (let c = 0; c < nC; c++) {
      const k = this.contests[c]!;
      if (!regionCompatible(k.region, region)) continue;
      let live = false;
      let started = false;
      for (let d = 0; d + 1 < k.days.length; d += 2) {
        if (day >= k.days[d]! && day <= k.days[d + 1]!) live = true;
        if (day >= k.days[d]!) started = true;
      }
      state[c] = live ? 2 : started ? 1 : 3;
    }
    const contestOf = (h: Hit): number => {
      if (CONTESTANT_KINDS.has(h.kind)) return this.contestants[h.entity]?.contest ?? -1;
      if (h.kind === PK_CONTEST_TERM) return h.entity;
      return -1;
    };

    // drop matches strictly inside an entity match of the same field ("Indonesia Maju" in "Koalisi Indonesia Maju")
    // hits are in (seq, s0) order and phrases are short: look back a bounded window only (linear)
    for (let a = 0; a < hits.length; a++) {
      const h = hits[a]!;
      for (let b = a - 1; b >= 0; b--) {
        const o = hits[b]!;
        if (o.seq !== h.seq || h.s0 - o.s0 > 16) break;
        if ((ENTITY_KINDS.has(o.kind) || o.kind === h.kind) && o.s1 >= h.s1 && o.s1 - o.s0 > h.s1 - h.s0) {
          h.dropped = true;
          break;
        }
      }
      for (let b = a + 1; !h.dropped && b < hits.length; b++) {
        const o = hits[b]!;
        if (o.seq !== h.seq || o.s0 !== h.s0) break;
        if ((ENTITY_KINDS.has(o.kind) || o.kind === h.kind) && o.s1 > h.s1) h.dropped = true;
      }
    }
    // drop party matches for a party restricted to another region (Aceh local parties)
    for (const h of hits) {
      if ((h.kind === PK_PARTY || h.kind === PK_PARTY_SYMBOL || h.kind === PK_PARTY_SLOGAN || h.kind === PK_ACCOUNT_PARTY) &&
        !regionCompatible(this.parties[h.entity]?.region, region)) h.dropped = true;
      if ((h.kind === PK_ACCOUNT_PERSON || h.kind === PK_ACCOUNT_PARTY || h.kind === PK_ACCOUNT_CONTESTANT) && siteBit && h.aux && !(h.aux & siteBit)) h.dropped = true;
    }
    const live = hits.filter((h) => !h.dropped);

    const support = live.some((h) => h.kind === PK_SUPPORT_CUE && !h.ctx);
    const electionTerms = live.filter((h) => h.kind === PK_ELECTION_TERM && !h.ctx);
    const strongNums = nums.filter((n) => n.strong);
    const markerNums = nums.filter((n) => n.marker);
    const electionVocab = electionTerms.length > 0;

    // contests a non-context match points at, and persons named without context
    const namedContests = new Set<number>();
    const namedPersons = new Set<number>();
    let anyPartyPlain = false;
    for (const h of live) {
      if (h.ctx) continue;
      if (h.kind === PK_PERSON || h.kind === PK_ACCOUNT_PERSON) {
        namedPersons.add(h.entity);
        for (const k of this.personContestants[h.entity] ?? []) namedContests.add(this.contestants[k]!.contest);
      } else if (h.kind === PK_PARTY || h.kind === PK_ACCOUNT_PARTY) anyPartyPlain = true;
      const c = contestOf(h);
      if (c >= 0) namedContests.add(c);
    }
    const liveNamed = (c: number) => namedContests.has(c) && state[c] === 2;
    const vocabNear = (h: Hit) =>
      electionTerms.some((e) => e.seq !== h.seq || Math.abs(e.s0 - h.s0) <= CONTEXT_WINDOW) ||
      markerNums.some((n) => n.seq !== h.seq || Math.abs(n.s - h.s0) <= CONTEXT_WINDOW);

    /** Does a context-requiring match count here? */
    const confirmed = (h: Hit): boolean => {
      if (h.kind === PK_AMBIGUOUS || h.kind === PK_HAND_SIGN || h.lower) return false;
      if (vocabNear(h)) return true;
      if (h.kind === PK_PERSON) {
        if (namedPersons.has(h.entity)) return true; // "Prabowo gemoy": same person named plainly
        return (this.personContestants[h.entity] ?? []).some((k) => liveNamed(this.contestants[k]!.contest));
      }
      if (h.kind === PK_PARTY || h.kind === PK_PARTY_SYMBOL || h.kind === PK_PARTY_SLOGAN) {
        if (anyPartyPlain) return true;
        for (const c of namedContests) if (state[c] === 2) return true;
        return h.caps && support;
      }
      const c = contestOf(h);
      if (c >= 0 && liveNamed(c)) return true;
      return h.caps && support && c >= 0 && state[c] === 2;
    };

    const reasons: Reason[] = [];
    const numberOf = (k: CompiledContestant) => k.number;
    const contestInfo = (k: CompiledContestant) => {
      const c = this.contests[k.contest]!;
      const info: { id: string; name: string; number?: number } = { id: c.id, name: c.name };
      if (k.number !== undefined) info.number = k.number;
      return info;
    };
    const add = (h: Hit | Num, kind: string, entityId: string, label: string, sev: number, contest?: { id: string; name: string; number?: number }) => {
      const r: Reason = { kind, entityId, label, field: h.field, span: h.span, matched: matchedText(h), severity: SEV[sev]! };
      if (h.index !== undefined) r.index = h.index;
      if (contest) r.contest = contest;
      reasons.push(r);
    };
    const hasNumber = (k: CompiledContestant, h: Hit) =>
      k.number !== undefined &&
      nums.some((n) => n.value === k.number && (n.strong || (n.seq === h.seq && (n.s === h.s1 || n.s + 1 === h.s0))));

    // severity of naming contestant k (a mention) or showing its campaign material
    const contestantSev = (k: CompiledContestant, h: Hit, material: boolean): number => {
      const st = state[k.contest]!;
      if (st === 0) return -1; // another region: not relevant
      if (st === 2) {
        if (material || support || hasNumber(k, h)) return HIGH;
        return MEDIUM;
      }
      if (st === 3) return material ? MEDIUM : electionVocab ? LOW : NONE;
      // finished contest
      if (material) return LOW;
      return electionVocab ? (support ? MEDIUM : LOW) : NONE;
    };

    const linkedContests = new Set<number>();
    for (const h of live) {
      if (h.kind === PK_SUPPORT_CUE || h.kind === PK_NEUTRAL_CUE) continue;
      if (h.kind === PK_ELECTION_TERM) {
        if (!h.ctx || vocabNear(h)) add(h, 'election-term', 'election-term', 'Istilah pemilu', LOW);
        continue;
      }
      if (h.ctx && !confirmed(h)) {
        const ent = this.entityIdOf(h);
        add(h, 'ambiguous', ent, `"${matchedText(h)}" bermakna ganda; tidak dihitung tanpa konteks pemilu`, NONE);
        continue;
      }
      switch (h.kind) {
        case PK_PERSON:
        case PK_ACCOUNT_PERSON: {
          const p = this.persons[h.entity]!;
          const ks = (this.personContestants[h.entity] ?? []).filter((k) => state[this.contestants[k]!.contest] === 2);
          const kind = h.kind === PK_PERSON ? 'candidate' : 'account';
          if (ks.length) {
            for (const ki of ks) {
              const k = this.contestants[ki]!;
              linkedContests.add(k.contest);
              add(h, kind, h.kind === PK_PERSON ? p.id : p.id, k.label, h.kind === PK_ACCOUNT_PERSON ? HIGH : contestantSev(k, h, false), contestInfo(k));
            }
          } else {
            const sev = electionVocab ? (support ? MEDIUM : LOW) : NONE;
            add(h, h.kind === PK_PERSON ? 'person' : 'account', p.id, p.label, sev);
          }
          break;
        }
        case PK_PARTY:
        case PK_PARTY_SYMBOL:
        case PK_ACCOUNT_PARTY: {
          const p = this.parties[h.entity]!;
          const sev = support && electionVocab ? HIGH : MEDIUM;
          add(h, h.kind === PK_ACCOUNT_PARTY ? 'account' : 'party', p.id, p.label, sev);
          break;
        }
        case PK_PARTY_SLOGAN: {
          // a party's campaign slogan: high while any contest is in season here
          const p = this.parties[h.entity]!;
          add(h, 'slogan', p.id, p.label, state.includes(2) || (support && electionVocab) ? HIGH : MEDIUM);
          break;
        }
        case PK_CONTEST_TERM: {
          const c = this.contests[h.entity]!;
          const st = state[h.entity]!;
          if (st === 0) break;
          const sev = st === 2 ? HIGH : st === 3 ? MEDIUM : LOW;
          if (st === 2) linkedContests.add(h.entity);
          add(h, 'campaign-term', c.id, c.name, sev, { id: c.id, name: c.name });
          break;
        }
        case PK_HAND_SIGN:
        case PK_AMBIGUOUS:
          break;
        default: {
          if (!CONTESTANT_KINDS.has(h.kind)) break;
          const k = this.contestants[h.entity]!;
          // a pair's name or acronym written as a hashtag (#KhofifahEmil, #PrabowoGibran) is campaign material
          const pairTag = h.kind === PK_PAIR && h.tag;
          const material = (h.kind !== PK_PAIR && h.kind !== PK_COALITION) || pairTag;
          const sev = contestantSev(k, h, material);
          if (sev < 0) break;
          if (state[k.contest] === 2) linkedContests.add(k.contest);
          const kind =
            h.kind === PK_PAIR ? (pairTag ? 'hashtag' : 'pair') : h.kind === PK_COALITION ? 'coalition' : h.kind === PK_HASHTAG || h.kind === PK_AGAINST ? 'hashtag'
              : h.kind === PK_SLOGAN ? 'slogan' : h.kind === PK_SALUTE ? 'salute' : h.kind === PK_TEAM ? 'team' : 'account';
          add(h, kind, k.id, h.kind === PK_AGAINST ? `Menentang: ${k.label}` : k.label, sev, contestInfo(k));
        }
      }
    }

    // ballot numbers and hand signs linked to a live contest that is named in the content
    const numbered = new Set<string>();
    for (const c of linkedContests) {
      for (const ki of this.contestContestants[c] ?? []) {
        const k = this.contestants[ki]!;
        if (numberOf(k) === undefined) continue;
        for (const n of nums) {
          if (n.value !== k.number || !n.strong) continue;
          const key = `${ki}:${n.seq}:${n.s}`;
          if (numbered.has(key)) continue;
          numbered.add(key);
          add(n, 'ballot-number', k.id, k.label, HIGH, contestInfo(k));
        }
        for (const h of live) {
          if (h.kind !== PK_HAND_SIGN || h.aux !== k.number) continue;
          add(h, 'salute', k.id, `Simbol jari nomor ${k.number}: ${k.label}`, HIGH, contestInfo(k));
        }
      }
    }
    if (linkedContests.size === 0) {
      // a ballot number without a named contest: "coblos nomor 2"
      for (const n of strongNums) {
        if (!electionVocab) break;
        // a race of another region is named: the number belongs to it, election content stays low
        const otherRegion = [...namedContests].some((c) => state[c] === 0);
        add(n, 'ballot-number', 'nomor-urut', `Nomor urut ${n.value}`, support && !otherRegion ? MEDIUM : LOW);
      }
      for (const h of live) if (h.kind === PK_HAND_SIGN) add(h, 'ambiguous', 'hand-sign', `Simbol tangan "${matchedText(h)}" (tidak dihitung tanpa konteks pemilu)`, NONE);
    }

    let top = NONE;
    for (const r of reasons) top = Math.max(top, SEV.indexOf(r.severity));
    if (top > NONE) {
      for (const h of live) if (h.kind === PK_SUPPORT_CUE) add(h, 'support-cue', 'support-cue', 'Kata ajakan/dukungan', NONE);
    }
    // neutral news takes high down to medium, unless there is a support cue, an against-hashtag or a live
    // campaign hashtag (news posted under the campaign's hashtag is the campaign's). It never takes medium
    // to low: news that names a live candidate or party still warns (docs/engine.md, "Neutral news")
    const neutral = live.filter((h) => h.kind === PK_NEUTRAL_CUE);
    if (neutral.length && !support && !live.some((h) => h.kind === PK_AGAINST) && !reasons.some((r) => r.kind === 'hashtag' && r.severity === 'high') && top === HIGH) {
      top = top - 1;
      for (const h of neutral) add(h, 'neutral-cue', 'neutral-cue', 'Penanda berita/informasi netral (tingkat diturunkan satu)', NONE);
    }
    reasons.sort(
      (x, y) =>
        SEV.indexOf(y.severity) - SEV.indexOf(x.severity) ||
        FIELDS.indexOf(x.field) - FIELDS.indexOf(y.field) ||
        (x.index ?? 0) - (y.index ?? 0) ||
        x.span[0] - y.span[0],
    );
    // de-duplicate identical reasons
    const seen = new Set<string>();
    const spanCount = new Map<string, number>();
    for (const r of reasons) {
      const k = `${r.field}|${r.index ?? ''}|${r.span[0]}|${r.span[1]}`;
      spanCount.set(k, (spanCount.get(k) ?? 0) + 1);
    }
    const out: Reason[] = [];
    for (const r of reasons) {
      const key = `${r.kind === 'ballot-number' || r.kind === 'salute' ? 'n' : r.kind}|${r.entityId}|${r.field}|${r.index ?? ''}|${r.span[0]}|${r.span[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (r.kind === 'ambiguous' && r.entityId === 'vocabulary' && (spanCount.get(`${r.field}|${r.index ?? ''}|${r.span[0]}|${r.span[1]}`) ?? 0) > 1) continue;
      out.push(r);
      if (out.length >= MAX_REASONS) break;
    }
    return { severity: SEV[top]!, reasons: out };
  }

  private entityIdOf(h: Hit): string {
    switch (h.kind) {
      case PK_PERSON:
      case PK_ACCOUNT_PERSON:
        return this.persons[h.entity]?.id ?? 'person';
      case PK_PARTY:
      case PK_PARTY_SYMBOL:
      case PK_PARTY_SLOGAN:
      case PK_ACCOUNT_PARTY:
        return this.parties[h.entity]?.id ?? 'party';
      case PK_CONTEST_TERM:
        return this.contests[h.entity]?.id ?? 'contest';
      default:
        return CONTESTANT_KINDS.has(h.kind) ? this.contestants[h.entity]?.id ?? 'contestant' : 'vocabulary';
    }
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
