/**
 * Trains the gesture model (rules/gesture-model.ts) on the landmarks of the real-photo set's dev
 * split only (scripts/photos/real-eval.ts, scripts/photos/landmarks.ts) and writes
 * rules/data/gesture-model.json.
 *
 * `npx tsx scripts/photos/train.ts [--hidden N] [--epochs N] [--l2 X]`
 *
 * Which hand carries the label: in a photo of a sign, the biggest hand; every hand found in a
 * photo without hands (a false detection) is a "none" example. Each example is also taken a few
 * times with its landmarks jittered and the hand turned a little away from the camera (yaw), with
 * a fixed seed, so the weights are the same on every run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/harness.ts';
import { FEATURE_COUNT, handFeatures, MODEL_CLASSES, type GestureModel, type Point3 } from '../../rules/gesture-model.ts';
import { LABELS } from './labels.ts';
import { readLandmarks } from './landmarks.ts';
import { readManifest } from './real-eval.ts';

const OUT = join(ROOT, 'rules/data/gesture-model.json');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function examples(split: 'dev' | 'report'): { hand: Point3[]; cls: number; file: string }[] {
  const out: { hand: Point3[]; cls: number; file: string }[] = [];
  for (const photo of readManifest()) {
    if (photo.split !== split) continue;
    const cls = LABELS[photo.label].train;
    const lm = readLandmarks(photo.sha256);
    if (!cls || !lm || lm.hands.length === 0) continue;
    const hands = photo.label === 'no-hand' ? lm.hands : [lm.hands.reduce((a, b) => (area(a.landmarks) >= area(b.landmarks) ? a : b))];
    for (const h of hands) out.push({ hand: h.landmarks, cls: MODEL_CLASSES.indexOf(cls), file: photo.file });
  }
  return out;
}
/** bounding-box area (not rules/gestures.ts's handBox: that module loads the model this script writes) */
const area = (lm: Point3[]) => {
  const xs = lm.map((p) => p.x);
  const ys = lm.map((p) => p.y);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
};

function augment(hand: Point3[], random: () => number): Point3[] {
  const size = Math.hypot(hand[9]!.x - hand[0]!.x, hand[9]!.y - hand[0]!.y);
  const yaw = ((random() - 0.5) * 30 * Math.PI) / 180;
  const [c, s] = [Math.cos(yaw), Math.sin(yaw)];
  const cx = hand[0]!.x;
  return hand.map((p) => {
    const x = p.x - cx;
    const z = p.z ?? 0;
    const n = () => (random() - 0.5) * 0.06 * size;
    return { x: cx + x * c + z * s + n(), y: p.y + n(), z: -x * s + z * c };
  });
}

