/**
 * The compiled rules as the matcher reads them: the typed arrays of the compiled format, decoded and
 * checked once at load (cheap structural checks, no zod, no recompiling), the filters derived from them,
 * and the accessors the scan uses (dictionary lookups, trie edges, the tokeniser's word filter).
 *
 * The arrays and what each index means, the scan's filters included, are drawn in rules/compiled.ts
 * (the one place of the layout). compileBundle computes the filters once (rules/compile.ts,
 * `scanFilters`): loading makes views and checks bounds, nothing more.
 */
import {
  COMPILED_FORMAT,
  HEADER_WORDS,
  MAGIC,
  SECTION_NAMES,
  SECTION_TYPES,
  contestantLabel,
  unpackBytes,
  type CompiledContest,
  type CompiledContestant,
  type CompiledParty,
  type CompiledPerson,
  type CompiledRules,
  type SectionArray,
  type SectionName,
} from './compiled.ts';
import { HASH_INIT } from './normalize.ts';
import type { PolicyTables } from './severity.ts';
import { WORD_DROP, WORD_WRITE, type WordFilter, type WordScanner } from './word-filter.ts';

/** glued words longer than this are not segmented */
export const MAX_GLUED = 48;
/** shortest glued word segmentation tries (two pieces of ≥ 3) */
export const MIN_GLUED = 6;

/** Builds a fast path for plain words over the dictionary (rules/automaton.ts's buildWordAutomaton). */
export type WordAutomatonBuilder = (tokChars: Uint16Array, tokOff: Int32Array, keepToken: Uint8Array) => WordScanner | null;

/** Compiled rules that are not what compileBundle writes: a clear message, caught by nobody in the scan. */
export class StructuralError extends Error {}

