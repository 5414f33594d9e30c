/**
 * Trains the gesture model (rules/gesture-model.ts) on the landmarks of the real-photo set's dev
 * split only (scripts/photos/real-eval.ts, scripts/photos/landmarks.ts) and writes
 * rules/data/gesture-model.json.
 *
 * `npx tsx scripts/photos/train.ts [--hidden N] [--epochs N] [--l2 X] [--runtime tasks|legacy] [--pad F] [--pool] [--cv K [--group-by source] [--legacy-only] [--half-finger P,…]] [--leave-out-sets A,B] [--none-only-sets A,B] [--flip-side] [--stretch F] [--out FILE] [--set-cache SET=DIR] [--views N [--yaw D] [--pitch D] [--roll D] [--view-source world|image] [--none-unturned]] [--gates "k=v,…;…"]`
 *
 * Landmarks: the runtime named (scripts/photos/landmarks.ts; the product's, `tasks`, with the
 * analysis page's border, by default); `--pool` adds the legacy runtime's landmarks of the same dev
 * photos. `--cv K` writes nothing: it trains on K−1 folds of the dev photos and scores the held-out
 * fold (on the chosen runtime's landmarks only), for choosing the data and settings on dev alone.
 *
 * `--views N`: instead of the four jittered copies turned ±15° (the committed model's augmentation),
 * N copies of each hand seen from random viewpoints within ±yaw/±pitch/±roll degrees
 * (scripts/photos/viewpoint.ts). `--group-by source`: cross-validation folds hold whole sources out.
 *
 * Which hand carries the label: in a photo of a sign, the biggest hand; every hand found in a
 * photo without hands (a false detection) is a "none" example. Each example is also taken a few
 * times with its landmarks jittered and the hand turned a little away from the camera (yaw), with
 * a fixed seed, so the weights are the same on every run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/harness.ts';
import { FEATURE_COUNT, handFeatures, MODEL_CLASSES, type GestureModel, type Point3 } from '../../rules/gesture-model.ts';
import { CONFIDENCE, classifyWith, GESTURES, type ConfidenceGates, type GestureId } from '../../rules/gestures.ts';
import { LABELS } from './labels.ts';
import { DETECT_PAD } from '../../entrypoints/offscreen/analyse.ts';
import { readLandmarks, runtimeFromArgs, type CachedLandmarks, type RuntimeChoice } from './landmarks.ts';
import { readManifest, type EvalPhoto } from './real-eval.ts';
import { randomView, viewCopy } from './viewpoint.ts';
import { augmentationFromArgs, keepsExample, otherSide, sourceFolds, sourceOf, stretchedX, turnsCopies, type Augmentation } from './train-options.ts';

const OUT = join(ROOT, 'rules/data/gesture-model.json');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const argText = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
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

export interface Example {
  hand: Point3[];
  /** the world landmarks (metres), where the runtime gave them */
  world?: Point3[];
  cls: number;
  file: string;
}

export function examples(split: 'dev' | 'report', choice: RuntimeChoice = { runtime: 'legacy' }, setCache?: { set: string; dir: string }): Example[] {
  const out: Example[] = [];
  for (const photo of readManifest()) {
    if (photo.split !== split) continue;
    const cls = LABELS[photo.label].train;
    const lm = setCache && photo.set === setCache.set ? setCached(photo.sha256, choice, setCache.dir) : readLandmarks(photo.sha256, choice);
    if (!cls || !lm || lm.hands.length === 0) continue;
    const hands = LABELS[photo.label].allHands ? lm.hands : [lm.hands.reduce((a, b) => (area(a.landmarks) >= area(b.landmarks) ? a : b))];
    for (const h of hands) out.push({ hand: h.landmarks, ...(h.worldLandmarks?.length ? { world: h.worldLandmarks } : {}), cls: MODEL_CLASSES.indexOf(cls), file: photo.file });
  }
  return out;
}
/**
 * `--set-cache SET=DIR` (the eleventh round): that set's hands from the plain tasks cache of another
 * photo folder (e.g. its photos redrawn by `landmarks.ts --export`), none from the legacy runtime.
 */
