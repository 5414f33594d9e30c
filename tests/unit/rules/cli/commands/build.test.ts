import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceHashOf } from '../../../../../rules/compile.ts';
import { parseRuleBundle } from '../../../../../rules/schema.ts';
import { parseEnvelope } from '../../../../../rules/signing.ts';
import { jaga, tempDir } from '../helpers.ts';

/** web-ext lint (and addons.mozilla.org) refuses to parse a text file over 5 MiB in a package. */
const PACKAGE_TEXT_FILE_LIMIT = 5 * 1024 * 1024;

function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));
}

describe('jaga build --unsigned --package (the default bundle inside the extension package)', () => {
  const dir = tempDir('jaga-build-package-');
  const file = join(dir, 'default-bundle.json');
  let payload: { bundle: unknown; compiled: Record<string, unknown> };

  beforeAll(async () => {
    const result = await jaga('build', ['--unsigned', '--package', '--out', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    payload = JSON.parse(parseEnvelope(readFileSync(file, 'utf8')).payload) as typeof payload;
  }, 120_000);

  it('stays under the 5 MiB a store package may hold in one text file', () => {
    expect(statSync(file).size).toBeLessThan(PACKAGE_TEXT_FILE_LIMIT);
  });

  it('leaves out what only maintainers read: provenance and example sentences', () => {
    expect(hasKey(payload.bundle, 'provenance')).toBe(false);
    expect(hasKey(payload.bundle, 'examples')).toBe(false);
  });

  it('carries the compiled rules as their header and source hash only (the extension compiles the source itself)', async () => {
    expect(payload.compiled.data).toBeUndefined();
    const parsed = parseRuleBundle(payload.bundle);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(payload.compiled.sourceHash).toBe(await sourceHashOf(parsed.bundle));
    expect(payload.compiled.bundleVersion).toBe(parsed.bundle.version);
  });

  it('is refused together with --key: a signed update keeps its compiled rules', async () => {
    const result = await jaga('build', ['--key', join(dir, 'none.key'), '--package', '--out', join(dir, 'x.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--package/);
  });
});
