/**
 * The analysis page's runtime choice (CPU first, WebGL if the CPU path cannot load) and what it
 * passes to the classifier and back to the background. The model itself runs in the e2e tests
 * (tests/e2e/photo.test.ts, tests/e2e/firefox.test.ts) and in `npm run bench -- photo`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandObservation, Landmark } from '@/rules/gestures';

const seen: HandObservation[] = [];
vi.mock('@/rules/gestures', async (original) => {
  const real = await original<typeof import('@/rules/gestures')>();
  return {
    ...real,
    classifyHand: (hand: HandObservation) => {
      seen.push(hand);
      return real.classifyHand(hand);
    },
  };
});

const { loadLandmarker, toPhotoResult, RUNTIME_ORDER, DETECT_PAD, paddedSize, unpad, detectHands } = await import('@/entrypoints/offscreen/analyse');

const fixture = (name: string) =>
  (JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/gestures', name), 'utf8')) as { hand: Landmark[] }).hand;

/** A fixture hand (pixels) as the task API reports it: normalized to a 1000×800 image. */
function reported(hand: Landmark[], width = 1000, height = 800) {
  const xs = hand.map((p) => p.x);
  const ys = hand.map((p) => p.y);
  const [x0, y0] = [Math.min(...xs) - 50, Math.min(...ys) - 50];
  return hand.map((p) => ({ x: (p.x - x0) / width, y: (p.y - y0) / height, z: (p.z ?? 0) / width, visibility: 0 }));
}

beforeEach(() => {
  seen.length = 0;
});

