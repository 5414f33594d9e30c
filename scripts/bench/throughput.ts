/**
 * The engine's throughput figures (issue #3): normalise + match vs a RegExp alternation over the same
 * terms, vs one bare pass over the char codes, and vs a word-hash floor, all measured in one process on
 * the same texts.
 *
 * engine.ts runs this file in a fresh child process, as a bundle built by Vite (ES module, esbuild
 * minification, as the extension ships the engine), on texts read with JSON.parse (flat strings, as
 * DOM text is). The engine is loaded with the word automaton (rules/automaton.ts), as bulk scanning
 * loads it; the same scan without it (the content script's configuration) is measured too. Loading only the compiled rules matters: running
 * compileBundle in the same process first leaves V8 with tokeniser code shaped by thousands of short
 * rule terms (measured ~40% slower). Run through tsx instead (esbuild, file by file, unminified), the same engine
 * measures ~25–35% slower than bundled, while the RegExp and the bare pass do not change: the bench
 * prints which way it ran.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWordAutomaton } from '../../rules/automaton.ts';
import { countMatches, loadEngine, type Engine } from '../../rules/engine.ts';

export function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Throughput {
  /** normalise + match without the word automaton (the content script's configuration), when measured */
  tPlain?: number;
  /** one loop that only lower-cases, collapses repeats, hashes each word and tests one bit per word (no matching) */
  tFloor: number;
  /** the word automaton's scan loop alone, no output (a lower bound for any scan through its table), when loaded */
  tWalk?: number;
  /** the same loop over UTF-8 bytes, two halves interleaved (the fastest loop shape found), when loaded */
  tWalk2?: number;
  chars: number;
  texts: number;
  tEngine: number;
  matches: number;
  tEvaluate: number;
  /** the RegExp's time and hits scaled to the whole corpus from the `reChunks` chunks it read */
  tRegex: number;
  reHits: number;
  reChunks: number;
  tBare: number;
}

/**
 * Engine vs RegExp alternation vs a bare char-code pass over the same corpus, all in this process,
 * measured in alternating rounds: this machine has slow spells (everything ~1.5× slower for seconds),
 * and a ratio of two figures taken at different times swung by ±20%. Each round times every contender
 * once (the short ones a few times) and each keeps its best over all rounds. `plain`: the engine in
 * another configuration, timed the same way (the content script's, without the word automaton).
 */
export function throughput(engine: Engine, terms: string[], chunks: string[], plain?: Engine): Throughput {
  const chars = chunks.reduce((a, c) => a + c.length, 0);
  const at = '2024-01-10';
  const evalAll = (e: Engine) => () => {
    for (const c of chunks) e.evaluate({ text: c }, { at });
  };
  let matches = 0;
  const scanAll = (e: Engine) => () => {
    matches = 0;
    for (const c of chunks) matches += countMatches(e, c);
  };
  let sink = 0;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...terms].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  // An alternation's cost grows with its term count (V8 tries every alternative at each position): with the
  // country's rule data (~23,900 terms) it costs ~0.75 ms per char, so ten passes over the corpus took most
  // of an hour. It is timed on a prefix of the chunks sized from one chunk's time (≤ ~1.5 s a pass) and
  // scaled to the corpus's chars; `reChunks` says how much it read.
  const t0 = performance.now();
  for (const _ of chunks[0]!.matchAll(re)) sink++;
  const reChunks = Math.max(1, Math.min(chunks.length, Math.floor(1500 / Math.max(performance.now() - t0, 0.001))));
  const reSample = chunks.slice(0, reChunks);
  const reScale = chars / reSample.reduce((a, c) => a + c.length, 0);
  let reHits = 0;
  const regexAll = () => {
    reHits = 0;
    for (const c of reSample) for (const _ of c.matchAll(re)) reHits++;
  };
  // small module-level functions: as an inline closure the bare pass measured 1.6 ms in most runs and
  // 3.2–3.8 ms in some (same build)
  const bare = () => {
    for (const c of chunks) sink ^= barePass(c);
  };
  const floor = () => {
    for (const c of chunks) sink ^= wordHashFloor(c);
  };
  const automaton = (engine as unknown as { words: { transitionsOnly?: (s: string) => number; transitionsTwoStreams?: (s: string) => number } | null }).words;
  const walk = () => {
    if (automaton?.transitionsOnly) for (const c of chunks) sink ^= automaton.transitionsOnly(c);
  };
  const walk2 = () => {
    if (automaton?.transitionsTwoStreams) for (const c of chunks) sink ^= automaton.transitionsTwoStreams(c);
  };
  // warm up every contender
  evalAll(engine)();
  scanAll(engine)();
  if (plain) scanAll(plain)();
  regexAll();
  bare();
  floor();
  walk();
  walk2();
  let tEngine = Infinity;
  let tPlain = Infinity;
  let tRegex = Infinity;
  let tBare = Infinity;
  let tFloor = Infinity;
  let tWalk = Infinity;
  let tWalk2 = Infinity;
  for (let round = 0; round < 8; round++) {
    tEngine = Math.min(tEngine, bestOf(2, scanAll(engine)));
    if (plain) tPlain = Math.min(tPlain, bestOf(2, scanAll(plain)));
    tRegex = Math.min(tRegex, bestOf(1, regexAll));
    tBare = Math.min(tBare, bestOf(6, bare));
    tFloor = Math.min(tFloor, bestOf(3, floor));
    if (automaton?.transitionsOnly) tWalk = Math.min(tWalk, bestOf(3, walk));
    if (automaton?.transitionsTwoStreams) tWalk2 = Math.min(tWalk2, bestOf(3, walk2));
  }
  const tEvaluate = bestOf(5, evalAll(engine));
  scanAll(engine)(); // leaves `matches` as the engine's count
  if (sink === 0.5) console.log(sink);
  return { chars, texts: chunks.length, tEngine, matches, tEvaluate, tRegex: tRegex * reScale, reHits: Math.round(reHits * reScale), reChunks, tBare, tFloor, ...(plain ? { tPlain } : {}), ...(tWalk < Infinity ? { tWalk } : {}), ...(tWalk2 < Infinity ? { tWalk2 } : {}) };
}

