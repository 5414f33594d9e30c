/**
 * Hand-gesture classifier: 21 hand landmarks (MediaPipe Hands order) → a ballot-number gesture.
 * Pure, no browser APIs. Two parts:
 * - a small model learned from landmarks of real photographs (rules/gesture-model.ts, weights in
 *   rules/data/gesture-model.json, trained by scripts/photos/train.ts): one, two, three, four, five,
 *   OK, thumbs-up and a "none" class for hands that show no sign (fists, O shapes, relaxed hands,
 *   false detections on faces);
 * - finger geometry (below) for the listed poses the photographs did not cover (metal, pistol,
 *   telephone, finger heart), accepted only when the model finds the hand unlikely to be "none".
 * A warning needs a confident, clearly visible sign (`CONFIDENCE`): anything unsure is "none".
 * Features and geometry are the same for left and right hands, upright or tilted; the thumb's
 * direction in the picture is the one exception (a thumb pointing down is no thumbs-up).
 *
 * Landmark order: 0 wrist; thumb 1 CMC, 2 MCP, 3 IP, 4 tip; index 5 MCP, 6 PIP, 7 DIP, 8 tip;
 * middle 9–12; ring 13–16; pinky 17–20. Coordinates must be isotropic (pixels, or normalised x/y
 * multiplied by the image's width/height): the analyser converts before calling.
 *
 * The poses come from the "10 pose" lists local governments and Bawaslu offices circulated to spell
 * out the neutrality rules for photos (e.g. Inspektorat Cilacap, Sekda and Bawaslu Kendal):
 * thumb up, index up (1), V or thumb+index (2), thumb+little finger "telephone" (2), three
 * fingers or OK (3), four, five, finger heart, metal/horns, finger pistol. A fist is allowed.
 * Which pose means which number is the table `GESTURES`, kept apart from the model.
 */

import modelData from './data/gesture-model.json';
import { checkModel, handFeatures, predict, type GestureModel } from './gesture-model';

export interface Landmark {
  x: number;
  y: number;
  z?: number;
}

/**
 * One hand as the analysis page sees it. Only `landmarks` is required; the rest is what the hand
 * model reports besides, for a classifier that weighs confidence and framing.
 */
export interface HandObservation extends HandExtras {
  /** the 21 hand landmarks in image pixels (x right, y down; z relative depth, same scale as x) */
  landmarks: readonly Landmark[];
  /**
   * which hand the model thinks it is, with its confidence (0–1). MediaPipe labels as if the
   * image were mirrored (a selfie): in an unmirrored photo of a right hand it says 'Left'.
   */
  handedness?: { label: 'Left' | 'Right'; score: number };
}

export type FingerName = 'thumb' | 'index' | 'middle' | 'ring' | 'pinky';
export type FingerState = 'extended' | 'half' | 'folded';
export type FingerStates = Record<FingerName, FingerState>;

export { GESTURE_IDS, type GestureId } from './gesture-ids';
import type { GestureId } from './gesture-ids';

export interface GestureInfo {
  emoji: string;
  /** the ballot number the pose is read as, when it is one */
  number?: number;
  id: { name: string; meaning: string };
  en: { name: string; meaning: string };
  /** five fingers is also a wave: it warns less strongly than a clear number */
  severity: 'low' | 'medium';
}

