/**
 * How the dialog (and the options page's "Coba teks") names what the engine matched: the
 * engine's label, with the contest and ballot number in front when the label does not carry them
 * already ("Pilpres 2024, nomor urut 02: Prabowo Subianto – Gibran Rakabuming Raka").
 */
import type { DialogReason } from '@/utils/dialog-api';
import { severityRank } from '@/utils/decision';
import type { Language } from '@/utils/settings';

export function ballotNumber(contest: NonNullable<DialogReason['contest']>): string | undefined {
  if (contest.number === undefined) return undefined;
  // Presidential ballot numbers are written with two digits ("01", "02", "03").
  return /pilpres|presiden/i.test(`${contest.id} ${contest.name}`) ? String(contest.number).padStart(2, '0') : String(contest.number);
}

export function describeReason(reason: DialogReason, lang: Language): string {
  const contest = reason.contest;
  if (!contest || reason.label.includes(contest.name)) return reason.label;
  const number = ballotNumber(contest);
  const ballot = lang === 'id' ? 'nomor urut' : 'ballot number';
  return number ? `${contest.name}, ${ballot} ${number}: ${reason.label}` : `${contest.name}: ${reason.label}`;
}

const GENERIC_KINDS = new Set(['ballot-number', 'election-term', 'support-cue', 'neutral-cue', 'ambiguous', 'campaign-term']);

/** One line per matched entity, strongest first, at most `max`. */
export function uniqueReasons(reasons: DialogReason[], lang: Language, max = 4): { text: string; reason: DialogReason }[] {
  const seen = new Set<string>();
  const out: { text: string; reason: DialogReason }[] = [];
  // Strongest first; at equal strength, what names a contestant (with its contest) before generic
  // cues such as a bare ballot number or an election word.
  const weight = (r: DialogReason) => severityRank(r.severity) * 10 + (r.contest ? 2 : 0) + (GENERIC_KINDS.has(r.kind) ? 0 : 1);
  for (const reason of [...reasons].sort((a, b) => weight(b) - weight(a))) {
    const text = describeReason(reason, lang);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, reason });
    if (out.length >= max) break;
  }
  return out;
}
