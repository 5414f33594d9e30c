import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultBundle } from '../../../../rules/data/index.ts';
import { bundleStats } from '../../../../rules/data/tools.ts';
import { NATIONAL_DIR, loadWithNational } from '../../../../rules/import/national.ts';
import { tempDir } from '../cli/helpers.ts';

describe('rules/national merged with rules/data', () => {
  const merged = loadWithNational();

  it('passes the rules schema and cross-reference checks through the loader jaga validate uses', () => {
    expect(merged.errors).toEqual([]);
    expect(merged.bundle).toBeDefined();
    expect(merged.files.filter((f) => f.startsWith(NATIONAL_DIR)).length).toBe(readdirSync(NATIONAL_DIR).filter((f) => /\.ya?ml$/.test(f)).length);
  });

  it('gives every national person, contest and contestant its source and provenance', () => {
    const base = loadDefaultBundle();
    const baseIds = new Set([...base.persons.map((p) => p.id), ...base.contests.map((c) => c.id)]);
    const persons = merged.bundle!.persons.filter((p) => !baseIds.has(p.id));
    const contests = merged.bundle!.contests.filter((c) => !baseIds.has(c.id));
    expect(persons.length).toBeGreaterThan(0);
    for (const r of [...persons, ...contests, ...contests.flatMap((c) => c.contestants)]) {
      expect(r.sources?.length, r.id).toBeGreaterThan(0);
      expect(r.provenance, r.id).toMatchObject({ source: expect.any(String), fetchedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), licence: expect.any(String) });
    }
    const stats = bundleStats(merged.bundle!);
    expect(stats.persons).toBe(base.persons.length + persons.length);
  });

  it('leaves the rules/national files out of the shipped default bundle', () => {
    // the DPR and DPD lists imported with --names-need-context ship from rules/data; the four districts
    // that stay in rules/national do not
    const shipped = loadDefaultBundle().contests;
    const ids = new Set(shipped.map((c) => c.id));
    expect(ids.has('dpr-2024-aceh-i')).toBe(true);
    expect(shipped.filter((c) => c.id.startsWith('dpr-2024-'))).toHaveLength(80);
    for (const id of ['dpr-2024-banten-i', 'dpr-2024-dki-jakarta-i', 'dpr-2024-dki-jakarta-ii', 'dpr-2024-jawa-barat-viii']) expect(ids.has(id), id).toBe(false);
  }, 120_000);

  it('names the national file and path of an error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.yaml'), 'contests:\n  - id: dpr-2024-contoh\n    name: DPR RI 2024 Contoh\n    kind: pileg\n    phases: []\n    contestants: []\n');
    const r = loadWithNational(undefined, dir);
    expect(r.bundle).toBeUndefined();
    expect(r.errors.join('\n')).toMatch(/broken\.yaml:\d+ contests\[0\]\.phases: a contest needs at least one phase/);
  });

  it('an overlay naming an unknown owner is an error naming the overlay entry', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'overlays'));
    const stamp = 'sources: ["https://example.org/akun"]\n    provenance: { source: "https://example.org/akun", fetchedAt: "2026-12-05", licence: "CC-BY-4.0" }';
    writeFileSync(join(dir, 'overlays', 'accounts.yaml'), `accounts:\n  - owner: no-such-party\n    platform: x\n    handle: contoh\n    ${stamp}\n`);
    const r = loadWithNational(undefined, dir);
    expect(r.errors.join('\n')).toMatch(/accounts\.yaml accounts\[0\]: unknown owner id "no-such-party"/);
  });
});
