/**
 * The compiled rule format: what `compileBundle` (rules/compile.ts) writes and `loadEngine` reads
 * (rules/tables.ts decodes and checks it, rules/matcher.ts walks it). Plain data, no zod, safe for the
 * content script. This comment is the one description of the layout; docs/engine.md has it in prose.
 *
 * CompiledRules is a small JSON object (versions, dates, the contests) and `data`: ONE binary buffer
 * holding every typed array and the entity metadata, carried as a string of one char per byte
 * (`packBytes`, shifted so that JSON stores it compactly: storage.local and the bundle file hold JSON only, and V8 keeps such a
 * string at one byte per char). At load the string becomes one ArrayBuffer and every array below is a
 * view on it: no per-array copies, no JS object per person.
 *
 * The buffer, little-endian (every browser platform we target is), every section 4-byte aligned:
 *
 *   header     u32[8]        MAGIC, COMPILED_FORMAT, section count, maxTokLen (longest dictionary
 *                            token, bounds glued-word segmentation), persons, parties, contests, contestants
 *   sections   u32[2 × n]    per section in SECTION_NAMES order: byte offset, length in elements
 *   …the sections themselves, in that order
 *
 * Token dictionary: every distinct normalised token of every term, id = 0 … nTok-1
 *
 *   tokOff     i32[nTok+1]   token t is tokChars[tokOff[t], tokOff[t+1])
 *   tokChars   u16[…]        the tokens' chars back to back ("prabowo" "gibran" "02" …)
 *   tokHash    i32[2^k]      open addressing, linear probing, keyed by FNV-1a of the chars:
 *                            slot → t + 1 (0 = empty); load ≤ 0.5
 *   prefixBits u8[8192]      64 Kbit: a bit per hash of the first 3 chars of every token ≥ 3 chars
 *                            (bit b = prefixBits[(h >>> 3) & 8191] & (1 << (h & 7)))
 *
 * Phrase trie over token ids (a term is a token sequence; node 0 is the root)
 *
 *   rootChild  i32[nTok]     token t → the root's child node for t (0 = no term starts with t)
 *   edgeStart  i32[nodes+1]  node n's edges are edgeTok/edgeNode[edgeStart[n], edgeStart[n+1]),
 *   edgeTok    i32[edges]    sorted by token id (binary search): token → child node
 *   edgeNode   i32[edges]
 *   outStart   i32[nodes+1]  node n's patterns (terms ending there) are outPat[outStart[n], outStart[n+1])
 *   outPat     i32[outs]     pattern index
 *
 * Patterns, one row per term (p = 0 … nPat-1)
 *
 *   patKind    u8[nPat]      what it stands for: PK.* (rules/pattern-kinds.ts)
 *   patEntity  i32[nPat]     index into persons / parties / contestants / contests (by kind), or -1
 *   patFlags   u8[nPat]      PF_CONTEXT | PF_CASE | PF_VARIANTS
 *   patAux     i32[nPat]     a number (hand signs, number words, a region's province code) or, for
 *                            accounts, a platform bitmask (PK.PLATFORM_BIT)
 *
 * The scan's filters over the dictionary, computed once by compileBundle (`scanFilters`) so that loading
 * is views and bounds checks only (format 3; format 2 derived them at every load). Any content is safe
 * to scan (hashes are compared, bits tested); the loader checks their sizes, which the masks rely on.
 * Every bit set is indexed the same way: bit b is bits[b >>> 3] & (1 << (b & 7)).
 *
 *   slotHash   i32[2^k]      the full FNV-1a hash of the token in each tokHash slot (0 if empty), compared
 *                            before the token's chars
 *   stemBits   u8[2^j]       1 KB … 1 MB: a bit per hash (& stemBits.length × 8 − 1) of every prefix
 *                            ≥ 3 chars of every token: segmentation stops extending a piece once it is none
 *   suffixBits u8[8192]      a bit per hash (hashOf4, rules/tables.ts) of the last 4 chars of every token
 *                            ≥ 4 chars: a plain glued word must end with one
 *   wordBits   u8[2^i]       8 KB … 1 MB, ≥ 16 bits per token: a bit per token hash (bits 13 and up) of
 *                            every token some trie term holds; most words that are no token stop there
 *   keepToken  u8[nTok]      2 = a trie term starts with the token, 1 = it only continues terms, 0 = in no
 *                            trie term (a region name's own word); a spelling variant word counts as its
 *                            canonical words do
 *
 * Spelling variants (format 4; rules/variants.ts): per word, not per name. The trie holds real terms
 * only; a person's name or alias of one or two words of a–z has its pattern flagged PF_VARIANTS, and a
 * variant word stands for its canonical words (the words of such names it is a variant of). The matcher,
 * after the exact walk from a row, walks the row's canonical words as a one-word term (VAR_ALONE) or as
 * the first of two words, and the next row's canonical words as the second word (VAR_PAIR), keeping only
 * patterns with PF_VARIANTS. One word changed at a time, as the generator does.
 *
 *   varStart   i32[nTok+1]   token t's canonical words are varWord[varStart[t], varStart[t+1])
 *   varWord    i32[…]        canonical token id × 4 + VAR_ALONE (1: the variant of a one-word name; not
 *                            set when the variant word is an everyday word or another term) + VAR_PAIR (2:
 *                            a variant of the word inside a two-word name), sorted, one entry per id
 *
 * Region names: the place names of the provinces that have a contest, kept out of the phrase trie
 * because they only ever count as evidence for a context-requiring candidate name; the engine scans
 * them only when such a name needs evidence. Their tokens are in the dictionary like every other
 * term's, so the token stream is the same. Empty: none, or compiled into the trie as PK.REGION
 * patterns (`compileBundle(…, { regionsInTrie: true })`); the engine reads both.
 *
 *   regions    i32[…]        [n, province, tok_1 … tok_n,  n, province, …]: a name of n dictionary
 *                            tokens and the 2-digit province code it names, as a number (36 = Banten)
 *
 * Entity indexes (what the warning policy needs for every hit, without decoding any metadata)
 *
 *   personK0   i32[persons+1]   person p is a contestant in personK[personK0[p], personK0[p+1])
 *   personK    i32[…]           contestant indices
 *   contestK0  i32[contests+1]  contest c's contestants are contestK[contestK0[c], contestK0[c+1])
 *   contestK   i32[…]           contestant indices
 *
 * Entity metadata, decoded only for the entities of a warning's hits (rules/tables.ts, EntityTables):
 * entry e is the UTF-8 JSON array metaBytes[metaOff[e], metaOff[e+1]); entries are the persons, then
 * the parties, then the contestants, in index order:
 *
 *   metaOff    i32[entries+1]
 *   metaBytes  u8[…]         person ["id", "label"]; party ["id", "label", "region"?];
 *                            contestant ["id", contest, number | null, [persons], [parties], "label"?]
 *                            (a contestant's label is left out when it is the usual one, made from the
 *                            contest and the persons' names: `contestantLabel`)
 *
 * Contests (a few hundred, read by the policy at every verdict: in season today? in the user's
 * region?) stay a JSON array in CompiledRules, beside `data`.
 */

