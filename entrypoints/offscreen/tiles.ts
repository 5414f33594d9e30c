/**
 * The zoomed detection (docs/photo-check.md, seventh round): when neither the photo alone nor the
 * photo with a border gives a hand, the photo is cut into overlapping tiles and each tile is run
 * through the landmarker on its own. MediaPipe's palm detector sees its input at 192 × 192 px, so
 * a hand of 60 px in a 960 px room photo shrinks to 12 px and is missed; in a tile of half the
 * photo's side it is twice as large. Pure: no browser API, shared with scripts/photos/landmarks.ts.
 */
import type { HandLandmarkerResult } from '@mediapipe/tasks-vision';

export type Reported = Pick<HandLandmarkerResult, 'landmarks' | 'worldLandmarks' | 'handedness'>;

/** A tile of the photo, in photo pixels. */
export interface Tile {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Tiles per side. `grid` tiles of 2 / (grid + 1) of the side each, stepped by half a tile, so
 * neighbours overlap by half a tile: a hand smaller than that lies whole in at least one tile.
 */
export const TILE_GRID = 2;

export function tilesOf(size: { width: number; height: number }, grid = TILE_GRID): Tile[] {
  const tiles: Tile[] = [];
  const [w, h] = [Math.round((2 * size.width) / (grid + 1)), Math.round((2 * size.height) / (grid + 1))];
  for (let row = 0; row < grid; row++)
    for (let col = 0; col < grid; col++) {
      // the last tile ends on the photo's edge whatever the rounding
      const x = col === grid - 1 ? size.width - w : Math.round((col * w) / 2);
      const y = row === grid - 1 ? size.height - h : Math.round((row * h) / 2);
      tiles.push({ x, y, width: w, height: h });
    }
  return tiles;
}

/**
 * A hand touching a tile edge that is not the photo's edge is cut off by the tile: its landmarks
 * are guessed for the missing part. Such a hand is dropped; the overlapping tile beside it holds
 * it whole. Margin as a fraction of the tile's side.
 */
export const TILE_EDGE_MARGIN = 0.02;

/** Landmarks found in a tile (normalized to the tile) mapped onto the photo (normalized to it), cut hands left out. */
export function fromTile(found: Reported, tile: Tile, size: { width: number; height: number }): Reported {
  const out: Reported = { landmarks: [], worldLandmarks: [], handedness: [] };
  found.landmarks.forEach((hand, i) => {
    const mx = TILE_EDGE_MARGIN;
    const cut = hand.some(
      (p) =>
        (p.x < mx && tile.x > 0) ||
        (p.x > 1 - mx && tile.x + tile.width < size.width) ||
        (p.y < mx && tile.y > 0) ||
        (p.y > 1 - mx && tile.y + tile.height < size.height),
    );
    if (cut) return;
    out.landmarks.push(
      hand.map((p) => ({
        ...p,
        x: (tile.x + p.x * tile.width) / size.width,
        y: (tile.y + p.y * tile.height) / size.height,
        z: (p.z * tile.width) / size.width,
      })),
    );
    out.worldLandmarks.push(found.worldLandmarks[i] ?? []);
    out.handedness.push(found.handedness[i] ?? []);
  });
  return out;
}

/** Two hands whose boxes overlap this much (intersection over the smaller box) are the same hand seen in two tiles. */
export const SAME_HAND_OVERLAP = 0.5;

/** The hands of every tile (already on the photo), each hand once: the first tile's copy is kept. */
export function mergeTiles(parts: Reported[]): Reported {
  const out: Reported = { landmarks: [], worldLandmarks: [], handedness: [] };
  const boxes: [number, number, number, number][] = [];
  for (const part of parts)
    part.landmarks.forEach((hand, i) => {
      const box = boxOf(hand);
      if (boxes.some((b) => overlap(b, box) >= SAME_HAND_OVERLAP)) return;
      boxes.push(box);
      out.landmarks.push(hand);
      out.worldLandmarks.push(part.worldLandmarks[i] ?? []);
      out.handedness.push(part.handedness[i] ?? []);
    });
  return out;
}

function boxOf(hand: { x: number; y: number }[]): [number, number, number, number] {
  const xs = hand.map((p) => p.x);
  const ys = hand.map((p) => p.y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function overlap(a: [number, number, number, number], b: [number, number, number, number]): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const area = (r: [number, number, number, number]) => Math.max(1e-9, (r[2] - r[0]) * (r[3] - r[1]));
  return (w * h) / Math.min(area(a), area(b));
}
