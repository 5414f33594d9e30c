/**
 * The tab set's escalation filter: which actions the tab's small rule set cannot judge alone.
 *
 * A tab loads a *tab set* (the national contests, plus the user's or agency's region when one is set:
 * rules/tab-set.ts builds it) instead of the full rule set, and with it this filter over the rest. The
 * matcher is token-keyed (rules/matcher.ts): every match starts at a dictionary token of the token stream,
 * and the stream of a text depends on the dictionary only through which chars are dictionary tokens (whole
 * words, and the pieces glued words, hashtags, handles and CamelCase are cut into). So the full engine's
 * verdict can differ from the tab set's only when the full engine's stream holds an *escalation token*:
 * a token of the full dictionary the tab set lacks, or the first token of a term whose pattern the two sets
 * do not share (another region's candidate, a person whose contests differ, …). A token the tab set lacks
 * that starts no such term changes nothing as a whole word (no tab term holds it; a full term through it
 * starts at an escalation token), only as a piece of a cut: it is an *escalation piece*. `needsFullSet`
 * answers "could the full stream of this content hold an escalation token, or a cut through an escalation
 * piece?" without the full dictionary, erring only towards yes:
 *
 *  - every token of the tokeniser (no word filter, so also the words a tab set would drop) is looked up
 *    whole in the escalation token bits, and one the matcher may cut (≥ MIN_GLUED chars) in the piece bits;
 *  - a word the matcher may cut into pieces (≥ MIN_GLUED chars) is cut here too, over a Bloom filter of the
 *    full dictionary (a superset of it): a plain word needs a cover of ≥ 4-char pieces from end to end that
 *    uses an escalation piece, as the matcher's full cover does; a hashtag, handle or CamelCase word needs an
 *    escalation piece reachable from its start or from a part boundary ('.', '_', a capital), as the
 *    matcher's partial cover of each part does (a short whole part: an escalation token). Every cover the
 *    matcher can choose is among these.
 *
 * The bit sets are Bloom filters (K_PROBES probes, ≥ BITS_PER_KEY bits per token, double hashing on the
 * token's FNV-1a hash, the hash the dictionary itself is keyed on): a false positive costs one round trip
 * to the background, never a wrong verdict. Plain data and typed arrays: safe for the content script.
 */
import type { ActionContent } from './actions.ts';
import { unpackBytes } from './compiled.ts';
import { HASH_INIT, TOK_CAMEL, TOK_HANDLE, TOK_HASHTAG, TOK_URL, TokenBuffer } from './normalize.ts';
import { MAX_GLUED, MIN_GLUED } from './tables.ts';
import { ARRAY_ITEMS_CAP, CONTENT_FIELDS, FIELD_CAP, TOTAL_CAP } from './verdict.ts';

/** What compiled rules of a tab set carry beside `data` (CompiledRules.fullSet). */
export interface FullSetFilterData {
  /** the longest token of the full dictionary (bounds the pieces tried) */
  maxTokLen: number;
  /** Bloom bits over every token of the full dictionary, packed (`packBytes`); a power of two bytes */
  dict: string;
  /** Bloom bits over the escalation pieces (the escalation tokens and every token the tab set lacks), packed */
  escalate: string;
  /** Bloom bits over the escalation tokens (what a whole token escalates on), packed */
  whole: string;
}

export const K_PROBES = 6;
export const BITS_PER_KEY = 16;

/** the second hash of double hashing, odd so that the probes visit distinct bits */
const second = (h: number) => (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (h >>> 12)) | 1;

/** Bloom bits for the given token hashes: ≥ BITS_PER_KEY bits per key, a power of two bytes (≥ 8). */
export function bloomBits(hashes: Iterable<number>, count: number): Uint8Array {
  let bytes = 8;
  while (bytes * 8 < count * BITS_PER_KEY) bytes *= 2;
  const bits = new Uint8Array(bytes);
  const mask = bytes * 8 - 1;
  for (const h of hashes) {
    const step = second(h);
    let a = h;
    for (let i = 0; i < K_PROBES; i++) {
      const b = a & mask;
      bits[b >>> 3]! |= 1 << (b & 7);
      a = (a + step) | 0;
    }
  }
  return bits;
}

/** a Bloom bit set (a power of two bytes) asked for a hash */
function bloomHas(bits: Uint8Array, h: number): boolean {
  const mask = bits.length * 8 - 1;
  const step = second(h);
  let a = h;
  for (let i = 0; i < K_PROBES; i++) {
    const b = a & mask;
    if (!(bits[b >>> 3]! & (1 << (b & 7)))) return false;
    a = (a + step) | 0;
  }
  return true;
}

const isPow2 = (n: number) => n >= 8 && (n & (n - 1)) === 0;

/** The escalation filter of a tab set, loaded (closures rather than a class: the content script's size). */
export interface FullSetFilter {
  /** Could the full rule set's verdict on this content differ from the tab set's? (false: it cannot) */
  needsFullSet(content: ActionContent): boolean;
}

