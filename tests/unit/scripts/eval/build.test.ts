import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSource, reportKeys } from '../../../../scripts/eval/build.ts';
import type { Source } from '../../../../scripts/eval/sources.ts';
import { csvObjects } from '../../../../scripts/eval/csv.ts';

const headlines = (id: string, repo: string, split: Source['split']): Source => ({
  id, repo, commit: '0'.repeat(40), licence: 'test', split, platform: 'news', kind: 'political', race: 'pilpres',
  files: [{ path: 'titles.csv', read: (c) => csvObjects(c, ',').map((r) => ({ text: r.title ?? '' })) }],
});

function fixture(): { dir: string; report: Source; development: Source } {
  const dir = mkdtempSync(join(tmpdir(), 'eval-build-'));
  const report = headlines('r', 'a/report', 'report');
  const development = headlines('d', 'b/development', 'development');
  mkdirSync(join(dir, 'raw', 'a+report'), { recursive: true });
  mkdirSync(join(dir, 'raw', 'b+development'), { recursive: true });
  // invented headlines
  writeFileSync(join(dir, 'raw', 'a+report', 'titles.csv'), 'title\nKPU buka pendaftaran petugas TPS\nBawaslu awasi masa tenang\n');
  writeFileSync(join(dir, 'raw', 'b+development', 'titles.csv'), 'title\nkpu  BUKA pendaftaran petugas tps\nLogistik pemilu tiba di gudang\n');
  return { dir, report, development };
}

describe('a development source drops texts that a report source also holds', () => {
  it('compares by the de-duplication key (case and white space ignored) and counts what it dropped', () => {
    const { dir, report, development } = fixture();
    const keys = reportKeys(dir, [report, development]);
    const { lines, overlap } = buildSource(dir, development, keys);
    expect(lines.map((l) => l.text)).toEqual(['Logistik pemilu tiba di gudang']);
    expect(overlap).toBe(1);
  });

  it('keeps a report source whole', () => {
    const { dir, report, development } = fixture();
    const { lines, overlap } = buildSource(dir, report, reportKeys(dir, [report, development]));
    expect(lines).toHaveLength(2);
    expect(overlap).toBe(0);
  });
});

describe('a source may keep more records than MAX_PER_SOURCE', () => {
  it('stops at its own max', () => {
    const { dir, development } = fixture();
    expect(buildSource(dir, { ...development, max: 1 }).lines).toHaveLength(1);
  });
});

describe('a headline set spanning both 2024 races is checked at the campaign day of the race each text names', () => {
  it('a governor candidate at the Pilkada day, the rest at the Pilpres day', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-build-'));
    mkdirSync(join(dir, 'raw', 'c+mixed'), { recursive: true });
    // invented headlines
    writeFileSync(join(dir, 'raw', 'c+mixed', 'titles.csv'), 'title\nCagub Jatim Khofifah bagi sembako\nPrabowo hadiri debat\nKPU buka pendaftaran\n');
    const mixed: Source = { ...headlines('m', 'c/mixed', 'development'), raceByLabel: true };
    expect(buildSource(dir, mixed).lines.map((l) => l.at)).toEqual(['2024-10-15', '2024-01-15', '2024-01-15']);
    expect(buildSource(dir, { ...mixed, raceByLabel: false }).lines.map((l) => l.at)).toEqual(['2024-01-15', '2024-01-15', '2024-01-15']);
  });
});