describe('loadLandmarker', () => {
  it('tries the CPU first', async () => {
    const create = vi.fn(async (delegate: 'CPU' | 'GPU') => ({ delegate }));
    await expect(loadLandmarker(create)).resolves.toEqual({ landmarker: { delegate: 'CPU' }, runtime: 'tasks-cpu' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(RUNTIME_ORDER[0]).toBe('tasks-cpu');
  });

  it('falls back to WebGL when the CPU path cannot load', async () => {
    const create = vi.fn(async (delegate: 'CPU' | 'GPU') => {
      if (delegate === 'CPU') throw new Error('XNNPACK delegate failed');
      return { delegate };
    });
    await expect(loadLandmarker(create)).resolves.toEqual({ landmarker: { delegate: 'GPU' }, runtime: 'tasks-gpu' });
  });

  it('names both failures when neither loads', async () => {
    const create = vi.fn(async (delegate: 'CPU' | 'GPU') => {
      throw new Error(`${delegate} broke`);
    });
    await expect(loadLandmarker(create)).rejects.toThrow(/CPU broke.*GPU broke/);
  });
});

describe('toPhotoResult', () => {
  it('passes landmarks in pixels, handedness, world landmarks and image size to the classifier', () => {
    const hand = fixture('recorded-thumbs-up-000.json');
    const landmarks = reported(hand);
    const world = landmarks.map((p) => ({ x: p.x / 10, y: p.y / 10, z: p.z / 10, visibility: 0 }));
    const result = toPhotoResult(
      { landmarks: [landmarks], worldLandmarks: [world], handedness: [[{ categoryName: 'Left', score: 0.97, index: 0, displayName: '' }]] },
      { width: 1000, height: 800 },
      'tasks-cpu',
      123,
    );
    expect(seen).toHaveLength(1);
    const observed = seen[0]!;
    expect(observed.landmarks[8]!.x).toBeCloseTo(landmarks[8]!.x * 1000);
    expect(observed.landmarks[8]!.y).toBeCloseTo(landmarks[8]!.y * 800);
    expect(observed.landmarks[8]!.z).toBeCloseTo(landmarks[8]!.z * 1000);
    expect(observed.handedness).toEqual({ label: 'Left', score: 0.97 });
    expect(observed.worldLandmarks).toHaveLength(21);
    expect(observed.imageSize).toEqual({ width: 1000, height: 800 });
    expect(result).toMatchObject({ hands: 1, ms: 123, runtime: 'tasks-cpu' });
    expect(result.gestures).toEqual([expect.objectContaining({ gesture: 'thumbs-up', handedness: { label: 'Left', score: 0.97 } })]);
    expect(result.gestures[0]!.points).toHaveLength(21);
    for (const v of result.gestures[0]!.box) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('counts hands without a sign and leaves out a handedness it does not know', () => {
    const landmarks = reported(fixture('recorded-near-miss-fist.json'));
    const result = toPhotoResult({ landmarks: [landmarks], worldLandmarks: [], handedness: [[{ categoryName: 'Up', score: 2, index: 0, displayName: '' }]] }, { width: 1000, height: 800 }, 'tasks-gpu', 5);
    expect(result).toEqual({ hands: 1, gestures: [], ms: 5, runtime: 'tasks-gpu' });
    expect(seen[0]!.handedness).toBeUndefined();
    expect(seen[0]!.worldLandmarks).toBeUndefined();
  });
});


describe('padding before detection', () => {
  it('adds a border of DETECT_PAD × the longest side on every side', () => {
    expect(DETECT_PAD).toBeGreaterThan(0);
    const border = Math.round(DETECT_PAD * 100);
    expect(paddedSize({ width: 100, height: 60 })).toEqual({ border, width: 100 + 2 * border, height: 60 + 2 * border });
  });

  it('maps landmarks found in the padded image back onto the photo', () => {
    const size = { width: 100, height: 60 };
    const padded = paddedSize(size);
    // a point at photo pixel (30, 45), z = 5 px, as the task API reports it in the padded image
    const inPadded = { x: (30 + padded.border) / padded.width, y: (45 + padded.border) / padded.height, z: 5 / padded.width, visibility: 0 };
    const world = [{ x: 0.01, y: 0.02, z: 0.03, visibility: 0 }];
    const found = unpad({ landmarks: [[inPadded]], worldLandmarks: [world], handedness: [[{ categoryName: 'Left', score: 0.9, index: 0, displayName: '' }]] }, size, padded);
    const [p] = found.landmarks[0]!;
    expect(p!.x * size.width).toBeCloseTo(30);
    expect(p!.y * size.height).toBeCloseTo(45);
    expect(p!.z * size.width).toBeCloseTo(5);
    expect(found.worldLandmarks).toEqual([world]);
    expect(found.handedness[0]![0]!.categoryName).toBe('Left');
  });

  it('passes a hand found in the padded image to the classifier in photo pixels', () => {
    const size = { width: 1000, height: 800 };
    const padded = paddedSize(size);
    const hand = fixture('recorded-thumbs-up-000.json');
    const inPhoto = reported(hand);
    const inPadded = inPhoto.map((p) => ({
      x: (p.x * size.width + padded.border) / padded.width,
      y: (p.y * size.height + padded.border) / padded.height,
      z: (p.z * size.width) / padded.width,
      visibility: 0,
    }));
    const result = toPhotoResult(unpad({ landmarks: [inPadded], worldLandmarks: [], handedness: [] }, size, padded), size, 'tasks-cpu', 1);
    expect(seen[0]!.landmarks[8]!.x).toBeCloseTo(inPhoto[8]!.x * size.width);
    expect(seen[0]!.landmarks[8]!.y).toBeCloseTo(inPhoto[8]!.y * size.height);
    expect(result.gestures.map((g) => g.gesture)).toEqual(['thumbs-up']);
  });
});

describe('detectHands', () => {
  const size = { width: 100, height: 60 };
  const hand = [{ x: 0.5, y: 0.5, z: 0, visibility: 0 }];
  const none = { landmarks: [], worldLandmarks: [], handedness: [] };

  it('looks at the photo alone first and stops there when it finds a hand', async () => {
    const detect = vi.fn(() => ({ landmarks: [hand], worldLandmarks: [], handedness: [] }));
    expect((await detectHands(detect, size)).landmarks).toEqual([hand]);
    expect(detect).toHaveBeenCalledTimes(1);
    expect(detect).toHaveBeenCalledWith({ border: 0, width: 100, height: 60 });
  });

  it('tries again with the border when the photo alone gives no hand, and maps the hand back', async () => {
    const padded = paddedSize(size);
    // the second detection may be asynchronous (its landmarker loads when first needed)
    const detect = vi.fn(async (p: { border: number }) => (p.border ? { landmarks: [hand], worldLandmarks: [], handedness: [] } : none));
    const found = await detectHands(detect, size);
    expect(detect).toHaveBeenCalledTimes(2);
    expect(detect).toHaveBeenLastCalledWith(padded);
    expect(found.landmarks[0]![0]!.x * size.width).toBeCloseTo(0.5 * padded.width - padded.border);
    expect(found.landmarks[0]![0]!.y * size.height).toBeCloseTo(0.5 * padded.height - padded.border);
  });

  it('reports no hand when none of the detections finds one', async () => {
    expect((await detectHands(() => none, size)).landmarks).toEqual([]);
  });

  it('looks at each tile of the photo last, when neither the photo nor the border gives a hand', async () => {
    const big = { width: 900, height: 600 };
    // a hand only the bottom-right tile's detection sees, in that tile's own coordinates
    const inTile = Array.from({ length: 21 }, (_, i) => ({ x: 0.4 + i * 0.005, y: 0.4 + i * 0.005, z: 0, visibility: 0 }));
    const detect = vi.fn((v: { tile?: { x: number; y: number } }) =>
      v.tile && v.tile.x > 0 && v.tile.y > 0 ? { landmarks: [inTile], worldLandmarks: [[]], handedness: [[]] } : none,
    );
    const found = await detectHands(detect, big);
    expect(detect).toHaveBeenCalledTimes(2 + 4);
    expect(detect.mock.calls.slice(2).map(([v]) => v.tile)).toEqual([
      { x: 0, y: 0, width: 600, height: 400 },
      { x: 300, y: 0, width: 600, height: 400 },
      { x: 0, y: 200, width: 600, height: 400 },
      { x: 300, y: 200, width: 600, height: 400 },
    ]);
    expect(found.landmarks).toHaveLength(1);
    expect(found.landmarks[0]![0]!.x * big.width).toBeCloseTo(300 + 0.4 * 600);
    expect(found.landmarks[0]![0]!.y * big.height).toBeCloseTo(200 + 0.4 * 400);
  });

  it('runs no tile when the border finds a hand', async () => {
    const detect = vi.fn((p: { border: number }) => (p.border ? { landmarks: [hand], worldLandmarks: [], handedness: [] } : none));
    await detectHands(detect, size);
    expect(detect).toHaveBeenCalledTimes(2);
  });
});