export const FullSetFilter = {
  /**
   * The filter of compiled rules that carry one, or null (a full set: nothing to escalate). Throws on a
   * `fullSet` that is not what rules/tab-set.ts writes: a tab that cannot tell when to escalate must not
   * pass for one that can.
   */
  of(compiled: { fullSet?: unknown }): FullSetFilter | null {
    const data = compiled?.fullSet as Partial<FullSetFilterData> | undefined;
    if (data === undefined) return null;
    const [dict, esc, whole] = [data?.dict, data?.escalate, data?.whole].map((x) => (typeof x === 'string' ? unpackBytes(x) : null));
    const maxTokLen = data?.maxTokLen;
    if (![dict, esc, whole].every((b) => b && isPow2(b.length)) || typeof maxTokLen !== 'number' || !(maxTokLen >= 1)) {
      throw new Error('compiled rules: fullSet is not an escalation filter');
    }
    return filterOf(dict!, esc!, whole!, Math.min(maxTokLen | 0, MAX_GLUED));
  },
};

function filterOf(dict: Uint8Array, esc: Uint8Array, whole: Uint8Array, maxTokLen: number): FullSetFilter {
  const buf = new TokenBuffer();
  /** per char position of the word being cut: bit 1 reachable, 2 reachable through an escalation piece, 4 a part boundary */
  let reach = new Uint8Array(MAX_GLUED + 1);

  /**
   * Chars [a, b) of the buffer. `parts` false, a plain word: a cover by ≥ 4-char dictionary pieces from end
   * to end that uses an escalation piece (the whole word is no piece: the matcher looks it up whole).
   * `parts` true, a hashtag, handle or CamelCase word: an escalation piece reachable by ≥ 3-char dictionary
   * pieces from the start or from a part boundary (after '@', '.' or '_', at or after a capital), or a
   * short whole part that is an escalation token.
   */
  const cut = (a: number, b: number, parts: boolean): boolean => {
    const chars = buf.chars;
    const len = b - a;
    if (reach.length <= len) reach = new Uint8Array(len * 2);
    reach.fill(0, 0, len + 1);
    reach[0] = 5;
    if (parts) {
      for (let k = 1; k < len; k++) {
        const c = chars[a + k - 1]!;
        if (c === 46 || c === 95 || c === 64 || buf.camel[a + k] || buf.camel[a + k - 1]) reach[k] = 5;
      }
      reach[len]! |= 4;
    }
    const minPiece = parts ? 2 : 3;
    for (let i = 0; i < len; i++) {
      const from = reach[i]! & 3;
      if (!from) continue;
      let h = HASH_INIT;
      const lim = Math.min(len, i + maxTokLen);
      for (let k = i; k < lim; k++) {
        h = Math.imul(h ^ chars[a + k]!, 16777619);
        if (k - i < minPiece) {
          if (parts && reach[i]! & 4 && reach[k + 1]! & 4 && bloomHas(whole, h)) return true;
          continue;
        }
        if ((!parts && i === 0 && k + 1 === len) || !bloomHas(dict, h)) continue;
        // every escalation piece is a dictionary token: the dictionary bits first, which most pieces fail
        if (bloomHas(esc, h)) {
          if (parts) return true;
          reach[k + 1]! |= 2;
        } else reach[k + 1]! |= from;
      }
    }
    return !parts && (reach[len]! & 2) !== 0;
  };

  const fieldNeeds = (str: string, limit: number): boolean => {
    buf.tokenize(str, limit);
    for (let t = 0; t < buf.nt; t++) {
      const h = buf.tHash[t]!;
      if (bloomHas(whole, h)) return true;
      const a = buf.tStart[t]!;
      const b = buf.tEnd[t]!;
      if (b - a < MIN_GLUED) continue;
      // a long token only the full set has: the tab set may cut it into its own tokens
      if (bloomHas(esc, h)) return true;
      const f = buf.tFlags[t]!;
      const parts = (f & (TOK_HASHTAG | TOK_HANDLE)) !== 0 || (f & (TOK_CAMEL | TOK_URL)) === TOK_CAMEL;
      if ((parts || b - a <= MAX_GLUED) && cut(a, b, parts)) return true;
    }
    return false;
  };

  return {
    needsFullSet(content) {
      let budget = TOTAL_CAP;
      for (const field of CONTENT_FIELDS) {
        const v = (content as Record<string, unknown>)[field];
        const items = Array.isArray(v) ? v.slice(0, ARRAY_ITEMS_CAP) : [v];
        // the engine scans hashtags as "#…" and a handle as "@…" (rules/engine.ts)
        const prefix = field === 'hashtags' ? '#' : field === 'handle' ? '@' : '';
        for (const item of items) {
          if (typeof item !== 'string' || item.length === 0 || budget <= 0) continue;
          const str = prefix && !item.startsWith(prefix) ? prefix + item : item;
          const limit = Math.min(str.length, FIELD_CAP, budget);
          budget -= limit;
          if (fieldNeeds(str, limit)) return true;
        }
      }
      return false;
    },
  };
}
