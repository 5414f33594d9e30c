/**
 * Hand poses and scene recipes for scripts/photos/render-hands.ts. Angles in degrees.
 * A finger is [spread, MCP, PIP, DIP] (flexion towards the palm positive, spread towards the
 * thumb positive); the thumb is [abduction (away from the index, in the palm's plane),
 * opposition (rolled in front of the palm), MCP, IP].
 */
export type Finger = [number, number, number, number];
export interface Pose {
  thumb: Finger;
  index: Finger;
  middle: Finger;
  ring: Finger;
  pinky: Finger;
  /** ring and little finger metacarpals rolled towards the palm */
  cup?: number;
}

const EXT: Finger = [0, 4, 4, 2];
const FOLD: Finger = [0, 88, 100, 55];
/** thumb over the folded middle phalanges (fist) */
const THUMB_FIST: Finger = [0, 0, 60, 30];
/** thumb folded over the folded fingers, holding them down */
const THUMB_IN: Finger = [-30, -20, 40, 40];
/** thumb across the palm (four) */
const THUMB_PALM: Finger = [10, -20, 60, 60];

export const POSES = {
  one: { thumb: THUMB_IN, index: EXT, middle: FOLD, ring: FOLD, pinky: FOLD },
  two: { thumb: THUMB_IN, index: [8, 4, 4, 2], middle: [-6, 4, 4, 2], ring: FOLD, pinky: FOLD },
  'three-a': { thumb: THUMB_PALM, index: [6, 4, 4, 2], middle: EXT, ring: [-6, 4, 4, 2], pinky: FOLD },
  'three-b': { thumb: [-20, -20, 40, 60], index: FOLD, middle: [6, 4, 4, 2], ring: EXT, pinky: [-8, 4, 4, 2] },
  four: { thumb: THUMB_PALM, index: [6, 4, 4, 2], middle: [2, 4, 4, 2], ring: [-2, 4, 4, 2], pinky: [-8, 4, 4, 2] },
  five: { thumb: [12, 0, 0, 0], index: [10, 4, 4, 2], middle: [2, 4, 4, 2], ring: [-6, 4, 4, 2], pinky: [-16, 4, 4, 2] },
  metal: { thumb: THUMB_IN, index: [4, 4, 4, 2], middle: FOLD, ring: FOLD, pinky: [-10, 4, 4, 2] },
  'finger-heart': { thumb: [-10, 0, 40, 40], index: [0, 55, 75, 30], middle: FOLD, ring: FOLD, pinky: FOLD },
  'thumbs-up': { thumb: [0, 40, 10, 0], index: FOLD, middle: FOLD, ring: FOLD, pinky: FOLD },
  ok: { thumb: [-20, 0, 40, 0], index: [0, 45, 60, 40], middle: [0, 8, 6, 3], ring: [-4, 8, 6, 3], pinky: [-10, 8, 6, 3] },
  fist: { thumb: THUMB_FIST, index: FOLD, middle: FOLD, ring: FOLD, pinky: FOLD },
  wave: { thumb: [0, 0, 5, 5], index: [4, 6, 8, 4], middle: [0, 6, 8, 4], ring: [-3, 8, 8, 4], pinky: [-8, 10, 8, 4] },
  relaxed: { thumb: [-5, 20, 15, 15], index: [2, 30, 35, 20], middle: [0, 40, 45, 25], ring: [-2, 48, 50, 28], pinky: [-5, 55, 52, 30], cup: 10 },
  mug: { thumb: [-10, 40, 40, 35], index: [0, 55, 75, 40], middle: [0, 58, 78, 40], ring: [0, 60, 80, 42], pinky: [0, 62, 80, 42] },
  typing: { thumb: [0, 10, 10, 10], index: [2, 25, 45, 20], middle: [0, 28, 45, 20], ring: [-2, 30, 45, 20], pinky: [-5, 30, 42, 20] },
} satisfies Record<string, Pose>;
export type PoseName = keyof typeof POSES;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Skin tones from light to dark; the medium ones (common in Indonesia) twice. */
const SKIN = ['#f0c6a4', '#e2ad86', '#d49d74', '#d49d74', '#c08a5e', '#c08a5e', '#a46e46', '#8a5534', '#603a22'];
const SLEEVES = ['#1f2f4a', '#d8d8d2', '#7a1f24', '#2d4a2a', '#3b3b3b', '#b89b6a', '#5a6d8a', '#f2f2f2'];
const BG_COLORS = ['#e9e4da', '#cfd8dc', '#8aa1b1', '#3e4a52', '#f5f0e6', '#a3b18a', '#d6c2a8', '#6d5d52', '#ffffff', '#2b2b2b', '#b5c7d3', '#e0cfc2'];
const BG_KINDS = ['plain', 'gradient', 'stripes', 'tiles', 'noise', 'room'] as const;