import type { FullSetFilterData } from './full-set-filter.ts';

/** Bump whenever the layout or the meaning of any field changes; loadEngine refuses other versions. */
export const COMPILED_FORMAT = 4;

/** the buffer's first u32: "JAGA" read little-endian */
export const MAGIC = 0x4147414a;
/** u32 words of the header before the section table */
export const HEADER_WORDS = 8;

export const ARRAY_NAMES = [
  'tokChars', 'tokOff', 'tokHash', 'prefixBits', 'rootChild', 'edgeStart', 'edgeTok', 'edgeNode',
  'outStart', 'outPat', 'patKind', 'patEntity', 'patFlags', 'patAux',
  'slotHash', 'stemBits', 'suffixBits', 'wordBits', 'keepToken', 'varStart', 'varWord',
] as const;
export type ArrayName = (typeof ARRAY_NAMES)[number];

/** every section of the buffer, in order */
export const SECTION_NAMES = [...ARRAY_NAMES, 'regions', 'personK0', 'personK', 'contestK0', 'contestK', 'metaOff', 'metaBytes'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export const SECTION_TYPES: Record<SectionName, 'u8' | 'u16' | 'i32'> = {
  tokChars: 'u16',
  tokOff: 'i32',
  tokHash: 'i32',
  prefixBits: 'u8',
  rootChild: 'i32',
  edgeStart: 'i32',
  edgeTok: 'i32',
  edgeNode: 'i32',
  outStart: 'i32',
  outPat: 'i32',
  patKind: 'u8',
  patEntity: 'i32',
  patFlags: 'u8',
  patAux: 'i32',
  slotHash: 'i32',
  stemBits: 'u8',
  suffixBits: 'u8',
  wordBits: 'u8',
  keepToken: 'u8',
  varStart: 'i32',
  varWord: 'i32',
  regions: 'i32',
  personK0: 'i32',
  personK: 'i32',
  contestK0: 'i32',
  contestK: 'i32',
  metaOff: 'i32',
  metaBytes: 'u8',
};
/** the arrays of the matcher (a subset of the sections) */
export const ARRAY_TYPES: Record<ArrayName, 'u8' | 'u16' | 'i32'> = SECTION_TYPES;

export type SectionArray = Uint8Array | Uint16Array | Int32Array;

/** the term needs context (everyday word) */
export const PF_CONTEXT = 1;
/**
 * an everyday word used as an entity's acronym ("ERA", "PAS", "PAGI", "BERANI"): in text that has lower
 * case at all, it counts only when written in capitals ("era" and "Pas" are the everyday words)
 */
export const PF_CASE = 2;
/**
 * a person's name or alias whose spelling variants match through the variant table (varStart/varWord):
 * only patterns with this flag are kept when a canonical word stands in for a variant word
 */
export const PF_VARIANTS = 4;
/** varWord: the variant word alone stands for its canonical word (a one-word name) */
export const VAR_ALONE = 1;
/** varWord: the variant word stands for its canonical word inside a two-word name */
export const VAR_PAIR = 2;

export interface CompiledPerson {
  id: string;
  label: string;
}
export interface CompiledParty {
  id: string;
  label: string;
  region?: string;
}
export interface CompiledContest {
  id: string;
  name: string;
  kind: string;
  region?: string;
  /** in-season day ranges, flat [from, to, from, to…] in days since 1970-01-01 (inclusive) */
  days: number[];
  /**
   * the phase kind of each range in `days` (one per [from, to] pair), for "what is live today";
   * absent in bundles compiled before it existed. The engine does not read it.
   */
  phases?: string[];
}
export interface CompiledContestant {
  id: string;
  contest: number;
  number?: number;
  label: string;
  persons: number[];
  parties: number[];
}

export interface CompiledRules {
  format: number;
  /**
   * SHA-256 (hex) of the canonical JSON of the source bundle these rules were compiled from
   * (`sourceHashOf` in compile.ts), written by `jaga build`. The background refuses a bundle whose
   * compiled rules carry another hash, so the options page and the engine show the same rule set.
   * The engine itself ignores it.
   */
  sourceHash?: string;
  bundleVersion: number;
  issuedAt: string;
  expiresAt: string;
  /** the contests, resident (layout in the comment at the top) */
  contests: CompiledContest[];
  /** the buffer (layout at the top), one char per byte (`packBytes`) */
  data: string;
  /**
   * Only in the rules of a tab set (rules/tab-set.ts: the national contests, plus a region's): the
   * escalation filter over what the full rule set knows beyond them (rules/full-set-filter.ts), beside
   * the buffer, so the buffer's layout is the same for every rule set. Absent: these are the full set.
   */
  fullSet?: FullSetFilterData;
}

/** The usual label of a contestant, made from its contest and its persons' names. */
export function contestantLabel(contest: Pick<CompiledContest, 'name' | 'kind'>, number: number | undefined, names: string[]): string {
  const num = number === undefined ? '' : contest.kind === 'pilpres' ? String(number).padStart(2, '0') : String(number);
  return num ? `${contest.name}, nomor urut ${num}: ${names.join(' – ')}` : `${contest.name}: ${names.join(' – ')}`;
}

// ---------------------------------------------------------------------------------------------
// packing: bytes ↔ a string of one char (0–255) per byte, shifted by PACK_SHIFT
//
// Byte b is the char (b + 32) & 255. In memory a string of chars ≤ 255 takes one byte per char (V8,
// SpiderMonkey), a quarter less than base64, and unpacking is one subtraction per byte. Stored as
// JSON (storage.local, the bundle file) chars below 32 are escaped to 6 bytes and chars from 128 take 2
// in UTF-8: the shift moves the commonest bytes of the buffer (0: 38–56% of them, small numbers) to
// plain ASCII, so the JSON costs 1.3–1.43 bytes per buffer byte (measured on the default bundle and on
// 30,000 names) against 1.33 for base64 and 3.6–4.5 unshifted.

const PACK_SHIFT = 32;

/** The bytes as a string of one char per byte (what `data` holds). */
export function packBytes(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = new Uint16Array(8192);
  for (let i = 0; i < bytes.length; i += 8192) {
    const n = Math.min(8192, bytes.length - i);
    for (let k = 0; k < n; k++) chunk[k] = (bytes[i + k]! + PACK_SHIFT) & 255;
    parts.push(String.fromCharCode.apply(null, chunk.subarray(0, n) as unknown as number[]));
  }
  return parts.join('');
}

/** The bytes of a packed string, in a fresh ArrayBuffer; null when a char is no byte (> 255). */
export function unpackBytes(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  let or = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    or |= c;
    out[i] = c - PACK_SHIFT;
  }
  return or > 255 ? null : out;
}

