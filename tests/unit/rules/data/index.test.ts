import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { SourceBundleError, loadDefaultBundle, loadSource } from '../../../../rules/data/index.ts';
import { bundleStats, lintBundle, runExamples, validateSource } from '../../../../rules/data/tools.ts';
import { copyOfSource, jaga } from '../cli/helpers.ts';

describe('the real rule set (rules/data)', () => {
  const bundle = loadDefaultBundle();

  // the whole rule set, 13,000 persons since the DPR and DPD lists ship (2026-12-07): 35–45 s on a loaded 2-core machine
  it('validates: schema, references, and no lint warnings', () => {
    const report = validateSource();
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  }, 120_000);

  it('passes every example sentence through the engine', () => {
    const run = runExamples(bundle);
    const listing = run.failures.map((f) => `${f.polarity} ${f.where}: "${f.text}" → ${f.got}`).join('\n');
    expect(listing).toBe('');
    expect(run.total).toBeGreaterThan(1000);
  }, 120_000);

  it('covers Pilpres 2024, 24 parties, all 37 governor races and the 2025 re-runs', () => {
    const s = bundleStats(bundle);
    expect(s.parties).toBe(24);
    expect(s.nationalParties).toBe(18);
    expect(s.localParties).toBe(6);
    expect(s.governorContests).toBe(37);
    const pilpres = bundle.contests.find((c) => c.id === 'pilpres-2024');
    expect(pilpres?.contestants.map((k) => k.number)).toEqual([1, 2, 3]);
    const regions = new Set(bundle.contests.filter((c) => c.kind === 'pilkada-provinsi').map((c) => c.region));
    expect(regions.size).toBe(37);
    expect(regions.has('34')).toBe(false); // DI Yogyakarta held no governor election
    for (const id of ['pilbup-bangka-2025', 'pilwalkot-pangkalpinang-2025']) {
      const c = bundle.contests.find((x) => x.id === id);
      expect(c?.phases.some((p) => p.kind === 'pilkada-ulang' && p.to === '2025-08-27')).toBe(true);
    }
    const papua = bundle.contests.find((c) => c.id === 'pilgub-papua-2024');
    expect(papua?.phases.some((p) => p.kind === 'psu' && p.to === '2025-08-06')).toBe(true);
    expect(s.contestants).toBeGreaterThanOrEqual(130);
    expect(s.persons).toBeGreaterThanOrEqual(250);
    expect(s.hashtags).toBeGreaterThan(0);
    expect(s.accounts).toBeGreaterThan(0);
    expect(s.examples).toBeGreaterThan(1000);
  });

  it('records offices over time (Prabowo President from 2024-10-20; 2024 governors from Feb 2025)', () => {
    const prabowo = bundle.persons.find((p) => p.id === 'prabowo-subianto');
    expect(prabowo?.offices).toContainEqual({ title: 'Presiden Republik Indonesia', from: '2024-10-20' });
    const khofifah = bundle.persons.find((p) => p.id === 'khofifah-indar-parawansa');
    expect(khofifah?.offices?.[0]).toMatchObject({ region: '35', from: '2025-02-20' });
  });

  it('cites sources on every party, contest and contestant', () => {
    for (const p of bundle.parties) expect(p.sources?.length, p.id).toBeGreaterThan(0);
    for (const c of bundle.contests) {
      expect(c.sources?.length, c.id).toBeGreaterThan(0);
      for (const k of c.contestants) expect(k.sources?.length, k.id).toBeGreaterThan(0);
    }
  });

  it('stats --json prints the required keys', async () => {
    const r = await jaga('stats', ['--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of ['parties', 'contests', 'contestants', 'persons', 'hashtags', 'accounts', 'examples']) {
      expect(typeof s[key], key).toBe('number');
    }
    expect(s.parties).toBe(24);
  });
});

describe('lint', () => {
  it('warns about an everyday word used without requiresContext', () => {
    const bundle = structuredClone(loadDefaultBundle());
    const pilpres = bundle.contests.find((c) => c.id === 'pilpres-2024')!;
    pilpres.contestants[1]!.acronyms = ['PAGI'];
    const warnings = lintBundle(bundle);
    expect(warnings.some((w) => w.includes('"PAGI" is an everyday Indonesian word'))).toBe(true);
  });
  it('reads a term as the engine does: repeated letters collapse ("Appi" is "api")', () => {
    const bundle = structuredClone(loadDefaultBundle());
    bundle.persons[0]!.nicknames = ['Appi', 'Paggi'];
    const warnings = lintBundle(bundle);
    expect(warnings.some((w) => w.includes('"Appi" reads as the everyday word "api"'))).toBe(true);
    expect(warnings.some((w) => w.includes('"Paggi" reads as the everyday word "pagi"'))).toBe(true);
  });
});

describe('errors name the file and the path', () => {
  it('a schema error: file, line and path inside the file', async () => {
    const dir = copyOfSource();
    const file = join(dir, 'pilpres-2024.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['contests', 0, 'contestants', 1, 'number'], 'dua');
    writeFileSync(file, doc.toString());
    expect(() => loadSource(dir)).toThrow(SourceBundleError);
    const r = await jaga('validate', [dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pilpres-2024\.yaml:\d+ contests\[0\]\.contestants\[1\]\.number: /);
  });

  it('a YAML syntax error: file and line', async () => {
    const dir = copyOfSource();
    writeFileSync(join(dir, 'broken.yaml'), 'parties:\n  - id: x\n    name: [unclosed\n');
    const r = await jaga('validate', [dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('an unknown person id in a contestant: file and path', async () => {
    const dir = copyOfSource();
    const file = join(dir, 'pilkada-2024-gubernur-jawa.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['contests', 1, 'contestants', 0, 'persons', 0], 'nobody-here');
    writeFileSync(file, doc.toString());
    const r = await jaga('validate', [dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pilkada-2024-gubernur-jawa\.yaml:\d+ contests\[1\]\.contestants\[0\]\.persons\[0\]: unknown person id "nobody-here"/);
  });

  it('metadata set twice and an unknown top-level key', async () => {
    const dir = copyOfSource();
    writeFileSync(join(dir, 'zz-extra.yaml'), 'version: 3\npeople: []\n');
    const r = await jaga('validate', [dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('zz-extra.yaml:1 version: "version" is already set in');
    expect(r.stderr).toMatch(/zz-extra\.yaml:2 people: unknown top-level key/);
  });

  it('usage errors exit 2, a missing path exits 1', async () => {
    expect((await jaga('build', ['--out'])).code).toBe(2);
    expect((await jaga('build', ['--out', '/tmp/x.json'])).code).toBe(2); // neither --key nor --unsigned
    expect((await jaga('verify', ['only-a-file'])).code).toBe(2);
    expect((await jaga('diff', ['one'])).code).toBe(2);
    expect((await jaga('stats', ['/nonexistent/dir'])).code).toBe(1);
    expect((await jaga('test', ['/nonexistent/dir'])).code).toBe(1);
  });
});