/** The buffer decoded: every section a view on one ArrayBuffer, and the header's counts. */
export interface DecodedRules {
  sections: Record<SectionName, SectionArray>;
  maxTokLen: number;
  persons: number;
  parties: number;
  contests: number;
  contestants: number;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Reads the buffer of compiled rules (rules/compiled.ts) and checks its structure: the header, every
 * section inside the buffer and aligned, the sizes that must agree, every index table monotonic and in
 * range. Throws StructuralError on anything else than what compileBundle writes.
 */
export function decodeRules(c: CompiledRules): DecodedRules {
  if (!c || typeof c !== 'object') throw new StructuralError('compiled rules: not an object');
  if (c.format !== COMPILED_FORMAT) throw new StructuralError(`compiled rules: format ${String(c.format)}, expected ${COMPILED_FORMAT}`);
  if (!LITTLE_ENDIAN) throw new StructuralError('compiled rules: this platform is big-endian');
  const raw: unknown = c.data;
  const bytes = typeof raw === 'string' ? unpackBytes(raw) : raw instanceof Uint8Array ? raw : raw instanceof ArrayBuffer ? new Uint8Array(raw) : null;
  if (!bytes) throw new StructuralError('compiled rules: data is not a packed buffer');
  if (bytes.byteOffset % 4) throw new StructuralError('compiled rules: data not aligned');
  if (!Array.isArray(c.contests)) throw new StructuralError('compiled rules: contests missing');
  const buffer = bytes.buffer;
  const base = bytes.byteOffset;
  const headerBytes = 4 * (HEADER_WORDS + 2 * SECTION_NAMES.length);
  if (bytes.byteLength < headerBytes) throw new StructuralError('compiled rules: data too short');
  const head = new Uint32Array(buffer, base, HEADER_WORDS + 2 * SECTION_NAMES.length);
  if (head[0] !== MAGIC) throw new StructuralError('compiled rules: data is not a Jaga rule buffer');
  if (head[1] !== COMPILED_FORMAT || head[2] !== SECTION_NAMES.length) throw new StructuralError('compiled rules: data of another format');
  const sections = {} as Record<SectionName, SectionArray>;
  let end = headerBytes;
  SECTION_NAMES.forEach((name, i) => {
    const off = head[HEADER_WORDS + 2 * i]!;
    const len = head[HEADER_WORDS + 2 * i + 1]!;
    const type = SECTION_TYPES[name];
    const size = type === 'u8' ? len : type === 'u16' ? 2 * len : 4 * len;
    if (off % 4 || off < end || off + size > bytes.byteLength) throw new StructuralError(`compiled rules: section ${name} out of place`);
    end = off + size;
    sections[name] = type === 'u8' ? new Uint8Array(buffer, base + off, len) : type === 'u16' ? new Uint16Array(buffer, base + off, len) : new Int32Array(buffer, base + off, len);
  });
  const d: DecodedRules = { sections, maxTokLen: head[3]!, persons: head[4]!, parties: head[5]!, contests: head[6]!, contestants: head[7]! };
  const { personK0, personK, contestK0, contestK, metaOff, metaBytes } = sections as Record<SectionName, Int32Array>;
  if (d.contests !== c.contests.length) throw new StructuralError('compiled rules: contests do not match the data');
  checkIndex('personK0', personK0!, d.persons, personK!, d.contestants);
  checkIndex('contestK0', contestK0!, d.contests, contestK!, d.contestants);
  checkIndex('metaOff', metaOff!, d.persons + d.parties + d.contestants, null, 0);
  if (metaOff![metaOff!.length - 1] !== (metaBytes as unknown as Uint8Array).length) throw new StructuralError('compiled rules: metaOff does not end the metadata');
  // every index the scan follows stays inside its table, and every probe of the token hash ends: damaged
  // rules fail here, not in a page's click
  const { tokOff, tokHash, rootChild, edgeStart, edgeTok, edgeNode, outStart, outPat, patEntity } = sections as Record<SectionName, Int32Array>;
  const nTok = tokOff!.length - 1;
  const nodes = edgeStart!.length - 1;
  if (nTok < 0 || nodes < 0 || tokOff![nTok] !== sections.tokChars.length) throw new StructuralError('compiled rules: tokOff does not end the chars');
  checkIndex('tokOff', tokOff!, nTok, null, 0);
  checkIndex('edgeStart', edgeStart!, nodes, edgeTok!, nTok);
  checkIndex('outStart', outStart!, nodes, outPat!, sections.patKind.length);
  inRange('edgeNode', edgeNode!, 1, nodes);
  inRange('rootChild', rootChild!, 0, nodes);
  inRange('tokHash', tokHash!, 0, nTok + 1);
  if (tokHash!.indexOf(0) < 0) throw new StructuralError('compiled rules: tokHash has no empty slot');
  inRange('patEntity', patEntity!, -1, Math.max(d.persons, d.parties, d.contests, d.contestants, 1));
  // the variant table: every variant word's canonical words are tokens (id × 4 + VAR_* bits)
  checkIndex('varStart', sections.varStart as Int32Array, nTok, sections.varWord as Int32Array, nTok * 4);
  return d;
}

/** every entry in [lo, hi) */
function inRange(name: string, a: Int32Array, lo: number, hi: number): void {
  for (let i = 0; i < a.length; i++) if (a[i]! < lo || a[i]! >= hi) throw new StructuralError(`compiled rules: ${name} entry out of range`);
}

/** start[n+1] monotonic from 0, ending at list's length; every list entry below `bound` */
function checkIndex(name: string, start: Int32Array, n: number, list: Int32Array | null, bound: number): void {
  if (start.length !== n + 1 || start[0] !== 0) throw new StructuralError(`compiled rules: ${name} size`);
  for (let i = 0; i < n; i++) if (start[i + 1]! < start[i]!) throw new StructuralError(`compiled rules: ${name} not monotonic`);
  if (!list) return;
  if (start[n] !== list.length) throw new StructuralError(`compiled rules: ${name} does not end its list`);
  for (let i = 0; i < list.length; i++) if (list[i]! < 0 || list[i]! >= bound) throw new StructuralError(`compiled rules: ${name} entry out of range`);
}

/** The region table (rules/compiled.ts, `regions`): every entry n ≥ 1 dictionary tokens and a province code. */
function checkedRegions(table: Int32Array, nTok: number): Int32Array | null {
  for (let o = 0; o < table.length; o += 2 + table[o]!) {
    const n = table[o]!;
    if (n < 1 || o + 2 + n > table.length) throw new StructuralError('compiled rules: regions entry');
    for (let k = 0; k < n; k++) {
      const t = table[o + 2 + k]!;
      if (t < 0 || t >= nTok) throw new StructuralError('compiled rules: regions token');
    }
  }
  return table.length ? table : null;
}

/** FNV-1a of four chars (the suffix filter's key). */
export function hashOf4(c1: number, c2: number, c3: number, c4: number): number {
  let h = HASH_INIT;
  h = Math.imul(h ^ c1, 16777619);
  h = Math.imul(h ^ c2, 16777619);
  h = Math.imul(h ^ c3, 16777619);
  return Math.imul(h ^ c4, 16777619);
}

export type FilterName = 'slotHash' | 'stemBits' | 'suffixBits' | 'wordBits' | 'keepToken';

/**
 * The lengths of the scan's filters over a dictionary of nTok tokens, chars chars and a slot table of
 * slots: known before they are computed, so that compileBundle lays them out in its output buffer and
 * `scanFilters` writes them there (made apart, each was copied in; stemBits alone is up to 1 MB).
 */
export function filterLengths(chars: number, slots: number, nTok: number): Record<FilterName, number> {
  let stemBytes = 1024;
  while (stemBytes < chars && stemBytes < 1 << 20) stemBytes <<= 1; // ≥ 8 bits per prefix, ≤ 1 MB
  // wordBits: ≥ 16 bits per token (see scanFilters)
  let bitsLen = 8192;
  while (bitsLen * 8 < nTok * 16 && bitsLen < 1 << 20) bitsLen <<= 1;
  return { slotHash: slots, stemBits: stemBytes, suffixBits: 8192, wordBits: bitsLen, keepToken: nTok };
}

/**
 * The scan's filters over the dictionary (rules/compiled.ts: slotHash, stemBits, suffixBits, wordBits,
 * keepToken), computed once by compileBundle rather than at every load: the content script, which only
 * loads, does not carry this function (bundlers drop unused functions). Written into `out` (zero-filled
 * arrays of the lengths `filterLengths` gives) when given.
 */
export function scanFilters(
  tokChars: Uint16Array,
  tokOff: Int32Array,
  tokHash: Int32Array,
  rootChild: Int32Array,
  edgeTok: Int32Array,
  varStart: Int32Array,
  varWord: Int32Array,
  out?: Partial<Record<FilterName, SectionArray>>,
): Record<FilterName, SectionArray> {
  const nTok = tokOff.length - 1;
  const hashMask = tokHash.length - 1;
  const len = filterLengths(tokChars.length, tokHash.length, nTok);
  /** the filter `name`: the array given in `out` (checked: its type and length) or a new one */
  const filter = <A extends Uint8Array | Int32Array>(name: FilterName, Type: new (n: number) => A): A => {
    const a = out?.[name];
    if (a === undefined) return new Type(len[name]);
    if (!(a instanceof Type) || a.length !== len[name]) throw new Error(`scanFilters: ${name}`);
    return a;
  };
  const u8 = (name: FilterName) => filter(name, Uint8Array);
  // slotHash, stemBits and suffixBits: one pass over every token's chars
  const slotHash = filter('slotHash', Int32Array);
  const stemBits = u8('stemBits');
  const stemMask = stemBits.length * 8 - 1;
  const suffixBits = u8('suffixBits');
  for (let t = 0; t < nTok; t++) {
    let h = HASH_INIT;
    const o = tokOff[t]!;
    const e = tokOff[t + 1]!;
    for (let k = o; k < e; k++) {
      h = Math.imul(h ^ tokChars[k]!, 16777619);
      if (k - o >= 2) {
        const bit = h & stemMask;
        stemBits[bit >>> 3]! |= 1 << (bit & 7);
      }
    }
    let slot = h & hashMask;
    for (let probe = 0; probe <= hashMask; probe++) {
      const v = tokHash[slot]!;
      if (v === 0) break;
      if (v === t + 1) {
        slotHash[slot] = h;
        break;
      }
      slot = (slot + 1) & hashMask;
    }
    if (e - o >= 4) {
      const h4 = hashOf4(tokChars[e - 4]!, tokChars[e - 3]!, tokChars[e - 2]!, tokChars[e - 1]!);
      suffixBits[(h4 >>> 3) & 8191]! |= 1 << (h4 & 7);
    }
  }

  const keepToken = u8('keepToken');
  for (let e = 0; e < edgeTok.length; e++) {
    const t = edgeTok[e]!;
    if (t >= 0 && t < nTok) keepToken[t] = 1;
  }
  for (let t = 0; t < nTok; t++) if (rootChild[t] !== 0) keepToken[t] = 2;
  // a spelling variant word is kept as its canonical words are (it stands for them in the trie walk)
  for (let t = 0; t < nTok; t++) {
    for (let e = varStart[t]!; e < varStart[t + 1]!; e++) keepToken[t] = Math.max(keepToken[t]!, keepToken[varWord[e]! >> 2]!);
  }

  // wordBits: ≥ 16 bits per token, so most words that are no token stop at one bit test instead of a
  // probe of the denser slot table; tokens of no trie term get no bit (the filter drops them anyway;
  // one of ≥ 6 chars may still be written out as a glued-word candidate, which changes no match)
  const wordBits = u8('wordBits');
  const wordBitsMask = wordBits.length * 8 - 1;
  for (let slot = 0; slot <= hashMask; slot++) {
    if (tokHash[slot] === 0 || keepToken[tokHash[slot]! - 1] === 0) continue;
    const tb = (slotHash[slot]! >>> 13) & wordBitsMask;
    wordBits[tb >>> 3]! |= 1 << (tb & 7);
  }
  return { slotHash, stemBits, suffixBits, wordBits, keepToken };
}

export class CompiledTables implements WordFilter {
  readonly bundleVersion: number;
  // the format's arrays (rules/compiled.ts)
  protected readonly tokChars: Uint16Array;
  protected readonly tokOff: Int32Array;
  protected readonly tokHash: Int32Array;
  protected readonly hashMask: number;
  readonly prefixBits: Uint8Array;
  protected readonly rootChild: Int32Array;
  /** the spelling variant table (rules/compiled.ts): a variant word's canonical words */
  protected readonly varStart: Int32Array;
  protected readonly varWord: Int32Array;
  protected readonly edgeStart: Int32Array;
  protected readonly edgeTok: Int32Array;
  protected readonly edgeNode: Int32Array;
  protected readonly outStart: Int32Array;
  protected readonly outPat: Int32Array;
  protected readonly patKind: Uint8Array;
  protected readonly patEntity: Int32Array;
  protected readonly patFlags: Uint8Array;
  protected readonly patAux: Int32Array;
  /** longest dictionary token in chars, at most MAX_GLUED (bounds segmentation) */
  protected readonly maxTokLen: number;
  // the scan's filters (rules/compiled.ts)
  protected readonly slotHash: Int32Array;
  readonly stemBits: Uint8Array;
  readonly stemMask: number;
  protected readonly suffixBits: Uint8Array;
  /** WordFilter: a bit per token hash (bits 13 and up), see classifyWord */
  readonly wordBits: Uint8Array;
  readonly wordBitsMask: number;
  /** WordFilter: shorter words are glued words of nothing (segmentation needs ≥ 6 chars) */
  readonly minAsk = MIN_GLUED;
  readonly maxAsk = MAX_GLUED;
  /** WordFilter: the fast path for plain words, if the loader was given a builder (rules/automaton.ts) */
  readonly words: WordScanner | null;
  /**
   * WordFilter, per token id: 2 = a trie term starts with it, 1 = it only continues terms (useless right
   * after an unknown word), 0 = in no trie term (a region name's own word: region names are scanned apart,
   * rules/matcher.ts `scanRegions`), so the filter drops it like a word outside the dictionary
   */
  protected readonly keepToken: Uint8Array;
  /** the region names outside the trie (rules/compiled.ts, `regions`), checked; null: none */
  protected readonly regionTable: Int32Array | null;

