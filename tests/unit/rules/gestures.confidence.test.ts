import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE, classifyHand, classifyWith, fingerStates, gestureModel, type Landmark } from '../../../rules/gestures';
import { FEATURE_COUNT, type GestureModel, MODEL_CLASSES } from '../../../rules/gesture-model';

const hand = (file: string) =>
  (JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'gestures', file), 'utf8')) as { hand: Landmark[] }).hand;
/** recorded on 320×240 frames (tests/fixtures/photos/README.md) */
const FRAME = { width: 320, height: 240 };
const v = hand('recorded-v-sign-002.json');
const thumbsUp = hand('recorded-thumbs-up-000.json');
const sure = { score: 0.97, handedness: { label: 'Right', score: 0.98 }, imageSize: FRAME };

/** the picture turned upside down, about its centre */
const upsideDown = (h: Landmark[]) => h.map((p) => ({ x: FRAME.width - p.x, y: FRAME.height - p.y, z: p.z ?? 0 }));

describe('classifyHand: a warning needs a confident, clearly visible sign', () => {
  it('reads a clear V and a clear thumbs-up', () => {
    expect(classifyHand(v, sure).gesture).toBe('two');
    expect(classifyHand(thumbsUp, sure).gesture).toBe('thumbs-up');
  });

  it('does not read a thumb pointing down as a thumbs-up', () => {
    expect(classifyHand(upsideDown(thumbsUp), sure).gesture).toBe('none');
    expect(classifyHand(upsideDown(thumbsUp)).gesture).toBe('none');
  });

  it('still reads a V upside down (orientation does not change a finger count)', () => {
    expect(classifyHand(upsideDown(v), sure).gesture).toBe('two');
  });

  it('says none when the detector is unsure of the hand', () => {
    expect(classifyHand(v, { ...sure, score: 0.3 }).gesture).toBe('none');
    expect(classifyHand(v, { ...sure, handedness: { label: 'Left', score: 0.4 } }).gesture).toBe('none');
  });

  it('says none for a hand too small in the picture to see its fingers', () => {
    expect(classifyHand(v, { ...sure, imageSize: { width: 4000, height: 3000 } }).gesture).toBe('none');
  });

  it('says none when fingers reach out of the picture', () => {
    // fingertips a fifth of the shorter side past the top edge: cut off
    const top = Math.min(...v.map((p) => p.y));
    const cut = v.map((p) => ({ ...p, y: p.y - top - 0.2 * FRAME.height }));
    expect(classifyHand(cut, sure).gesture).toBe('none');
  });

  it('still reads a sign whose fingertip only grazes the edge (5 % of the shorter side past it)', () => {
    const top = Math.min(...v.map((p) => p.y));
    const grazing = v.map((p) => ({ ...p, y: p.y - top - 0.05 * FRAME.height }));
    expect(classifyHand(grazing, sure).gesture).toBe('two');
  });

  it('says none for a fist and a half-curled (relaxed) hand', () => {
    expect(classifyHand(hand('recorded-near-miss-fist.json'), sure).gesture).toBe('none');
    expect(classifyHand(hand('recorded-near-miss-half-curl.json'), { ...sure, imageSize: { width: 480, height: 640 } }).gesture).toBe('none');
  });

  it('ignores scores that are not numbers between 0 and 1 rather than trusting them', () => {
    expect(classifyHand(v, { ...sure, score: Number.NaN }).gesture).toBe('none');
    expect(classifyHand(v, { ...sure, score: 7 }).gesture).toBe('none');
  });

  it('runs a committed model that knows a no-sign class', () => {
    expect(gestureModel().classes).toEqual([...MODEL_CLASSES]);
    expect(gestureModel().trainedOn).toMatch(/dev split/);
  });
});

/** a model that ignores the hand: the same class probabilities for every input */
function constantModel(probabilities: Partial<Record<(typeof MODEL_CLASSES)[number], number>>): GestureModel {
  const zeros = () => Array(FEATURE_COUNT).fill(0) as number[];
  return {
    version: 1,
    classes: [...MODEL_CLASSES],
    mean: zeros(),
    std: zeros().map(() => 1),
    weights: MODEL_CLASSES.map(zeros),
    bias: MODEL_CLASSES.map((c) => Math.log(probabilities[c] ?? 1e-6)),
  };
}
/** the V with its middle finger bent 55° at its middle joint, in the picture's plane: half bent to the geometry */
const vHalfMiddle = (() => {
  const o = v[10]!;
  const [c, s] = [Math.cos((55 * Math.PI) / 180), Math.sin((55 * Math.PI) / 180)];
  return v.map((p, i) => (i === 11 || i === 12 ? { ...p, x: o.x + (p.x - o.x) * c + (p.y - o.y) * s, y: o.y - (p.x - o.x) * s + (p.y - o.y) * c } : p));
})();

describe('classifyWith: a half-bent long finger', () => {
  it('is what the test hand shows: the middle finger half, the rest clear', () => {
    expect(fingerStates(vHalfMiddle)).toMatchObject({ index: 'extended', middle: 'half', ring: 'folded', pinky: 'folded' });
  });

  it('blocks a learned sign the model is only fairly sure of', () => {
    const fair = constantModel({ two: 0.75, none: 0.25 });
    expect(classifyWith(fair, v, sure).gesture).toBe('two');
    expect(classifyWith(fair, vHalfMiddle, sure).gesture).toBe('none');
  });

  it('lets a learned sign through when the model is at least halfFingerProbability sure', () => {
    const p = CONFIDENCE.halfFingerProbability;
    expect(p).toBeGreaterThan(CONFIDENCE.classProbability);
    expect(p).toBeLessThanOrEqual(1);
    const confident = constantModel({ two: Math.min(0.999, p + 0.005), none: 1 - Math.min(0.999, p + 0.005) });
    expect(classifyWith(confident, vHalfMiddle, sure).gesture).toBe('two');
    expect(classifyWith(confident, vHalfMiddle, sure, { ...CONFIDENCE, halfFingerProbability: Number.POSITIVE_INFINITY }).gesture).toBe('none');
  });

  it('asks that the learned number of raised fingers fit what the geometry sees', () => {
    // index straight, middle half: one or two raised fingers, never four
    const confidentFour = constantModel({ four: 0.95, none: 0.05 });
    expect(classifyWith(confidentFour, v, sure).gesture).toBe('four');
    expect(classifyWith(confidentFour, vHalfMiddle, sure).gesture).toBe('none');
    expect(classifyWith(constantModel({ two: 0.95, none: 0.05 }), vHalfMiddle, sure).gesture).toBe('two');
  });

  it('still says none for a relaxed hand and a fist, whatever the gate', () => {
    const relaxedHand = hand('recorded-near-miss-half-curl.json');
    expect(classifyHand(relaxedHand, { ...sure, imageSize: { width: 480, height: 640 } }).gesture).toBe('none');
    expect(classifyHand(hand('recorded-near-miss-fist.json'), sure).gesture).toBe('none');
  });
});
