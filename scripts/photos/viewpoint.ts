/**
 * Viewpoint augmentation for the gesture model's training hands (scripts/photos/train.ts): the same
 * hand as a camera elsewhere would see it. The hand's 3D points (MediaPipe's world landmarks, in
 * metres, where the runtime gives them; else the image landmarks with their relative depth) are
 * turned about the wrist — yaw (about the picture's vertical axis), pitch (about its horizontal
 * axis), roll (in the picture's plane) — and projected back onto the picture orthographically, at
 * the original wrist and scale. A hand is a few centimetres deep and photographed from tens of
 * centimetres away, so perspective is left out.
 *
 * Roll changes nothing the model reads (its features turn every hand upright, rules/gesture-model.ts);
 * it matters only where the meaning turns with the picture: a thumbs-up is a thumb pointing up, so a
 * copy whose thumb no longer points up is not used as a thumbs-up (`viewCopy` drops it).
 */
import type { Point3 } from '../../rules/gesture-model.ts';
import { thumbPointsUp } from '../../rules/gestures.ts';

/** A camera's turn relative to the photo's, in degrees. */
export interface View {
  yaw: number;
  pitch: number;
  roll: number;
}

const RAD = Math.PI / 180;

/** The points turned about the first one (the wrist): pitch about x, then yaw about y, then roll about z. */
export function rotateAboutWrist(points: readonly Point3[], { yaw, pitch, roll }: View): { x: number; y: number; z: number }[] {
  const o = points[0]!;
  const [cp, sp] = [Math.cos(pitch * RAD), Math.sin(pitch * RAD)];
  const [cy, sy] = [Math.cos(yaw * RAD), Math.sin(yaw * RAD)];
  const [cr, sr] = [Math.cos(roll * RAD), Math.sin(roll * RAD)];
  return points.map((p) => {
    const x0 = p.x - o.x;
    const y0 = p.y - o.y;
    const z0 = (p.z ?? 0) - (o.z ?? 0);
    // pitch: the top of the hand tips towards or away from the camera
    const y1 = y0 * cp - z0 * sp;
    const z1 = y0 * sp + z0 * cp;
    // yaw: the hand turns sideways
    const x2 = x0 * cy + z1 * sy;
    const z2 = -x0 * sy + z1 * cy;
    // roll: in the picture's plane
    return { x: o.x + x2 * cr - y1 * sr, y: o.y + x2 * sr + y1 * cr, z: (o.z ?? 0) + z2 };
  });
}

const span = (a: Point3, b: Point3) => Math.hypot(a.x - b.x, a.y - b.y, (a.z ?? 0) - (b.z ?? 0));

/**
 * The hand's image landmarks as seen from `view`: the 3D shape (world landmarks when given, else the
 * image landmarks) turned and placed back at the image wrist, scaled to the image hand's size
 * (wrist → middle knuckle, in 3D). null when either hand has no size.
 */
export function reproject(image: readonly Point3[], world: readonly Point3[] | undefined, view: View): Point3[] | null {
  const shape = world && world.length === image.length ? world : image;
  const imageSize = span(image[0]!, image[9]!);
  const shapeSize = span(shape[0]!, shape[9]!);
  if (!(imageSize > 0 && shapeSize > 0) || !Number.isFinite(imageSize / shapeSize)) return null;
  const k = imageSize / shapeSize;
  const turned = rotateAboutWrist(shape, view);
  const w = image[0]!;
  const t0 = turned[0]!;
  return turned.map((p) => ({ x: w.x + (p.x - t0.x) * k, y: w.y + (p.y - t0.y) * k, z: (w.z ?? 0) + (p.z - t0.z) * k }));
}

/** A view drawn uniformly within ± each limit (degrees). */
export function randomView(limits: View, random: () => number): View {
  const draw = (limit: number) => (random() - 0.5) * 2 * limit;
  return { yaw: draw(limits.yaw), pitch: draw(limits.pitch), roll: draw(limits.roll) };
}

/**
 * One augmented copy of a training hand of class `cls`, or null when the copy no longer shows that
 * class: a thumbs-up whose thumb does not point up in the turned picture.
 */
export function viewCopy(image: readonly Point3[], world: readonly Point3[] | undefined, cls: string, view: View): Point3[] | null {
  const hand = reproject(image, world, view);
  if (!hand) return null;
  if (cls === 'thumbs-up' && !thumbPointsUp(hand)) return null;
  return hand;
}
