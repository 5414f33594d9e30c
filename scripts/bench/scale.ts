/**
 * The rule set at scale (issue #20, item 3): 2,000, 30,000 and 300,000 synthetic candidate names on
 * top of the dev bundle. Per size: compile time; what one tab holds after loading the rules as it
 * receives them (heap and buffers, measured in a fresh child process that reads the stored `engine`
 * value and loads it the way entrypoints/content/state.ts does); load time; match time per char
 * (this process, every size loaded first and timed in alternating rounds, so a slow spell of the
 * machine hits all alike); the ratios against 2,000 names measured in the same run. The names are
 * spread over the 38 provinces. A tab holds a tab set with its escalation filter (rules/tab-set.ts), as
 * the background stores it: `perTabBytes`/`loadMs` are the default tab's (no region set: the national
 * part), `…Region` a tab with region TAB_REGION, `…Full` a tab that held the full set (what every tab
 * without a region held before tab sets). The escalation: the filter's cost per char in the click path,
 * how many corpus texts it sends to the background, and what one full verdict costs there.
 *
 * `npm run --silent bench -- scale --json`: one JSON line per size, then one per ratio.
 * Targets at 300,000 names: ≤ 8 MB per tab, load ≤ 20 ms, match ≤ 1.5× that at 2,000 names, compile ≤ 2 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildWordAutomaton } from '../../rules/automaton.ts';
import { compileBundle } from '../../rules/compile.ts';
import { bytesToBase64, unpackBytes, type CompiledRules } from '../../rules/compiled.ts';
import { countMatches, loadEngine, type Engine } from '../../rules/engine.ts';
import { FullSetFilter } from '../../rules/full-set-filter.ts';
import { tabRules } from '../../rules/tab-set.ts';
import { parseRuleBundle, type RuleBundle } from '../../rules/schema.ts';
import { shippedCompile } from './compile-shipped.ts';
import { bestOf } from './throughput.ts';

export const name = 'scale';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCALE_SIZES = [2_000, 30_000, 300_000];
const CHILD_ENV = 'JAGA_BENCH_SCALE_CHILD';

/** n unique synthetic Indonesian-looking names (seeded). */
export function syntheticNames(n: number): string[] {
  const syl = ['ba', 'di', 'su', 'har', 'to', 'ni', 'ka', 'ra', 'wan', 'ti', 'ma', 'ya', 'sa', 'ri', 'no', 'ta', 'lu', 'gi', 'pra', 'se', 'tya', 'an', 'dra', 'wi', 'jo', 'ko', 'mu', 'lia', 'ha', 'dy', 'fa', 'rul', 'zi', 'ad', 'hen', 'dri', 'yo', 'gus', 'sri', 'ati'];
  let seed = 7;
  // high bits: the low bits of an LCG have short periods
  const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
  const word = (min: number) => {
    let w = '';
    const len = min + rnd(2);
    for (let i = 0; i < len; i++) w += syl[rnd(syl.length)];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const nm = `${word(2)} ${word(2)}${rnd(4) === 0 ? ' ' + word(2) : ''}`;
    if (seen.has(nm)) continue;
    seen.add(nm);
    out.push(nm);
  }
  return out;
}

/** the 38 provinces' codes */
export const PROVINCES = [
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53',
  '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94', '95', '96',
];
/** the region of the tabs measured with a regional rule set (rules/compile.ts, regionalBundle) */
export const TAB_REGION = '35';

/**
 * The dev bundle plus n legislative candidates (one person each), spread over one provincial list
 * per province, as the country's ~300,000 candidates are regional (DPRD lists; DPR by district).
 */
export function scaledBundle(base: RuleBundle, n: number): RuleBundle {
  const names = syntheticNames(n);
  const persons = names.map((nm, i) => ({ id: `caleg-${i}`, name: nm }));
  return {
    ...base,
    persons: [...base.persons, ...persons],
    contests: [
      ...base.contests,
      ...PROVINCES.map((region, r) => ({
        id: `pileg-2024-synthetic-${region}`,
        name: `Pileg 2024 (sintetis) ${region}`,
        kind: 'pileg',
        region,
        phases: [{ kind: 'kampanye', from: '2023-11-28', to: '2024-02-10' }],
        contestants: persons.filter((_, i) => i % PROVINCES.length === r).map((p) => ({ id: `k-${p.id}`, persons: [p.id] })),
      })),
    ],
  } as RuleBundle;
}