function main(): void {
  const hidden = arg('hidden', 0);
  const epochs = arg('epochs', 1500);
  const l2 = arg('l2', 1e-3);
  const random = rng(20261206);
  const base = examples('dev');
  const rows: { f: number[]; y: number }[] = [];
  for (const e of base) {
    const f0 = handFeatures(e.hand);
    if (f0) rows.push({ f: f0, y: e.cls });
    for (let k = 0; k < 4; k++) {
      const f = handFeatures(augment(e.hand, random));
      if (f) rows.push({ f, y: e.cls });
    }
  }
  const K = MODEL_CLASSES.length;
  const counts = Array(K).fill(0) as number[];
  for (const r of rows) counts[r.y]!++;
  console.log(`${base.length} dev hands, ${rows.length} rows; per class ${MODEL_CLASSES.map((c, i) => `${c} ${counts[i]}`).join(', ')}`);
  // classes weighted by 1/frequency, so the many ASL digits do not drown the rare thumbs-up
  const classWeight = counts.map((n) => (n ? rows.length / (K * n) : 0));
  const mean = Array.from({ length: FEATURE_COUNT }, (_, i) => rows.reduce((a, r) => a + r.f[i]!, 0) / rows.length);
  const std = Array.from({ length: FEATURE_COUNT }, (_, i) => Math.sqrt(rows.reduce((a, r) => a + (r.f[i]! - mean[i]!) ** 2, 0) / rows.length) || 1);
  const X = rows.map((r) => r.f.map((v, i) => (v - mean[i]!) / std[i]!));
  const width = hidden || FEATURE_COUNT;
  const H = hidden ? Array.from({ length: hidden }, () => Array.from({ length: FEATURE_COUNT }, () => (random() - 0.5) * 2 * Math.sqrt(6 / FEATURE_COUNT))) : null;
  const hb = Array(hidden).fill(0) as number[];
  const W = Array.from({ length: K }, () => Array(width).fill(0) as number[]);
  const b = Array(K).fill(0) as number[];
  // plain full-batch gradient descent with Adam steps: small data, a few seconds
  const params = [...(H ?? []), hb, ...W, b];
  const m1 = params.map((p) => p.map(() => 0));
  const m2 = params.map((p) => p.map(() => 0));
  const lr = 0.01;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grads = params.map((p) => p.map(() => 0));
    const gH = grads.slice(0, hidden);
    const ghb = grads[hidden]!;
    const gW = grads.slice(hidden + 1, hidden + 1 + K);
    const gb = grads[hidden + 1 + K]!;
    let loss = 0;
    let wsum = 0;
    for (let n = 0; n < X.length; n++) {
      const x = X[n]!;
      const a = H ? H.map((row, j) => Math.max(0, row.reduce((s, w, i) => s + w * x[i]!, hb[j]!))) : x;
      const logits = W.map((row, k) => row.reduce((s, w, i) => s + w * a[i]!, b[k]!));
      const top = Math.max(...logits);
      const e = logits.map((l) => Math.exp(l - top));
      const sum = e.reduce((s, v) => s + v, 0);
      const cw = classWeight[rows[n]!.y]!;
      wsum += cw;
      loss -= cw * Math.log(e[rows[n]!.y]! / sum);
      const dl = e.map((v, k) => cw * (v / sum - (k === rows[n]!.y ? 1 : 0)));
      for (let k = 0; k < K; k++) {
        gb[k]! += dl[k]!;
        for (let i = 0; i < width; i++) gW[k]![i]! += dl[k]! * a[i]!;
      }
      if (H) {
        for (let j = 0; j < hidden; j++) {
          if (a[j]! <= 0) continue;
          let da = 0;
          for (let k = 0; k < K; k++) da += dl[k]! * W[k]![j]!;
          ghb[j]! += da;
          for (let i = 0; i < FEATURE_COUNT; i++) gH[j]![i]! += da * x[i]!;
        }
      }
    }
    for (let p = 0; p < params.length; p++) {
      const isBias = p === hidden || p === hidden + 1 + K;
      for (let i = 0; i < params[p]!.length; i++) {
        const g = grads[p]![i]! / wsum + (isBias ? 0 : l2 * params[p]![i]!);
        m1[p]![i] = 0.9 * m1[p]![i]! + 0.1 * g;
        m2[p]![i] = 0.999 * m2[p]![i]! + 0.001 * g * g;
        params[p]![i]! -= (lr * (m1[p]![i]! / (1 - 0.9 ** epoch))) / (Math.sqrt(m2[p]![i]! / (1 - 0.999 ** epoch)) + 1e-8);
      }
    }
    if (epoch % 500 === 0 || epoch === epochs) console.log(`epoch ${epoch}: loss ${(loss / wsum).toFixed(4)}`);
  }
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const model: GestureModel = {
    version: 1,
    classes: [...MODEL_CLASSES],
    mean: mean.map(r4),
    std: std.map(r4),
    ...(H ? { hiddenWeights: H.map((row) => row.map(r4)), hiddenBias: hb.map(r4) } : {}),
    weights: W.map((row) => row.map(r4)),
    bias: b.map(r4),
    trainedOn: `dev split of tests/fixtures/photos/real-eval/manifest.json: ${base.length} hands from ${new Set(base.map((e) => e.file)).size} photos, ${hidden ? `${hidden} hidden units` : 'softmax regression'}, l2 ${l2}, ${epochs} epochs`,
  };
  writeFileSync(OUT, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${OUT}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
