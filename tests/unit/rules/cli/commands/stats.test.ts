import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadSource } from '../../../../../rules/data/index.ts';
import { jaga } from '../helpers.ts';

/** Contests of the source with a phase of `kind` around `day`, by plain ISO string comparison. */
function sourceCount(kind: string, day: string): number {
  return loadSource(DEFAULT_DATA_DIR).bundle.contests.filter((c) => c.phases.some((p) => p.kind === kind && p.from <= day && day <= p.to)).length;
}

async function statsAt(at: string) {
  const r = await jaga('stats', ['--json', '--at', at]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { contests: number; contestsByPhase: Record<string, unknown> & { date: string; campaign: number; voting: number; revote: number; inSeason: number; byPhase: Record<string, number> } };
}

describe('jaga stats --at', () => {
  it('reports no contest in campaign, voting or re-vote on 2026-12-06 (between elections)', async () => {
    const s = await statsAt('2026-12-06');
    expect(s.contestsByPhase).toMatchObject({ date: '2026-12-06', campaign: 0, voting: 0, revote: 0, inSeason: 0, byPhase: {} });
    expect(s.contestsByPhase.contests).toBe(s.contests);
  });

  it('counts the Pilkada 2024 races in their campaign on 2024-11-01 and at the polls on 2024-11-27', async () => {
    const campaign = await statsAt('2024-11-01');
    const pilkada = sourceCount('kampanye', '2024-11-01');
    expect(pilkada).toBeGreaterThanOrEqual(48); // 37 governor + 11 regency/city races with a 2024 campaign
    expect(campaign.contestsByPhase).toMatchObject({ campaign: pilkada, voting: 0, revote: 0, inSeason: pilkada });
    expect(campaign.contestsByPhase.byPhase).toEqual({ kampanye: pilkada });
    const voting = await statsAt('2024-11-27');
    expect(sourceCount('pemungutan', '2024-11-27')).toBe(pilkada);
    expect(voting.contestsByPhase).toMatchObject({ campaign: 0, voting: pilkada, revote: 0 });
    expect(voting.contestsByPhase.byPhase).toEqual({ pemungutan: pilkada });
    // two child processes each load and check the whole rule set, and the source is read twice here:
    // 10-70 s on a loaded 2-core machine, so the engine project's hang guard (120 s) applies
  });

  it('counts the 2025 re-votes and re-runs (Papua PSU, Bangka and Pangkalpinang) as re-vote', async () => {
    const s = await statsAt('2025-07-01');
    expect(s.contestsByPhase).toMatchObject({ campaign: 0, voting: 0, revote: 3, inSeason: 3 });
    expect(s.contestsByPhase.byPhase).toEqual({ psu: 1, 'pilkada-ulang': 2 });
  });

  it('prints the phase counts in the text output too, in Indonesian', async () => {
    const r = await jaga('stats', ['--at', '2026-12-06']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hari ini \(2026-12-06\)\s+kampanye 0, pemungutan 0, pemungutan ulang 0 \(0 dari \d+ kontestasi dalam tahapan\)/);
  });

  it('rejects a date that is not a real calendar day with a usage error', async () => {
    for (const bad of ['2026-02-30', '6-12-2026', 'besok']) {
      const r = await jaga('stats', ['--json', '--at', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--at');
      expect(r.stdout).toBe('');
    }
  });
});
