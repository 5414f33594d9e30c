/**
 * Which landmark cache a runtime reads, and the analysis page's fallback border read from two
 * caches. No browser: the caches are written to a temporary folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'jaga-landmarks-'));
vi.stubEnv('JAGA_PHOTO_EVAL', root);
const { landmarkDir, readLandmarks, runtimeFromArgs } = await import('../../../../scripts/photos/landmarks.ts');

const hand = { landmarks: [{ x: 1, y: 2, z: 3 }] };
function cache(dir: string, sha256: string, hands: unknown[], ms: number): void {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, `${sha256}.json`), JSON.stringify({ sha256, imageSize: { width: 10, height: 10 }, hands, ms }));
}

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
});

describe('landmarkDir', () => {
  it('keeps each runtime and border in its own folder', () => {
    expect(landmarkDir()).toBe(join(root, 'landmarks'));
    expect(landmarkDir({ runtime: 'tasks' })).toBe(join(root, 'landmarks-tasks'));
    expect(landmarkDir({ runtime: 'tasks', pad: 0.25 })).toBe(join(root, 'landmarks-tasks-pad0.25'));
    expect(landmarkDir({ runtime: 'tasks', upscale: 256 })).toBe(join(root, 'landmarks-tasks-up256'));
    expect(landmarkDir({ runtime: 'tasks', upscale: 256, pad: 0.25 })).toBe(join(root, 'landmarks-tasks-up256-pad0.25'));
  });
});

describe('readLandmarks with padFallback', () => {
  it('takes the photo alone when it found a hand', () => {
    cache('landmarks-tasks', 'a', [hand], 50);
    cache('landmarks-tasks-pad0.25', 'a', [hand, hand], 70);
    expect(readLandmarks('a', { runtime: 'tasks', pad: 0.25, padFallback: true })).toMatchObject({ hands: [hand], ms: 50 });
  });

  it('takes the bordered image when the photo alone gave no hand, timing both detections', () => {
    cache('landmarks-tasks', 'b', [], 40);
    cache('landmarks-tasks-pad0.25', 'b', [hand], 60);
    expect(readLandmarks('b', { runtime: 'tasks', pad: 0.25, padFallback: true })).toMatchObject({ hands: [hand], ms: 100 });
  });

  it('is missing when either cache it needs is', () => {
    cache('landmarks-tasks', 'c', [], 40);
    expect(readLandmarks('c', { runtime: 'tasks', pad: 0.25, padFallback: true })).toBeNull();
  });

  it('needs no bordered reading when the photo alone found a hand (the page would not run one)', () => {
    cache('landmarks-tasks', 'f', [hand], 40);
    expect(readLandmarks('f', { runtime: 'tasks', pad: 0.5, padFallback: true })).toMatchObject({ hands: [hand], ms: 40 });
  });
});

describe('runtimeFromArgs', () => {
  it('reads the runtime and border, and refuses what does not make sense', () => {
    process.argv = ['node', 'x', '--runtime', 'tasks', '--pad', '0.25', '--pad-fallback'];
    expect(runtimeFromArgs()).toEqual({ runtime: 'tasks', pad: 0.25, padFallback: true });
    process.argv = ['node', 'x'];
    expect(runtimeFromArgs()).toEqual({ runtime: 'legacy' });
    process.argv = ['node', 'x', '--runtime', 'gpu'];
    expect(() => runtimeFromArgs()).toThrow(/legacy or tasks/);
    process.argv = ['node', 'x', '--runtime', 'legacy', '--pad', '0.25'];
    expect(() => runtimeFromArgs()).toThrow(/tasks only/);
    process.argv = ['node', 'x', '--runtime', 'tasks', '--pad', 'wide'];
    expect(() => runtimeFromArgs()).toThrow(/fraction/);
  });

  it('reads the upscale size, tasks only', () => {
    process.argv = ['node', 'x', '--runtime', 'tasks', '--upscale', '256', '--pad', '0.25', '--pad-fallback'];
    expect(runtimeFromArgs()).toEqual({ runtime: 'tasks', upscale: 256, pad: 0.25, padFallback: true });
    process.argv = ['node', 'x', '--runtime', 'tasks', '--upscale', '256'];
    expect(runtimeFromArgs()).toEqual({ runtime: 'tasks', upscale: 256 });
    process.argv = ['node', 'x', '--runtime', 'legacy', '--upscale', '256'];
    expect(() => runtimeFromArgs()).toThrow(/tasks only/);
    process.argv = ['node', 'x', '--runtime', 'tasks', '--upscale', '-3'];
    expect(() => runtimeFromArgs()).toThrow(/--upscale/);
  });
});

describe('the detector confidence (--min-confidence)', () => {
  it('reads it for tasks only, and caches apart', () => {
    process.argv = ['node', 'x', '--runtime', 'tasks', '--pad', '0.25', '--min-confidence', '0.3'];
    expect(runtimeFromArgs()).toEqual({ runtime: 'tasks', pad: 0.25, confidence: 0.3 });
    expect(landmarkDir({ runtime: 'tasks', pad: 0.25, confidence: 0.3 })).toMatch(/landmarks-tasks-pad0\.25-conf0\.3$/);
    process.argv = ['node', 'x', '--runtime', 'legacy', '--min-confidence', '0.3'];
    expect(() => runtimeFromArgs()).toThrow(/tasks only/);
    process.argv = ['node', 'x', '--runtime', 'tasks', '--min-confidence', '2'];
    expect(() => runtimeFromArgs()).toThrow(/--min-confidence/);
  });
});

describe('readLandmarks with a second detection of lower confidence', () => {
  it('reads the photo alone at the default confidence and the bordered photo at the one given', () => {
    cache('landmarks-tasks', 'e', [], 30);
    cache('landmarks-tasks-pad0.25', 'e', [], 40);
    cache('landmarks-tasks-pad0.25-conf0.2', 'e', [hand], 50);
    expect(readLandmarks('e', { runtime: 'tasks', pad: 0.25, padFallback: true, confidence: 0.2 })).toMatchObject({ hands: [hand], ms: 80 });
    expect(readLandmarks('e', { runtime: 'tasks', pad: 0.25, padFallback: true })).toMatchObject({ hands: [], ms: 70 });
  });
});

describe('readLandmarks with upscale and padFallback', () => {
  it('reads both caches of the upscaled runtime', () => {
    cache('landmarks-tasks-up256', 'd', [], 30);
    cache('landmarks-tasks-up256-pad0.25', 'd', [hand], 45);
    expect(readLandmarks('d', { runtime: 'tasks', upscale: 256, pad: 0.25, padFallback: true })).toMatchObject({ hands: [hand], ms: 75 });
  });
});

describe('readLandmarks with a second, bigger border (pad2)', () => {
  const choice = { runtime: 'tasks', pad: 0.25, padFallback: true, pad2: 0.5 } as const;
  it('takes the third detection only when the first two found no hand, timing all three', () => {
    cache('landmarks-tasks', 'e', [], 40);
    cache('landmarks-tasks-pad0.25', 'e', [], 60);
    cache('landmarks-tasks-pad0.5', 'e', [hand], 80);
    expect(readLandmarks('e', choice)).toMatchObject({ hands: [hand], ms: 180 });
  });
  it('keeps the first border when it found a hand', () => {
    cache('landmarks-tasks', 'f', [], 40);
    cache('landmarks-tasks-pad0.25', 'f', [hand], 60);
    cache('landmarks-tasks-pad0.5', 'f', [hand, hand], 80);
    expect(readLandmarks('f', choice)).toMatchObject({ hands: [hand], ms: 100 });
  });
  it('is missing when the third cache is needed and missing', () => {
    cache('landmarks-tasks', 'g', [], 40);
    cache('landmarks-tasks-pad0.25', 'g', [], 60);
    expect(readLandmarks('g', choice)).toBeNull();
  });
  it('is read from the command line, and needs the first border', () => {
    process.argv = ['node', 'x', '--runtime', 'tasks', '--pad', '0.25', '--pad-fallback', '--pad2', '0.5'];
    expect(runtimeFromArgs()).toEqual(choice);
    process.argv = ['node', 'x', '--runtime', 'tasks', '--pad', '0.25', '--pad2', '0.5'];
    expect(() => runtimeFromArgs()).toThrow(/--pad2 needs --pad-fallback/);
  });
});

describe('readLandmarks with the zoomed detection (tiles)', () => {
  const choice = { runtime: 'tasks', pad: 0.25, padFallback: true, confidence: 0.2, tiles: 2, tileConfidence: 0.2 } as const;
  /** a tile cache as landmarks.ts writes it: per tile, the task API's answer normalized to the tile */
  function tiles(sha256: string, ms: number): void {
    const inTile = Array.from({ length: 21 }, (_, i) => ({ x: 0.4 + i * 0.005, y: 0.4 + i * 0.005, z: 0.01 }));
    const none = { landmarks: [], worldLandmarks: [], handedness: [] };
    const found = { landmarks: [inTile], worldLandmarks: [[{ x: 0, y: 0, z: 0 }]], handedness: [[{ categoryName: 'Right', score: 0.8 }]] };
    const size = { width: 900, height: 600 };
    mkdirSync(join(root, 'landmarks-tasks-tiles2-conf0.2'), { recursive: true });
    writeFileSync(
      join(root, 'landmarks-tasks-tiles2-conf0.2', `${sha256}.json`),
      JSON.stringify({
        sha256,
        imageSize: size,
        hands: [],
        ms,
        tiles: [
          { tile: { x: 0, y: 0, width: 600, height: 400 }, found: none },
          { tile: { x: 300, y: 200, width: 600, height: 400 }, found },
        ],
      }),
    );
  }

  it('takes the tiles only when neither the photo nor the border found a hand, in photo pixels, timing all three', () => {
    cache('landmarks-tasks', 't', [], 40);
    cache('landmarks-tasks-pad0.25-conf0.2', 't', [], 60);
    tiles('t', 200);
    const read = readLandmarks('t', choice)!;
    expect(read.ms).toBe(300);
    expect(read.hands).toHaveLength(1);
    expect(read.hands[0]!.landmarks[0]!.x).toBeCloseTo(300 + 0.4 * 600);
    expect(read.hands[0]!.landmarks[0]!.y).toBeCloseTo(200 + 0.4 * 400);
    expect(read.hands[0]!.handedness).toEqual({ label: 'Right', score: 0.8 });
  });
  it('keeps the border when it found a hand', () => {
    cache('landmarks-tasks', 'u', [], 40);
    cache('landmarks-tasks-pad0.25-conf0.2', 'u', [hand], 60);
    tiles('u', 200);
    expect(readLandmarks('u', choice)).toMatchObject({ hands: [hand], ms: 100 });
  });
  it('is read from the command line, in a folder of its own', () => {
    process.argv = ['node', 'x', '--runtime', 'tasks', '--pad', '0.25', '--pad-fallback', '--min-confidence', '0.2', '--tiles', '2', '--tile-confidence', '0.2'];
    expect(runtimeFromArgs()).toEqual(choice);
    expect(landmarkDir({ runtime: 'tasks', tiles: 2, confidence: 0.2 })).toBe(join(root, 'landmarks-tasks-tiles2-conf0.2'));
    process.argv = ['node', 'x', '--runtime', 'legacy', '--tiles', '2'];
    expect(() => runtimeFromArgs()).toThrow(/tasks only/);
    process.argv = ['node', 'x', '--runtime', 'tasks', '--tiles', '2', '--tile-confidence', '0.2'];
    expect(() => runtimeFromArgs()).toThrow(/--tile-confidence needs/);
  });
});
