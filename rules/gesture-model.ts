/**
 * The learned part of the gesture classifier: hand landmarks → features → class probabilities,
 * with weights trained on landmarks of real photographs (scripts/photos/train.ts) and kept as
 * data (rules/data/gesture-model.json). Pure: no browser APIs.
 *
 * Features are invariant to where the hand is, how big it is, how it is turned in the picture and
 * which hand it is: the hand is moved to its wrist, turned so that the wrist → middle-finger
 * knuckle line points up, scaled by that length and mirrored so the index knuckle is on the right.
 * What the fingers do is left. Turning matters for one pose only (a thumb up or down): that is
 * judged apart, from the thumb's direction in the picture (rules/gestures.ts).
 */

export interface Point3 {
  x: number;
  y: number;
  z?: number;
}

/** The classes the model tells apart; `none` is every hand that shows no sign. */
export const MODEL_CLASSES = ['none', 'one', 'two', 'three', 'four', 'five', 'ok', 'thumbs-up'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

/** A softmax layer over standardised features, or a small network with one hidden layer before it. */
export interface GestureModel {
  version: 1;
  classes: readonly string[];
  /** feature standardisation: (f - mean) / std */
  mean: number[];
  std: number[];
  /** optional hidden layer: hidden[j] = relu(sum_i hiddenWeights[j][i] * f[i] + hiddenBias[j]) */
  hiddenWeights?: number[][];
  hiddenBias?: number[];
  /** output layer, one row per class */
  weights: number[][];
  bias: number[];
  /** where the weights came from, for the record */
  trainedOn?: string;
}

const TIPS = [4, 8, 12, 16, 20];
const CHAINS = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
  [17, 18, 19, 20],
];

/**
 * The hand in its own frame: wrist at the origin, wrist → middle knuckle pointing up (−y) with
 * length 1, index knuckle on the +x side. null when the hand has no size.
 */
export function canonicalHand(lm: readonly Point3[]): { x: number; y: number; z: number }[] | null {
  const w = lm[0]!;
  const m = lm[9]!;
  const dx = m.x - w.x;
  const dy = m.y - w.y;
  const size = Math.hypot(dx, dy);
  if (!(size > 0) || !Number.isFinite(size)) return null;
  // the rotation that takes (dx, dy) to (0, -size), then the scale that makes it (0, -1)
  const k = size * size;
  const out = lm.map((p) => {
    const x = p.x - w.x;
    const y = p.y - w.y;
    return { x: (y * dx - x * dy) / k, y: -(x * dx + y * dy) / k, z: ((p.z ?? 0) - (w.z ?? 0)) / size };
  });
  if (out[5]!.x < out[17]!.x) for (const p of out) p.x = -p.x;
  return out;
}

const d3 = (a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }) => Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);

/** The feature vector the model reads; null when the hand has no size. */
export function handFeatures(lm: readonly Point3[]): number[] | null {
  const h = canonicalHand(lm);
  if (!h) return null;
  const f: number[] = [];
  // where every point is, in the hand's own frame (the wrist is the origin, left out)
  for (let i = 1; i < 21; i++) f.push(h[i]!.x, h[i]!.y, h[i]!.z);
  // how straight each finger is (chord over path) and how far its tip is from the wrist
  for (const chain of CHAINS) {
    let path = 0;
    for (let i = 1; i < chain.length; i++) path += d3(h[chain[i - 1]!]!, h[chain[i]!]!);
    f.push(path > 0 ? d3(h[chain[0]!]!, h[chain[3]!]!) / path : 0);
    f.push(d3(h[0]!, h[chain[3]!]!));
  }
  // distances between finger tips (pinches, spread fingers)
  for (let i = 0; i < TIPS.length; i++) for (let j = i + 1; j < TIPS.length; j++) f.push(d3(h[TIPS[i]!]!, h[TIPS[j]!]!));
  return f;
}

export const FEATURE_COUNT = 60 + 10 + 10;

/** Class probabilities (softmax), in `model.classes` order. */
export function predict(model: GestureModel, features: readonly number[]): number[] {
  let x = features.map((v, i) => (v - model.mean[i]!) / (model.std[i]! || 1));
  if (model.hiddenWeights && model.hiddenBias) {
    x = model.hiddenWeights.map((row, j) => Math.max(0, dot(row, x) + model.hiddenBias![j]!));
  }
  const logits = model.weights.map((row, k) => dot(row, x) + model.bias[k]!);
  const top = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Checks a model read from data: right shapes, finite numbers. Throws with what is wrong. */
export function checkModel(m: GestureModel): GestureModel {
  const fail = (why: string) => {
    throw new Error(`gesture model: ${why}`);
  };
  if (m.version !== 1) fail(`version ${String(m.version)}`);
  const n = m.mean.length;
  if (n !== FEATURE_COUNT || m.std.length !== n) fail(`expected ${FEATURE_COUNT} features, got ${n}`);
  const width = m.hiddenWeights ? m.hiddenWeights.length : n;
  if (m.hiddenWeights && (m.hiddenBias?.length !== width || m.hiddenWeights.some((r) => r.length !== n))) fail('hidden layer shape');
  if (m.weights.length !== m.classes.length || m.bias.length !== m.classes.length) fail('output layer shape');
  if (m.weights.some((r) => r.length !== width)) fail('output row width');
  const all = [...m.mean, ...m.std, ...m.bias, ...m.weights.flat(), ...(m.hiddenWeights?.flat() ?? []), ...(m.hiddenBias ?? [])];
  if (all.some((v) => !Number.isFinite(v))) fail('non-finite weight');
  return m;
}
