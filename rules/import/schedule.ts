/**
 * National schedules an imported contest takes its phases from unless its record says otherwise.
 * - Pilkada 2024 (PKPU 2/2024): registration 27 Aug, pairs set 22 Sep, campaign 25 Sep – 23 Nov,
 *   quiet 24–26 Nov, voting 27 Nov, recapitulation to 16 Dec 2024.
 * - Pemilu 2024 (DPR, DPD): campaign 28 Nov 2023 – 10 Feb 2024, quiet 11–13 Feb, voting 14 Feb,
 *   recapitulation to 20 Mar 2024.
 * The same dates as the hand-written contests in rules/data (pileg-2024.yaml, pilkada-2024-*.yaml).
 */
import type { Contest } from '../schema.ts';

type Phase = Contest['phases'][number];

export const PILKADA_2024_VOTING_DAY = '2024-11-27';
export const PEMILU_2024_VOTING_DAY = '2024-02-14';

export const PILKADA_2024_PHASES: readonly Phase[] = [
  { kind: 'pendaftaran', from: '2024-08-27', to: '2024-09-21' },
  { kind: 'penetapan', from: '2024-09-22', to: '2024-09-24' },
  { kind: 'kampanye', from: '2024-09-25', to: '2024-11-23' },
  { kind: 'tenang', from: '2024-11-24', to: '2024-11-26' },
  { kind: 'pemungutan', from: '2024-11-27', to: '2024-11-27' },
  { kind: 'rekapitulasi', from: '2024-11-28', to: '2024-12-16' },
];

export const PEMILU_2024_PHASES: readonly Phase[] = [
  { kind: 'kampanye', from: '2023-11-28', to: '2024-02-10' },
  { kind: 'tenang', from: '2024-02-11', to: '2024-02-13' },
  { kind: 'pemungutan', from: '2024-02-14', to: '2024-02-14' },
  { kind: 'rekapitulasi', from: '2024-02-15', to: '2024-03-20' },
];

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export interface ScheduleOverride {
  votingDay?: string;
  campaignFrom?: string;
  campaignTo?: string;
}

/**
 * Phases for a contest: the national schedule, or, when the record gives its own voting day or
 * campaign, a campaign (given, else the 60 days before the 3-day quiet period), quiet period and vote.
 */
export function phasesFor(kind: 'pilkada' | 'pemilu', override: ScheduleOverride = {}): { votingDay: string; phases: Phase[] } {
  const nationalDay = kind === 'pilkada' ? PILKADA_2024_VOTING_DAY : PEMILU_2024_VOTING_DAY;
  const national = kind === 'pilkada' ? PILKADA_2024_PHASES : PEMILU_2024_PHASES;
  const votingDay = override.votingDay ?? nationalDay;
  if (votingDay === nationalDay && !override.campaignFrom && !override.campaignTo) {
    return { votingDay, phases: national.map((p) => ({ ...p })) };
  }
  const campaignTo = override.campaignTo ?? addDays(votingDay, -4);
  const campaignFrom = override.campaignFrom ?? addDays(campaignTo, -59);
  const phases: Phase[] = [{ kind: 'kampanye', from: campaignFrom, to: campaignTo }];
  if (addDays(campaignTo, 1) <= addDays(votingDay, -1)) phases.push({ kind: 'tenang', from: addDays(campaignTo, 1), to: addDays(votingDay, -1) });
  phases.push({ kind: 'pemungutan', from: votingDay, to: votingDay });
  return { votingDay, phases };
}