export const GESTURES: Record<Exclude<GestureId, 'none'>, GestureInfo> = {
  one: {
    emoji: '☝️',
    number: 1,
    id: { name: 'satu jari (telunjuk)', meaning: 'dibaca sebagai nomor urut 1' },
    en: { name: 'one finger (index)', meaning: 'read as ballot number 1' },
    severity: 'medium',
  },
  two: {
    emoji: '✌️',
    number: 2,
    id: { name: 'dua jari / V', meaning: 'dibaca sebagai nomor urut 2 ("salam dua jari")' },
    en: { name: 'two fingers / V', meaning: 'read as ballot number 2 ("salam dua jari")' },
    severity: 'medium',
  },
  pistol: {
    emoji: '🫵',
    number: 2,
    id: { name: 'jempol + telunjuk ("pistol")', meaning: 'dibaca sebagai nomor urut 2' },
    en: { name: 'thumb + index ("pistol")', meaning: 'read as ballot number 2' },
    severity: 'medium',
  },
  telephone: {
    emoji: '🤙',
    number: 2,
    id: { name: 'jempol + kelingking ("telepon")', meaning: 'dibaca sebagai nomor urut 2' },
    en: { name: 'thumb + little finger ("telephone")', meaning: 'read as ballot number 2' },
    severity: 'medium',
  },
  three: {
    emoji: '🤟',
    number: 3,
    id: { name: 'tiga jari', meaning: 'dibaca sebagai nomor urut 3 ("salam tiga jari")' },
    en: { name: 'three fingers', meaning: 'read as ballot number 3 ("salam tiga jari")' },
    severity: 'medium',
  },
  ok: {
    emoji: '👌',
    number: 3,
    id: { name: 'tanda OK', meaning: 'dibaca sebagai nomor urut 3' },
    en: { name: 'OK sign', meaning: 'read as ballot number 3' },
    severity: 'medium',
  },
  four: {
    emoji: '4️⃣',
    number: 4,
    id: { name: 'empat jari', meaning: 'dibaca sebagai nomor 4 ("salam empat jari")' },
    en: { name: 'four fingers', meaning: 'read as number 4 ("salam empat jari")' },
    severity: 'medium',
  },
  five: {
    emoji: '🖐️',
    number: 5,
    id: { name: 'lima jari', meaning: 'masih termasuk pose nomor urut dalam daftar larangan' },
    en: { name: 'five fingers', meaning: 'still listed among the ballot-number poses' },
    severity: 'low',
  },
  metal: {
    emoji: '🤘',
    number: 3,
    id: { name: 'salam metal', meaning: 'pose yang dilarang; bisa dibaca sebagai nomor 3' },
    en: { name: 'metal / horns', meaning: 'a banned pose; can be read as number 3' },
    severity: 'medium',
  },
  'finger-heart': {
    emoji: '🫰',
    id: { name: 'finger heart ("saranghae")', meaning: 'pose yang dilarang dalam daftar 10 pose' },
    en: { name: 'finger heart ("saranghae")', meaning: 'a banned pose in the 10-pose lists' },
    severity: 'medium',
  },
  'thumbs-up': {
    emoji: '👍',
    number: 1,
    id: { name: 'jempol', meaning: 'pose yang dilarang; bisa dibaca sebagai nomor 1' },
    en: { name: 'thumbs-up', meaning: 'a banned pose; can be read as number 1' },
    severity: 'medium',
  },
};

const FINGERS: Record<Exclude<FingerName, 'thumb'>, [number, number, number, number]> = {
  index: [5, 6, 7, 8],
  middle: [9, 10, 11, 12],
  ring: [13, 14, 15, 16],
  pinky: [17, 18, 19, 20],
};

function dist(a: Landmark, b: Landmark): number {
  const dz = (a.z ?? 0) - (b.z ?? 0);
  return Math.hypot(a.x - b.x, a.y - b.y, dz);
}

/** Chord over path: 1 for a straight chain of points, smaller the more it bends. */
function straightness(points: Landmark[]): number {
  let path = 0;
  for (let i = 1; i < points.length; i++) path += dist(points[i - 1]!, points[i]!);
  return path === 0 ? 0 : dist(points[0]!, points[points.length - 1]!) / path;
}

/** Wrist to middle-finger MCP: the hand's scale. */
export function palmSize(lm: readonly Landmark[]): number {
  return dist(lm[0]!, lm[9]!);
}

/** Thresholds, exported for the tests' near-miss reasoning. */
export const THRESHOLDS = {
  /** a long finger at least this straight (MCP→tip chord over path) is extended… */
  extended: 0.86,
  /** …and at most this straight is folded; between the two it is "half" */
  folded: 0.7,
  /** …and turns at most this far (degrees) from the palm's direction; from foldedTurn on it is folded */
  extendedTurn: 40,
  foldedTurn: 100,
  /** thumb: straight enough (CMC→tip chord over path)… */
  thumbStraight: 0.85,
  /** …pointing away from the palm (tip-to-middle-MCP over IP-to-middle-MCP)… */
  thumbAway: 1.12,
  /** …and its tip this far (× palm size) from every joint of the long fingers */
  thumbClear: 0.45,
  /** folded when pointing back into the palm, or its tip rests on a finger (× palm) */
  thumbTuckedAway: 1.0,
  thumbTucked: 0.35,
  /** thumb tip and index tip this close (× palm): OK sign or finger heart */
  pinch: 0.3,
} as const;

