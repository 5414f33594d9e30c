/**
 * "Hari ini": how many contests of the active rule set are in their campaign, voting or re-vote
 * phases today, and the reminder that parties count whatever the calendar says (the engine rates a
 * party at least medium in any season). Shown in the popup and the options page; reads the compiled
 * rules from storage, so it validates them and shows nothing for rules it cannot read.
 */
import { z } from 'zod';
import { dayAt, phaseSummary } from '@/rules/phase';
import type { Language } from '@/utils/settings';

const ContestsSchema = z.object({
  contests: z.array(z.object({ days: z.array(z.number()), phases: z.array(z.string()).optional() })),
});

const STRINGS = {
  id: {
    phases: (campaign: number, voting: number, revote: number) =>
      `Hari ini: ${campaign} kontestasi masa kampanye, ${voting} pemungutan suara, ${revote} pemungutan ulang.`,
    inSeason: (n: number) => `Hari ini: ${n} kontestasi dalam tahapan pemilu.`,
    parties: 'Nama, lambang dan akun partai politik tetap dihitung.',
  },
  en: {
    phases: (campaign: number, voting: number, revote: number) =>
      `Today: ${campaign} contests campaigning, ${voting} voting, ${revote} re-voting.`,
    inSeason: (n: number) => `Today: ${n} contests in an election phase.`,
    parties: 'Party names, symbols and accounts still count.',
  },
} satisfies Record<Language, unknown>;

export interface TodayPhasesProps {
  /** the compiled rules as stored (unknown shape until validated) */
  compiled: unknown;
  /** the moment that is "today" (ms since epoch) */
  now: number;
  language: Language;
}

export function TodayPhases({ compiled, now, language }: TodayPhasesProps) {
  const parsed = ContestsSchema.safeParse(compiled);
  if (!parsed.success) return null;
  const t = STRINGS[language];
  const contests = parsed.data.contests;
  const s = phaseSummary(contests, dayAt(new Date(now)));
  // rules compiled before phase kinds existed only say whether a contest is in season
  const named = contests.some((c) => c.phases?.length);
  return (
    <p className="today-phases small" data-testid="today-phases">
      {named ? t.phases(s.campaign, s.voting, s.revote) : t.inSeason(s.inSeason)} {t.parties}
    </p>
  );
}
