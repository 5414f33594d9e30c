/**
 * What is live on a given day: the one place that turns a date into a day number and says which of a
 * contest's phases contain it. The engine's severity step (is a contest in season?), `jaga stats --at`
 * and the popup / options "Hari ini" line all read contests through these functions, so they agree.
 *
 * Pure and free of zod: it is on the content-script path.
 */
import { dayOf, type CompiledContest } from './compiled.ts';

const WIB_MS = 7 * 3_600_000;

/**
 * The day number (days since 1970-01-01) a moment falls on. A bare `YYYY-MM-DD` is that calendar day;
 * a date-time or a Date is read in Western Indonesia time (UTC+7), where most users live. Anything
 * unreadable (or nothing) means now.
 */
export function dayAt(at: Date | string | undefined, now: () => number = Date.now): number {
  if (typeof at === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
      const d = dayOf(at);
      if (!Number.isNaN(d)) return d;
    }
    const t = Date.parse(at);
    if (!Number.isNaN(t)) return Math.floor((t + WIB_MS) / 86_400_000);
  } else if (at instanceof Date && !Number.isNaN(at.getTime())) {
    return Math.floor((at.getTime() + WIB_MS) / 86_400_000);
  }
  return Math.floor((now() + WIB_MS) / 86_400_000);
}

/** Where a contest stands on a day: 2 = in season, 1 = finished, 3 = not started yet. */
export type SeasonState = 1 | 2 | 3;

/** The contest's state on `day` from its flat in-season ranges [from, to, from, to…] (inclusive). */
export function seasonState(days: readonly number[], day: number): SeasonState {
  let started = false;
  for (let d = 0; d + 1 < days.length; d += 2) {
    if (day >= days[d]! && day <= days[d + 1]!) return 2;
    if (day >= days[d]!) started = true;
  }
  return started ? 1 : 3;
}

/** The kinds of the contest's phases that contain `day` (empty when none does or kinds are unknown). */
export function phasesOn(contest: Pick<CompiledContest, 'days' | 'phases'>, day: number): string[] {
  const out: string[] = [];
  const kinds = contest.phases ?? [];
  for (let d = 0, i = 0; d + 1 < contest.days.length; d += 2, i++) {
    const kind = kinds[i];
    if (kind && day >= contest.days[d]! && day <= contest.days[d + 1]! && !out.includes(kind)) out.push(kind);
  }
  return out;
}

/** Phase kinds grouped the way the "Hari ini" line names them. */
export const PHASE_GROUPS = {
  campaign: ['kampanye'],
  voting: ['tenang', 'pemungutan', 'rekapitulasi'],
  revote: ['psu', 'pilkada-ulang', 'putaran-kedua'],
} as const satisfies Record<string, readonly string[]>;
export type PhaseGroup = keyof typeof PHASE_GROUPS;

export interface PhaseSummary {
  /** the day, `YYYY-MM-DD` */
  date: string;
  /** all contests in the rule set */
  contests: number;
  /** contests in season that day (inside any phase) */
  inSeason: number;
  /** contests per phase kind that day (a contest inside two overlapping phases counts in both) */
  byPhase: Record<string, number>;
  /** contests per group: campaign (kampanye), voting (tenang, pemungutan, rekapitulasi), re-vote (psu, pilkada-ulang, putaran-kedua) */
  campaign: number;
  voting: number;
  revote: number;
}

/** Which contests are in which phase on `day`. */
export function phaseSummary(contests: readonly Pick<CompiledContest, 'days' | 'phases'>[], day: number): PhaseSummary {
  const byPhase: Record<string, number> = {};
  const groups: Record<PhaseGroup, number> = { campaign: 0, voting: 0, revote: 0 };
  let inSeason = 0;
  for (const c of contests) {
    if (seasonState(c.days, day) === 2) inSeason++;
    const kinds = phasesOn(c, day);
    for (const k of kinds) byPhase[k] = (byPhase[k] ?? 0) + 1;
    for (const g of Object.keys(groups) as PhaseGroup[]) {
      if (kinds.some((k) => (PHASE_GROUPS[g] as readonly string[]).includes(k))) groups[g]++;
    }
  }
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  return { date, contests: contests.length, inSeason, byPhase, ...groups };
}
