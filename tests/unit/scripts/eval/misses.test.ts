import { describe, expect, it } from 'vitest';
import type { EvalLine } from '../../../../scripts/eval/build.ts';
import { developmentMisses } from '../../../../scripts/eval/misses.ts';

const line = (text: string, split: EvalLine['split'], names = true): EvalLine => ({
  text, at: '2024-10-15', source: `${split}-set`, split, platform: 'youtube', kind: 'political', names, hashtag: false, electionWords: false,
});
// a stand-in engine: everything is none, so every naming line would be a miss
const none = { evaluate: () => ({ severity: 'none' as const, reasons: [] }) };
const seen: string[] = [];
const spy = { evaluate: (c: { text?: string }) => (seen.push(c.text ?? ''), { severity: 'none' as const, reasons: [] }) };

describe('developmentMisses', () => {
  it('lists development lines naming someone that come out none or low', () => {
    expect(developmentMisses([line('a', 'development'), line('b', 'development', false)], none).map((m) => m.text)).toEqual(['a']);
  });
  it('never lists, nor even evaluates, a report line (the split rule)', () => {
    expect(developmentMisses([line('r', 'report'), line('d', 'development')], spy).map((m) => m.source)).toEqual(['development-set']);
    expect(seen).toEqual(['d']);
  });
  it('leaves out lines that come out medium or high', () => {
    const high = { evaluate: () => ({ severity: 'high' as const, reasons: [] }) };
    expect(developmentMisses([line('a', 'development')], high)).toEqual([]);
  });
});
