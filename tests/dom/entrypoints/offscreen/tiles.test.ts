/**
 * The zoomed detection's tiles (entrypoints/offscreen/tiles.ts): where they lie, how a hand found in
 * one is put back onto the photo, and that a hand seen in two overlapping tiles counts once.
 */
import { describe, expect, it } from 'vitest';
import { fromTile, mergeTiles, tilesOf, TILE_GRID, type Reported } from '@/entrypoints/offscreen/tiles';

const size = { width: 900, height: 600 };
/** a square "hand" of 21 points spanning [x0, x0 + w] × [y0, y0 + w], normalized to whatever it was found in */
const hand = (x0: number, y0: number, w: number) =>
  Array.from({ length: 21 }, (_, i) => ({ x: x0 + (w * (i % 5)) / 4, y: y0 + (w * Math.floor(i / 5)) / 4, z: 0.01, visibility: 0 }));
const found = (...hands: ReturnType<typeof hand>[]): Reported => ({
  landmarks: hands,
  worldLandmarks: hands.map(() => [{ x: 0, y: 0, z: 0, visibility: 0 }]),
  handedness: hands.map(() => [{ categoryName: 'Left', score: 0.9, index: 0, displayName: '' }]),
});

describe('tilesOf', () => {
  it('covers the photo with grid × grid tiles overlapping by half a tile', () => {
    const tiles = tilesOf(size, 2);
    expect(tiles).toEqual([
      { x: 0, y: 0, width: 600, height: 400 },
      { x: 300, y: 0, width: 600, height: 400 },
      { x: 0, y: 200, width: 600, height: 400 },
      { x: 300, y: 200, width: 600, height: 400 },
    ]);
    expect(tilesOf(size)).toHaveLength(TILE_GRID * TILE_GRID);
  });
  it('ends the last tile on the photo edge whatever the rounding', () => {
    for (const t of tilesOf({ width: 101, height: 77 }, 3)) {
      expect(t.x + t.width).toBeLessThanOrEqual(101);
      expect(t.y + t.height).toBeLessThanOrEqual(77);
    }
    const last = tilesOf({ width: 101, height: 77 }, 3).at(-1)!;
    expect([last.x + last.width, last.y + last.height]).toEqual([101, 77]);
  });
});

describe('fromTile', () => {
  it('maps a hand found in a tile onto the photo, with its world landmarks and handedness', () => {
    const tile = { x: 300, y: 200, width: 600, height: 400 };
    const out = fromTile(found(hand(0.25, 0.25, 0.1)), tile, size);
    expect(out.landmarks).toHaveLength(1);
    expect(out.landmarks[0]![0]!.x * size.width).toBeCloseTo(300 + 0.25 * 600);
    expect(out.landmarks[0]![0]!.y * size.height).toBeCloseTo(200 + 0.25 * 400);
    expect(out.landmarks[0]![0]!.z * size.width).toBeCloseTo(0.01 * 600);
    expect(out.handedness[0]![0]!.categoryName).toBe('Left');
    expect(out.worldLandmarks[0]).toHaveLength(1);
  });
  it('drops a hand cut off by a tile edge inside the photo, and keeps one at the photo edge', () => {
    const topLeft = { x: 0, y: 0, width: 600, height: 400 };
    // touching the tile's right edge (inside the photo): cut off by the tile
    expect(fromTile(found(hand(0.9, 0.4, 0.1)), topLeft, size).landmarks).toHaveLength(0);
    // touching the tile's left edge, which is the photo's: a hand at the photo's edge, kept
    expect(fromTile(found(hand(0, 0.4, 0.1)), topLeft, size).landmarks).toHaveLength(1);
  });
});

describe('mergeTiles', () => {
  it('keeps a hand seen in two overlapping tiles once, and hands apart from each other both', () => {
    const a = fromTile(found(hand(0.6, 0.6, 0.2)), { x: 0, y: 0, width: 600, height: 400 }, size); // photo x 360–480
    const b = fromTile(found(hand(0.1, 0.6, 0.2)), { x: 300, y: 0, width: 600, height: 400 }, size); // the same hand: 360–480
    const c = fromTile(found(hand(0.7, 0.1, 0.1)), { x: 300, y: 0, width: 600, height: 400 }, size); // another, top right
    const merged = mergeTiles([a, b, c]);
    expect(merged.landmarks).toHaveLength(2);
    expect(merged.handedness).toHaveLength(2);
    expect(merged.landmarks[0]).toBe(a.landmarks[0]);
  });
});
