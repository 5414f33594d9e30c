/**
 * The child process of ../compile-shipped.ts (in a folder of its own: the bench runner imports every
 * module of scripts/bench/, and this one's first import removes `Buffer`), bundled by Vite and minified
 * as WXT builds the background: reads a rule bundle's JSON, parses and validates it (not timed), then compiles it `rounds` times,
 * timing each (wall and CPU). Writes the figures next to the input.
 */
import './without-node-buffer.ts';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileBundle } from '../../../rules/compile.ts';
import { parseRuleBundle } from '../../../rules/schema.ts';
import type { ChildFigures } from '../compile-shipped.ts';

// the folder with the input, as the only argument
const dir = process.argv[2];
if (dir) {
  const { rounds } = JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8')) as { rounds: number };
  const parsed = parseRuleBundle(JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.slice(0, 3).join('\n'));
  const out: ChildFigures = { wall: [], cpu: [], phases: [], withoutBuffer: typeof (globalThis as { Buffer?: unknown }).Buffer === 'undefined', bytes: 0, sha: '' };
  let data = '';
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const phases: Record<string, number> = {};
    const compiled = compileBundle(parsed.bundle, undefined, { phases });
    out.phases.push(phases);
    out.wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    out.cpu.push((c.user + c.system) / 1000);
    data = compiled.data;
  }
  // every round compiles the same input: the output's size and hash once, from the last
  out.bytes = data.length;
  out.sha = createHash('sha256').update(data, 'latin1').digest('hex').slice(0, 16);
  writeFileSync(join(dir, 'result.json'), JSON.stringify(out));
}
