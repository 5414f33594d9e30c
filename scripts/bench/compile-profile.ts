/**
 * Where compiling the rule set goes (issue #20, item 3): `compileBundle` on the dev bundle plus
 * 2,000, 30,000 and 300,000 synthetic names (scripts/bench/scale.ts), timed per phase
 * (rules/compile.ts `CompileOptions.phases`, wall-clock ms) and in CPU ms, with the validation `jaga build` runs before it (the
 * compile takes the validated bundle, as `jaga build` and the background do), and a
 * SHA-256 of each output so that a speed change can be checked for identical bytes.
 *
 * `npm run --silent bench -- compile [--json] [--sizes=300000]`; for a CPU profile:
 * `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench.ts compile --sizes=300000`.
 *
 * `--against=DIR [--rounds=5]`: another checkout's compiler (DIR/rules/compile.ts, e.g. a copy of the base
 * commit made with `git archive`) and this tree's, alternated in one process on the same validated input
 * (ABBA…), CPU per compile and per phase, and whether the outputs are the same bytes. On a loaded 2-core
 * machine, runs of separate processes minutes apart differed by more than the changes being measured.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileBundle, regionalBundle, type CompileOptions, type VariantReport } from '../../rules/compile.ts';
import type { CompiledRules } from '../../rules/compiled.ts';
import { parseRuleBundle, type RuleBundle } from '../../rules/schema.ts';
import { SCALE_SIZES, TAB_REGION, devBundle, scaledBundle } from './scale.ts';

export const name = 'compile';

export async function run(): Promise<void> {
  const json = process.argv.includes('--json');
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : SCALE_SIZES;
  const against = process.argv.find((a) => a.startsWith('--against='));
  if (against) {
    const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
    const rounds = roundsArg ? Number(roundsArg.slice('--rounds='.length)) : 5;
    const other = (await import(pathToFileURL(join(resolve(against.slice('--against='.length)), 'rules/compile.ts')).href)) as { compileBundle: Compile };
    for (const n of sizes) {
      const line = compareCompilers(other.compileBundle, compileBundle, n, rounds);
      if (json) console.log(JSON.stringify(line));
      else console.log(`names ${n}: CPU ms, median of ${rounds}: against ${line.against.cpuMs} ${JSON.stringify(line.against.phasesCpuMs)}; this tree ${line.now.cpuMs} ${JSON.stringify(line.now.phasesCpuMs)}; same output ${line.same}`);
    }
    return;
  }
  const base = devBundle();
  for (const n of sizes) {
    // the bundle as `jaga build` and the background compile it: parsed from its JSON and validated (the
    // generator's own objects, strings built piece by piece, cost the compiler a flattening of every
    // name and doubled the heap its collections mark)
    const source = JSON.stringify(scaledBundle(base, n));
    const t0 = performance.now();
    const parsed = parseRuleBundle(JSON.parse(source));
    const validateMs = performance.now() - t0;
    if (!parsed.ok) throw new Error(parsed.errors.slice(0, 3).join('\n'));
    const b = parsed.bundle;
    const phases: Record<string, number> = {};
    const report: VariantReport = { compiled: 0, dropped: [] };
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    const compiled = compileBundle(b, report, { phases });
    const compileMs = performance.now() - t1;
    // CPU time (this process, GC threads included): on a shared, loaded machine the steadier figure
    const cpu = process.cpuUsage(c1);
    const compileCpuMs = (cpu.user + cpu.system) / 1000;
    const t2 = performance.now();
    const regional = compileBundle(regionalBundle(b, TAB_REGION));
    const compileMsRegion = performance.now() - t2;
    const sha = createHash('sha256').update(compiled.data).update(JSON.stringify({ ...compiled, data: 0 })).update(JSON.stringify(report)).digest('hex').slice(0, 16);
    const shaRegion = createHash('sha256').update(regional.data).digest('hex').slice(0, 16);
    const r = (x: number) => Number(x.toFixed(1));
    const line = { names: n, validateMs: r(validateMs), compileMs: r(compileMs), compileCpuMs: r(compileCpuMs), compileMsRegion: r(compileMsRegion), ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [`${k}Ms`, r(v)])), variants: report.compiled, dropped: report.dropped.length, sha, shaRegion };
    if (json) console.log(JSON.stringify(line));
    else console.log(Object.entries(line).map(([k, v]) => `${k} ${v}`).join(', '));
  }
}

type Compile = (bundle: RuleBundle, report?: VariantReport, options?: CompileOptions) => CompiledRules;

interface CompilerFigures {
  /** CPU ms of each compile, in the order run */
  cpu: number[];
  /** wall ms of each compile, in the order run (on a loaded machine 2–4× the CPU) */
  wall: number[];
  /** their median */
  cpuMs: number;
  /** per phase (CompileOptions.phases), the median of its CPU ms */
  phasesCpuMs: Record<string, number>;
}