  constructor(d: DecodedRules, bundleVersion: number, buildWords: WordAutomatonBuilder | undefined) {
    const a = d.sections;
    this.tokChars = a.tokChars as Uint16Array;
    this.tokOff = a.tokOff as Int32Array;
    this.tokHash = a.tokHash as Int32Array;
    this.prefixBits = a.prefixBits as Uint8Array;
    this.rootChild = a.rootChild as Int32Array;
    this.varStart = a.varStart as Int32Array;
    this.varWord = a.varWord as Int32Array;
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
    if (
      nTok < 0 ||
      hs === 0 ||
      (hs & (hs - 1)) !== 0 ||
      this.rootChild.length !== nTok ||
      this.outStart.length !== nodes + 1 ||
      this.prefixBits.length !== 8192 ||
      this.edgeTok.length !== this.edgeNode.length ||
      this.patEntity.length !== this.patKind.length ||
      this.patFlags.length !== this.patKind.length ||
      this.patAux.length !== this.patKind.length ||
      this.tokOff[nTok] !== this.tokChars.length ||
      this.edgeStart[nodes] !== this.edgeTok.length ||
      this.outStart[nodes] !== this.outPat.length
    ) {
      throw new StructuralError('compiled rules: inconsistent array sizes');
    }
    // the scan's filters, stored by compileBundle: any content is safe to scan, but the masks rely on
    // their sizes (a power of two of bytes, one slot hash per slot, one keep flag per token)
    this.slotHash = a.slotHash as Int32Array;
    this.stemBits = a.stemBits as Uint8Array;
    this.suffixBits = a.suffixBits as Uint8Array;
    this.wordBits = a.wordBits as Uint8Array;
    this.keepToken = a.keepToken as Uint8Array;
    const sb = this.stemBits.length;
    const wb = this.wordBits.length;
    if (this.slotHash.length !== hs || sb === 0 || (sb & (sb - 1)) !== 0 || wb === 0 || (wb & (wb - 1)) !== 0 || this.suffixBits.length !== 8192 || this.keepToken.length !== nTok) {
      throw new StructuralError('compiled rules: scan filters of the wrong size');
    }
    this.stemMask = sb * 8 - 1;
    this.wordBitsMask = wb * 8 - 1;
    this.regionTable = checkedRegions(a.regions as Int32Array, nTok);
    this.bundleVersion = bundleVersion;
    this.maxTokLen = Math.min(Math.max(1, d.maxTokLen | 0), MAX_GLUED);
    this.hashMask = hs - 1;

    this.words = buildWords?.(this.tokChars, this.tokOff, this.keepToken) ?? null;
  }