function setCached(sha256: string, choice: RuntimeChoice, dir: string): CachedLandmarks | null {
  const f = join(dir, 'landmarks-tasks', `${sha256}.json`);
  return choice.runtime === 'tasks' && existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as CachedLandmarks) : null;
}
/** bounding-box area of a hand's landmarks */
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

interface FitOptions {
  hidden: number;
  epochs: number;
  l2: number;
  quiet?: boolean;
  augmentation?: Augmentation;
  /** `--flip-side`: each hand also seen from its other side (the back for a palm, scripts/photos/train-options.ts `otherSide`) */
  flipSide?: boolean;
  /** `--stretch F`: each jittered copy also squashed on one picture axis by up to F (`stretchedX`) */
  stretch?: number;
}

/** the jitter both augmentations add: ±3 % of the hand's size on x and y */
function jitter(hand: Point3[], size: number, random: () => number): Point3[] {
  return hand.map((p) => ({ x: p.x + (random() - 0.5) * 0.06 * size, y: p.y + (random() - 0.5) * 0.06 * size, z: p.z ?? 0 }));
}

/** The feature rows of the examples and their copies (fixed seed: the same rows on every run). */
function trainingRows(base: Example[], augmentation: Augmentation, random: () => number, more: Pick<FitOptions, 'flipSide' | 'stretch'> = {}): { f: number[]; y: number }[] {
  const rows: { f: number[]; y: number }[] = [];
  for (const e of base) {
    if (augmentation.kind === 'legacy') {
      for (const hand of more.flipSide ? [e.hand, otherSide(e.hand)] : [e.hand]) {
        const f0 = handFeatures(hand);
        if (f0) rows.push({ f: f0, y: e.cls });
        for (let k = 0; k < 4; k++) {
          const copy = augment(hand, random);
          const f = handFeatures(more.stretch ? stretchedX(copy, more.stretch ** (2 * random() - 1)) : copy);
          if (f) rows.push({ f, y: e.cls });
        }
      }
      continue;
    }
    const f0 = handFeatures(e.hand);
    if (f0) rows.push({ f: f0, y: e.cls });
    const size = Math.hypot(e.hand[9]!.x - e.hand[0]!.x, e.hand[9]!.y - e.hand[0]!.y);
    const turned = turnsCopies(augmentation, MODEL_CLASSES[e.cls]!);
    for (let k = 0; k < augmentation.copies; k++) {
      if (!turned) {
        const f = handFeatures(jitter(e.hand, size, random));
        if (f) rows.push({ f, y: e.cls });
        continue;
      }
      const view = randomView(augmentation.limits, random);
      const copy = viewCopy(e.hand, augmentation.source === 'world' ? e.world : undefined, MODEL_CLASSES[e.cls]!, view);
      const f = copy && handFeatures(jitter(copy, size, random));
      if (f) rows.push({ f, y: e.cls });
    }
  }
  return rows;
}

