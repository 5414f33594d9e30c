import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBundle, run } from '../../../rules/cli/commands/check.ts';
import { compileBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { serializeEnvelope, unsignedEnvelope } from '../../../rules/signing.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('jaga check: rules that do not load', () => {
  it('fails with the loader error instead of falling back to the test bundle', async () => {
    const broken = () => {
      throw new Error('rules/data/persons-nasional.yaml: persons[0].name: Required');
    };
    await expect(loadBundle(undefined, broken)).rejects.toThrow(/default rules failed to load.*persons\[0\]\.name/);
  });

  it('exits 1 and names the problem when --rules points at an invalid bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaga-check-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'persons: 3\n');
    const { err } = capture();
    expect(await run(['--rules', file, 'Prabowo'], Readable.from([]))).toBe(1);
    expect(err.join('')).toMatch(/bad\.yaml/);
  });
});

describe('jaga check --rules accepts a built bundle file', () => {
  it('reads a jaga-bundle/1 envelope as `jaga build` writes it', async () => {
    const bundle = loadDefaultBundle();
    const payload = JSON.stringify({ bundle, compiled: compileBundle(bundle) });
    const dir = mkdtempSync(join(tmpdir(), 'jaga-check-'));
    const file = join(dir, 'default-bundle.json');
    writeFileSync(file, serializeEnvelope(unsignedEnvelope(payload)));
    const { out } = capture();
    expect(await run(['--rules', file, '--at', '2024-01-15', 'Ayo coblos Prabowo Gibran nomor 2'], Readable.from([]))).toBe(0);
    expect(out.join('')).toMatch(/^HIGH/);
  });

  it('rejects an envelope whose payload is not a rule bundle, with a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaga-check-'));
    const file = join(dir, 'odd.json');
    writeFileSync(file, serializeEnvelope(unsignedEnvelope(JSON.stringify({ bundle: { persons: 1 } }))));
    const { err } = capture();
    expect(await run(['--rules', file, 'x'], Readable.from([]))).toBe(1);
    expect(err.join('')).toMatch(/odd\.json/);
  });
});

describe('jaga check shows the evidence of a context-requiring name', () => {
  it('prints an evidence line under the reason', async () => {
    const { out } = capture();
    expect(await run(['--at', '2024-10-15', 'Bu Airin paling cocok buat Banten'], Readable.from([]))).toBe(0);
    expect(out.join('')).toMatch(/evidence: honorific "Bu", region "Banten"/);
  });
});
