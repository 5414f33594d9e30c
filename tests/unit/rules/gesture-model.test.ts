import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalHand, checkModel, FEATURE_COUNT, handFeatures, predict, type GestureModel } from '../../../rules/gesture-model';
import type { Landmark } from '../../../rules/gestures';

const hand = (file: string) =>
  (JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'gestures', file), 'utf8')) as { hand: Landmark[] }).hand;
const v = hand('recorded-v-sign-002.json');

function rotate(h: Landmark[], degrees: number): Landmark[] {
  const a = (degrees * Math.PI) / 180;
  return h.map((p) => ({ x: p.x * Math.cos(a) - p.y * Math.sin(a), y: p.x * Math.sin(a) + p.y * Math.cos(a), z: p.z ?? 0 }));
}
const move = (h: Landmark[], k: number, dx: number, dy: number) => h.map((p) => ({ x: p.x * k + dx, y: p.y * k + dy, z: (p.z ?? 0) * k }));
const mirror = (h: Landmark[]) => h.map((p) => ({ ...p, x: -p.x }));

function close(a: number[] | null, b: number[] | null): void {
  expect(a).not.toBeNull();
  expect(b).not.toBeNull();
  expect(a!.length).toBe(FEATURE_COUNT);
  for (let i = 0; i < a!.length; i++) expect(a![i]!, `feature ${i}`).toBeCloseTo(b![i]!, 6);
}

describe('gesture model features', () => {
  it('are the same wherever the hand is and however big', () => {
    close(handFeatures(v), handFeatures(move(v, 4.2, -300, 1200)));
  });
  it('are the same for the other hand (mirrored picture)', () => {
    close(handFeatures(v), handFeatures(mirror(v)));
  });
  it('are the same turned in the picture', () => {
    for (const deg of [-120, -30, 45, 180]) close(handFeatures(v), handFeatures(rotate(v, deg)));
  });
  it('put the wrist at the origin and the middle knuckle straight up at distance 1', () => {
    const h = canonicalHand(rotate(v, 77))!;
    for (const k of ['x', 'y', 'z'] as const) expect(h[0]![k]).toBeCloseTo(0, 9);
    expect(h[9]!.x).toBeCloseTo(0, 9);
    expect(h[9]!.y).toBeCloseTo(-1, 9);
    expect(h[5]!.x).toBeGreaterThan(h[17]!.x);
  });
  it('refuse a hand without size', () => {
    expect(handFeatures(v.map(() => ({ x: 3, y: 3 })))).toBeNull();
  });
  it('differ between a V and a fist', () => {
    const a = handFeatures(v)!;
    const b = handFeatures(hand('recorded-near-miss-fist.json'))!;
    expect(a.some((x, i) => Math.abs(x - b[i]!) > 0.2)).toBe(true);
  });
});

describe('gesture model', () => {
  const tiny: GestureModel = {
    version: 1,
    classes: ['none', 'two'],
    mean: Array(FEATURE_COUNT).fill(0),
    std: Array(FEATURE_COUNT).fill(1),
    weights: [Array(FEATURE_COUNT).fill(0), Array(FEATURE_COUNT).fill(0)],
    bias: [0, Math.log(3)],
  };
  it('gives probabilities that sum to 1', () => {
    const p = predict(tiny, handFeatures(v)!);
    expect(p[0]).toBeCloseTo(0.25, 9);
    expect(p[1]).toBeCloseTo(0.75, 9);
  });
  it('refuses a model of the wrong shape or with broken numbers, saying why', () => {
    expect(() => checkModel({ ...tiny, mean: [0] })).toThrow(/features/);
    expect(() => checkModel({ ...tiny, bias: [0, Number.NaN] })).toThrow(/non-finite/);
    expect(() => checkModel({ ...tiny, bias: [0] })).toThrow(/output layer/);
    expect(checkModel(tiny)).toBe(tiny);
  });
});
