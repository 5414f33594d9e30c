/**
 * Runs MediaPipe's HandLandmarker (@mediapipe/tasks-vision, WebAssembly; its files copied into the
 * build under /mediapipe/ by wxt.config.ts) on one photo and classifies every hand with
 * rules/gestures.ts. On the CPU (XNNPACK) first: measured several times faster than WebGL on a
 * machine without a GPU, where WebGL is a software renderer (docs/photo-check.md, "Measured").
 */
import { HandLandmarker } from '@mediapipe/tasks-vision';
import { browser } from 'wxt/browser';
import { GESTURES, classifyHand, handBox, type HandObservation, type Landmark } from '@/rules/gestures';
import type { PhotoGesture, PhotoResult, PhotoRuntime } from '@/utils/messages';
import { fromTile, mergeTiles, tilesOf, type Reported, type Tile } from './tiles';

export const MODEL_DIR = '/mediapipe/';
export interface AnalyseMessage {
  type: 'photo-analyse';
  target: 'offscreen';
  image: string;
}

export function isAnalyseMessage(m: unknown): m is AnalyseMessage {
  return (
    typeof m === 'object' &&
    m !== null &&
    (m as AnalyseMessage).type === 'photo-analyse' &&
    (m as AnalyseMessage).target === 'offscreen' &&
    typeof (m as AnalyseMessage).image === 'string' &&
    (m as AnalyseMessage).image.startsWith('data:image/')
  );
}

export function isWarmMessage(m: unknown): m is { type: 'photo-warm'; target: 'offscreen' } {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'photo-warm' && (m as { target?: unknown }).target === 'offscreen';
}

const url = (file: string) => (browser.runtime.getURL as (path: string) => string)(MODEL_DIR + file);

/** The runtimes tried, in order: the CPU first, WebGL if the CPU path cannot load. */
export const RUNTIME_ORDER = ['tasks-cpu', 'tasks-gpu'] as const satisfies readonly PhotoRuntime[];
const DELEGATE = { 'tasks-cpu': 'CPU', 'tasks-gpu': 'GPU' } as const;