/** the median of xs (the upper one of an even count), to 0.1 */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return Number(sorted[sorted.length >> 1]!.toFixed(1));
}

/** SHA-256 (16 hex digits) of a compile's output: the buffer, the JSON around it and the variant report */
function outputHash(compiled: CompiledRules, report: VariantReport): string {
  return createHash('sha256').update(compiled.data).update(JSON.stringify({ ...compiled, data: 0 })).update(JSON.stringify(report)).digest('hex').slice(0, 16);
}

/**
 * `against` and `now` compiling the same validated bundle (the dev bundle and n synthetic names) by turns,
 * `rounds` each, in the order ABBA… (neither always runs first after the other's garbage). CPU time of
 * this process, the collector's threads included. The phases are timed by the compilers' own clock,
 * `performance.now`, which reads CPU time meanwhile (so that a compiler from before this option is
 * measured the same way).
 */
export function compareCompilers(against: Compile, now: Compile, n: number, rounds: number): { names: number; rounds: number; against: CompilerFigures; now: CompilerFigures; same: boolean; sha: string[] } {
  const parsed = parseRuleBundle(JSON.parse(JSON.stringify(scaledBundle(devBundle(), n))));
  if (!parsed.ok) throw new Error(parsed.errors.slice(0, 3).join('\n'));
  const bundle = parsed.bundle;
  const cpuNow = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const runs = { against: { cpu: [] as number[], wall: [] as number[], phases: {} as Record<string, number[]> }, now: { cpu: [] as number[], wall: [] as number[], phases: {} as Record<string, number[]> } };
  const hashes = new Set<string>();
  const wallClock = performance.now;
  performance.now = cpuNow;
  try {
    for (let r = 0; r < rounds; r++) {
      const order: Array<'against' | 'now'> = r % 2 === 0 ? ['against', 'now'] : ['now', 'against'];
      for (const which of order) {
        const report: VariantReport = { compiled: 0, dropped: [] };
        const phases: Record<string, number> = {};
        const start = cpuNow();
        const wallStart = wallClock.call(performance);
        const compiled = (which === 'now' ? now : against)(bundle, report, { phases });
        runs[which].cpu.push(Number((cpuNow() - start).toFixed(1)));
        runs[which].wall.push(Number((wallClock.call(performance) - wallStart).toFixed(1)));
        for (const [k, v] of Object.entries(phases)) (runs[which].phases[k] ??= []).push(v);
        hashes.add(outputHash(compiled, report));
      }
    }
  } finally {
    performance.now = wallClock;
  }
  const figures = (x: { cpu: number[]; wall: number[]; phases: Record<string, number[]> }): CompilerFigures => ({
    cpu: x.cpu,
    wall: x.wall,
    cpuMs: median(x.cpu),
    phasesCpuMs: Object.fromEntries(Object.entries(x.phases).map(([k, v]) => [k, median(v)])),
  });
  return { names: n, rounds, against: figures(runs.against), now: figures(runs.now), same: hashes.size === 1, sha: [...hashes] };
}
