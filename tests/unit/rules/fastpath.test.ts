/**
 * Differential tests: the optimised tokeniser (rules/normalize.ts, with its ASCII fast path) must produce
 * exactly what the frozen reference implementation (reference-normalize.ts) produces — every token's
 * chars, flags, hash, CamelCase marks and the original [start, end) offset of every normalised char —
 * on arbitrary strings, with and without a limit, reusing one buffer across calls as the engine does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HASH_INIT, TOK_CAMEL, TokenBuffer, WORD_DROP, WORD_WRITE, hashStep, tokenText, type WordFilter } from '../../../rules/normalize.ts';
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
    // CamelCase marks are only defined (and only read) inside TOK_CAMEL tokens
    camel: Array.from({ length: nt }, (_, t) => (b.tFlags[t]! & TOK_CAMEL ? Array.from(b.camel.subarray(b.tStart[t]!, b.tEnd[t]!)) : null)),
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
  // numbers that are no ballot number: numbered nouns, markers, times, dates, decimals, links
  'TPS', 'rt', 'No.', 'nomor', 'dua', 'tahun', '03.15', '01/01/2024', '09:05', '02,5', 'ke-2', 'https://t.co/j04g3', '3', 'https://t.co/qeNciHSAvA', '#ppksayung', 'ppks', 'PDIPmenang', 'LUMANuntukJatim', 'KPUMelayani', 'HTMLParser',
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

// ---------------------------------------------------------------------------------------------
// whole engine: the optimised engine (fast tokeniser, segmentation filters) ≡ the frozen reference engine

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
/**
 * A word filter (as the engine sets) may drop plain words or resolve them without writing their chars.
 * Whatever it decides, every token that is still emitted must be the same token, at the same ordinal
 * (index + words dropped before it), with the same original offsets, flags and hash, as without a filter.
 */
describe('tokeniser with a word filter ≡ without', () => {
  const mk = (seed: number): WordFilter => ({
    wordBits: new Uint8Array(8192).map((_, k) => (k * 2654435761 + seed) & 0xff),
    wordBitsMask: 65535,
    minAsk: (seed % 5) + 2,
    maxAsk: (seed % 7) + 6,
    prefixBits: new Uint8Array(8192).map((_, k) => (k * 40503 + seed) & 0xff),
    stemBits: new Uint8Array(1024).map((_, k) => (k * 9973 + seed) & 0xff),
    stemMask: 8191,
    classifyWord(input, i, j, h, m, h3, h4, afterGap) {
      // h3/h4 are the hashes of the first 3 / 4 normalised chars, as promised
      if (m >= 4) {
        const chars = input.slice(i, j).toLowerCase().replace(/(.)\1+/g, '$1');
        expect([h3, h4]).toEqual([hashOf(chars.slice(0, 3)), hashOf(chars.slice(0, 4))]);
      }
      expect(typeof afterGap).toBe('boolean');
      const v = (h ^ seed) & 3;
      return v === 0 ? WORD_DROP : v === 1 ? WORD_WRITE : (h >>> 4) & 1023;
    },
  });
  const hashOf = (w: string) => {
    let h = HASH_INIT;
    for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
    return h;
  };
  const plain = new TokenBuffer();
  const filtered = new TokenBuffer();
  const check = (s: string, seed: number) => {
    plain.tokenize(s);
    filtered.filter = mk(seed);
    filtered.tokenize(s);
    let ord = 0;
    let dropped = 0;
    for (let t = 0; t < filtered.nt; t++) {
      ord += filtered.tGap[t]!;
      dropped += filtered.tGap[t]!;
      const o = ord++;
      expect(o).toBeLessThan(plain.nt);
      expect([filtered.tO0[t], filtered.tO1[t], filtered.tFlags[t], filtered.tHash[t]]).toEqual([plain.tO0[o], plain.tO1[o], plain.tFlags[o], plain.tHash[o]]);
      if (filtered.tId[t]! >= 0) expect(filtered.tEnd[t]).toBe(filtered.tStart[t]);
      else expect(tokenText(filtered, t)).toBe(tokenText(plain, o));
    }
    // the plain buffer's own offsets agree with its chars
    for (let t = 0; t < plain.nt; t++) expect([plain.tO0[t], plain.tO1[t]]).toEqual([plain.oStart[plain.tStart[t]!], plain.oEnd[plain.tEnd[t]! - 1]]);
    expect(ord).toBeLessThanOrEqual(plain.nt);
    return dropped;
  };
  it('on arbitrary strings and filters', () => {
    fc.assert(fc.property(anyText, fc.nat(), (s, seed) => void check(s, seed)), { numRuns: 3000 });
  });
  it('drops words of ordinary text', () => {
    expect(check('Selamat pagi semuanya, jangan lupa sarapan dan minum air putih ya teman teman', 1)).toBeGreaterThan(0);
  });
});

