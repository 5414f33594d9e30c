/**
 * What decided a verdict, in aggregate (issue #20): the kind of entity behind the strongest reason (a DPR or
 * DPD list person, a Pilkada or Pilpres contestant, a party, a hashtag, an account…) and the kinds of evidence
 * that confirmed it. `npm run bench -- quality` counts these over the everyday medium-or-high hits and the
 * process-news above-low hits per split, so that a change of the rules shows where false positives come from
 * without printing any text. Reads only the public Verdict (rules/verdict.ts); nothing here runs in the
 * extension.
 */
import type { Reason, Severity, Verdict } from '../../rules/verdict.ts';

const RANK: Record<Severity, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** Reasons that only accompany another (a support word, a news cue, a match that did not count). */
const COMPANIONS = new Set(['support-cue', 'neutral-cue', 'ambiguous']);

/** The race a contest id belongs to (rules/data: `dpr-2024-…`, `pilgub-…`, `pilpres-2024`). */
const CONTEST_CLASS: readonly [RegExp, string][] = [
  [/^dpr-/, 'DPR list'],
  [/^dpd-/, 'DPD list'],
  [/^pilpres-/, 'Pilpres'],
  [/^pilgub-/, 'Pilkada province'],
  [/^pil(?:bup|walkot)-/, 'Pilkada regency/city'],
  [/^pileg-/, 'Pileg'],
];

/** "DPR list · candidate", "Pilpres · pair", "party", "hashtag · Pilpres", "person (no live race)", … */
export function entityClass(r: Reason): string {
  const race = r.contest ? (CONTEST_CLASS.find(([re]) => re.test(r.contest!.id))?.[1] ?? 'other race') : undefined;
  switch (r.kind) {
    case 'party':
      return 'party';
    case 'person':
      return 'person (no live race)';
    case 'account':
      return race ? `account · ${race}` : 'account';
    case 'ballot-number':
      return race ? `${race} · ballot number` : 'ballot number (no race named)';
    case 'election-term':
      return 'election word';
    default:
      return race ? `${race} · ${r.kind}` : r.kind;
  }
}

/**
 * The kind of one evidence label as rules/severity.ts and rules/evidence-beside.ts write it ('honorific "Bu"',
 * 'region "Serang"'): the label's fixed words, since the Verdict keeps only labels.
 */
const EVIDENCE_LABELS: readonly [RegExp, string][] = [
  [/^honorific /, 'honorific'],
  [/^support ".*" beside the name$/, 'support-near'],
  [/^support ".*" in the field$/, 'support-field'],
  [/^ballot number /, 'ballot-number'],
  [/^hand sign /, 'hand-sign'],
  [/^region /, 'region'],
  [/^running mate /, 'running-mate'],
  [/^rival /, 'rival'],
  [/^party ".*" of the pair$/, 'coalition-party'],
  [/^election word /, 'election-word'],
  [/^same person /, 'same-person'],
  [/^same contest /, 'same-contest'],
  [/^choice or rally cry/, 'choice'],
  [/^"X aja"/, 'choice-loose'],
  [/^praise /, 'praise'],
  [/^office or race ".*" beside the name$/, 'office'],
  [/^office or race ".*" in the field$/, 'office-field'],
  [/^politics /, 'politics'],
];

export function evidenceKind(label: string): string {
  return EVIDENCE_LABELS.find(([re]) => re.test(label))?.[1] ?? 'other';
}

export interface Decider {
  /** entityClass of the strongest reason (the first of them in the verdict's order) */
  entity: string;
  /** its evidence kinds joined with "+" in a fixed order, or "plain" for a match that needs none */
  evidence: string;
}

/** What decided a verdict above none: its strongest reason that is not a companion; undefined for none. */
export function decider(v: Verdict): Decider | undefined {
  let best: Reason | undefined;
  for (const r of v.reasons) if (!COMPANIONS.has(r.kind) && (!best || RANK[r.severity] > RANK[best.severity])) best = r;
  if (!best || best.severity === 'none') return undefined;
  const kinds = [...new Set((best.evidence ?? []).map(evidenceKind))].sort();
  return { entity: entityClass(best), evidence: kinds.length ? kinds.join('+') : 'plain' };
}

/** Counts of deciders by entity class and by evidence, for one group of verdicts. */
export class DeciderTally {
  readonly byEntity = new Map<string, number>();
  readonly byEvidence = new Map<string, number>();
  total = 0;

  add(v: Verdict): void {
    const d = decider(v);
    if (!d) return;
    this.total++;
    this.byEntity.set(d.entity, (this.byEntity.get(d.entity) ?? 0) + 1);
    const key = `${d.entity}: ${d.evidence}`;
    this.byEvidence.set(key, (this.byEvidence.get(key) ?? 0) + 1);
  }

  /** "DPR list · candidate 5, party 2" and the same by evidence, most frequent first; counts only. */
  lines(): string[] {
    const sorted = (m: Map<string, number>) =>
      [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
    return this.total ? [`by entity: ${sorted(this.byEntity)}`, `by evidence: ${sorted(this.byEvidence)}`] : ['—'];
  }
}