/** The first runtime whose model loads; an error naming every failure when none does. */
export async function loadLandmarker<T>(create: (delegate: 'CPU' | 'GPU') => Promise<T>): Promise<{ landmarker: T; runtime: PhotoRuntime }> {
  const failures: string[] = [];
  for (const runtime of RUNTIME_ORDER) {
    try {
      return { landmarker: await create(DELEGATE[runtime]), runtime };
    } catch (error) {
      failures.push(`${DELEGATE[runtime]}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`the hand model did not load (${failures.join('; ')})`);
}

/**
 * The detector's minimum hand detection and presence confidence on the photo alone (tasks-vision's
 * default), and on the second detection with the border, which runs only when the first found no
 * hand: there 0.2 found 8 more hands in 405 dev number-sign photos and warned no more no-sign photos
 * (docs/photo-check.md, fifth round). The tiles (seventh round) run at the second's confidence too:
 * on dev 0.2 found 12 hands where 0.5 found 3, and warned no more no-sign photos.
 */
export const DETECT_CONFIDENCE = 0.5;
export const SECOND_DETECT_CONFIDENCE = 0.2;

function createLandmarker(delegate: 'CPU' | 'GPU'): Promise<HandLandmarker> {
  // Only the SIMD build of the runtime is shipped: every supported browser has WebAssembly SIMD.
  const fileset = { wasmLoaderPath: url('vision_wasm_internal.js'), wasmBinaryPath: url('vision_wasm_internal.wasm') };
  return HandLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: url('hand_landmarker.task'), delegate },
    runningMode: 'IMAGE',
    numHands: 4,
    ...confidenceOptions(DETECT_CONFIDENCE),
  });
}

let landmarkerPromise: Promise<{ landmarker: HandLandmarker; runtime: PhotoRuntime }> | null = null;

function loadHands(): Promise<{ landmarker: HandLandmarker; runtime: PhotoRuntime }> {
  landmarkerPromise ??= loadLandmarker(createLandmarker).catch((error: unknown) => {
    landmarkerPromise = null;
    throw error;
  });
  return landmarkerPromise;
}

/**
 * The detections after the first (the bordered photo, then the tiles) at SECOND_DETECT_CONFIDENCE on
 * the same landmarker, its confidence set once before the second detection and set back after the
 * last. A second landmarker would save the two `setOptions` calls (≈ 0.13 s on a photo without a
 * hand) but holds +78 MB for as long as this page lives (docs/photo-check.md, fifth round): the page
 * is kept small. If the confidence cannot be set, the detections run at the default (the border and
 * the tiles alone still help); if it cannot be set back, the landmarker is dropped so the next photo
 * loads a fresh one rather than running at 0.2.
 */
async function detectAll(landmarker: HandLandmarker, bitmap: ImageBitmap, size: { width: number; height: number }): Promise<Reported> {
  let lowered: Promise<boolean> | null = null;
  try {
    return await detectHands(async (view) => {
      if (!view.border && !view.tile) return landmarker.detect(bitmap);
      lowered ??= landmarker.setOptions(confidenceOptions(SECOND_DETECT_CONFIDENCE)).then(
        () => true,
        () => false,
      );
      await lowered;
      return landmarker.detect(view.tile ? drawTile(bitmap, view.tile) : drawPadded(bitmap, view));
    }, size);
  } finally {
    if (lowered && (await lowered))
      await landmarker.setOptions(confidenceOptions(DETECT_CONFIDENCE)).catch(() => {
        landmarkerPromise = null;
      });
  }
}

function confidenceOptions(confidence: number) {
  return { minHandDetectionConfidence: confidence, minHandPresenceConfidence: confidence };
}

/** One photo at a time: the model is one pipeline. */
let queue: Promise<unknown> = Promise.resolve();

let warming: Promise<void> | null = null;

/**
 * Load the model ahead of the first photo, and run it once on a small blank image (the first run
 * also sets up the graph). Queued like a photo, so a photo attached meanwhile waits for it rather
 * than racing. Fails quietly: the photo's own analysis retries the load.
 */
export function warmUp(): Promise<void> {
  warming ??= (async () => {
    const run = queue.then(async () => {
      const { landmarker } = await loadHands();
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      canvas.getContext('2d')!.fillRect(0, 0, 64, 64);
      landmarker.detect(canvas);
    });
    queue = run.catch(() => {});
    await run;
  })().catch(() => {
    warming = null;
  });
  return warming;
}

/** Longest side of an image this page decodes: content scripts send at most 960 px. */
export const ANALYSE_MAX_SIDE = 4096;

/** A small file can decode to a huge bitmap: refuse one bigger than any the content script sends. */
export function assertImageSize(width: number, height: number): void {
  if (!(width > 0 && height > 0 && width <= ANALYSE_MAX_SIDE && height <= ANALYSE_MAX_SIDE)) {
    throw new Error(`photo too large or empty (${width}×${height} px)`);
  }
}

export function analysePhoto(image: Blob): Promise<PhotoResult> {
  const run = queue.then(() => analyseNow(image));
  queue = run.catch(() => {});
  return run;
}

async function analyseNow(image: Blob): Promise<PhotoResult> {
  const start = performance.now();
  const { landmarker, runtime } = await loadHands();
  // Not HTMLImageElement.decode(): it never settles in a hidden (offscreen) document.
  const bitmap = await createImageBitmap(image);
  const size = { width: bitmap.width, height: bitmap.height };
  try {
    assertImageSize(size.width, size.height);
    const found = await detectAll(landmarker, bitmap, size);
    return toPhotoResult(found, size, runtime, Math.round(performance.now() - start));
  } finally {
    bitmap.close();
  }
}


/**
 * Border added around the photo when the photo alone gives no hand, as a fraction of its longest
 * side. A photo cropped tight around a hand gives the palm detector no context and it often finds
 * nothing; with the border it finds the hand. Not always: the border also shrinks the hand in the
 * detector's input, which loses hands in ordinary photos, hence only as a second try
 * (docs/photo-check.md, "Evaluation": chosen on the dev split).
 */
export const DETECT_PAD = 0.25;

/** What one detection looks at: the photo (no border), the photo with a border, or one tile of the photo. */
export type DetectView = PaddedSize & { tile?: Tile };

/**
 * The photo alone first; with the border when that finds no hand; then, when neither does, each
 * tile of the photo (the zoomed detection, entrypoints/offscreen/tiles.ts), every hand once.
 * Landmarks normalized to the photo.
 */
export async function detectHands(detect: (view: DetectView) => Reported | Promise<Reported>, size: { width: number; height: number }): Promise<Reported> {
  const plain = await detect({ border: 0, ...size });
  if (plain.landmarks.length) return plain;
  const padded = paddedSize(size);
  const bordered = unpad(await detect(padded), size, padded);
  if (bordered.landmarks.length) return bordered;
  const parts: Reported[] = [];
  for (const tile of tilesOf(size)) parts.push(fromTile(await detect({ border: 0, width: tile.width, height: tile.height, tile }), tile, size));
  return mergeTiles(parts);
}

export interface PaddedSize {
  /** border on each side, in pixels */
  border: number;
  width: number;
  height: number;
}

export function paddedSize(size: { width: number; height: number }, pad = DETECT_PAD): PaddedSize {
  const border = Math.round(pad * Math.max(size.width, size.height));
  return { border, width: size.width + 2 * border, height: size.height + 2 * border };
}

/** A new canvas of that size and its 2d context (the analysis cannot go on without one). */
function blankCanvas(width: number, height: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  return [canvas, ctx];
}

/** The photo on a canvas with the border around it, filled with the photo's mean colour (plain: no hand in it). */
function drawPadded(bitmap: ImageBitmap, padded: PaddedSize): HTMLCanvasElement {
  const [canvas, ctx] = blankCanvas(padded.width, padded.height);
  if (padded.border) {
    const one = document.createElement('canvas');
    one.width = 1;
    one.height = 1;
    const c1 = one.getContext('2d');
    c1?.drawImage(bitmap, 0, 0, 1, 1);
    const [r = 128, g = 128, b = 128] = c1?.getImageData(0, 0, 1, 1).data ?? [];
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fillRect(0, 0, padded.width, padded.height);
  }
  ctx.drawImage(bitmap, padded.border, padded.border);
  return canvas;
}

/** One tile of the photo on a canvas of its own size: the detector sees it as a whole picture, enlarged. */
function drawTile(bitmap: ImageBitmap, tile: Tile): HTMLCanvasElement {
  const [canvas, ctx] = blankCanvas(tile.width, tile.height);
  ctx.drawImage(bitmap, tile.x, tile.y, tile.width, tile.height, 0, 0, tile.width, tile.height);
  return canvas;
}

/** Landmarks found in the padded image, normalized to the photo itself (as if found there). */
export function unpad(found: Reported, size: { width: number; height: number }, padded: PaddedSize): Reported {
  if (!padded.border) return found;
  return {
    ...found,
    landmarks: found.landmarks.map((hand) =>
      hand.map((p) => ({
        ...p,
        x: (p.x * padded.width - padded.border) / size.width,
        y: (p.y * padded.height - padded.border) / size.height,
        z: (p.z * padded.width) / size.width,
      })),
    ),
  };
}

/** The model's answer as a PhotoResult: every hand through the classifier, the signs kept. */
export function toPhotoResult(found: Reported, size: { width: number; height: number }, runtime: PhotoRuntime, ms: number): PhotoResult {
  const { width, height } = size;
  const gestures: PhotoGesture[] = [];
  found.landmarks.forEach((landmarks, i) => {
    // The classifier needs isotropic coordinates: pixels.
    const px: Landmark[] = landmarks.map((p) => ({ x: p.x * width, y: p.y * height, z: p.z * width }));
    const top = found.handedness[i]?.[0];
    const label = top?.categoryName;
    const handedness: HandObservation['handedness'] =
      top && (label === 'Left' || label === 'Right') && top.score >= 0 && top.score <= 1 ? { label, score: top.score } : undefined;
    const world = found.worldLandmarks[i];
    const hand: HandObservation = {
      landmarks: px,
      ...(handedness ? { handedness } : {}),
      ...(world?.length ? { worldLandmarks: world.map((p) => ({ x: p.x, y: p.y, z: p.z })) } : {}),
      imageSize: { width, height },
    };
    const { gesture } = classifyHand(hand);
    if (gesture === 'none') return;
    const [x, y, w, h] = handBox(px);
    const info = GESTURES[gesture];
    gestures.push({
      gesture,
      severity: info.severity,
      label: `${info.emoji} ${info.id.name}`,
      box: [x / width, y / height, w / width, h / height],
      points: landmarks.map((p) => [round(p.x), round(p.y)]),
      ...(handedness ? { handedness } : {}),
    });
  });
  return { hands: found.landmarks.length, gestures, ms, runtime };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