function angleBetween(a: Landmark, b: Landmark, c: Landmark, d: Landmark): number {
  const u = [b.x - a.x, b.y - a.y, (b.z ?? 0) - (a.z ?? 0)];
  const v = [d.x - c.x, d.y - c.y, (d.z ?? 0) - (c.z ?? 0)];
  const dot = u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!;
  const n = Math.hypot(u[0]!, u[1]!, u[2]!) * Math.hypot(v[0]!, v[1]!, v[2]!);
  return n === 0 ? 180 : (Math.acos(Math.min(1, Math.max(-1, dot / n))) * 180) / Math.PI;
}

function longFinger(lm: readonly Landmark[], ids: [number, number, number, number]): FingerState {
  const [m, p, d, t] = ids.map((i) => lm[i]!) as [Landmark, Landmark, Landmark, Landmark];
  const wrist = lm[0]!;
  const s = straightness([m, p, d, t]);
  // how far the finger (MCP → tip) turns away from the palm's own direction (wrist → MCP)
  const turn = angleBetween(wrist, m, m, t);
  const outward = dist(wrist, t) > dist(wrist, p);
  if (s >= THRESHOLDS.extended && turn <= THRESHOLDS.extendedTurn && outward) return 'extended';
  if (s <= THRESHOLDS.folded || turn >= THRESHOLDS.foldedTurn || !outward) return 'folded';
  return 'half';
}

function thumbState(lm: readonly Landmark[]): FingerState {
  const palm = palmSize(lm);
  const s = straightness([lm[1]!, lm[2]!, lm[3]!, lm[4]!]);
  const tip = lm[4]!;
  // An extended thumb points away from the palm: its tip is farther from the middle MCP than its
  // IP joint is. A thumb folded over a fist lies across the fingers: its tip is near a finger joint.
  const away = dist(tip, lm[9]!) / Math.max(dist(lm[3]!, lm[9]!), 1e-9);
  const near = Math.min(...[6, 7, 8, 10, 11, 12, 14, 15, 16].map((i) => dist(tip, lm[i]!))) / palm;
  if (s >= THRESHOLDS.thumbStraight && away >= THRESHOLDS.thumbAway && near >= THRESHOLDS.thumbClear) return 'extended';
  if (away < THRESHOLDS.thumbTuckedAway || near < THRESHOLDS.thumbTucked) return 'folded';
  return 'half';
}

export function fingerStates(lm: readonly Landmark[]): FingerStates {
  return {
    thumb: thumbState(lm),
    index: longFinger(lm, FINGERS.index),
    middle: longFinger(lm, FINGERS.middle),
    ring: longFinger(lm, FINGERS.ring),
    pinky: longFinger(lm, FINGERS.pinky),
  };
}

export interface HandClassification {
  gesture: GestureId;
  fingers: FingerStates;
}

/** What the detector says about a hand besides its landmarks; every field is optional. */
export interface HandExtras {
  /** which hand, and how sure the detector is of it (0–1) */
  handedness?: { label: string; score: number };
  /** the detector's confidence that this is a hand (0–1) */
  score?: number;
  /** the same 21 points in metres, origin at the hand's centre, where the model reports them */
  worldLandmarks?: readonly Landmark[];
  /** the picture's size, in the landmarks' units */
  imageSize?: { width: number; height: number };
}

let model: GestureModel | null = null;
/**
 * The committed model, checked at first use. Not at load: the dialog imports this module for the
 * `GESTURES` table and should not carry the weights.
 */
export function gestureModel(): GestureModel {
  model ??= checkModel(modelData as GestureModel);
  return model;
}

/** When a hand is clear enough to warn about. Chosen on the dev split (docs/photo-check.md). */
export const CONFIDENCE = {
  /** the model's probability for its top class */
  classProbability: 0.7,
  /**
   * a geometry-only pose (metal, pistol, telephone, finger heart: no photographs to learn them from)
   * needs the model's P(none) below this; on the dev split (product runtime's landmarks), every hand
   * the geometry alone read as one of them was an O shape or a fist with P(none) ≥ 0.96, while
   * the model, never shown these poses, gives a clear metal or pistol P(none) ≈ 0.5
   */
  ruleOnlyNone: 0.9,
  /** detector and handedness scores, when given */
  detectorScore: 0.5,
  handednessScore: 0.6,
  /** the hand's longest side over the picture's shorter side, when the picture's size is given */
  handShare: 0.05,
  /**
   * landmarks may lie this far outside the picture (× its shorter side) before a finger counts as cut
   * off; 0.1 since the fifth round (was 0.02: fingertips that only graze the edge; on dev, held out by
   * source, +3 number signs with the right number and no more no-sign photos warned)
   */
  outside: 0.1,
  /** a thumbs-up's thumb (MCP → tip) within this many degrees of straight up in the picture */
  thumbUp: 55,
  /**
   * a learned sign whose long fingers are not all clearly straight or clearly folded (a finger seen
   * end-on or sideways looks half bent) still counts when the model is at least this sure. On the dev
   * split, 5-fold held out, the gate without this exception cost 28 of 401 number signs (mostly Vs
   * seen from the side or from above) and the exception added 1 of 157 no-sign photos
   * (docs/photo-check.md, third round)
   */
  halfFingerProbability: 0.9,
  /**
   * …and then the learned sign's count of raised long fingers must lie between the geometry's clearly
   * straight count and its straight-or-half count, with at most this many of them only half straight
   * (fifth round, on dev held out by photo: one fewer no-sign photo warned, no sign lost)
   */
  halfFingerSlack: 1,
} as const;

