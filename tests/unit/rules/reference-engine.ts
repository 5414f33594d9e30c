// Frozen copy of the matcher of rules/engine.ts before the performance work (commit 6a25a83), on the
// frozen reference tokeniser: the reference for the differential tests in fastpath.test.ts. Do not
// edit the matching. It hands its hits to the one warning policy (rules/severity.ts), so the
// differential tests compare matching only; policy changes need no mirroring here.

import type { ActionContent, ContentField } from '../../../rules/actions.ts';
import { PF_CASE, PF_CONTEXT, PF_VARIANTS, VAR_ALONE, VAR_PAIR, type CompiledRules } from '../../../rules/compiled.ts';
import { StructuralError, decodeRules, entityTables } from '../../../rules/tables.ts';
import * as PK from '../../../rules/pattern-kinds.ts';
import { decide, policyTables, type Hit, type Num, type PolicyTables } from '../../../rules/severity.ts';
import { besideNameEvidence } from '../../../rules/evidence-beside.ts';
import { ARRAY_ITEMS_CAP, CONTENT_FIELDS, FIELD_CAP, TOTAL_CAP, type Engine, type EvaluateContext, type Verdict } from '../../../rules/verdict.ts';
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

/** glued words longer than this are not segmented */
const MAX_GLUED = 48;


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
  private varStart: Int32Array;
  private varWord: Int32Array;
  private maxTokLen: number;
  private tables: PolicyTables;

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
    // loading follows the compiled format (rules/tables.ts); the entity tables are decoded eagerly into
    // plain arrays, as every entity was before the binary format, to check the lazy tables against
    const d = decodeRules(c);
    const a = d.sections;
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
    this.varStart = a.varStart as Int32Array;
    this.varWord = a.varWord as Int32Array;
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
    this.maxTokLen = Math.min(Math.max(1, d.maxTokLen | 0), MAX_GLUED);
    this.bundleVersion = c.bundleVersion;
    const lazy = entityTables(d, c.contests);
    const all = <T,>(list: T[]) => Array.from({ length: list.length }, (_, i) => list[i]!);
    this.tables = policyTables(all(lazy.persons), all(lazy.parties), c.contests, all(lazy.contestants));
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
    // Added with format 4 (the frozen walk below calls it at depths 1 and 2): spelling variants through
    // the variant table, as the format defines them (rules/compiled.ts): one word of a PF_VARIANTS term
    // replaced by a variant word, after the exact terms of the same length; a match of the same person
    // with the same context is not repeated
    const has = (p: number, i: number, j: number, from: number) =>
      hits.slice(from).some((h) => h.s0 === i && h.s1 === j && h.kind === this.patKind[p] && h.entity === this.patEntity[p] && h.ctx === ((this.patFlags[p]! & PF_CONTEXT) !== 0) && h.field === field && h.seq === seq);
    const variant = (node: number, i: number, j: number, from: number) => {
      if (!node) return;
      for (let o = this.outStart[node]!; o < this.outStart[node + 1]!; o++) {
        const p = this.outPat[o]!;
        if (!(this.patFlags[p]! & PF_VARIANTS) || has(p, i, j, from)) continue;
        hits.push({
          kind: this.patKind[p]!,
          entity: this.patEntity[p]!,
          ctx: (this.patFlags[p]! & PF_CONTEXT) !== 0,
          aux: this.patAux[p]!,
          field,
          index,
          seq,
          s0: i,
          s1: j,
          span: this.spanOf(str, shift, i, j),
          src: str,
          off: shift,
          caps: hasLower && j === i + 1 && (this.sF[i]! & TOK_CAPS) !== 0,
          lower: hasLower && (this.patFlags[p]! & PF_CASE) !== 0 && !/[A-Z]/.test(str.slice(buf.oStart[this.sA[i]!]! + 1, buf.oEnd[this.sB[j - 1]! - 1]!)),
          tag: this.allTagged(i, j),
        });
      }
    };
    for (let i = 0; i < ns; i++) {
      const id = this.sId[i]!;
      if (id < 0) continue;
      let node = this.rootChild[id]!;
      let j = i;
      const from = hits.length;
      for (;;) {
        for (let o = node ? this.outStart[node]! : 0; o < (node ? this.outStart[node + 1]! : 0); o++) {
          const p = this.outPat[o]!;
          const kind = this.patKind[p]!;
          if (kind === PK.NUMBER_MARKER) {
            this.markerBefore[j + 1] = 1;
            if (nounNumberAt.has(i)) nounNumberAt.add(j + 1); // "TPS No. 04"
            continue;
          }
          if (kind === PK.YEAR_WORD) {
            yearWordAt.add(j);
            continue;
          }
          if (kind === PK.NUMBERED_NOUN) {
            nounNumberAt.add(j + 1);
            continue;
          }
          if (kind === PK.NUMBER_WORD) {
            numberWordAt.push(i, j + 1, this.patAux[p]!);
            continue;
          }
          // a keycap hand sign ("2️⃣") is not a plain digit ("Debat ke-2")
          if (kind === PK.HAND_SIGN && i === j && this.sF[i]! & TOK_NUMBER && !(this.sF[i]! & TOK_KEYCAP)) continue;
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
            src: str,
            off: shift,
            caps: hasLower && capsToken,
            lower: hasLower && (this.patFlags[p]! & PF_CASE) !== 0 && !/[A-Z]/.test(str.slice(buf.oStart[this.sA[i]!]! + 1, buf.oEnd[this.sB[j]! - 1]!)),
            tag: this.allTagged(i, j + 1),
          });
        }
        if (j === i) {
          for (let e = this.varStart[id]!; e < this.varStart[id + 1]!; e++) if (this.varWord[e]! & VAR_ALONE) variant(this.rootChild[this.varWord[e]! >> 2]!, i, i + 1, from);
        } else if (j === i + 1) {
          const next = this.sId[j]!;
          for (let e = this.varStart[id]!; e < this.varStart[id + 1]!; e++) {
            const at = this.rootChild[this.varWord[e]! >> 2]!;
            if (this.varWord[e]! & VAR_PAIR && at) variant(this.child(at, next), i, i + 2, from);
          }
          if (this.rootChild[id]) for (let e = this.varStart[next]!; e < this.varStart[next + 1]!; e++) if (this.varWord[e]! & VAR_PAIR) variant(this.child(this.rootChild[id]!, this.varWord[e]! >> 2), i, i + 2, from);
        }
        j++;
        if (j >= ns) break;
        const next = this.sId[j]!;
        if (next < 0 || (!node && j > i + 1)) break;
        node = node ? this.child(node, next) : 0;
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
      nums.push({ value: v, strong, marker: this.markerBefore[i] === 1, seq, s: i, field, index, span, src: str, off: 0 });
    }
    for (let k = 0; k < numberWordAt.length; k += 3) {
      const i = numberWordAt[k]!;
      if (this.markerBefore[i] !== 1) continue;
      if (yearWordAt.has(numberWordAt[k + 1]!)) continue;
      if (nounNumberAt.has(i)) continue;
      const span = this.spanOf(str, shift, i, numberWordAt[k + 1]!);
      nums.push({ value: numberWordAt[k + 2]!, strong: true, marker: true, seq, s: i, field, index, span, src: str, off: 0 });
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
    return decide(hits, nums, ctx, this.tables, undefined, besideNameEvidence);
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
