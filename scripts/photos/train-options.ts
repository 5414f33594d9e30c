/**
 * The gesture trainer's options and folds (scripts/photos/train.ts), apart from the trainer so that
 * they can be tested without the landmark caches or the analysis page.
 */
import type { Point3 } from '../../rules/gesture-model.ts';
import type { View } from './viewpoint.ts';

/**
 * How the training hands are multiplied: `legacy` is the augmentation the committed model was
 * trained with (four copies each, landmarks jittered, turned ±15° about the vertical axis); `views`
 * takes `copies` copies each from random viewpoints within the limits (scripts/photos/viewpoint.ts),
 * the same jitter on top, turning the world landmarks where the runtime gave them (`source: 'world'`)
 * or the image landmarks (`'image'`).
 */
export type Augmentation =
  | { kind: 'legacy' }
  | {
      kind: 'views';
      copies: number;
      limits: View;
      source: 'world' | 'image';
      /** the no-sign class's copies are only jittered, not turned (wider turned sign regions without turning "none" into them) */
      noneUnturned?: true;
    };

/** Whether the copies of a training hand of this class are turned to other viewpoints (else only jittered). */
export function turnsCopies(augmentation: Augmentation, cls: string): boolean {
  return augmentation.kind === 'views' && !(augmentation.noneUnturned && cls === 'none');
}

/** The set (source) a manifest file belongs to: its first folder. */
export const sourceOf = (file: string) => file.split('/')[0]!;

/**
 * Whether a training example is used: not from a set left out (`--leave-out-sets`), and from a set
 * taken for its no-sign hands only (`--none-only-sets`, the eighth round's ASL alphabet sets) only
 * when it is a "none" example.
 */
export function keepsExample(file: string, cls: string, leftOut: ReadonlySet<string>, noneOnly: ReadonlySet<string>): boolean {
  const set = sourceOf(file);
  return !leftOut.has(set) && (!noneOnly.has(set) || cls === 'none');
}

/**
 * Sources spread over k folds for leave-sources-out cross-validation: biggest first, each into the
 * fold with the fewest photos so far (ties: the lowest fold), so the folds are near even in size and
 * the same on every run.
 */
export function sourceFolds(files: readonly string[], k: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const f of files) sizes.set(sourceOf(f), (sizes.get(sourceOf(f)) ?? 0) + 1);
  if (sizes.size < k) throw new Error(`${sizes.size} sources cannot fill ${k} folds`);
  const load = Array(k).fill(0) as number[];
  const out = new Map<string, number>();
  for (const [source, n] of [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const g = load.indexOf(Math.min(...load));
    out.set(source, g);
    load[g]! += n;
  }
  return out;
}

/** `--views N [--yaw D] [--pitch D] [--roll D] [--view-source world|image] [--none-unturned]`; the legacy augmentation without `--views`. */
export function augmentationFromArgs(argv: readonly string[] = process.argv): Augmentation {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i > 0 ? argv[i + 1] : undefined;
  };
  const views = value('views');
  const noneUnturned = argv.includes('--none-unturned');
  if (views === undefined) {
    if (noneUnturned) throw new Error('--none-unturned needs --views');
    return { kind: 'legacy' };
  }
  const copies = Number(views);
  if (!(Number.isInteger(copies) && copies >= 1 && copies <= 32))
    throw new Error(`--views takes a number of copies from 1 to 32, not ${views}`);
  const degrees = (name: string) => {
    const text = value(name) ?? '0';
    const d = Number(text);
    if (!(d >= 0 && d <= 90)) throw new Error(`--${name} takes a limit in degrees from 0 to 90, not ${text}`);
    return d;
  };
  const source = value('view-source') ?? 'world';
  if (source !== 'world' && source !== 'image') throw new Error(`--view-source must be world or image, not ${source}`);
  return {
    kind: 'views',
    copies,
    limits: { yaw: degrees('yaw'), pitch: degrees('pitch'), roll: degrees('roll') },
    source,
    ...(noneUnturned ? { noneUnturned: true as const } : {}),
  };
}

/**
 * The same hand seen from its other side (the back of a palm, the palm of a back): mirrored about the
 * wrist across the picture and its depth turned over. The features mirror every hand so that the
 * index knuckle is on the right, so to them this is the hand turned 180° about the picture's
 * vertical: its x and y stay, its depth changes sign. (The eleventh round: most dev signs show the
 * palm, half the phone photos of finger counts show the back.)
 */
export function otherSide(hand: readonly Point3[]): Point3[] {
  const cx = hand[0]!.x;
  return hand.map((p) => ({ x: 2 * cx - p.x, y: p.y, z: -(p.z ?? 0) }));
}

/**
 * The hand as a picture squashed or widened on its x axis by `s` would show it (a photo stretched
 * to a square box: 4:3 → 1:1 is s = 0.75); depth is in x's units, so it scales with x.
 */
export function stretchedX(hand: readonly Point3[], s: number): Point3[] {
  const cx = hand[0]!.x;
  return hand.map((p) => ({ x: cx + (p.x - cx) * s, y: p.y, z: (p.z ?? 0) * s }));
}
