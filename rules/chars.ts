/**
 * The primitives the tokeniser (rules/normalize.ts) and its word filter (rules/word-filter.ts) share:
 * token flags, ASCII character classes and the FNV-1a hash. No dependencies.
 */

export const TOK_HASHTAG = 1;
export const TOK_HANDLE = 2;
export const TOK_URL = 4;
export const TOK_EMOJI = 8;
export const TOK_NUMBER = 16;
export const TOK_KEYCAP = 32;
export const TOK_CAMEL = 64;
/** original letters of the token were all upper-case (≥ 2 letters): "AMIN", "PKB" */
export const TOK_CAPS = 128;

// ASCII char classes for the fast path: 1 = upper-case letter, 2 = lower-case letter, 3 = digit, 0 = other.
export const CLS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) CLS[c] = 1;
for (let c = 97; c <= 122; c++) CLS[c] = 2;
for (let c = 48; c <= 57; c++) CLS[c] = 3;

/** FNV-1a step, 32-bit. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
/** A typed array of `size` elements, of a's type, that starts with a's values (the buffers grow by doubling). */
export function grown<T extends Uint8Array | Uint16Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export const HASH_INIT = 0x811c9dc5 | 0;

// NOTE: no closures (`const f = () => …`) on hot paths: tsx/esbuild's keepNames wraps each one in a
// defineProperty call per creation, which costs more than the whole per-char work.
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** cheap pre-check before urlAt: "http…" or "www." */
export function maybeUrl(input: string, i: number, c: number): boolean {
  if (c === 104 || c === 72) return (input.charCodeAt(i + 3) | 32) === 112 && (input.charCodeAt(i + 1) | 32) === 116; // "ht?p"
  return input.charCodeAt(i + 3) === 46 && (input.charCodeAt(i + 1) | 32) === 119; // "ww?."
}
