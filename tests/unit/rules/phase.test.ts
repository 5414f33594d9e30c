import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../rules/compiled.ts';
import { dayAt, phaseSummary, phasesOn, seasonState } from '../../../rules/phase.ts';

const contest = (...phases: [string, string, string][]) => ({
  days: phases.flatMap(([, from, to]) => [dayOf(from), dayOf(to)]),
  phases: phases.map(([kind]) => kind),
});

describe('phase', () => {
  it('reads a bare date as that day and a date-time in Western Indonesia time', () => {
    expect(dayAt('2024-11-27')).toBe(dayOf('2024-11-27'));
    // 18:00 UTC on the 26th is 01:00 WIB on the 27th
    expect(dayAt('2024-11-26T18:00:00Z')).toBe(dayOf('2024-11-27'));
    expect(dayAt(undefined, () => Date.parse('2026-12-06T20:00:00Z'))).toBe(dayOf('2026-12-07'));
  });

  it('tells in season, finished and not yet started apart', () => {
    const c = contest(['kampanye', '2024-09-25', '2024-11-23'], ['pemungutan', '2024-11-27', '2024-11-27']);
    expect(seasonState(c.days, dayOf('2024-10-01'))).toBe(2);
    expect(seasonState(c.days, dayOf('2024-11-25'))).toBe(1); // between phases: started, not live
    expect(seasonState(c.days, dayOf('2026-12-06'))).toBe(1);
    expect(seasonState(c.days, dayOf('2024-01-01'))).toBe(3);
  });

  it('names the phases containing a day and groups them', () => {
    const a = contest(['kampanye', '2024-09-25', '2024-11-23'], ['pemungutan', '2024-11-27', '2024-11-27']);
    const b = contest(['psu', '2025-03-23', '2025-08-06']);
    const old = { days: [dayOf('2024-11-01'), dayOf('2024-11-30')] }; // compiled before phase kinds existed
    expect(phasesOn(a, dayOf('2024-11-27'))).toEqual(['pemungutan']);
    expect(phasesOn(old, dayOf('2024-11-27'))).toEqual([]);
    const s = phaseSummary([a, b, old], dayOf('2024-11-27'));
    expect(s).toEqual({ date: '2024-11-27', contests: 3, inSeason: 2, byPhase: { pemungutan: 1 }, campaign: 0, voting: 1, revote: 0 });
    expect(phaseSummary([a, b], dayOf('2025-04-01'))).toMatchObject({ revote: 1, campaign: 0, byPhase: { psu: 1 } });
  });
});
