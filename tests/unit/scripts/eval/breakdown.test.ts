import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeciderTally, decider, entityClass, evidenceKind } from '../../../../scripts/eval/breakdown.ts';
import { REPO_ROOT } from '../../../../scripts/local-data.ts';
import type { Reason, Verdict } from '../../../../rules/verdict.ts';

const reason = (over: Partial<Reason>): Reason => ({
  kind: 'candidate', entityId: 'x', label: 'x', field: 'text', span: [0, 1], matched: 'x', severity: 'medium', ...over,
});
const contest = (id: string) => ({ id, name: id });

describe('entityClass names the race or kind behind a reason', () => {
  it.each([
    [reason({ contest: contest('dpr-2024-aceh-i') }), 'DPR list · candidate'],
    [reason({ contest: contest('dpd-2024-bali') }), 'DPD list · candidate'],
    [reason({ contest: contest('pilpres-2024') }), 'Pilpres · candidate'],
    [reason({ kind: 'pair', contest: contest('pilgub-banten-2024') }), 'Pilkada province · pair'],
    [reason({ contest: contest('pilbup-bogor-2024') }), 'Pilkada regency/city · candidate'],
    [reason({ contest: contest('pilwalkot-malang-2024') }), 'Pilkada regency/city · candidate'],
    [reason({ kind: 'hashtag', contest: contest('pilpres-2024') }), 'Pilpres · hashtag'],
    [reason({ kind: 'party' }), 'party'],
    [reason({ kind: 'account' }), 'account'],
    [reason({ kind: 'account', contest: contest('pilpres-2024') }), 'account · Pilpres'],
    [reason({ kind: 'person' }), 'person (no live race)'],
    [reason({ kind: 'ballot-number' }), 'ballot number (no race named)'],
    [reason({ kind: 'ballot-number', contest: contest('pilpres-2024') }), 'Pilpres · ballot number'],
    [reason({ kind: 'election-term', severity: 'low' }), 'election word'],
  ])('%#: %s', (r, cls) => expect(entityClass(r)).toBe(cls));
});

describe('evidenceKind reads the labels the policy writes', () => {
  // every `why.push({ kind: '…', label: `…` })` of the policy, with its placeholders filled: the kind read
  // back from the label must be the kind pushed, so that a label reworded in rules/ fails here
  const sources = ['rules/severity.ts', 'rules/evidence-beside.ts'].map((f) => readFileSync(join(REPO_ROOT, f), 'utf8')).join('\n');
  const pushes = [...sources.matchAll(/\{ kind: '([a-z-]+)', label: (`[^`]*`|'[^']*') \}/g)].map((m) => ({
    kind: m[1]!,
    label: m[2]!.slice(1, -1).replace(/\$\{[^}]*\}/g, 'Bu'),
  }));

  it('finds the pushes (the pattern still matches the code)', () => expect(pushes.length).toBeGreaterThanOrEqual(15));
  it.each(pushes)('$kind ← $label', ({ kind, label }) => expect(evidenceKind(label)).toBe(kind));
  it('reads the election word and a marker number as what they are', () => {
    expect(evidenceKind('election word "pilkada"')).toBe('election-word');
    expect(evidenceKind('something new')).toBe('other');
  });
});

describe('decider takes the strongest reason that is not a companion', () => {
  it('skips support and neutral cues and unconfirmed matches, and joins the evidence kinds', () => {
    const v: Verdict = {
      severity: 'medium',
      reasons: [
        reason({ kind: 'support-cue', severity: 'none' }),
        reason({ kind: 'election-term', severity: 'low' }),
        reason({ contest: contest('dpd-2024-jambi'), evidence: ['region "Jambi"', 'honorific "Pak"', 'region "Muaro Jambi"'] }),
        reason({ kind: 'ambiguous', severity: 'none' }),
      ],
    };
    expect(decider(v)).toEqual({ entity: 'DPD list · candidate', evidence: 'honorific+region' });
  });

  it('says "plain" for a match that needs no evidence, and nothing for a verdict of none', () => {
    expect(decider({ severity: 'medium', reasons: [reason({ kind: 'party' })] })).toEqual({ entity: 'party', evidence: 'plain' });
    expect(decider({ severity: 'none', reasons: [reason({ kind: 'ambiguous', severity: 'none' })] })).toBeUndefined();
  });

  it('keeps the high reason under a neutral step-down (verdict medium, reason high)', () => {
    const v: Verdict = { severity: 'medium', reasons: [reason({ kind: 'party', severity: 'medium' }), reason({ kind: 'hashtag', severity: 'high', contest: contest('pilpres-2024') })] };
    expect(decider(v)?.entity).toBe('Pilpres · hashtag');
  });
});

describe('DeciderTally counts, never texts', () => {
  it('counts by entity and by entity and evidence, most frequent first', () => {
    const t = new DeciderTally();
    const dpr = reason({ contest: contest('dpr-2024-aceh-i'), evidence: ['region "Aceh"'] });
    t.add({ severity: 'medium', reasons: [dpr] });
    t.add({ severity: 'medium', reasons: [dpr] });
    t.add({ severity: 'medium', reasons: [reason({ kind: 'party' })] });
    t.add({ severity: 'none', reasons: [] });
    expect(t.total).toBe(3);
    expect(t.lines()).toEqual(['by entity: DPR list · candidate 2, party 1', 'by evidence: DPR list · candidate: region 2, party: plain 1']);
    expect(new DeciderTally().lines()).toEqual(['—']);
  });
});