export interface HandSpec {
  side: 'left' | 'right';
  pose: Pose;
  skin: string;
  sleeve: string;
  /** where the sleeve starts from the wrist (m), null for a bare arm */
  sleeveAt: number | null;
  /** Euler angles (Y, X, Z order) turning the canonical hand (fingers up, palm to the camera) */
  rotation: [number, number, number];
  position: [number, number, number];
  scale?: number;
  prop?: 'mug';
  propColor?: string;
}

export interface SceneSpec {
  seed: number;
  width: number;
  height: number;
  quality: number;
  background: { kind: (typeof BG_KINDS)[number]; colors: [string, string] };
  light: { sky: string; ground: string; ambient: number; key: string; keyIntensity: number; keyDir: [number, number, number]; fill: number; exposure: number };
  camera: { fov: number; distance: number; pitch: number; yaw: number; roll: number; target: [number, number, number] };
  hands: HandSpec[];
  keyboard?: { position: [number, number, number]; yaw: number };
  table?: string;
  tableY?: number;
}

interface Scene {
  spec: SceneSpec;
  expected: string;
  warn: boolean;
}

function base(seed: number, salt: number) {
  const rnd = mulberry32(seed * 7919 + salt * 104729);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const range = (a: number, b: number) => a + rnd() * (b - a);
  const landscape = rnd() < 0.5;
  const long = Math.round(range(640, 960) / 16) * 16;
  const short = Math.round((long * 3) / 4 / 16) * 16;
  const warm = rnd() < 0.5;
  const spec: Omit<SceneSpec, 'hands'> = {
    seed,
    width: landscape ? long : short,
    height: landscape ? short : long,
    quality: 0.8,
    background: { kind: pick(BG_KINDS), colors: [pick(BG_COLORS), pick(BG_COLORS)] },
    light: {
      sky: warm ? '#fff1e0' : '#eef4ff',
      ground: pick(['#806a5a', '#5a5a60', '#9a8a70']),
      ambient: range(0.6, 1.3),
      key: warm ? '#ffe2c0' : '#ffffff',
      keyIntensity: range(1.5, 3.2),
      keyDir: [range(-1, 1), range(0.3, 1.2), range(0.4, 1)],
      fill: range(0.2, 0.8),
      exposure: range(0.85, 1.15),
    },
    camera: { fov: range(38, 55), distance: range(0.42, 0.6), pitch: range(-12, 12), yaw: range(-20, 20), roll: range(-8, 8), target: [0, 0, 0] },
  };
  const hand = (side: 'left' | 'right', pose: Pose, rotation: [number, number, number]): HandSpec => ({
    side,
    pose,
    skin: pick(SKIN),
    sleeve: pick(SLEEVES),
    sleeveAt: rnd() < 0.25 ? null : range(0.04, 0.12),
    rotation,
    position: [range(-0.03, 0.03), range(-0.02, 0.03), 0],
  });
  return { rnd, pick, range, spec, hand };
}

export type SceneKind =
  | 'one'
  | 'two'
  | 'three-a'
  | 'three-b'
  | 'four'
  | 'five'
  | 'metal'
  | 'finger-heart'
  | 'thumbs-up'
  | 'ok'
  | 'wave'
  | 'fist'
  | 'relaxed'
  | 'mug'
  | 'typing';

/** the gesture the classifier should report for each scene; five and the no-gesture scenes do not warn by default */
const EXPECTED: Record<SceneKind, string> = {
  one: 'one',
  two: 'two',
  'three-a': 'three',
  'three-b': 'three',
  four: 'four',
  five: 'five',
  metal: 'metal',
  'finger-heart': 'finger-heart',
  'thumbs-up': 'thumbs-up',
  ok: 'ok',
  wave: 'five',
  fist: 'none',
  relaxed: 'none',
  mug: 'none',
  typing: 'none',
};

type Rotation = (range: (a: number, b: number) => number, rnd: () => number, side: 1 | -1) => [number, number, number];

function gestureScene(kind: SceneKind, pose: Pose, salt: number, rotation: Rotation) {
  return (seed: number): Scene => {
    const { rnd, range, spec, hand } = base(seed, salt);
    const side = rnd() < 0.5 ? 'left' : 'right';
    return { spec: { ...spec, hands: [hand(side, pose, rotation(range, rnd, side === 'right' ? 1 : -1))] }, expected: EXPECTED[kind], warn: !['five', 'none'].includes(EXPECTED[kind]) };
  };
}

