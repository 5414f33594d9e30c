/**
 * The compile as the extension runs it, for the scale section's `compileMs` (issue #20: compile ≤ 2 s
 * at 300,000 names). The background compiles with rules/compile.ts bundled and minified by Vite (WXT),
 * in its own process, without Node's `Buffer`; through tsx (esbuild file by file, unminified, names
 * kept: every closure made on a hot path an `Object.defineProperty`) the same compile measured ~25–35%
 * slower at 300,000 names (docs/engine.md, "Tenth step"). So the figure is taken from a Vite bundle of
 * shipped/compile-child.ts (minified as the extension ships it) run in a fresh child process on the bundle's
 * JSON, parsed and validated there first, as the background receives an update. The first compile of a
 * fresh process is the background's case (its code not yet optimised); later rounds are recorded too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteBundle } from './vite-bundle.ts';

export interface ChildFigures {
  /** wall ms of each compile, the first in a fresh process */
  wall: number[];
  cpu: number[];
  /** wall ms per phase of each compile (CompileOptions.phases) */
  phases: Array<Record<string, number>>;
  /** whether `Buffer` was absent (a TextDecoder packed the output, as in the extension) */
  withoutBuffer: boolean;
  /** the packed output's length, and the SHA-256 of its chars as bytes (16 hex digits) */
  bytes: number;
  sha: string;
}

let built: Promise<string> | undefined;

/** the child's bundle, built once per run into a temporary folder (removed at exit) */
function childEntry(): Promise<string> {
  built ??= buildChild();
  return built;
}

async function buildChild(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jaga-compile-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return viteBundle(fileURLToPath(new URL('./shipped/compile-child.ts', import.meta.url)), dir, 'compile-child.mjs');
}

/** `rounds` compiles of the bundle (its JSON) in one fresh process running the shipped compiler */
export async function shippedCompile(bundleJson: string, rounds = 3): Promise<ChildFigures> {
  const entry = await childEntry();
  const dir = mkdtempSync(join(tmpdir(), 'jaga-compile-run-'));
  try {
    writeFileSync(join(dir, 'bundle.json'), bundleJson);
    writeFileSync(join(dir, 'args.json'), JSON.stringify({ rounds }));
    const r = spawnSync(process.execPath, [entry, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`compile child failed (${r.status})`);
    return JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as ChildFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
