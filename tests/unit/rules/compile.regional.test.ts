/**
 * Regional rule sets (rules/compile.ts, regionalBundle): what a content script loads when the user or
 * the agency has set a region: the national contests and parties plus those of that region, with
 * only the persons they need. The background keeps the full set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle, regionalBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { loadEngine } from '../../../rules/engine.ts';
import { ROOT } from './helpers.ts';

const full = loadDefaultBundle();
const evalDir = join(ROOT, 'tests/fixtures/eval');
const lines = readdirSync(evalDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(evalDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; at?: string; region?: string }));

describe('regionalBundle', () => {
  it('keeps the national contests and those of the region, and the persons they need', () => {
    const east = regionalBundle(full, '35.78');
    // every contest stays; another region's without its contestants
    expect(east.contests.map((c) => c.id)).toEqual(full.contests.map((c) => c.id));
    for (const c of east.contests) {
      const here = !c.region || c.region === '35' || c.region === '35.78' || c.region.startsWith('35.78.');
      expect(c.contestants.length > 0).toBe(here && full.contests.find((x) => x.id === c.id)!.contestants.length > 0);
    }
    const needed = new Set(east.contests.flatMap((c) => c.contestants.flatMap((k) => k.persons)));
    const inAnyContest = new Set(full.contests.flatMap((c) => c.contestants.flatMap((k) => k.persons)));
    for (const p of east.persons) expect(needed.has(p.id) || !inAnyContest.has(p.id)).toBe(true);
    expect(east.persons.length).toBeLessThan(full.persons.length);
    for (const p of east.parties) expect(!p.region || p.region === '35').toBe(true);
  });

  it('without a region, the full set', () => {
    expect(regionalBundle(full, undefined)).toBe(full);
  });

  it('never warns less than the full set where that region is set, and almost always the same', () => {
    const fullEngine = loadEngine(compileBundle(full));
    const RANK = { none: 0, low: 1, medium: 2, high: 3 };
    for (const region of ['35', '31.71', '36', '32.73']) {
      const regional = loadEngine(compileBundle(regionalBundle(full, region)));
      let other = 0;
      let warned = 0;
      for (const at of ['2024-01-10', '2024-11-20', '2026-12-06']) {
        for (const l of lines) {
          const ctx = { at, region };
          const want = fullEngine.evaluate({ text: l.text }, ctx).severity;
          const got = regional.evaluate({ text: l.text }, ctx).severity;
          if (want !== 'none') warned++;
          expect(RANK[got]).toBeGreaterThanOrEqual(RANK[want]);
          // higher only where the full set knew a name of another region's race near a ballot number
          if (got !== want) other++;
        }
      }
      expect(warned).toBeGreaterThan(300);
      expect(other).toBeLessThanOrEqual(lines.length * 3 * 0.005);
    }
  });
});