  /**
   * WordFilter, mirroring the matcher's stream building exactly for a plain word input[i, j) (normalised
   * length m, hash h): a dictionary token → its id (resolved without writing its chars); not in the
   * dictionary but long enough to be a glued word and passing segmentation's one-bit prefix, stem and
   * suffix filters → WORD_WRITE; otherwise WORD_DROP (an unknown token, only counted). Most words of
   * most text stop at the first bit test. `afterGap`: the word before was unknown (or there is none).
   */
  classifyWord(input: string, i: number, j: number, h: number, m: number, h3: number, h4: number, afterGap: boolean): number {
    const tb = (h >>> 13) & this.wordBitsMask;
    if (this.wordBits[tb >>> 3]! & (1 << (tb & 7))) {
      const id = this.lookupInput(input, i, j, h, m);
      // a token no pattern starts with, right after an unknown word, can be in no match; nor can a token
      // of no trie term at all
      if (id >= 0) {
        const keep = this.keepToken[id]!;
        return keep === 2 || (keep === 1 && !afterGap) ? id : WORD_DROP;
      }
    }
    if (m < MIN_GLUED || m > MAX_GLUED) return WORD_DROP;
    // segmentation's filters on the first 3 and 4 normalised chars
    if (!(this.prefixBits[(h3 >>> 3) & 8191]! & (1 << (h3 & 7)))) return WORD_DROP;
    if (!this.isStem(h4)) return WORD_DROP;
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
    return this.isSuffix(hashOf4(c4, c3, c2, c1)) ? WORD_WRITE : WORD_DROP;
  }

