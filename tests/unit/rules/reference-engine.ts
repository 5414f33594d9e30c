// Frozen copy of rules/engine.ts before the performance work (commit 6a25a83), on the frozen reference
// tokeniser: the reference for the differential tests in fastpath.test.ts. Do not edit.
/**
 * The engine: loads CompiledRules (no recompiling, cheap structural checks only), matches normalised
 * tokens against the phrase trie and decides the severity. This is the content-script path: it must
 * not import zod, rules/schema.ts or rules/compile.ts (tests/unit/rules/imports.test.ts checks it).
 *
 * Severity policy: see docs/engine.md ("Severity") — summarised at `decide` below.
 */
import type { ActionContent, ActionKind, ContentField, SiteId } from '../../../rules/actions.ts';
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
  PK_YEAR_WORD,
  PK_NUMBERED_NOUN,
  PK_NUMBER_WORD,
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
} from '../../../rules/compiled.ts';
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
  hashStep,
} from './reference-normalize.ts';

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
  matched: string;
  caps: boolean;
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
  matched: string;
}

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

class RuleEngine implements Engine {
  readonly bundleVersion: number;
  private tokChars: Uint16Array;
  private tokOff: Int32Array;
  private tokHash: Int32Array;
  private hashMask: number;
  private prefixBits: Uint8Array;
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
  private ns = 0;
  private markerBefore = new Uint8Array(256);
  // segmentation scratch
  private reach = new Int32Array(MAX_GLUED + 1);
  private reachTok = new Int32Array(MAX_GLUED + 1);

  constructor(c: CompiledRules) {
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
  }

