/**
 * Comments as met (docs/engine.md, "Comments as met"): an eval text checked as the product meets it, as the
 * action of liking it, with the fields the site adapter fills from what the source records: the text, its
 * hashtags (`hashtagsIn`, as the adapters compute them) and, where the source records the video or post
 * the comment is under, that title as `quoted` (entrypoints/content/sites/youtube.ts, `commentLike`). It
 * goes through `engine.evaluate`, the entry point of the content script (entrypoints/content/pipeline.ts),
 * never through joined strings. Labels stay those of the text alone.
 */
import { hashtagsIn } from '../../entrypoints/content/sites/helpers/text.ts';
import { type ActionContent, SITE_IDS, type SiteId } from '../../rules/actions.ts';
import type { Engine, EvaluateContext, Verdict } from '../../rules/engine.ts';
import type { EvalLine } from './build.ts';

type Line = Pick<EvalLine, 'text' | 'at' | 'platform' | 'context'>;

/** The like on this text as the adapter would hand it to the engine: the content and the context. */
export function asMet(l: Line): { content: ActionContent; ctx: EvaluateContext } {
  const site = (SITE_IDS as readonly string[]).includes(l.platform) ? (l.platform as SiteId) : undefined;
  const content: ActionContent = { text: l.text };
  const hashtags = hashtagsIn(l.text);
  if (hashtags.length) content.hashtags = hashtags;
  if (l.context) content.quoted = l.context;
  return { content, ctx: { at: l.at, ...(site ? { site } : {}), action: 'like' } };
}

/** A verdict the dialog shows by default: medium or high. */
export const warns = (severity: string) => severity === 'medium' || severity === 'high';

/**
 * Warned for the text's own words: a medium-or-high reason in a field the text itself fills (its text or
 * its hashtags), not only in the title it is under.
 */
export function ownWordsWarned(v: Pick<Verdict, 'reasons'>): boolean {
  return v.reasons.some((r) => (r.field === 'text' || r.field === 'hashtags') && warns(r.severity));
}

interface Tally {
  /** lines with a context */
  withContext: number;
  named: number;
  namedText: number;
  namedMet: number;
  namedOwn: number;
  nobody: number;
  nobodyText: number;
  nobodyMet: number;
}
const empty = (): Tally => ({ withContext: 0, named: 0, namedText: 0, namedMet: 0, namedOwn: 0, nobody: 0, nobodyText: 0, nobodyMet: 0 });

export function tallyLine(t: Tally, l: Pick<EvalLine, 'names' | 'context'>, textSeverity: string, met: Verdict): void {
  if (l.context) t.withContext++;
  if (l.names) {
    t.named++;
    if (warns(textSeverity)) t.namedText++;
    if (warns(met.severity)) t.namedMet++;
    if (warns(met.severity) && ownWordsWarned(met)) t.namedOwn++;
  } else {
    t.nobody++;
    if (warns(textSeverity)) t.nobodyText++;
    if (warns(met.severity)) t.nobodyMet++;
  }
}

/** "a/b p%", or "—" when nothing was counted. */
export const pct = (a: number, b: number) => (b ? `${a}/${b} ${((100 * a) / b).toFixed(1)}%` : '—');

/** The as-met figures per source and per split, beside the text-alone ones (`npm run bench -- quality`). */
export class AsMetReport {
  private readonly bySource = new Map<string, Tally>();
  private readonly bySplit = new Map<string, Tally>();
  constructor(private readonly engine: Pick<Engine, 'evaluate'>) {}

  /** Checks the line as met; `textSeverity` is its verdict on the text alone. */
  add(l: EvalLine, textSeverity: string): void {
    const { content, ctx } = asMet(l);
    const met = this.engine.evaluate(content, ctx);
    const get = (m: Map<string, Tally>, k: string) => m.get(k) ?? (m.set(k, empty()), m.get(k)!);
    tallyLine(get(this.bySource, `${l.split === 'report' ? 'R' : 'D'} ${l.source}`), l, textSeverity, met);
    tallyLine(get(this.bySplit, l.split), l, textSeverity, met);
  }

  lines(): string[] {
    const out = [
      '  as met (docs/engine.md, "Comments as met": liking the text with its hashtags, site and, where recorded, the title it is under as quoted):',
    ];
    const row = (k: string, t: Tally) =>
      `  ${k.padEnd(30)} ${String(t.withContext ? `${t.withContext} ctx` : '').padEnd(9)} named→med+ text ${pct(t.namedText, t.named).padEnd(20)} as met ${pct(t.namedMet, t.named).padEnd(20)} (own words ${pct(t.namedOwn, t.named)})`.padEnd(
        128,
      ) + `  naming nobody med+ text ${pct(t.nobodyText, t.nobody).padEnd(18)} as met ${pct(t.nobodyMet, t.nobody)}`;
    for (const m of [this.bySource, this.bySplit]) for (const k of [...m.keys()].sort()) out.push(row(k, m.get(k)!));
    return out;
  }
}