/** The gates `classifyWith` applies, as numbers (the trainer tries other values on dev). */
export type ConfidenceGates = { readonly [K in keyof typeof CONFIDENCE]: number };

/**
 * A learned sign also needs every long finger clearly straight or clearly folded by the geometry (a
 * relaxed or half-closed hand is not a sign), unless the model is very sure
 * (`CONFIDENCE.halfFingerProbability`).
 */
const LONG = ['index', 'middle', 'ring', 'pinky'] as const;
const RULE_ONLY: ReadonlySet<GestureId> = new Set(['metal', 'pistol', 'telephone', 'finger-heart']);
const UNSURE: FingerStates = { thumb: 'half', index: 'half', middle: 'half', ring: 'half', pinky: 'half' };

const isScore = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

/** Is the hand seen well enough to judge? Scores that are present but not 0–1 count as unsure. */
function clearlySeen(lm: readonly Landmark[], extras: HandExtras, gates: ConfidenceGates): boolean {
  if ('score' in extras && extras.score !== undefined && !(isScore(extras.score) && extras.score >= gates.detectorScore)) return false;
  const hs = extras.handedness?.score;
  if (extras.handedness && !(isScore(hs) && hs >= gates.handednessScore)) return false;
  const size = extras.imageSize;
  if (size) {
    const short = Math.min(size.width, size.height);
    if (!(short > 0)) return false;
    const [x, y, w, h] = handBox(lm);
    if (Math.max(w, h) / short < gates.handShare) return false;
    const m = gates.outside * short;
    if (x < -m || y < -m || x + w > size.width + m || y + h > size.height + m) return false;
  }
  return true;
}

/**
 * The little finger is straight and reaches out past its middle joint, however far it turns from the
 * palm's direction (a telephone's little finger splays sideways, which the long-finger rule reads as half bent).
 */
function littleFingerOut(lm: readonly Landmark[]): boolean {
  const [m, p, d, t] = FINGERS.pinky.map((i) => lm[i]!) as [Landmark, Landmark, Landmark, Landmark];
  return straightness([m, p, d, t]) >= THRESHOLDS.extended && dist(lm[0]!, t) > dist(lm[0]!, p);
}

/** The thumb points up in the picture (image y grows downwards). */
export function thumbPointsUp(lm: readonly Landmark[], limit: number = CONFIDENCE.thumbUp): boolean {
  const dx = lm[4]!.x - lm[2]!.x;
  const dy = lm[4]!.y - lm[2]!.y;
  const len = Math.hypot(dx, dy);
  return len > 0 && (Math.acos(-dy / len) * 180) / Math.PI <= limit;
}

/** The finger-geometry reading of a hand (the classifier before the model). */
export function geometryGesture(lm: readonly Landmark[], f: FingerStates = fingerStates(lm)): GestureId {
  const palm = palmSize(lm);
  if (!(palm > 0)) return 'none';
  const pinch = dist(lm[4]!, lm[8]!) / palm;
  const key = (['thumb', 'index', 'middle', 'ring', 'pinky'] as const)
    .map((n) => (f[n] === 'extended' ? 'E' : f[n] === 'folded' ? 'F' : 'h'))
    .join('');
  const others = [f.middle, f.ring, f.pinky];
  // Pinch poses first: the thumb is bent towards the index tip.
  if (pinch <= THRESHOLDS.pinch) {
    if (others.every((s) => s === 'extended')) return 'ok';
    if (others.every((s) => s === 'folded') && f.index !== 'extended') return 'finger-heart';
  }
  return BY_KEY[key] ?? 'none';
}