/** One bare pass over the char codes (the "loop over its char codes"). */
function barePass(s: string): number {
  let x = 0;
  for (let i = 0; i < s.length; i++) x = (x + s.charCodeAt(i)) | 0;
  return x;
}

// ASCII letters → lower-case code, everything else 0
const FLOOR_CLS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) FLOOR_CLS[c] = c + 32;
for (let c = 97; c <= 122; c++) FLOOR_CLS[c] = c;
const FLOOR_BITS = new Uint8Array(8192);
for (let k = 0; k < 1100; k++) {
  const h = Math.imul(k, 2654435761);
  FLOOR_BITS[(h >>> 3) & 8191]! |= 1 << (h & 7);
}
/**
 * The least any word-based matcher does per char: read it, fold its case, skip a repeated letter, hash it,
 * and per word test one bit. No offsets, no matching. Printed to show what "within 3× of a bare pass"
 * leaves for everything else.
 */
function wordHashFloor(s: string): number {
  let h = 0x811c9dc5 | 0;
  let prev = 0;
  let m = 0;
  let hits = 0;
  for (let i = 0; i < s.length; i++) {
    const c0 = s.charCodeAt(i);
    const c = c0 < 128 ? FLOOR_CLS[c0]! : 0;
    if (c === 0) {
      if (m > 0) {
        if (FLOOR_BITS[(h >>> 3) & 8191]! & (1 << (h & 7))) hits++;
        h = 0x811c9dc5 | 0;
        prev = 0;
        m = 0;
      }
      continue;
    }
    if (c !== prev) {
      prev = c;
      h = Math.imul(h ^ c, 16777619);
      m++;
    }
  }
  return hits;
}


/** In the child process: compiled rules, terms and texts from the directory, result written next to them. */
export const CHILD_ENV = 'JAGA_BENCH_ENGINE_THROUGHPUT';
const childDir = typeof process !== 'undefined' ? process.env[CHILD_ENV] : undefined;
if (childDir) {
  const read = (f: string) => JSON.parse(readFileSync(join(childDir, f), 'utf8')) as unknown;
  const compiled = read('compiled.json') as Parameters<typeof loadEngine>[0];
  const texts = read('texts.json') as string[];
  // with the word automaton (as bulk scanning loads it), and the content script's configuration without
  const result = throughput(loadEngine(compiled, { wordAutomaton: buildWordAutomaton }), read('terms.json') as string[], texts, loadEngine(compiled));
  writeFileSync(join(childDir, 'result.json'), JSON.stringify(result));
}
