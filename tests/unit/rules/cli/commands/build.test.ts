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

  it("leaves out maintainers' notes, and sources a person or contestant shares with its contest (the contest cites them)", () => {
    expect(hasKey(payload.bundle, 'note')).toBe(false);
    const bundle = payload.bundle as { persons: { id: string; sources?: string[] }[]; contests: { sources?: string[]; contestants: { persons: string[]; sources?: string[] }[] }[] };
    const cited = new Map<string, Set<string>>();
    for (const c of bundle.contests)
      for (const k of c.contestants) {
        // a contestant whose sources are all its contest's carries none
        if (k.sources) expect(k.sources.every((u) => c.sources?.includes(u)), JSON.stringify(k)).toBe(false);
        for (const p of k.persons) for (const u of c.sources ?? []) (cited.get(p) ?? cited.set(p, new Set()).get(p)!).add(u);
      }
    for (const p of bundle.persons) if (p.sources && cited.has(p.id)) expect(p.sources.every((u) => cited.get(p.id)!.has(u)), p.id).toBe(false);
    // the DPR lists still say where they come from: on their contests
    expect(bundle.contests.some((c) => c.sources?.some((u) => u.includes('pemilu2024-dapil')))).toBe(true);
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
