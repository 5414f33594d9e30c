import { describe, expect, it } from 'vitest';
import { parsePhotoResult } from '@/utils/messages';

const GOOD = {
  hands: 1,
  gestures: [{ gesture: 'two', severity: 'medium', label: '✌️ dua jari / V', box: [0.1, 0.2, 0.3, 0.4], points: [[0.1, 0.2]] }],
  ms: 812,
};

describe('parsePhotoResult (the analysis page answer, checked by the background before a content script sees it)', () => {
  it('passes a well-formed result through unchanged', () => {
    expect(parsePhotoResult(GOOD)).toEqual(GOOD);
    expect(parsePhotoResult({ hands: 0, gestures: [], ms: 3 })).toEqual({ hands: 0, gestures: [], ms: 3 });
  });
  it('keeps the runtime that analysed the photo and each hand\'s handedness and score', () => {
    const full = {
      ...GOOD,
      runtime: 'tasks-cpu',
      gestures: [{ ...GOOD.gestures[0], handedness: { label: 'Left', score: 0.98 }, score: 0.91 }],
    };
    expect(parsePhotoResult(full)).toEqual(full);
  });
  it.each([
    ['nothing', undefined],
    ['an unknown runtime', { ...GOOD, runtime: 'quantum' }],
    ['a handedness label other than Left or Right', { ...GOOD, gestures: [{ ...GOOD.gestures[0], handedness: { label: 'Both', score: 0.5 } }] }],
    ['a score above 1', { ...GOOD, gestures: [{ ...GOOD.gestures[0], score: 1.5 }] }],
    ['an error object', { error: 'no page' }],
    ['an unknown gesture', { ...GOOD, gestures: [{ ...GOOD.gestures[0], gesture: 'peace-out' }] }],
    ['"none" as a gesture', { ...GOOD, gestures: [{ ...GOOD.gestures[0], gesture: 'none' }] }],
    ['an unknown severity', { ...GOOD, gestures: [{ ...GOOD.gestures[0], severity: 'critical' }] }],
    ['a short box', { ...GOOD, gestures: [{ ...GOOD.gestures[0], box: [0, 0, 1] }] }],
  ])('refuses %s with an error naming the problem', (_what, value) => {
    expect(() => parsePhotoResult(value)).toThrow(/photo analysis: malformed answer \(\w/);
  });
});