/** Trains on the examples (each also augmented, fixed seed): the model and a note of what it saw. */
export function trainModel(base: Example[], { hidden, epochs, l2, quiet, augmentation = { kind: 'legacy' }, flipSide, stretch }: FitOptions): GestureModel {
  const random = rng(20261206);
  const rows = trainingRows(base, augmentation, random, { flipSide, stretch });
  const K = MODEL_CLASSES.length;
  const counts = Array(K).fill(0) as number[];
  for (const r of rows) counts[r.y]!++;
  if (!quiet) console.log(`${base.length} hands, ${rows.length} rows; per class ${MODEL_CLASSES.map((c, i) => `${c} ${counts[i]}`).join(', ')}`);
  // classes weighted by 1/frequency, so the many ASL digits do not drown the rare thumbs-up
  const classWeight = counts.map((n) => (n ? rows.length / (K * n) : 0));
  const mean = Array.from({ length: FEATURE_COUNT }, (_, i) => rows.reduce((a, r) => a + r.f[i]!, 0) / rows.length);
  const std = Array.from({ length: FEATURE_COUNT }, (_, i) => Math.sqrt(rows.reduce((a, r) => a + (r.f[i]! - mean[i]!) ** 2, 0) / rows.length) || 1);
  const N = rows.length;
  const F = FEATURE_COUNT;
  // flat typed arrays and plain loops: the same sums in the same order as the first (map/reduce)
  // version of this loop, so the same weights, about twenty times faster
  const X = new Float64Array(N * F);
  for (let n = 0; n < N; n++) for (let i = 0; i < F; i++) X[n * F + i] = (rows[n]!.f[i]! - mean[i]!) / std[i]!;
  const Y = Int32Array.from(rows, (r) => r.y);
  const width = hidden || F;
  const H = hidden ? Array.from({ length: hidden }, () => Array.from({ length: F }, () => (random() - 0.5) * 2 * Math.sqrt(6 / F))) : null;
  const Hf = new Float64Array(hidden * F);
  if (H) for (let j = 0; j < hidden; j++) for (let i = 0; i < F; i++) Hf[j * F + i] = H[j]![i]!;
  const hb = new Float64Array(hidden);
  const W = new Float64Array(K * width);
  const b = new Float64Array(K);
  // plain full-batch gradient descent with Adam steps: small data, a few seconds
  const params = [Hf, hb, W, b];
  const m1 = params.map((p) => new Float64Array(p.length));
  const m2 = params.map((p) => new Float64Array(p.length));
  const grads = params.map((p) => new Float64Array(p.length));
  const [gH, ghb, gW, gb] = grads as [Float64Array, Float64Array, Float64Array, Float64Array];
  const act = new Float64Array(width);
  const logits = new Float64Array(K);
  const e = new Float64Array(K);
  const dl = new Float64Array(K);
  const lr = 0.01;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const g of grads) g.fill(0);
    let loss = 0;
    let wsum = 0;
    for (let n = 0; n < N; n++) {
      const off = n * F;
      if (hidden) {
        for (let j = 0; j < hidden; j++) {
          let s = hb[j]!;
          for (let i = 0; i < F; i++) s += Hf[j * F + i]! * X[off + i]!;
          act[j] = Math.max(0, s);
        }
      } else for (let i = 0; i < F; i++) act[i] = X[off + i]!;
      let top = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = b[k]!;
        for (let i = 0; i < width; i++) s += W[k * width + i]! * act[i]!;
        logits[k] = s;
        if (s > top) top = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        e[k] = Math.exp(logits[k]! - top);
        sum += e[k]!;
      }
      const y = Y[n]!;
      const cw = classWeight[y]!;
      wsum += cw;
      loss -= cw * Math.log(e[y]! / sum);
      for (let k = 0; k < K; k++) dl[k] = cw * (e[k]! / sum - (k === y ? 1 : 0));
      for (let k = 0; k < K; k++) {
        gb[k]! += dl[k]!;
        for (let i = 0; i < width; i++) gW[k * width + i]! += dl[k]! * act[i]!;
      }
      if (hidden) {
        for (let j = 0; j < hidden; j++) {
          if (act[j]! <= 0) continue;
          let da = 0;
          for (let k = 0; k < K; k++) da += dl[k]! * W[k * width + j]!;
          ghb[j]! += da;
          for (let i = 0; i < F; i++) gH[j * F + i]! += da * X[off + i]!;
        }
      }
    }
    for (let p = 0; p < params.length; p++) {
      const isBias = p === 1 || p === 3;
      const P = params[p]!;
      const G = grads[p]!;
      const M1 = m1[p]!;
      const M2 = m2[p]!;
      for (let i = 0; i < P.length; i++) {
        const g = G[i]! / wsum + (isBias ? 0 : l2 * P[i]!);
        M1[i] = 0.9 * M1[i]! + 0.1 * g;
        M2[i] = 0.999 * M2[i]! + 0.001 * g * g;
        P[i]! -= (lr * (M1[i]! / (1 - 0.9 ** epoch))) / (Math.sqrt(M2[i]! / (1 - 0.999 ** epoch)) + 1e-8);
      }
    }
    if (!quiet && (epoch % 500 === 0 || epoch === epochs)) console.log(`epoch ${epoch}: loss ${(loss / wsum).toFixed(4)}`);
  }
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const rowsOf = (a: Float64Array, n: number, w: number) => Array.from({ length: n }, (_, r) => Array.from(a.subarray(r * w, (r + 1) * w), r4));
  const how =
    augmentation.kind === 'legacy'
      ? `${flipSide ? ', each also seen from its other side' : ''}${stretch ? `, copies squashed on one picture axis by up to ${stretch}` : ''}`
      : `, ${augmentation.copies} viewpoint copies each (yaw ±${augmentation.limits.yaw}°, pitch ±${augmentation.limits.pitch}°, roll ±${augmentation.limits.roll}°, ${augmentation.source} landmarks turned)`;
  return {
    version: 1,
    classes: [...MODEL_CLASSES],
    mean: mean.map(r4),
    std: std.map(r4),
    ...(hidden ? { hiddenWeights: rowsOf(Hf, hidden, F), hiddenBias: Array.from(hb, r4) } : {}),
    weights: rowsOf(W, K, width),
    bias: Array.from(b, r4),
    trainedOn: `dev split of tests/fixtures/photos/real-eval/manifest.json: ${base.length} hands from ${new Set(base.map((e) => e.file)).size} photos, ${hidden ? `${hidden} hidden units` : 'softmax regression'}, l2 ${l2}, ${epochs} epochs${how}`,
  };
}