/** Classify one hand. Anything not clearly one of the poses is "none". */
export function classifyHand(hand: readonly Landmark[] | HandObservation, more: HandExtras = {}): HandClassification {
  return classifyWith(gestureModel(), hand, more);
}

/** `classifyHand` with a given model (the trainer's cross-validation scores each fold's model this way). */
export function classifyWith(
  m: GestureModel,
  hand: readonly Landmark[] | HandObservation,
  more: HandExtras = {},
  gates: ConfidenceGates = CONFIDENCE,
): HandClassification {
  const { landmarks: lm, ...fromHand }: HandObservation = 'landmarks' in hand ? hand : { landmarks: hand };
  const extras: HandExtras = { ...fromHand, ...more };
  if (lm.length < 21 || lm.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
    return { gesture: 'none', fingers: UNSURE };
  }
  const fingers = fingerStates(lm);
  const features = handFeatures(lm);
  if (!features || !(palmSize(lm) > 0) || !clearlySeen(lm, extras, gates)) return { gesture: 'none', fingers };
  const p = predict(m, features);
  let top = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[top]!) top = k;
  const learned = m.classes[top] as GestureId;
  const pNone = p[m.classes.indexOf('none')] ?? 1;
  const geometry = geometryGesture(lm, fingers);
  let gesture: GestureId = 'none';
  const clearFingers =
    !LONG.some((n) => fingers[n] === 'half') ||
    (p[top]! >= gates.halfFingerProbability && countFits(learned, fingers, gates.halfFingerSlack));
  if (RULE_ONLY.has(geometry) && pNone <= gates.ruleOnlyNone) gesture = geometry;
  else if (learned !== 'none' && p[top]! >= gates.classProbability && clearFingers) gesture = learned;
  // the model has no telephone class and reads a call whose little finger splays sideways as a thumbs-up
  if (gesture === 'thumbs-up' && littleFingerOut(lm)) gesture = 'telephone';
  if (gesture === 'thumbs-up' && !thumbPointsUp(lm, gates.thumbUp)) gesture = 'none';
  return { gesture, fingers };
}

/**
 * How many long fingers each learned sign raises (a three is index–middle–ring or, with the thumb,
 * index–middle; OK raises the middle, ring and little finger).
 */
const LONG_RAISED: Partial<Record<GestureId, readonly number[]>> = {
  one: [1],
  two: [2],
  three: [2, 3],
  four: [4],
  five: [4],
  ok: [3],
  'thumbs-up': [0],
};

/**
 * The learned sign's raised count lies between the clearly straight long fingers and the
 * straight-or-half ones, and at most `slack` of its raised fingers are only half straight.
 */
function countFits(learned: GestureId, f: FingerStates, slack: number): boolean {
  const straight = LONG.filter((n) => f[n] === 'extended').length;
  const notFolded = LONG.filter((n) => f[n] !== 'folded').length;
  return (LONG_RAISED[learned] ?? []).some((n) => n >= straight && n <= notFolded && n - straight <= slack);
}

/**
 * Finger patterns (thumb, index, middle, ring, pinky; E extended, F folded). Any "half" finger
 * matches nothing. Index+middle with the thumb out is still read as V (it is how most people
 * make it), and three fingers are any three adjacent raised fingers.
 */
const BY_KEY: Record<string, GestureId> = {
  FEFFF: 'one',
  FEEFF: 'two',
  EEEFF: 'two',
  EEFFF: 'pistol',
  EFFFE: 'telephone',
  FEEEF: 'three',
  FFEEE: 'three',
  FEEEE: 'four',
  EEEEE: 'five',
  FEFFE: 'metal',
  EEFFE: 'metal',
  EFFFF: 'thumbs-up',
};

export interface DetectedGesture {
  gesture: Exclude<GestureId, 'none'>;
  /** bounding box of the hand, in the landmarks' units: [x, y, width, height] */
  box: [number, number, number, number];
}

export function handBox(lm: readonly Landmark[]): [number, number, number, number] {
  const xs = lm.map((p) => p.x);
  const ys = lm.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return [x, y, Math.max(...xs) - x, Math.max(...ys) - y];
}

/** Every hand in a photo; only the ones showing a pose are returned. */
export function classifyHands(hands: readonly (readonly Landmark[])[], extras: readonly HandExtras[] = []): DetectedGesture[] {
  const out: DetectedGesture[] = [];
  for (const [i, lm] of hands.entries()) {
    const { gesture } = classifyHand(lm, extras[i]);
    if (gesture !== 'none') out.push({ gesture, box: handBox(lm) });
  }
  return out;
}
