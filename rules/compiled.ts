/**
 * The compiled rule format: what `compileBundle` writes and `loadEngine` reads. Plain data, no zod,
 * safe for the content script. JSON-serialisable and structured-clone-able: typed arrays travel as
 * base64 strings of their little-endian bytes (every browser platform we target is little-endian).
 *
 * Layout (see docs/engine.md for the full picture)
 * - Token dictionary: every distinct normalised token of every term. `tokChars` (Uint16) holds the
 *   tokens back to back, `tokOff` (Int32, n+1) their offsets; `tokHash` is an open-addressing table
 *   (Int32, power of two, 0 = empty, else id+1) keyed by FNV-1a of the token chars.
 *   `prefixBits` (Uint8, 64 Kbit) marks the hash of the first 3 chars of every token of length ≥ 3:
 *   a one-bit filter before segmenting glued words.
 * - Phrase trie over token ids (terms are token sequences): `rootChild[tokenId]` = child node of the
 *   root (0 = none; the root is node 0); other nodes keep their edges in CSR form: `edgeStart`
 *   (nodes+1), `edgeTok`/`edgeNode` sorted by token id. Outputs in CSR: `outStart` (nodes+1), `outPat`.
 * - Patterns: `patKind` (Uint8, PK_*), `patEntity` (Int32: index into persons/parties/contestants/
 *   contests, or -1), `patFlags` (Uint8, PF_*), `patAux` (Int32: a number for hand signs and number
 *   words, a platform bitmask for accounts).
 * - Entity tables as JSON (labels in Indonesian for the dialog).
 */

/** Bump whenever the layout or the meaning of any field changes; loadEngine refuses other versions. */
export const COMPILED_FORMAT = 1;

export const ARRAY_NAMES = [
  'tokChars', 'tokOff', 'tokHash', 'prefixBits', 'rootChild', 'edgeStart', 'edgeTok', 'edgeNode',
  'outStart', 'outPat', 'patKind', 'patEntity', 'patFlags', 'patAux',
] as const;
export type ArrayName = (typeof ARRAY_NAMES)[number];

export const ARRAY_TYPES: Record<ArrayName, 'u8' | 'u16' | 'i32'> = {
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
};

// Pattern kinds
export const PK_PERSON = 1; // name/alias/nickname/misspelling → persons[entity]
export const PK_PARTY = 2; // party name/abbreviation → parties[entity]
export const PK_PARTY_SYMBOL = 3; // symbol words or emoji → parties[entity]
export const PK_PARTY_SLOGAN = 4;
export const PK_PAIR = 5; // pair name / acronym → contestants[entity]
export const PK_COALITION = 6; // coalition name → contestants[entity]
export const PK_HASHTAG = 7; // campaign hashtag → contestants[entity]
export const PK_AGAINST = 8; // hashtag against a contestant → contestants[entity]
export const PK_SLOGAN = 9; // campaign slogan → contestants[entity]
export const PK_SALUTE = 10; // salute in words → contestants[entity]
export const PK_TEAM = 11; // campaign team name → contestants[entity]
export const PK_ACCOUNT_PERSON = 12;
export const PK_ACCOUNT_PARTY = 13;
export const PK_ACCOUNT_CONTESTANT = 14;
export const PK_CONTEST_TERM = 15; // contest-wide partisan term → contests[entity]
export const PK_ELECTION_TERM = 16;
export const PK_SUPPORT_CUE = 17;
export const PK_NEUTRAL_CUE = 18;
export const PK_AMBIGUOUS = 19;
export const PK_HAND_SIGN = 20; // aux = number shown (0 = none)
export const PK_NUMBER_MARKER = 21;
export const PK_NUMBER_WORD = 22; // aux = value
/**
 * "tahun" right after a number: a count of years, or a regulation's or letter's number ("Perpres Nomor 2
 * Tahun 2024", "UU Nomor 20 Tahun 2023"), never a ballot number. Added after format 1 without a bump: an
 * older engine ignores the kind (no contestant kind), so it only misses the fix.
 */
export const PK_YEAR_WORD = 23;
/**
 * A noun whose own number follows it: a polling station, a neighbourhood, a district, a round, an article
 * ("TPS 04", "RT 02/RW 05", "dapil 2", "putaran 2", "pasal 2"), so that number is no ballot number, also
 * with a marker between ("TPS No. 04"). Added without a format bump, as PK_YEAR_WORD.
 */
export const PK_NUMBERED_NOUN = 24;
/**
 * A place name of a province (the bundle's `regions`): aux = the 2-digit province code as a number
 * (36 = Banten). Evidence for a context-requiring candidate name of a contest there, never a match of its
 * own. Added without a format bump, as PK_YEAR_WORD: an older engine ignores the kind (it carries its own
 * table), and this engine given older compiled rules only lacks the region evidence.
 */
export const PK_REGION = 25;

/** the term needs context (everyday word) */
export const PF_CONTEXT = 1;
/**
 * an everyday word used as an entity's acronym ("ERA", "PAS", "PAGI", "BERANI"): in text that has lower
 * case at all, it counts only when written in capitals ("era" and "Pas" are the everyday words)
 */
export const PF_CASE = 2;

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
  /** longest dictionary token, in chars (bounds glued-word segmentation) */
  maxTokLen: number;
  arrays: Record<ArrayName, string>;
  persons: CompiledPerson[];
  parties: CompiledParty[];
  contests: CompiledContest[];
  contestants: CompiledContestant[];
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