/** A photo's verdict under a model, as photo-quality judges it: does it warn, and with which numbers. */
function judgePhoto(model: GestureModel, lm: CachedLandmarks, gates: ConfidenceGates): { warned: boolean; numbers: Set<number | undefined> } {
  const numbers = new Set<number | undefined>();
  for (const h of lm.hands) {
    const label = h.handedness?.label;
    const handedness = h.handedness && (label === 'Left' || label === 'Right') ? { handedness: { label, score: h.handedness.score } as const } : {};
    const { gesture } = classifyWith(
      model,
      {
        landmarks: h.landmarks,
        ...handedness,
        ...(h.worldLandmarks?.length ? { worldLandmarks: h.worldLandmarks } : {}),
        imageSize: lm.imageSize,
      },
      {},
      gates,
    );
    if (gesture !== 'none' && GESTURES[gesture].severity === 'medium') numbers.add(GESTURES[gesture].number);
  }
  return { warned: numbers.size > 0, numbers };
}

interface Tally {
  signs: number;
  warned: number;
  right: number;
  noSign: number;
  falseWarn: number;
}

/** Held-out score of a fold's model on its photos, through the whole classifier (gates included). */
function scorePhotos(model: GestureModel, photos: EvalPhoto[], choice: RuntimeChoice, t: Tally, gates: ConfidenceGates = CONFIDENCE): void {
  for (const photo of photos) {
    const lm = readLandmarks(photo.sha256, choice);
    const meaning = LABELS[photo.label];
    if (!lm || !meaning.target) continue;
    const v = judgePhoto(model, lm, gates);
    if (meaning.target === 'number') {
      t.signs++;
      if (v.warned) t.warned++;
      const want = meaning.expect[0] === 'none' ? undefined : GESTURES[meaning.expect[0] as Exclude<GestureId, 'none'>].number;
      if (v.warned && v.numbers.has(want)) t.right++;
    } else {
      t.noSign++;
      if (v.warned) t.falseWarn++;
    }
  }
}

/**
 * `legacyOnly`: train on the legacy landmarks alone, score on the chosen runtime's (as the committed
 * model was made). `halfFinger`: further values of CONFIDENCE.halfFingerProbability to score the
 * same fold models with.
 */
