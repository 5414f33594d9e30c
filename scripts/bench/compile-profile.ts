/**
 * Where compiling the rule set goes (issue #20, item 3): `compileBundle` on the dev bundle plus
 * 2,000, 30,000 and 300,000 synthetic names (scripts/bench/scale.ts), timed per phase
 * (rules/compile.ts `CompileOptions.phases`, wall-clock ms) and in CPU ms, with the validation `jaga build` runs before it (the
 * compile takes the validated bundle, as `jaga build` and the background do), and a
 * SHA-256 of each output so that a speed change can be checked for identical bytes.
 *
 * `npm run --silent bench -- compile [--json] [--sizes=300000]`; for a CPU profile:
 * `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench.ts compile --sizes=300000`.
 */
import { createHash } from 'node:crypto';
import { compileBundle, regionalBundle, type VariantReport } from '../../rules/compile.ts';
import { parseRuleBundle } from '../../rules/schema.ts';
import { SCALE_SIZES, TAB_REGION, devBundle, scaledBundle } from './scale.ts';

export const name = 'compile';

export async function run(): Promise<void> {
  const json = process.argv.includes('--json');
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : SCALE_SIZES;
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
