import { describe, expect, it } from 'vitest';
import { EVIDENCE } from '../../../../rules/severity.ts';
import type { EvalLine } from '../../../../scripts/eval/build.ts';
import { measure, SETTINGS } from '../../../../scripts/eval/sweep.ts';

// invented texts: "Airin" (Pilgub Banten no. 1) is a context-requiring given name
const line = (text: string, over: Partial<EvalLine>): EvalLine => ({
  text, at: '2024-10-15', source: 's', split: 'development', platform: 'x', kind: 'everyday', names: false, hashtag: false, electionWords: false, ...over,
});
const lines = [
  line('Bu Airin guru les piano anak saya', { source: 'everyday-a' }),
  line('saya dukung Bu Airin jadi gubernur Banten', { kind: 'political', names: true }),
  line('Bu Airin ramah sekali', { kind: 'political', names: true }),
  line('KPU buka rekrutmen petugas TPS', { kind: 'political', platform: 'news', electionWords: true, source: 'alharkan7-hoax-headlines' }),
];

describe('the operating-point sweep', () => {
  it('measures the current weights: the homonym stays none, one weak cue stays none', () => {
    const t = measure(lines, SETTINGS.current!);
    expect([t.namedHit, t.named]).toEqual([1, 2]);
    expect(t.everyday.get('everyday-a')).toEqual([1, 0]);
    expect(t.processSixth).toEqual([1, 0]);
  });

  it('measures a setting where one cue confirms alone, and shows what it turned on', () => {
    const t = measure(lines, SETTINGS['honorific alone']!, true);
    expect([t.namedHit, t.named]).toEqual([2, 2]);
    expect(t.everyday.get('everyday-a')).toEqual([1, 1]);
    expect(t.shown.some((s) => s.includes('Bu Airin guru les piano'))).toBe(true);
  });

  it('puts the weights back afterwards', () => {
    const before = { ...EVIDENCE };
    measure(lines, { threshold: 1, honorific: 9 });
    expect({ ...EVIDENCE }).toEqual(before);
  });
});