function crossValidate(
  base: Example[],
  extra: Example[],
  k: number,
  options: FitOptions,
  choice: RuntimeChoice,
  legacyOnly = false,
  variants: GateVariant[] = [],
  bySource = false,
): void {
  const dev = readManifest().filter((p) => p.split === 'dev');
  // folds by photo (hash of the file name), so a photo's landmarks from both runtimes stay together;
  // or whole sources held out together (photographers the fold's model never saw)
  const groups = bySource ? sourceFolds(dev.map((p) => p.file), k) : null;
  const fold = (file: string) => (groups ? groups.get(sourceOf(file))! : [...file].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % k);
  if (groups) for (let i = 0; i < k; i++) console.log(`fold ${i}: ${[...groups].filter(([, g]) => g === i).map(([s]) => s).join(', ')}`);
  const total: Tally = { signs: 0, warned: 0, right: 0, noSign: 0, falseWarn: 0 };
  const committed: Tally = { ...total };
  const tallies = variants.map((v) => ({ ...v, t: { ...total } as Tally, c: { ...total } as Tally }));
  const current = gestureModelData();
  const pc = (a: number, b: number) => `${a}/${b} (${Math.round((100 * a) / b)}%)`;
  const line = (t: Tally) => `number signs warned ${pc(t.warned, t.signs)}, right number ${pc(t.right, t.signs)}; no-sign photos warned ${pc(t.falseWarn, t.noSign)}`;
  for (let i = 0; i < k; i++) {
    // `--save-folds DIR` keeps each fold's model, `--load-folds DIR` reads it back (gate sweeps without retraining)
    const saved = argText('load-folds') ?? argText('save-folds');
    const file = saved && join(saved, `fold${i}.json`);
    const model =
      file && argText('load-folds')
        ? (JSON.parse(readFileSync(file, 'utf8')) as GestureModel)
        : trainModel([...(legacyOnly ? [] : base), ...extra].filter((e) => fold(e.file) !== i), { ...options, quiet: true });
    if (file && argText('save-folds')) {
      mkdirSync(saved!, { recursive: true });
      writeFileSync(file, JSON.stringify(model));
    }
    const held = dev.filter((p) => fold(p.file) === i);
    const own: Tally = { signs: 0, warned: 0, right: 0, noSign: 0, falseWarn: 0 };
    scorePhotos(model, held, choice, own);
    for (const key of Object.keys(own) as (keyof Tally)[]) total[key] += own[key];
    console.log(`fold ${i} held out: ${line(own)}`);
    scorePhotos(current, held, choice, committed);
    for (const v of tallies) {
      scorePhotos(model, held, choice, v.t, v.gates);
      scorePhotos(current, held, choice, v.c, v.gates);
    }
  }
  console.log(`held out, whole classifier: ${line(total)}\ncommitted model (not held out): ${line(committed)}`);
  for (const v of tallies) {
    const changed = fixtureChanges(current, v.gates);
    console.log(
      `gates ${v.name}\n  held out: ${line(v.t)}\n  committed model (not held out): ${line(v.c)}; landmark fixtures changed: ${changed.length ? changed.join(', ') : 'none'}`,
    );
  }
}

/** Other gate settings to score the same fold models with: `--gates "k=v,k=v;k=v"` (or `--half-finger P,…`). */
export interface GateVariant {
  name: string;
  gates: ConfidenceGates;
}

export function parseGateVariants(text: string): GateVariant[] {
  return text
    .split(';')
    .filter(Boolean)
    .map((spec) => {
      const gates: Record<string, number> = { ...CONFIDENCE };
      for (const pair of spec.split(',').filter(Boolean)) {
        const [key, value] = pair.split('=');
        if (!key || value === undefined) throw new Error(`--gates: "${pair}" is not key=value`);
        if (key in CONFIDENCE) {
          const n = Number(value);
          if (!Number.isFinite(n)) throw new Error(`--gates: ${key} needs a number, not ${value}`);
          gates[key] = n;
        } else throw new Error(`--gates: unknown gate ${key}`);
      }
      return { name: spec, gates: gates as unknown as ConfidenceGates };
    });
}

/** Landmark fixtures (tests/fixtures/gestures) whose verdict under these gates differs from the product's. */
function fixtureChanges(model: GestureModel, gates: ConfidenceGates): string[] {
  const dir = join(ROOT, 'tests/fixtures/gestures');
  const out: string[] = [];
  for (const f of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json'))) {
    const { hand, handedness, imageSize } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      hand: Point3[];
      handedness?: { label: 'Left' | 'Right'; score: number };
      imageSize?: { width: number; height: number };
    };
    if (!Array.isArray(hand)) continue;
    const seen = { landmarks: hand, ...(handedness ? { handedness } : {}), ...(imageSize ? { imageSize } : {}) };
    const now = classifyWith(model, seen).gesture;
    const then = classifyWith(model, seen, {}, gates).gesture;
    if (now !== then) out.push(`${f} ${now} → ${then}`);
  }
  return out;
}

/** the model in rules/data now (trained on all of dev: not held out, for reference) */
function gestureModelData(): GestureModel {
  return JSON.parse(readFileSync(OUT, 'utf8')) as GestureModel;
}