  /** the chars hashed to h are some token's first ≥ 3 chars (a one-bit filter: false positives only) */
  protected isStem(h: number): boolean {
    const bit = h & this.stemMask;
    return (this.stemBits[bit >>> 3]! & (1 << (bit & 7))) !== 0;
  }

  /** the 4 chars hashed to h end some token of ≥ 4 chars (one-bit filter) */
  protected isSuffix(h: number): boolean {
    return (this.suffixBits[(h >>> 3) & 8191]! & (1 << (h & 7))) !== 0;
  }

  /**
   * The first slot from `slot` on whose token has hash h and length len, or -1 at the first empty slot:
   * the probe both lookups share; they differ only in how they compare the chars.
   */
  private probe(slot: number, h: number, len: number): number {
    for (;;) {
      const v = this.tokHash[slot]!;
      if (v === 0) return -1;
      if (this.slotHash[slot] === h && this.tokOff[v]! - this.tokOff[v - 1]! === len) return slot;
      slot = (slot + 1) & this.hashMask;
    }
  }

  /**
   * Dictionary id of the plain ASCII word input[i, j) read as the tokeniser does (lower-cased, repeats
   * collapsed, m chars, hash h), or -1: lookup() for words that were never written out.
   */
  protected lookupInput(input: string, i: number, j: number, h: number, m: number): number {
    for (let slot = this.probe(h & this.hashMask, h, m); slot >= 0; slot = this.probe((slot + 1) & this.hashMask, h, m)) {
      const id = this.tokHash[slot]! - 1;
      const o = this.tokOff[id]!;
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
    return -1;
  }

  /** Dictionary id of the normalised chars[a, b) with hash h, or -1. */
  protected lookup(chars: Uint16Array, h: number, a: number, b: number): number {
    const len = b - a;
    for (let slot = this.probe(h & this.hashMask, h, len); slot >= 0; slot = this.probe((slot + 1) & this.hashMask, h, len)) {
      const id = this.tokHash[slot]! - 1;
      const o = this.tokOff[id]!;
      let k = 0;
      while (k < len && this.tokChars[o + k] === chars[a + k]) k++;
      if (k === len) return id;
    }
    return -1;
  }

  /** The trie node reached from `node` by token `tok`, or 0 (CSR edges sorted by token: binary search). */
  protected child(node: number, tok: number): number {
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
}

/** decoded entities kept per table: the hits of recent warnings, not the rule set */
const ENTITY_CACHE = 512;
/** up to this many persons, parties and contestants, entity tables are decoded at load (LoadOptions) */
export const EAGER_ENTITIES = 4096;

function eagerList<T>(n: number, make: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(make(i));
  return out;
}

/**
 * The warning policy's entity tables (rules/severity.ts, PolicyTables) over the buffer: contests are
 * resident (few, read at every verdict); in a large rule set a person, party or contestant is decoded
 * from its metadata entry when the policy first reads it (only for a hit), and the contestant lists
 * come from the buffer's indexes. The lists look like arrays to the policy (index, length, iteration):
 * a Proxy. Up to `eagerUpTo` entities, all are decoded at load instead.
 * An entry that does not decode (damaged data the structural checks cannot see without reading every
 * entry at load) still gives an entity, labelled as damaged, so a warning is never lost.
 */
export function entityTables(d: DecodedRules, contests: CompiledContest[], eagerUpTo = EAGER_ENTITIES): PolicyTables {
  // few entities (the shipped rules, a region's): decoded at once into plain arrays, which the policy
  // reads faster than through a Proxy (~10% of a full evaluate); many: on demand
  const list = d.persons + d.parties + d.contestants <= eagerUpTo ? eagerList : lazyList;
  const { personK0, personK, contestK0, contestK, metaOff } = d.sections as Record<SectionName, Int32Array>;
  const metaBytes = d.sections.metaBytes as Uint8Array;
  const decoder = new TextDecoder();
  const entry = (e: number): unknown[] => {
    try {
      const v: unknown = JSON.parse(decoder.decode(metaBytes.subarray(metaOff![e]!, metaOff![e + 1]!)));
      if (Array.isArray(v) && typeof v[0] === 'string') return v;
    } catch {
      // damaged entry: below
    }
    return [];
  };
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const ints = (v: unknown, bound: number) => (Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x) && x >= 0 && x < bound) : []);
  const persons = list(d.persons, (i): CompiledPerson => {
    const [id, label] = entry(i);
    return { id: str(id, `person-${i}`), label: str(label, DAMAGED) };
  });
  const parties = list(d.parties, (i): CompiledParty => {
    const [id, label, region] = entry(d.persons + i);
    const p: CompiledParty = { id: str(id, `party-${i}`), label: str(label, DAMAGED) };
    if (typeof region === 'string') p.region = region;
    return p;
  });
  const contestants = list(d.contestants, (i): CompiledContestant => {
    const row = entry(d.persons + d.parties + i);
    const contest = Number.isInteger(row[1]) && (row[1] as number) >= 0 && (row[1] as number) < contests.length ? (row[1] as number) : 0;
    const k: CompiledContestant = { id: str(row[0], `contestant-${i}`), contest, label: '', persons: ints(row[3], d.persons), parties: ints(row[4], d.parties) };
    if (typeof row[2] === 'number') k.number = row[2];
    k.label = row.length === 0 ? DAMAGED : typeof row[5] === 'string' ? row[5] : contestantLabel(contests[contest] ?? { name: '', kind: '' }, k.number, k.persons.map((p) => persons[p]!.label));
    return k;
  });
  const slices = (n: number, start: Int32Array, ks: Int32Array) => list(n, (i) => Array.from(ks.subarray(start[i]!, start[i + 1]!)));
  return { persons, parties, contests, contestants, personContestants: slices(d.persons, personK0!, personK!), contestContestants: slices(d.contests, contestK0!, contestK!) };
}

/** what a damaged metadata entry is called in a warning */
const DAMAGED = 'Aturan rusak: entri tidak terbaca';

/**
 * A read-only array of n items made by `make` on first read, and kept (up to ENTITY_CACHE, then
 * forgotten all at once). The policy reads the same few entities many times per verdict: the cache is
 * keyed by the property name as the Proxy receives it, so a repeated read is one Map lookup.
 */
function lazyList<T>(n: number, make: (i: number) => T): T[] {
  const made = new Map<string, T>();
  return new Proxy([] as T[], {
    get(target, prop, receiver) {
      if (typeof prop === 'string') {
        const v = made.get(prop);
        if (v !== undefined) return v;
        const c = prop.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const i = Number(prop);
          if (!Number.isInteger(i) || i >= n) return undefined;
          const item = make(i);
          if (made.size >= ENTITY_CACHE) made.clear();
          made.set(prop, item);
          return item;
        }
        if (prop === 'length') return n;
      }
      return Reflect.get(target, prop, receiver);
    },
    has(_target, prop) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) return Number(prop) < n;
      return prop === 'length';
    },
  });
}
