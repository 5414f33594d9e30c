import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devEngine, ROOT, shippedEngine } from './helpers.ts';

/** Quality targets of issue #3 on tests/fixtures/eval (see its README), with the dev bundle and with the shipped rules. */
interface Line {
  text: string;
  at?: string;
  region?: string;
  expect?: string;
}
const read = (f: string): Line[] =>
  readFileSync(join(ROOT, 'tests/fixtures/eval', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
const RANK = { none: 0, low: 1, medium: 2, high: 3 } as const;
const CAMPAIGN = '2024-01-10';

describe.each([
  ['dev bundle', devEngine],
  ['rules/data', () => shippedEngine()],
])('quality on the evaluation sets (%s)', (_name, makeEngine) => {
  const engine = makeEngine();
  const sev = (l: Line) => engine.evaluate({ text: l.text }, { at: l.at ?? CAMPAIGN, ...(l.region ? { region: l.region } : {}) }).severity;

  it('≥ 97% of partisan posts naming a candidate or party are medium or high at a campaign date', () => {
    const lines = read('partisan.jsonl');
    expect(lines.length).toBeGreaterThanOrEqual(100);
    const misses = lines.filter((l) => RANK[sev(l)] < RANK.medium).map((l) => l.text);
    expect(misses.length / lines.length, misses.join('\n')).toBeLessThan(0.03);
  });
  it('posts with an explicit campaign hashtag are high', () => {
    const lines = read('partisan.jsonl').filter((l) => l.expect === 'high' && /#\w/.test(l.text));
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.filter((l) => sev(l) !== 'high').map((l) => l.text)).toEqual([]);
  });
  it('fewer than 1 in 200 everyday texts are medium or high', () => {
    const lines = read('everyday.jsonl');
    expect(lines.length).toBeGreaterThanOrEqual(400);
    const flagged = lines.filter((l) => RANK[sev(l)] >= RANK.medium).map((l) => l.text);
    expect(flagged.length / lines.length, flagged.join('\n')).toBeLessThan(1 / 200);
  });
  it('election-process news naming nobody stays at low or none', () => {
    const lines = read('process-news.jsonl');
    expect(lines.filter((l) => RANK[sev(l)] > RANK.low).map((l) => l.text)).toEqual([]);
  });
});