function main(): void {
  const options: FitOptions = {
    hidden: arg('hidden', 0),
    epochs: arg('epochs', 1500),
    l2: arg('l2', 1e-3),
    augmentation: augmentationFromArgs(),
    ...(process.argv.includes('--flip-side') ? { flipSide: true } : {}),
    ...(arg('stretch', 0) ? { stretch: arg('stretch', 0) } : {}),
  };
  if ((options.flipSide || options.stretch) && options.augmentation?.kind !== 'legacy') throw new Error('--flip-side and --stretch go with the committed augmentation, not --views');
  if (options.stretch !== undefined && !(options.stretch > 1 && options.stretch <= 2)) throw new Error('--stretch takes a factor between 1 and 2');
  const choice: RuntimeChoice = process.argv.includes('--runtime') ? runtimeFromArgs() : { runtime: 'tasks', pad: DETECT_PAD, padFallback: true };
  // `--leave-out-sets a,b`: train without those sets' photos (scored all the same under --cv), to see
  // what a model trained as before does on photos it never saw
  const leftOut = new Set((argText('leave-out-sets') ?? '').split(',').filter(Boolean));
  // `--none-only-sets a,b`: from those sets only the "none" examples (their fists), not their signs
  const noneOnly = new Set((argText('none-only-sets') ?? '').split(',').filter(Boolean));
  const kept = (e: Example) => keepsExample(e.file, MODEL_CLASSES[e.cls]!, leftOut, noneOnly);
  const [cachedSet, cachedDir] = (argText('set-cache') ?? '').split('=');
  const setCache = cachedSet && cachedDir ? { set: cachedSet, dir: cachedDir } : undefined;
  const base = examples('dev', choice, setCache).filter(kept);
  const legacyOnly = process.argv.includes('--legacy-only');
  const extra = (process.argv.includes('--pool') || legacyOnly ? examples('dev', { runtime: 'legacy' }, setCache) : []).filter(kept);
  const folds = arg('cv', 0);
  console.log(`dev hands: ${base.length} (${choice.runtime}${choice.pad ? `, border ${choice.pad}${choice.padFallback ? ' when none found without' : ''}` : ''}) + ${extra.length} (legacy)`);
  if (folds) {
    const halfFinger = (argText('half-finger') ?? '').split(',').filter(Boolean).map(Number);
    if (halfFinger.some((p) => !(p > 0))) throw new Error('--half-finger takes probabilities, comma-separated');
    const variants = [...halfFinger.map((p) => parseGateVariants(`halfFingerProbability=${p}`)[0]!), ...parseGateVariants(argText('gates') ?? '')];
    crossValidate(base, extra, folds, options, choice, legacyOnly, variants, argText('group-by') === 'source');
    return;
  }
  if (argText('gates')) {
    // gate settings alone, with the committed model on the whole dev split (trained on it: not held out)
    const dev = readManifest().filter((p) => p.split === 'dev');
    const current = gestureModelData();
    for (const v of [{ name: 'product', gates: CONFIDENCE as ConfidenceGates }, ...parseGateVariants(argText('gates')!)]) {
      const t: Tally = { signs: 0, warned: 0, right: 0, noSign: 0, falseWarn: 0 };
      scorePhotos(current, dev, choice, t, v.gates);
      const changed = fixtureChanges(current, v.gates);
      console.log(
        `gates ${v.name}: committed model on dev: warned ${t.warned}/${t.signs}, right number ${t.right}, no sign warned ${t.falseWarn}/${t.noSign}; fixtures changed: ${changed.length ? changed.join(', ') : 'none'}`,
      );
    }
    return;
  }
  const model = trainModel([...base, ...extra], options);
  const source = `${choice.runtime === 'tasks' ? `tasks-vision CPU landmarks${choice.pad ? ` with a border of ${choice.pad}` : ''}` : 'legacy @mediapipe/hands landmarks'}${extra.length ? ' pooled with legacy @mediapipe/hands landmarks' : ''}`;
  model.trainedOn = `${model.trainedOn}; ${source}`;
  // `--out FILE`: a candidate written elsewhere, so the committed model stays in place while it is measured
  const out = argText('out') ?? OUT;
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