  // ------------------------------------------------------------------------------------------
  // dictionary lookups

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
      if (this.tokOff[id + 1]! - o === len) {
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

  private push(id: number, a: number, b: number, f: number): void {
    if (this.ns === this.sId.length) {
      const size = this.ns * 2;
      const g = <T extends Int32Array | Uint16Array>(x: T, mk: (n: number) => T): T => {
        const y = mk(size);
        y.set(x);
        return y;
      };
      this.sId = g(this.sId, (n) => new Int32Array(n));
      this.sA = g(this.sA, (n) => new Int32Array(n));
      this.sB = g(this.sB, (n) => new Int32Array(n));
      this.sF = g(this.sF, (n) => new Uint16Array(n));
    }
    const s = this.ns++;
    this.sId[s] = id;
    this.sA[s] = a;
    this.sB[s] = b;
    this.sF[s] = f;
  }

  /**
   * Segment glued chars [a, b) into dictionary tokens (≥ 3 chars each), left to right, preferring the
   * cover that reaches furthest. `full`: the whole range must be covered (plain glued words).
   * Pushes the segments (and an unknown tail) and returns true, or returns false (nothing pushed).
   */
  private segment(a: number, b: number, f: number, full: boolean): boolean {
    const len = b - a;
    if (len < 6 || len > MAX_GLUED) return false;
    const chars = this.buf.chars;
    const reach = this.reach;
    const reachTok = this.reachTok;
    reach.fill(-1, 0, len + 1);
    reach[0] = 0;
    let best = 0;
    for (let i = 0; i + 3 <= len; i++) {
      if (reach[i]! < 0) continue;
      let h3 = HASH_INIT;
      h3 = hashStep(h3, chars[a + i]!);
      h3 = hashStep(h3, chars[a + i + 1]!);
      h3 = hashStep(h3, chars[a + i + 2]!);
      if (!(this.prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7)))) continue;
      let h = HASH_INIT;
      const lim = Math.min(len, i + this.maxTokLen);
      const minSeg = full ? 4 : 3; // plain words: no 3-letter pieces ("pandan" ≠ "pan" + "dan")
      for (let k = i; k < lim; k++) {
        h = hashStep(h, chars[a + k]!);
        if (k - i + 1 < minSeg) continue;
        if (k - i === 2 && this.buf.oEnd[a + k]! - this.buf.oStart[a + i]! !== 3) continue; // "#ppksayung"
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
    for (let k = a; k < b; k++) h = hashStep(h, this.buf.chars[k]!);
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
    for (let t = 0; t < buf.nt; t++) {
      const a = buf.tStart[t]!;
      const b = buf.tEnd[t]!;
      const f = buf.tFlags[t]!;
      // digits inside a URL match nothing
      const id = f & TOK_NUMBER && f & TOK_URL ? -1 : this.lookup(buf.tHash[t]!, a, b);
      if (id >= 0 || f & (TOK_EMOJI | TOK_NUMBER) || b - a < 6) {
        this.push(id, a, b, f);
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
      if (f & TOK_CAMEL && !(f & TOK_URL)) {
        // parts between camel marks; a boundary moves one char on when the longer part is a token ("PDIP|menang")
        const cuts: number[] = [];
        for (let k = a + 1; k < b; k++) if (buf.camel[k]) cuts.push(k);
        let p = a;
        for (let c = 0; c <= cuts.length; c++) {
          let k = c < cuts.length ? cuts[c]! : b;
          if (k < b && k + 1 < b && !cuts.includes(k + 1) && this.lookup(this.hashRange(p, k + 1), p, k + 1) >= 0) k++;
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
    const buf = this.buf;
    const o0 = buf.oStart[this.sA[s0]!]! - shift;
    const o1 = buf.oEnd[this.sB[s1 - 1]! - 1]! - shift;
    return [Math.max(0, o0), Math.max(0, Math.min(str.length, o1))];
  }

  private matchField(str: string, field: ContentField, index: number | undefined, seq: number, shift: number, limit: number, hits: Hit[], nums: Num[]): void {
    const buf = this.buf.tokenize(str, limit);
    this.buildStream();
    const ns = this.ns;
    if (this.markerBefore.length < ns + 1) this.markerBefore = new Uint8Array((ns + 1) * 2);
    this.markerBefore.fill(0, 0, ns + 1);
    let hasLower = false;
    for (let i = 0; i < str.length && i < limit; i++) {
      const c = str.charCodeAt(i);
      if (c >= 97 && c <= 122) {
        hasLower = true;
        break;
      }
    }
    const numberWordAt: number[] = [];
    const yearWordAt = new Set<number>(); // stream indices of "tahun": the number before it is no ballot number
    const nounNumberAt = new Set<number>(); // stream indices right after a numbered noun ("TPS", "RT")
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
            this.markerBefore[j + 1] = 1;
            if (nounNumberAt.has(i)) nounNumberAt.add(j + 1); // "TPS No. 04"
            continue;
          }
          if (kind === PK_YEAR_WORD) {
            yearWordAt.add(j);
            continue;
          }
          if (kind === PK_NUMBERED_NOUN) {
            nounNumberAt.add(j + 1);
            continue;
          }
          if (kind === PK_NUMBER_WORD) {
            numberWordAt.push(i, j + 1, this.patAux[p]!);
            continue;
          }
          // a keycap hand sign ("2️⃣") is not a plain digit ("Debat ke-2")
          if (kind === PK_HAND_SIGN && i === j && this.sF[i]! & TOK_NUMBER && !(this.sF[i]! & TOK_KEYCAP)) continue;
          const span = this.spanOf(str, shift, i, j + 1);
          const capsToken = i === j && (this.sF[i]! & TOK_CAPS) !== 0;
          hits.push({
            kind,
            entity: this.patEntity[p]!,
            ctx: (this.patFlags[p]! & PF_CONTEXT) !== 0,
            aux: this.patAux[p]!,
            field,
            index,
            seq,
            s0: i,
            s1: j + 1,
            span,
            matched: str.slice(span[0], span[1]),
            caps: hasLower && capsToken,
            lower: hasLower && (this.patFlags[p]! & PF_CASE) !== 0 && !/[A-Z]/.test(str.slice(buf.oStart[this.sA[i]!]! + 1, buf.oEnd[this.sB[j]! - 1]!)),
            tag: this.allTagged(i, j + 1),
          });
        }
        j++;
        if (j >= ns) break;
        const next = this.sId[j]!;
        if (next < 0) break;
        node = this.child(node, next);
      }
    }
    // numbers: digits (1–2 significant digits) and number words after a marker
    for (let i = 0; i < ns; i++) {
      const f = this.sF[i]!;
      if (!(f & TOK_NUMBER) || f & TOK_URL) continue; // digits inside a URL
      const a = this.sA[i]!;
      const b = this.sB[i]!;
      if (b - a > 3) continue;
      let v = 0;
      for (let k = a; k < b; k++) v = v * 10 + (buf.chars[k]! - 48);
      if (v <= 0 || v > 99) continue;
      const zeroPad = b - a === 2 && buf.chars[a] === 48;
      if (yearWordAt.has(i + 1)) continue;
      if (nounNumberAt.has(i)) continue; // "TPS 04", "TPS No. 04"
      // a time, a date, a decimal: "03.15", "01/01/2024", "09:05", "02,5"
      const o0 = buf.oStart[a]!;
      const o1 = buf.oEnd[b - 1]!;
      const joiner = (c: number) => '.,:/-'.includes(String.fromCharCode(c)) && c > 0;
      const digit = (c: number) => c >= 48 && c <= 57;
      if (!(f & (TOK_KEYCAP | TOK_HASHTAG)) && ((joiner(str.charCodeAt(o1)) && digit(str.charCodeAt(o1 + 1))) || (o0 >= 2 && joiner(str.charCodeAt(o0 - 1)) && digit(str.charCodeAt(o0 - 2))))) continue;
      const strong = this.markerBefore[i] === 1 || zeroPad || (f & (TOK_KEYCAP | TOK_HASHTAG)) !== 0;
      const span = this.spanOf(str, shift, i, i + 1);
      nums.push({ value: v, strong, marker: this.markerBefore[i] === 1, seq, s: i, field, index, span, matched: str.slice(span[0], span[1]) });
    }
    for (let k = 0; k < numberWordAt.length; k += 3) {
      const i = numberWordAt[k]!;
      if (this.markerBefore[i] !== 1) continue;
      if (yearWordAt.has(numberWordAt[k + 1]!)) continue;
      if (nounNumberAt.has(i)) continue;
      const span = this.spanOf(str, shift, i, numberWordAt[k + 1]!);
      nums.push({ value: numberWordAt[k + 2]!, strong: true, marker: true, seq, s: i, field, index, span, matched: str.slice(span[0], span[1]) });
    }
  }

  scan(text: string): number {
    const hits: Hit[] = [];
    const nums: Num[] = [];
    this.matchField(text, 'text', undefined, 0, 0, Math.min(text.length, FIELD_CAP), hits, nums);
    return hits.length + nums.length;
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
      const before = hits.length;
      this.matchField(str, field, index, seq++, shift, limit, hits, nums);
      if (shift) for (let h = before; h < hits.length; h++) hits[h]!.matched = value.slice(hits[h]!.span[0], hits[h]!.span[1]);
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
      const r: Reason = { kind, entityId, label, field: h.field, span: h.span, matched: h.matched, severity: SEV[sev]! };
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
        add(h, 'ambiguous', ent, `"${h.matched}" bermakna ganda; tidak dihitung tanpa konteks pemilu`, NONE);
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
      for (const h of live) if (h.kind === PK_HAND_SIGN) add(h, 'ambiguous', 'hand-sign', `Simbol tangan "${h.matched}" (tidak dihitung tanpa konteks pemilu)`, NONE);
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
  return (engine as RuleEngine).scan(text);
}

/**
 * Load compiled rules (from `compileBundle`, possibly after JSON or structured-clone transport).
 * Decodes the typed arrays and runs cheap structural checks; throws on a wrong format or corrupt data.
 */
export function loadEngine(compiled: CompiledRules): Engine {
  return new RuleEngine(compiled);
}
