import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadValidSource } from '../../../../rules/cli/source.ts';
import { DEFAULT_DATA_DIR } from '../../../../rules/data/index.ts';
import { jaga, tempDir } from './helpers.ts';

/** A rule source with one schema error: a person without a name. */
function invalidSource(): string {
  const dir = tempDir('jaga-bad-src-');
  writeFileSync(join(dir, 'persons.yaml'), 'persons:\n  - id: tanpa-nama\n    sources: [https://example.org]\n');
  return dir;
}

describe('loadValidSource', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns the loaded source when it validates, printing nothing', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const loaded = loadValidSource('jaga test', DEFAULT_DATA_DIR, 'x');
    expect(loaded?.bundle.persons.length).toBeGreaterThan(0);
    expect(err).not.toHaveBeenCalled();
  });

  it('prints every error, then one line naming the command and what did not happen, and returns null', () => {
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    expect(loadValidSource('jaga build', invalidSource(), 'not built (the source does not validate)')).toBeNull();
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((l) => l.startsWith('error: '))).toBe(true);
    expect(lines.at(-1)).toBe('jaga build: not built (the source does not validate)');
  });

});

describe('jaga test and jaga build on a source that does not validate', () => {
  it('jaga test lists the errors and exits 1', async () => {
    const r = await jaga('test', [invalidSource()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).toContain('jaga test: the source does not validate; run `jaga validate` first');
  });

  it('jaga build lists the errors, writes nothing and exits 1', async () => {
    const out = join(tempDir(), 'bundle.json');
    const r = await jaga('build', ['--unsigned', '--out', out, '--source', invalidSource()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('jaga build: not built (the source does not validate)');
    expect(existsSync(out)).toBe(false);
  });
});
