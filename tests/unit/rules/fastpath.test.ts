/**
 * Differential tests: the optimised tokeniser (rules/normalize.ts, with its ASCII fast path) must produce
 * exactly what the frozen reference implementation (reference-normalize.ts) produces — every token's
 * chars, flags, hash, CamelCase marks and the original [start, end) offset of every normalised char —
 * on arbitrary strings, with and without a limit, reusing one buffer across calls as the engine does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBuffer } from '../../../rules/normalize.ts';
import { TokenBuffer as RefBuffer } from './reference-normalize.ts';

function snapshot(b: TokenBuffer | RefBuffer) {
  const n = b.n;
  const nt = b.nt;
  return {
    n,
    nt,
    chars: Array.from(b.chars.subarray(0, n)),
    oStart: Array.from(b.oStart.subarray(0, n)),
    oEnd: Array.from(b.oEnd.subarray(0, n)),
    camel: Array.from(b.camel.subarray(0, n)),
    tStart: Array.from(b.tStart.subarray(0, nt)),
    tEnd: Array.from(b.tEnd.subarray(0, nt)),
    tFlags: Array.from(b.tFlags.subarray(0, nt)),
    tHash: Array.from(b.tHash.subarray(0, nt)),
  };
}

const fast = new TokenBuffer();
const ref = new RefBuffer();
function same(s: string, limit?: number): void {
  const a = snapshot(limit === undefined ? fast.tokenize(s) : fast.tokenize(s, limit));
  const b = snapshot(limit === undefined ? ref.tokenize(s) : ref.tokenize(s, limit));
  expect(a).toEqual(b);
}

// words that exercise every branch of the fast path and its hand-over to the general path
const pieces = [
  'Prabowo', 'prabowooo', 'PPP', 'aa', 'A', 'aA', 'AaA', 'PrabowoGibran', 'ABCDef', 'AMIN', 'AMINnn', 'gemoyyy', 'Gemoyyy',
  'Pr4bowo', 'L3bihbaik', 'mahfud3', '2024', '02', '0', '2abc', 'abc2', 'a2b', 'PrabowoGibran2024',
  'http://x.com/anies', 'https://www.instagram.com/aniesbaswedan/?hl=id', 'www.tiktok.com/@ganjar', 'httpx', 'wwwx', 'hTtP', 'WWW.',
  'Café', 'Ｇｉｂｒａｎ', '𝐀𝐧𝐢𝐞𝐬', 'Pra\u200Bbowo', 'Gi\u00ADbran', '2️⃣', '✌🏽️', '🐂', 'ß', 'İ', '\uD800', '\uDC00',
  '#', '@', '@TKN.PrabowoGibran.', '.', '_', '-', ' ', '  ', '\n', '!', '"', '<', '#AminAjaDulu', '@a', 'x.com/p/abc',
];
const glued = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).chain((ws) =>
  fc.array(fc.constantFrom('', ' ', '', '#', '@', '-', '.'), { minLength: ws.length, maxLength: ws.length }).map((seps) => ws.map((w, i) => w + seps[i]).join('')),
);
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x17f }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.stringMatching(/^[#@ a-zA-Z0-9._:/\u200B✌️⃣é-]{0,60}$/),
  glued,
);

describe('tokeniser fast path ≡ reference tokeniser', () => {
  it('on fixed tricky strings', () => {
    for (const p of pieces) {
      same(p);
      same(`x ${p} y`);
      same(`#${p}`);
      same(`${p}${p}`);
    }
    same('Ａ Ｐr4bowooo ✌️ #GanjarMahfud cek @TKN.PrabowoGibran. dan https://www.instagram.com/aniesbaswedan/?hl=id');
  });
  it('on arbitrary strings (offsets, flags, hashes, camel marks)', () => {
    fc.assert(fc.property(anyText, (s) => same(s)), { numRuns: 3000 });
  });
  it('with a limit inside the string', () => {
    fc.assert(fc.property(anyText, fc.nat(90), (s, limit) => same(s, limit)), { numRuns: 1500 });
  });
  it('on long inputs (buffer growth)', () => {
    fc.assert(fc.property(fc.array(glued, { maxLength: 40 }), (parts) => same(parts.join(' '))), { numRuns: 200 });
    same('Prabowooo '.repeat(3000) + 'PrabowoGibran2024 '.repeat(500));
  });
});
