/**
 * The viewpoint augmentation of training hands: a turn keeps the hand's shape (every bone keeps its
 * length), a thumbs-up turned so that its thumb no longer points up is not kept as a thumbs-up, and
 * a turn in the picture's plane changes no feature the model reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handFeatures, type Point3 } from '../../../../rules/gesture-model';
import { randomView, reproject, rotateAboutWrist, viewCopy } from '../../../../scripts/photos/viewpoint';

const fixture = (file: string) =>
  (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'gestures', file), 'utf8')) as { hand: Point3[] }).hand;
const v = fixture('recorded-v-sign-002.json');
const thumbsUp = fixture('recorded-thumbs-up-021.json');

/** wrist → finger chains: every bone of the hand skeleton */
const BONES = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [0, 5],
  [5, 6],
  [6, 7],
  [7, 8],
  [0, 9],
  [9, 10],
  [10, 11],
  [11, 12],
  [0, 13],
  [13, 14],
  [14, 15],
  [15, 16],
  [0, 17],
  [17, 18],
  [18, 19],
  [19, 20],
] as const;
const length = (h: readonly Point3[], [a, b]: readonly [number, number]) =>
  Math.hypot(h[a]!.x - h[b]!.x, h[a]!.y - h[b]!.y, (h[a]!.z ?? 0) - (h[b]!.z ?? 0));

/** a made-up metric shape for the same hand: the image landmarks at 1/1000 scale, depth doubled */
const world = v.map((p) => ({ x: p.x / 1000 + 0.3, y: p.y / 1000 - 0.1, z: (2 * (p.z ?? 0)) / 1000 }));

describe('rotateAboutWrist', () => {
  it('keeps every finger bone the same length, whatever the view', () => {
    for (const view of [
      { yaw: 45, pitch: 0, roll: 0 },
      { yaw: 0, pitch: -45, roll: 0 },
      { yaw: -30, pitch: 40, roll: 170 },
    ]) {
      const turned = rotateAboutWrist(v, view);
      for (const bone of BONES) expect(length(turned, bone), `${JSON.stringify(view)} bone ${bone}`).toBeCloseTo(length(v, bone), 9);
      expect(turned[0]).toEqual({ x: v[0]!.x, y: v[0]!.y, z: v[0]!.z ?? 0 });
    }
  });
  it('turns sideways about the vertical axis (yaw) and forwards about the horizontal one (pitch)', () => {
    const pts = [
      { x: 0, y: 0, z: 0 },
      { x: 1, y: 0, z: 0 },
      { x: 0, y: 1, z: 0 },
    ];
    const yawed = rotateAboutWrist(pts, { yaw: 90, pitch: 0, roll: 0 });
    expect(yawed[1]!.x).toBeCloseTo(0, 9);
    expect(Math.abs(yawed[1]!.z)).toBeCloseTo(1, 9);
    expect(yawed[2]!.y).toBeCloseTo(1, 9);
    const pitched = rotateAboutWrist(pts, { yaw: 0, pitch: 90, roll: 0 });
    expect(pitched[2]!.y).toBeCloseTo(0, 9);
    expect(pitched[1]!.x).toBeCloseTo(1, 9);
  });
});

describe('reproject', () => {
  it('gives back the image landmarks unturned, and keeps their bone lengths turned', () => {
    const same = reproject(v, undefined, { yaw: 0, pitch: 0, roll: 0 })!;
    for (let i = 0; i < 21; i++) expect(same[i]!.x).toBeCloseTo(v[i]!.x, 9);
    const turned = reproject(v, undefined, { yaw: 40, pitch: -35, roll: 0 })!;
    for (const bone of BONES) expect(length(turned, bone)).toBeCloseTo(length(v, bone), 9);
  });
  it('turns the world landmarks when given, at the image wrist and the image hand size', () => {
    const turned = reproject(v, world, { yaw: 30, pitch: 20, roll: 0 })!;
    expect(turned[0]!.x).toBeCloseTo(v[0]!.x, 9);
    expect(turned[0]!.y).toBeCloseTo(v[0]!.y, 9);
    expect(length(turned, [0, 9])).toBeCloseTo(length(v, [0, 9]), 9);
    // the world shape's proportions, not the image's: bone ratios follow the world landmarks
    const k = length(v, [0, 9]) / length(world, [0, 9]);
    for (const bone of BONES) expect(length(turned, bone)).toBeCloseTo(length(world, bone) * k, 9);
  });
  it('is null for a hand without size', () => {
    const flat = v.map(() => ({ x: 1, y: 1, z: 0 }));
    expect(reproject(flat, undefined, { yaw: 10, pitch: 0, roll: 0 })).toBeNull();
  });
});

describe('viewCopy', () => {
  it('does not use a thumbs-up turned past 90° in the picture as a thumbs-up', () => {
    for (const roll of [100, 135, 180, -120])
      expect(viewCopy(thumbsUp, undefined, 'thumbs-up', { yaw: 0, pitch: 0, roll }), `roll ${roll}`).toBeNull();
  });
  it('keeps a thumbs-up turned a little, and any other sign turned any way', () => {
    expect(viewCopy(thumbsUp, undefined, 'thumbs-up', { yaw: 30, pitch: 20, roll: 10 })).not.toBeNull();
    expect(viewCopy(thumbsUp, undefined, 'none', { yaw: 0, pitch: 0, roll: 180 })).not.toBeNull();
    expect(viewCopy(v, undefined, 'two', { yaw: 0, pitch: 0, roll: 180 })).not.toBeNull();
  });
  it('changes no model feature by a turn in the picture alone (hence roll matters for the thumb only)', () => {
    const f0 = handFeatures(v)!;
    const f1 = handFeatures(viewCopy(v, undefined, 'two', { yaw: 0, pitch: 0, roll: 75 })!)!;
    for (let i = 0; i < f0.length; i++) expect(f1[i]!, `feature ${i}`).toBeCloseTo(f0[i]!, 9);
  });
  it('changes the features for a turn out of the picture', () => {
    const f0 = handFeatures(v)!;
    const f1 = handFeatures(viewCopy(v, undefined, 'two', { yaw: 40, pitch: 0, roll: 0 })!)!;
    expect(f0.some((x, i) => Math.abs(x - f1[i]!) > 0.05)).toBe(true);
  });
});

describe('randomView', () => {
  it('stays within the limits', () => {
    let s = 1;
    const random = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 200; i++) {
      const view = randomView({ yaw: 45, pitch: 30, roll: 0 }, random);
      expect(Math.abs(view.yaw)).toBeLessThanOrEqual(45);
      expect(Math.abs(view.pitch)).toBeLessThanOrEqual(30);
      expect(view.roll === 0).toBe(true);
    }
  });
});
