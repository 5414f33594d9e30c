import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { vi } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../../../rules/data/index.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a `jaga` subcommand in-process, capturing its output; `stdin`: what the command reads from standard input. */
export async function jaga(name: string, argv: string[], stdin?: string): Promise<CliResult> {
  const mod = (await import(`../../../../rules/cli/commands/${name}.ts`)) as { run(argv: string[], stdin?: NodeJS.ReadableStream): Promise<number> };
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await (stdin === undefined ? mod.run(argv) : mod.run(argv, Readable.from([stdin])));
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export function tempDir(prefix = 'jaga-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A scratch copy of rules/data (YAML files only) to edit in a test; without the DPR and DPD lists
 * (dp[rd]-2024-*.yaml: 10,000 candidates) and the accounts of their candidates (accounts-lists-*.yaml,
 * whose owners would be unknown without them) unless `lists`, since loading the lists twice (the test
 * and the CLI it runs) outran the test timeout.
 */
export function copyOfSource(options: { lists?: boolean } = {}): string {
  const dir = tempDir('jaga-src-');
  const left = (src: string) => /\.ts$/.test(src) || (!options.lists && /\/(dp[rd]-2024-|accounts-lists-)[^/]*\.ya?ml$/.test(src));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true, filter: (src) => !left(src) });
  return dir;
}