// ---------------------------------------------------------------------------------------------
// base64 of typed arrays (no Buffer/atob dependency: works in Node, workers and content scripts)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INV = new Uint8Array(128);
for (let i = 0; i < 64; i++) B64_INV[B64.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    chunk += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decode into a fresh, aligned ArrayBuffer. Throws on malformed input. */
export function base64ToBytes(s: string): Uint8Array {
  let len = s.length;
  if (len % 4 !== 0) throw new Error('bad base64 length');
  let pad = 0;
  if (len > 0 && s.charCodeAt(len - 1) === 61) pad++;
  if (len > 1 && s.charCodeAt(len - 2) === 61) pad++;
  const out = new Uint8Array((len / 4) * 3 - pad);
  let o = 0;
  len -= pad > 0 ? 4 : 0;
  let i = 0;
  for (; i < len; i += 4) {
    const n =
      (B64_INV[s.charCodeAt(i) & 127]! << 18) |
      (B64_INV[s.charCodeAt(i + 1) & 127]! << 12) |
      (B64_INV[s.charCodeAt(i + 2) & 127]! << 6) |
      B64_INV[s.charCodeAt(i + 3) & 127]!;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (pad > 0) {
    const n = (B64_INV[s.charCodeAt(i) & 127]! << 18) | (B64_INV[s.charCodeAt(i + 1) & 127]! << 12) | (B64_INV[s.charCodeAt(i + 2) & 127]! << 6);
    out[o++] = n >> 16;
    if (pad === 1) out[o++] = (n >> 8) & 255;
  }
  return out;
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` string, or NaN. */
export function dayOf(isoDate: string): number {
  const t = Date.parse(isoDate.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(t) ? NaN : Math.floor(t / 86_400_000);
}