export function devBundle(): RuleBundle {
  const r = parseRuleBundle(parse(readFileSync(join(ROOT, 'tests/fixtures/dev-bundle.yaml'), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bundle;
}

/** What one tab holds after loading (child process). */
interface TabFigures {
  perTabBytes: number;
  heapBytes: number;
  bufferBytes: number;
  loadMs: number;
  parseMs: number;
}

export interface ScaleLine extends TabFigures {
  names: number;
  /**
   * compileBundle of the full set as the background runs it at every new bundle: the shipped code (a
   * Vite bundle, minified, without Node's Buffer) in a fresh process, the median of three such
   * processes' first compile (compile-shipped.ts)
   */
  compileMs: number;
  /** the same compile in this process through tsx (the figure before 2026-12-08; `jaga build` runs so) */
  compileMsTsx: number;
  /** the background's derivation of the default tab's rules: compiling the national part and its filter */
  tabSetMs: number;
  /** a tab where a region is set (TAB_REGION): its tab set, as the background stores it */
  perTabBytesRegion: number;
  loadMsRegion: number;
  /** the background's derivation of that tab set */
  compileMsRegion: number;
  /** a tab holding the full set (before tab sets: every tab without a region) */
  perTabBytesFull: number;
  loadMsFull: number;
  /** match time per char of the default tab's engine (the content script's configuration) */
  matchNsPerChar: number;
  /** the same for the full set, without and with the word automaton (the background, `jaga check`) */
  matchNsPerCharFull: number;
  matchNsPerCharAutomaton: number;
  /** the escalation filter's check per char of content, over the eval sentences one post at a time (runs on every action with content) */
  filterNsPerChar: number;
  /** share of the eval sentences (one post each) the filter sends to the background: all, and the everyday ones */
  escalatedShare: number;
  escalatedShareEveryday: number;
  /** one full verdict in the background (evaluate on the full engine, plus structured clones of the request and the answer), per escalated text */
  fullVerdictMs: number;
  /** the escalation filter's bits (dictionary and escalation tokens), bytes */
  filterBytes: number;
  /** the stored `engine` value as JSON (what storage.local holds for the content scripts: the default tab's) */
  storedBytes: number;
  /** the default tab's compiled buffer, and the full set's */
  dataBytes: number;
  dataBytesFull: number;
  /** the full buffer as base64 (the other string encoding measured): its size and decoding time */
  base64Bytes: number;
  base64DecodeMs: number;
  packedDecodeMs: number;
}

/** The stored `engine` value as the background writes it (entrypoints/background/rules-store.ts). */
function storedEngine(compiled: CompiledRules): string {
  return JSON.stringify({ bundleVersion: compiled.bundleVersion, compiled, sites: {}, source: 'default', issuedAt: compiled.issuedAt, expiresAt: compiled.expiresAt, extraRules: false });
}

function tabFigures(stored: string): TabFigures {
  const dir = mkdtempSync(join(tmpdir(), 'jaga-scale-'));
  try {
    writeFileSync(join(dir, 'engine.json'), stored);
    const entry = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, entry], { env: { ...process.env, [CHILD_ENV]: dir }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`scale child failed (${r.status})`);
    return JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as TabFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In the child: gc, read the stored value, load it as the content script does, gc, measure. */
function childRun(dir: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const mem = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return { heap: m.heapUsed, buffers: m.arrayBuffers };
  };
  // one warm-up load of a tiny rule set first, so that the engine's code is compiled before the baseline
  const text = readFileSync(join(dir, 'engine.json'), 'utf8');
  const before = mem();
  let engine: Engine | null = null;
  const t0 = performance.now();
  // what storage.local.get hands the content script: the value, deserialised
  let stored: { compiled: CompiledRules } | null = JSON.parse(text) as { compiled: CompiledRules };
  const t1 = performance.now();
  engine = loadEngine(stored.compiled);
  // the escalation filter, loaded with the engine as entrypoints/content/state.ts does
  const filter = FullSetFilter.of(stored.compiled);
  const t2 = performance.now();
  stored = null;
  // one verdict, as the first action would: the lazily decoded entities of its hits are part of a tab
  engine.evaluate({ text: 'Ayo coblos Prabowo-Gibran nomor 02!' }, { at: '2024-01-10' });
  filter?.needsFullSet({ text: 'Ayo coblos Prabowo-Gibran nomor 02!' });
  const after = mem();
  const heapBytes = after.heap - before.heap;
  const bufferBytes = after.buffers - before.buffers;
  const result: TabFigures = { perTabBytes: heapBytes + bufferBytes, heapBytes, bufferBytes, loadMs: t2 - t1, parseMs: t1 - t0 };
  if (engine.bundleVersion === -1 && stored) console.log(text.length);
  writeFileSync(join(dir, 'result.json'), JSON.stringify(result));
}

const childDir = typeof process !== 'undefined' ? process.env[CHILD_ENV] : undefined;
if (childDir) childRun(childDir);

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
}

export async function run(): Promise<void> {
  const json = process.argv.includes('--json');
  const { corpus } = await import('./engine.ts');
  const texts = JSON.parse(JSON.stringify(corpus())) as string[];
  const chars = texts.reduce((a, t) => a + t.length, 0);
  const base = devBundle();
  const rows: Array<{ line: ScaleLine; plain: Engine; fullPlain: Engine; auto: Engine; filter: FullSetFilter | null }> = [];
  for (const n of SCALE_SIZES) {
    const b = scaledBundle(base, n);
    const t0 = performance.now();
    const compiled = compileBundle(b);
    const compileMsTsx = performance.now() - t0;
    const bundleJson = JSON.stringify(b);
    const firstCompiles: number[] = [];
    for (let k = 0; k < 3; k++) firstCompiles.push((await shippedCompile(bundleJson, 1)).wall[0]!);
    const compileMs = median(firstCompiles);
    const t1 = performance.now();
    const tabSet = tabRules(b, compiled);
    const tabSetMs = performance.now() - t1;
    const stored = storedEngine(tabSet);
    const tab = tabFigures(stored);
    const t2 = performance.now();
    const regional = tabRules(b, compiled, TAB_REGION);
    const compileMsRegion = performance.now() - t2;
    const tabRegion = tabFigures(storedEngine(regional));
    const tabFull = tabFigures(storedEngine(compiled));
    const bytes = unpackBytes(compiled.data)!;
    const b64 = bytesToBase64(bytes);
    const { base64ToBytes } = await import('../../rules/compiled.ts');
    const base64DecodeMs = median([0, 1, 2].map(() => bestOf(1, () => base64ToBytes(b64))));
    const packedDecodeMs = median([0, 1, 2].map(() => bestOf(1, () => unpackBytes(compiled.data))));
    const filterBytes = tabSet.fullSet ? unpackBytes(tabSet.fullSet.dict)!.length + unpackBytes(tabSet.fullSet.escalate)!.length : 0;
    rows.push({
      line: {
        names: n,
        ...tab,
        compileMs,
        compileMsTsx,
        tabSetMs,
        perTabBytesRegion: tabRegion.perTabBytes,
        loadMsRegion: tabRegion.loadMs,
        compileMsRegion,
        perTabBytesFull: tabFull.perTabBytes,
        loadMsFull: tabFull.loadMs,
        matchNsPerChar: 0,
        matchNsPerCharFull: 0,
        matchNsPerCharAutomaton: 0,
        filterNsPerChar: 0,
        escalatedShare: 0,
        escalatedShareEveryday: 0,
        fullVerdictMs: 0,
        filterBytes,
        storedBytes: Buffer.byteLength(stored),
        dataBytes: unpackBytes(tabSet.data)!.length,
        dataBytesFull: bytes.length,
        base64Bytes: b64.length,
        base64DecodeMs,
        packedDecodeMs,
      },
      plain: loadEngine(tabSet),
      fullPlain: loadEngine(compiled),
      auto: loadEngine(compiled, { wordAutomaton: buildWordAutomaton }),
      filter: FullSetFilter.of(tabSet),
    });
  }
  // match time: every size loaded, alternating rounds, best of each
  let sink = 0;
  const scan = (e: Engine) => () => {
    for (const t of texts) sink += countMatches(e, t);
  };
  // the filter runs once per action: one post at a time, the eval sentences
  const evalDir = join(ROOT, 'tests', 'fixtures', 'eval');
  const sentencesOf = (file: string) =>
    readFileSync(join(evalDir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
  const everyday = sentencesOf('everyday.jsonl');
  const posts = readdirSync(evalDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap(sentencesOf);
  const postChars = posts.reduce((a, t) => a + t.length, 0);
  const check = (f: FullSetFilter | null) => () => {
    for (let k = 0; k < 20; k++) for (const t of posts) if (f?.needsFullSet({ text: t })) sink++;
  };
  const best = rows.map(() => ({ plain: Infinity, full: Infinity, auto: Infinity, filter: Infinity }));
  for (let round = 0; round < 6; round++) {
    rows.forEach((r, i) => {
      if (round === 0) scan(r.plain)();
      best[i]!.plain = Math.min(best[i]!.plain, bestOf(1, scan(r.plain)));
      best[i]!.full = Math.min(best[i]!.full, bestOf(1, scan(r.fullPlain)));
      best[i]!.auto = Math.min(best[i]!.auto, bestOf(1, scan(r.auto)));
      best[i]!.filter = Math.min(best[i]!.filter, bestOf(1, check(r.filter)));
    });
  }
  const ctx = { at: '2024-01-10' };
  rows.forEach((r, i) => {
    r.line.matchNsPerChar = (best[i]!.plain * 1e6) / chars;
    r.line.matchNsPerCharFull = (best[i]!.full * 1e6) / chars;
    r.line.matchNsPerCharAutomaton = (best[i]!.auto * 1e6) / chars;
    r.line.filterNsPerChar = (best[i]!.filter * 1e6) / (20 * postChars);
    const escalated = posts.filter((t) => r.filter?.needsFullSet({ text: t }));
    r.line.escalatedShare = escalated.length / posts.length;
    r.line.escalatedShareEveryday = everyday.filter((t) => r.filter?.needsFullSet({ text: t })).length / everyday.length;
    // what the background does per escalated action: the request and the answer cross a structured clone
    const sample = escalated;
    const ms = bestOf(3, () => {
      for (const t of sample) sink += structuredClone(r.fullPlain.evaluate(structuredClone({ text: t }), structuredClone(ctx))).reasons.length;
    });
    r.line.fullVerdictMs = sample.length ? ms / sample.length : 0;
  });
  if (sink === 0.5) console.log(sink);
  const base0 = rows[0]!.line;
  const round = (x: number, d = 3) => Number(x.toFixed(d));
  for (const { line } of rows) {
    const out = Object.fromEntries(Object.entries(line).map(([k, v]) => [k, round(v)]));
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(
        `${String(line.names).padStart(7)} names: per tab ${(line.perTabBytes / 1_048_576).toFixed(2)} MB (heap ${(line.heapBytes / 1_048_576).toFixed(2)}, buffers ${(line.bufferBytes / 1_048_576).toFixed(2)}), ` +
          `load ${line.loadMs.toFixed(1)} ms (+ deserialising the stored value ${line.parseMs.toFixed(1)} ms), compile ${line.compileMs.toFixed(0)} ms as shipped (${line.compileMsTsx.toFixed(0)} ms through tsx); ` +
          `tab set derived in ${line.tabSetMs.toFixed(0)} ms (filter ${(line.filterBytes / 1024).toFixed(0)} KB); ` +
          `a tab with region ${TAB_REGION}: ${(line.perTabBytesRegion / 1_048_576).toFixed(2)} MB, load ${line.loadMsRegion.toFixed(1)} ms (derived in ${line.compileMsRegion.toFixed(0)} ms); ` +
          `a tab with the full set: ${(line.perTabBytesFull / 1_048_576).toFixed(2)} MB, load ${line.loadMsFull.toFixed(1)} ms; ` +
          `match ${line.matchNsPerChar.toFixed(1)} ns/char (full set ${line.matchNsPerCharFull.toFixed(1)}, ${line.matchNsPerCharAutomaton.toFixed(1)} with the word automaton), ` +
          `escalation filter ${line.filterNsPerChar.toFixed(1)} ns/char, ${(line.escalatedShare * 100).toFixed(1)}% of eval posts escalated (${(line.escalatedShareEveryday * 100).toFixed(1)}% of everyday ones), full verdict ${line.fullVerdictMs.toFixed(3)} ms each; stored ${(line.storedBytes / 1_048_576).toFixed(2)} MB ` +
          `(buffer ${(line.dataBytes / 1_048_576).toFixed(2)} MB, full ${(line.dataBytesFull / 1_048_576).toFixed(2)} MB; as base64 ${(line.base64Bytes / 1_048_576).toFixed(2)} MB, decoded in ${line.base64DecodeMs.toFixed(1)} ms vs ${line.packedDecodeMs.toFixed(1)} ms packed)`,
      );
    }
  }
  for (const { line } of rows.slice(1)) {
    const ratio = {
      ratio: `${line.names}/${base0.names}`,
      match: round(line.matchNsPerChar / base0.matchNsPerChar),
      matchWithFilter: round((line.matchNsPerChar + line.filterNsPerChar) / (base0.matchNsPerChar + base0.filterNsPerChar)),
      matchFull: round(line.matchNsPerCharFull / base0.matchNsPerCharFull),
      matchAutomaton: round(line.matchNsPerCharAutomaton / base0.matchNsPerCharAutomaton),
      perTab: round(line.perTabBytes / base0.perTabBytes),
      perTabRegion: round(line.perTabBytesRegion / base0.perTabBytesRegion),
      load: round(line.loadMs / base0.loadMs),
    };
    if (json) console.log(JSON.stringify(ratio));
    else console.log(`ratio ${ratio.ratio} names: match ${ratio.match}× (with the escalation filter ${ratio.matchWithFilter}×; full set ${ratio.matchFull}×, ${ratio.matchAutomaton}× with the word automaton), per tab ${ratio.perTab}× (with a region ${ratio.perTabRegion}×), load ${ratio.load}× (targets at 300,000: match ≤ 1.5×, ≤ 8 MB per tab, load ≤ 20 ms, compile ≤ 2 s)`);
  }
}
