/**
 * Hand-gesture classifier: 21 hand landmarks (MediaPipe Hands order) → a ballot-number gesture.
 * Pure geometry, no browser APIs; rotation-, scale- and mirror-invariant (only distances and
 * ratios), so it reads left and right hands, upright or tilted, the same way.
 *
 * Landmark order: 0 wrist; thumb 1 CMC, 2 MCP, 3 IP, 4 tip; index 5 MCP, 6 PIP, 7 DIP, 8 tip;
 * middle 9–12; ring 13–16; pinky 17–20. Coordinates must be isotropic (pixels, or normalised x/y
 * multiplied by the image's width/height): the analyser converts before calling.
 *
 * The poses come from the "10 pose" lists local governments and Bawaslu offices circulated to spell
 * out the neutrality rules for photos (e.g. Inspektorat Cilacap, Sekda and Bawaslu Kendal):
 * thumb up, index up (1), V or thumb+index (2), thumb+little finger "telephone" (2), three
 * fingers or OK (3), four, five, finger heart, metal/horns, finger pistol. A fist is allowed.
 * A finger that is neither clearly straight nor clearly folded makes the hand "none": a relaxed
 * or half-closed hand is not a sign, and a warning needs a clear one.
 */

export interface Landmark {
  x: number;
  y: number;
  z?: number;
}

/**
 * One hand as the analysis page sees it. Only `landmarks` is required; the rest is what the hand
 * model reports besides, for a classifier that weighs confidence and framing.
 */
export interface HandObservation {
  /** the 21 hand landmarks in image pixels (x right, y down; z relative depth, same scale as x) */
  landmarks: readonly Landmark[];
  /**
   * which hand the model thinks it is, with its confidence (0–1). MediaPipe labels as if the
   * image were mirrored (a selfie): in an unmirrored photo of a right hand it says 'Left'.
   */
  handedness?: { label: 'Left' | 'Right'; score: number };
  /** the detector's confidence that this is a hand (0–1), where the model reports it */
  score?: number;
  /** the same 21 points in metres, origin at the hand's centre, where the model reports them */
  worldLandmarks?: readonly Landmark[];
  /** size of the analysed image in pixels */
  imageSize?: { width: number; height: number };
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

/** Classify one hand. Anything not clearly one of the poses is "none". */
export function classifyHand(hand: readonly Landmark[] | HandObservation): HandClassification {
  const lm = 'landmarks' in hand ? hand.landmarks : hand;
  if (lm.length < 21 || lm.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
    return { gesture: 'none', fingers: { thumb: 'half', index: 'half', middle: 'half', ring: 'half', pinky: 'half' } };
  }
  const f = fingerStates(lm);
  const palm = palmSize(lm);
  if (!(palm > 0)) return { gesture: 'none', fingers: f };
  const pinch = dist(lm[4]!, lm[8]!) / palm;
  const key = (['thumb', 'index', 'middle', 'ring', 'pinky'] as const)
    .map((n) => (f[n] === 'extended' ? 'E' : f[n] === 'folded' ? 'F' : 'h'))
    .join('');
  const others = [f.middle, f.ring, f.pinky];

  // Pinch poses first: the thumb is bent towards the index tip.
  if (pinch <= THRESHOLDS.pinch) {
    if (others.every((s) => s === 'extended')) return { gesture: 'ok', fingers: f };
    if (others.every((s) => s === 'folded') && f.index !== 'extended') return { gesture: 'finger-heart', fingers: f };
  }

  const g = BY_KEY[key];
  return { gesture: g ?? 'none', fingers: f };
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
export function classifyHands(hands: readonly (readonly Landmark[])[]): DetectedGesture[] {
  const out: DetectedGesture[] = [];
  for (const lm of hands) {
    const { gesture } = classifyHand(lm);
    if (gesture !== 'none') out.push({ gesture, box: handBox(lm) });
  }
  return out;
}
