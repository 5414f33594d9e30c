/**
 * The trainer's choices that are not the model itself: how sources are spread over the folds of a
 * leave-sources-out cross-validation, the augmentation named on the command line, and the hand's
 * other side and one-axis stretch (the eleventh round's training copies).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalHand, handFeatures, type Point3 } from '../../../../rules/gesture-model';
import {
  augmentationFromArgs,
  keepsExample,
  otherSide,
  sourceFolds,
  stretchedX,
  turnsCopies,
} from '../../../../scripts/photos/train-options';

const files = (source: string, n: number) => Array.from({ length: n }, (_, i) => `${source}/${i}.jpg`);

describe('sourceFolds', () => {
  it('keeps each source in one fold and spreads the photos near evenly, biggest first', () => {
    const all = [
      ...files('a', 200),
      ...files('b', 180),
      ...files('c', 100),
      ...files('d', 60),
      ...files('e', 58),
      ...files('f', 15),
      ...files('g', 12),
    ];
    const folds = sourceFolds(all, 3);
    expect(folds.get('a')).toBe(0);
    expect(folds.get('b')).toBe(1);
    expect(folds.get('c')).toBe(2);
    const sizes = [0, 0, 0];
    for (const f of all) sizes[folds.get(f.split('/')[0]!)!]!++;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(60);
    expect(sourceFolds([...all].reverse(), 3)).toEqual(folds);
  });
  it('refuses more folds than sources', () => {
    expect(() => sourceFolds([...files('a', 3), ...files('b', 3)], 5)).toThrow(/2 sources cannot fill 5 folds/);
  });
});

describe('augmentationFromArgs', () => {
  it('is the committed augmentation without --views', () => {
    expect(augmentationFromArgs(['node', 'train.ts', '--pool'])).toEqual({ kind: 'legacy' });
  });
  it('reads copies, limits and the landmarks turned', () => {
    expect(augmentationFromArgs(['node', 'train.ts', '--views', '6', '--yaw', '45', '--pitch', '30', '--view-source', 'image'])).toEqual({
      kind: 'views',
      copies: 6,
      limits: { yaw: 45, pitch: 30, roll: 0 },
      source: 'image',
    });
  });
  it('keeps the no-sign class unturned with --none-unturned (jitter only), and turns every class without it', () => {
    const aug = augmentationFromArgs(['node', 'train.ts', '--views', '4', '--yaw', '45', '--none-unturned']);
    expect(aug).toEqual({ kind: 'views', copies: 4, limits: { yaw: 45, pitch: 0, roll: 0 }, source: 'world', noneUnturned: true });
    expect(turnsCopies(aug, 'none')).toBe(false);
    expect(turnsCopies(aug, 'two')).toBe(true);
    const all = augmentationFromArgs(['node', 'train.ts', '--views', '4', '--yaw', '45']);
    expect(turnsCopies(all, 'none')).toBe(true);
  });
  it('refuses --none-unturned without --views', () => {
    expect(() => augmentationFromArgs(['node', 'train.ts', '--none-unturned'])).toThrow(/--none-unturned needs --views/);
  });
  it('says what is wrong with a bad value', () => {
    expect(() => augmentationFromArgs(['node', 'train.ts', '--views', 'many'])).toThrow(/--views takes a number of copies/);
    expect(() => augmentationFromArgs(['node', 'train.ts', '--views', '4', '--yaw', '120'])).toThrow(
      /--yaw takes a limit in degrees from 0 to 90, not 120/,
    );
    expect(() => augmentationFromArgs(['node', 'train.ts', '--views', '4', '--view-source', 'depth'])).toThrow(
      /--view-source must be world or image/,
    );
  });
});

describe('keepsExample', () => {
  const none = new Set<string>();
  it('drops every example of a set left out', () => {
    expect(keepsExample('kaust-rps/a.jpg', 'none', new Set(['kaust-rps']), none)).toBe(false);
    expect(keepsExample('asl-digits/a.jpg', 'two', new Set(['kaust-rps']), none)).toBe(true);
  });
  it('keeps only the no-sign hands of a set taken for them', () => {
    const noneOnly = new Set(['asl-alphabet-grassknoted']);
    expect(keepsExample('asl-alphabet-grassknoted/A1.jpg', 'none', none, noneOnly)).toBe(true);
    expect(keepsExample('asl-alphabet-grassknoted/V1.jpg', 'two', none, noneOnly)).toBe(false);
    expect(keepsExample('asl-digits/2.jpg', 'two', none, noneOnly)).toBe(true);
  });
});

describe('otherSide and stretchedX (the eleventh round)', () => {
  // a recorded hand, not a made-up one: its depth and tilt are a real photo's
  const hand = (
    JSON.parse(readFileSync(join(__dirname, '../../../fixtures/gestures/recorded-v-sign-002.json'), 'utf8')) as { hand: Point3[] }
  ).hand;

  it('shows the hand from its other side: the same shape to the features, its depth turned over', () => {
    const a = canonicalHand(hand)!;
    const b = canonicalHand(otherSide(hand))!;
    for (let i = 0; i < 21; i++) {
      expect(b[i]!.x).toBeCloseTo(a[i]!.x, 9);
      expect(b[i]!.y).toBeCloseTo(a[i]!.y, 9);
      expect(b[i]!.z).toBeCloseTo(-a[i]!.z, 9);
    }
    // and the features are not the same: the depth is in them
    expect(handFeatures(otherSide(hand))).not.toEqual(handFeatures(hand));
  });

  it('squashes on the picture x axis about the wrist, depth with it, and changes the features', () => {
    const s = stretchedX(hand, 0.75);
    expect(s[0]).toEqual({ x: hand[0]!.x, y: hand[0]!.y, z: (hand[0]!.z ?? 0) * 0.75 });
    for (let i = 1; i < 21; i++) {
      expect(s[i]!.x - s[0]!.x).toBeCloseTo((hand[i]!.x - hand[0]!.x) * 0.75, 9);
      expect(s[i]!.y).toBe(hand[i]!.y);
    }
    // the features are not invariant to a stretch on one axis (they are to a uniform scale)
    const uniform = hand.map((p) => ({ x: p.x * 0.75, y: p.y * 0.75, z: (p.z ?? 0) * 0.75 }));
    expect(handFeatures(uniform)!.map((v) => v.toFixed(9))).toEqual(handFeatures(hand)!.map((v) => v.toFixed(9)));
    expect(handFeatures(s)!.map((v) => v.toFixed(9))).not.toEqual(handFeatures(hand)!.map((v) => v.toFixed(9)));
  });
});
