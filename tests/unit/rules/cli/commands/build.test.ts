import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceHashOf } from '../../../../../rules/compile.ts';
import { parseRuleBundle } from '../../../../../rules/schema.ts';
import { parseEnvelope } from '../../../../../rules/signing.ts';
import { jaga, tempDir } from '../helpers.ts';

/** web-ext lint (and addons.mozilla.org) refuses to parse a text file over 5 MiB in a package. */
const PACKAGE_TEXT_FILE_LIMIT = 5 * 1024 * 1024;
/** What an installed extension downloads at most (entrypoints/background/updates.ts MAX_BUNDLE_BYTES). */
const UPDATE_LIMIT = 5 * 1024 * 1024;

function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));
}

describe('jaga build: the envelope holds what the extension reads, and fits where it must', () => {
  const dir = tempDir('jaga-build-package-');
  const file = join(dir, 'default-bundle.json');
  const signed = join(dir, 'bundle.json');
  let payload: { bundle: unknown; compiled: Record<string, unknown> };

  beforeAll(async () => {
    expect((await jaga('keygen', ['--out', dir])).code).toBe(0);
    const signedBuild = await jaga('build', ['--key', join(dir, 'jaga-private.key'), '--out', signed]);
    expect(signedBuild.code).toBe(0);
    const result = await jaga('build', ['--unsigned', '--out', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    payload = JSON.parse(parseEnvelope(readFileSync(file, 'utf8')).payload) as typeof payload;
  }, 120_000);

  it('stays under the 5 MiB a store package may hold in one text file (the default bundle of the shipped rules)', () => {
    expect(statSync(file).size).toBeLessThan(PACKAGE_TEXT_FILE_LIMIT);
  });

  it('stays under what an installed extension downloads (a signed update of the shipped rules)', () => {
    expect(statSync(signed).size).toBeLessThan(UPDATE_LIMIT);
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
});