import { compileBundle } from '../../../rules/compile.ts';
import { buildWordAutomaton } from '../../../rules/automaton.ts';
import { countMatches, loadEngine } from '../../../rules/engine.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { ROOT, devBundle } from './helpers.ts';
import { loadEngine as loadReference } from './reference-engine.ts';

describe('engine ≡ reference engine', () => {
  const bundles = [devBundle(), loadDefaultBundle()];
  const engines = bundles.map((b) => {
    const c = JSON.parse(JSON.stringify(compileBundle(b)));
    // the reference walks one trie: it gets the region names there, as they were compiled before
    const inTrie = JSON.parse(JSON.stringify(compileBundle(b, undefined, { regionsInTrie: true })));
    return { fast: loadEngine(c), auto: loadEngine(c, { wordAutomaton: buildWordAutomaton }), ref: loadReference(inTrie) };
  });
  const evalDir = join(ROOT, 'tests/fixtures/eval');
  const lines = readdirSync(evalDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(evalDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));
  // words of the eval texts, and distortions the normaliser must see through
  const words = [...new Set(lines.flatMap((l) => l.split(/\s+/)).filter(Boolean))];
  const distort = fc.tuple(fc.constantFrom(...words), fc.nat(5)).map(([w, k]) =>
    k === 0 ? w.toUpperCase() : k === 1 ? w.replace(/a/g, '4').replace(/e/g, '3') : k === 2 ? w.replace(/o/g, 'ooo') : k === 3 ? '#' + w : k === 4 ? w + w : w,
  );
  const text = fc.array(fc.oneof(distort, fc.constantFrom(...pieces)), { maxLength: 30 }).chain((ws) =>
    fc.array(fc.constantFrom(' ', ' ', '', '-', ', ', '#', '\u200B'), { minLength: ws.length, maxLength: ws.length }).map((seps) => ws.map((w, i) => w + seps[i]).join('')),
  );
  const at = fc.constantFrom('2024-01-10', '2023-06-01', '2024-11-20', '2025-03-01');
  const same = (content: Record<string, unknown>, ctx: { at: string }) => {
    for (const e of engines) {
      const want = e.ref.evaluate(content, ctx);
      expect(e.fast.evaluate(content, ctx)).toEqual(want);
      expect(e.auto.evaluate(content, ctx)).toEqual(want);
    }
  };

  it('on every eval text', () => {
    for (const l of lines) same({ text: l }, { at: '2024-01-10' });
  });
  it('on arbitrary mixes of eval words, distortions and tricky pieces', () => {
    fc.assert(fc.property(text, at, (t, d) => same({ text: t }, { at: d })), { numRuns: 1500 });
  });
  it('on arbitrary Unicode and several fields', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.array(anyText, { maxLength: 3 }), at, (t, h, tags, d) => same({ text: t, handle: h, hashtags: tags, quoted: t + ' ' + h }, { at: d })),
      { numRuns: 800 },
    );
  });
});

/**
 * The word automaton (rules/automaton.ts, a WordScanner given to loadEngine) is only a faster way to reach the filter's answers:
 * with it switched off, every verdict, reason, span and raw match count must stay the same. The words
 * are the dictionary's own tokens in every shape the automaton treats differently: capitalised, in
 * capitals, stretched, first letter doubled, one letter repeated, glued to each other or to a suffix,
 * cut by the end of the input, next to digits, `#`, `@`, URLs and non-ASCII.
 */