/** palm (or, sometimes, back of the hand) towards the camera, fingers up, tilted a little */
const upright = (range: (a: number, b: number) => number, rnd: () => number): [number, number, number] => [
  (rnd() < 0.3 ? 180 : 0) + range(-30, 30),
  range(-20, 15),
  range(-25, 25),
];
const palmOnly = (range: (a: number, b: number) => number): [number, number, number] => [range(-30, 30), range(-20, 15), range(-25, 25)];

export const SCENES: Record<SceneKind, (seed: number) => Scene> = {
  one: gestureScene('one', POSES.one, 1, upright),
  two: gestureScene('two', POSES.two, 2, upright),
  'three-a': gestureScene('three-a', POSES['three-a'], 3, upright),
  'three-b': gestureScene('three-b', POSES['three-b'], 4, upright),
  four: gestureScene('four', POSES.four, 5, upright),
  five: gestureScene('five', POSES.five, 6, upright),
  metal: gestureScene('metal', POSES.metal, 7, upright),
  'finger-heart': gestureScene('finger-heart', POSES['finger-heart'], 8, (range) => [range(-40, 10), range(-10, 20), range(-30, 10)]),
  // thumbs-up: the fist turned a quarter so the thumb points up (a right hand's thumb is on the camera's right)
  'thumbs-up': gestureScene('thumbs-up', POSES['thumbs-up'], 9, (range, _rnd, s) => [s * range(20, 70), range(-15, 15), s * (90 + range(-20, 20))]),
  ok: gestureScene('ok', POSES.ok, 10, palmOnly),
  // A wave: an open palm to the camera, fingers loosely together, the hand swung sideways.
  wave: gestureScene('wave', POSES.wave, 11, (range, rnd) => [range(-25, 25), range(-10, 10), (rnd() < 0.5 ? -1 : 1) * range(15, 35)]),
  fist: gestureScene('fist', POSES.fist, 12, upright),
  relaxed: gestureScene('relaxed', POSES.relaxed, 13, (range) => [range(-60, 60), range(-20, 30), range(-40, 40)]),
  mug: (seed) => {
    // the back of the hand to the camera, the fingers wrapped round the mug in front
    const scene = gestureScene('mug', POSES.mug, 14, (range, _rnd, s) => [180 + range(-50, 50), range(-15, 15), s * (90 + range(-20, 20))])(seed);
    const colors = ['#f4f1ea', '#c0392b', '#2c3e50', '#e6b422', '#5d8aa8', '#ffffff'];
    scene.spec.hands[0]!.prop = 'mug';
    scene.spec.hands[0]!.propColor = colors[seed % colors.length]!;
    return scene;
  },
  typing: (seed) => {
    const { range, spec, hand } = base(seed, 15);
    // two hands palm-down over a keyboard, seen from in front and above
    const pitch = range(30, 55);
    // palm down, fingers pointing away from the camera (the typist's own view, or a colleague's over the shoulder)
    const left = hand('left', POSES.typing, [180 + range(-12, 12), 90 + range(-8, 8), range(-10, 10)]);
    const right = hand('right', POSES.typing, [180 + range(-12, 12), 90 + range(-8, 8), range(-10, 10)]);
    left.position = [-0.1 + range(-0.01, 0.01), 0.045, 0.02];
    right.position = [0.1 + range(-0.01, 0.01), 0.045, 0.02];
    right.skin = left.skin;
    right.sleeve = left.sleeve;
    right.sleeveAt = left.sleeveAt;
    return {
      spec: {
        ...spec,
        hands: [left, right],
        keyboard: { position: [0, 0, -0.07], yaw: range(-5, 5) },
        table: '#8a6b4f',
        tableY: -0.01,
        camera: { ...spec.camera, pitch, yaw: range(-15, 15), distance: range(0.5, 0.65), target: [0, 0.02, -0.03] },
      },
      expected: 'none',
      warn: false,
    };
  },
};

/** A plain, fixed scene for looking at one pose (render-hands.ts --debug). */
export function debugScene(side: 'left' | 'right', pose: Pose, rotation: [number, number, number]): SceneSpec {
  const { spec, hand } = base(1, 99);
  const h = hand(side, pose, rotation);
  h.position = [0, 0, 0];
  h.skin = '#c08a5e';
  return {
    ...spec,
    width: 480,
    height: 480,
    background: { kind: 'plain', colors: ['#cfd8dc', '#cfd8dc'] },
    camera: { fov: 45, distance: 0.5, pitch: 0, yaw: 0, roll: 0, target: [0, 0, 0] },
    hands: [h],
  };
}