describe('word automaton ≡ the same engine without it', () => {
  const pairs = [devBundle(), loadDefaultBundle()].map((b) => {
    const c = JSON.parse(JSON.stringify(compileBundle(b)));
    const on = loadEngine(c, { wordAutomaton: buildWordAutomaton });
    const off = loadEngine(c);
    return { on, off };
  });
  const internals = pairs[1]!.on as unknown as { words: unknown; tokChars: Uint16Array; tokOff: Int32Array };
  const tokens: string[] = [];
  for (let t = 0; t + 1 < internals.tokOff.length; t++) tokens.push(String.fromCharCode(...internals.tokChars.subarray(internals.tokOff[t]!, internals.tokOff[t + 1]!)));
  const plainTokens = tokens.filter((w) => /^[a-z]+$/.test(w));
  const shape = fc.tuple(fc.constantFrom(...plainTokens), fc.nat(11), fc.constantFrom(...plainTokens)).map(([w, k, v]) => {
    switch (k) {
      case 0: return w[0]!.toUpperCase() + w.slice(1);
      case 1: return w.toUpperCase();
      case 2: return w.replace(/([aiueo])/, '$1$1$1');
      case 3: return w[0]! + w;
      case 4: return w[0]!.repeat(3);
      case 5: return w + v;
      case 6: return w + 'nya';
      case 7: return w[0]!.toUpperCase() + w.slice(1) + v[0]!.toUpperCase() + v.slice(1);
      case 8: return w.slice(0, Math.max(1, w.length - 1));
      case 9: return 'x' + w;
      case 10: return w + '2';
      default: return w;
    }
  });
  const text = fc.array(fc.oneof(shape, shape, fc.constantFrom(...pieces)), { maxLength: 25 }).chain((ws) =>
    fc.array(fc.constantFrom(' ', ' ', ' ', ', ', '.', '#', '@', '', '\n', 'é', ':'), { minLength: ws.length, maxLength: ws.length }).map((seps) => ws.map((w, i) => w + seps[i]).join('')),
  );
  const at = fc.constantFrom('2024-01-10', '2024-11-20');
  const same = (t: string, d: string) => {
    for (const { on, off } of pairs) {
      expect(on.evaluate({ text: t }, { at: d })).toEqual(off.evaluate({ text: t }, { at: d }));
      expect(countMatches(on, t)).toBe(countMatches(off, t));
    }
  };

  it('is built for the shipped rules and resolves their plain tokens', () => {
    expect(internals.words).not.toBeNull();
    expect((pairs[1]!.off as unknown as { words: unknown }).words).toBeNull();
    expect(plainTokens.length).toBeGreaterThan(500);
    // a dictionary word alone is a match with the automaton as without it
    for (const w of plainTokens) same(w, '2024-01-10');
  });
  it('on fixed shapes that take each of its paths', () => {
    for (const t of ['PPP', 'ppp', 'Ppp', 'pp', 'www.prabowo', 'wwprabowo', 'http://anies.id', 'htprabowo', 'hxxp', 'Prabowo', 'PRABOWO', 'PrabowoGibran', 'xyzPrabowo',
      'prabowooo', 'pprabowo', 'aminajadulu', 'AminAjaDulu', 'prabowo2', 'prabowo#gibran', 'prabowo@gibran', 'prabowoé', 'amin amin', 'nomor urut 2 prabowo', 'prabowo', 'prabowo ',
      'www.instagram.com/aniesbaswedan', 'wwW.x.com/prabowo', 'Www.tiktok.com/@ganjarpranowo', 'hTtps://x.com/prabowo', 'ht.x.com/prabowo',
      // glued words that stop inside a longer token (gerakcepat < gerakcepatganjarmahfud): handed back, not dropped
      'gerakcepat', 'ganjarpresiden menang', 'prabowogibransatu']) {
      same(t, '2024-01-10');
    }
  });
  it('on arbitrary mixes of dictionary words in every shape', () => {
    fc.assert(fc.property(text, at, (t, d) => same(t, d)), { numRuns: 2000 });
  });
  // the benchmark's two lower bounds must walk the same table the same way, or they bound nothing
  it("the bench's scan-loop floors take the scanner's transitions (same dropped words)", () => {
    const words = internals.words as { scan(b: TokenBuffer, s: string, i: number, n: number): number; transitionsOnly(s: string): number; transitionsTwoStreams(s: string): number };
    // plain lower-case words, each followed by a separator: tokens, and words that are none
    const tokenSet = new Set(tokens);
    const other = fc.stringMatching(/^[a-z]{1,9}$/).filter((w) => !tokenSet.has(w.replace(/(.)\1+/g, '$1'))); // repeats collapse
    const plain = fc.array(fc.oneof(other, fc.constantFrom(...plainTokens)), { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' ') + ' ');
    const noTokens = fc.array(other, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' ') + ' ');
    fc.assert(
      fc.property(noTokens, plain, plain, (n, a, b) => {
        const buf = new TokenBuffer();
        // where the scanner drops every word itself (no hand-back of a possible glued word), the loop counts them all
        if (words.scan(buf, n, 0, n.length) === n.length) expect([buf.nt, words.transitionsOnly(n)]).toEqual([0, buf.gap]);
        // split at a separator, the two interleaved halves count what the plain loop counts in each
        expect(words.transitionsTwoStreams(a + a)).toBe(2 * words.transitionsOnly(a));
        if (a.length === b.length) expect(words.transitionsTwoStreams(a + b)).toBe(words.transitionsOnly(a) + words.transitionsOnly(b));
      }),
      { numRuns: 300 },
    );
    expect(words.transitionsOnly('zq zq xk ')).toBe(3);
    expect(words.transitionsTwoStreams('zq zq xk zx ')).toBe(4);
  });
  it('when the input ends inside a word', () => {
    fc.assert(
      fc.property(text, fc.nat(200), (t, k) => {
        const cut = t.slice(0, Math.min(t.length, k));
        for (const { on, off } of pairs) expect([countMatches(on, cut), on.evaluate({ text: cut }, { at: '2024-01-10' })]).toEqual([countMatches(off, cut), off.evaluate({ text: cut }, { at: '2024-01-10' })]);
      }),
      { numRuns: 500 },
    );
  });
});
