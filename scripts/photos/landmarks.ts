/**
 * Hand landmarks for every photo of the real-photo evaluation set (scripts/photos/real-eval.ts),
 * cached as JSON under `.local/photo-eval/<runtime dir>/<sha256>.json` (JAGA_PHOTO_EVAL points
 * elsewhere), in headless Chromium. Two runtimes (`--runtime`):
 *
 * - `tasks` (the product's, cached in `landmarks-tasks/`): @mediapipe/tasks-vision's HandLandmarker
 *   on the CPU with the hand_landmarker.task the build makes (scripts/photos/hand-landmarker-task.ts)
 *   and the options of the analysis page (entrypoints/offscreen/analyse.ts), on the photo downscaled
 *   as the content script does (longest side 960 px, JPEG 0.85: entrypoints/content/photo.ts).
 *   `--pad F` adds a border of F × the longest side around the image before detection (mean
 *   colour of the image edge) and maps the landmarks back; cached in `landmarks-tasks-pad<F>/`.
 *   `--upscale N` first enlarges a photo whose longest side is below N px to N px (smoothed),
 *   as the analysis page does (`upscaledSize` in entrypoints/offscreen/analyse.ts); cached in
 *   `landmarks-tasks-up<N>[-pad<F>]/`.
 * - `legacy` (default for the old cache, `landmarks/`): the @mediapipe/hands solution (maxNumHands 4,
 *   full landmark model, no tracking between photos) on the photo as attached; `--gpu` uses WebGL.
 *
 * Records per hand the 21 landmarks in pixels of the image classified (z scaled by the width, as
 * the analysis page does), MediaPipe's handedness label and score, the world landmarks when the
 * runtime gives them, the image size, and the time detection took.
 *
 * `npx tsx scripts/photos/landmarks.ts [--runtime tasks|legacy] [--pad F] [--force] [--gpu] [--synthetic] [--split S] [--files LIST] [--export N,FX,FY]`;
 * `--synthetic` does the rendered regression set (tests/fixtures/photos/synthetic) instead, cached
 * as synthetic-<file>.json.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium, ROOT } from '../../tests/e2e/harness.ts';
import { composeHandLandmarkerTask, extractPackedFile } from './hand-landmarker-task.ts';
import { PHOTO_MAX_SIDE } from '../../entrypoints/content/photo.ts';
import { PHOTO_DIR, readManifest } from './real-eval.ts';
import { fromTile, mergeTiles, tilesOf, type Reported, type Tile } from '../../entrypoints/offscreen/tiles.ts';

/**
 * `useCpuInference`: the models run in WebAssembly instead of WebGL. The analysis page uses WebGL;
 * on this machine (software WebGL, 2 shared cores) that took 10–30 s a photo, the CPU path far
 * less. Same models and graph; the landmarks can differ in the last digits. `--gpu` uses WebGL.
 */
const CPU = !process.argv.includes('--gpu');

export type LandmarkRuntime = 'legacy' | 'tasks';
export interface RuntimeChoice {
  runtime: LandmarkRuntime;
  /** border added around the image before detection, as a fraction of its longest side (tasks only) */
  pad?: number;
  /**
   * the border only when the photo alone gives no hand (the analysis page's way): read from the
   * caches of both (extract with and without `--pad`)
   */
  padFallback?: boolean;
  /** a photo whose longest side is below this many pixels is enlarged to it before detection (tasks only) */
  upscale?: number;
  /**
   * with `padFallback`: a third detection with this (bigger) border when neither the photo alone nor
   * the first border gave a hand; read from its own cache (extract with `--pad <pad2> --when-none-at <pad>`)
   */
  pad2?: number;
  /**
   * the detector's minimum hand detection and presence confidence (tasks only; 0.5 when unset); with
   * `padFallback`, of the second detection only, as the analysis page runs it
   */
  confidence?: number;
  /**
   * the zoomed detection (seventh round): the photo cut into `tiles` × `tiles` overlapping tiles
   * (`tilesOf` in entrypoints/offscreen/tiles.ts), each detected on its own; alone, the tiles' own
   * cache (`landmarks-tasks-tiles<N>[-conf<C>]`); with `padFallback`, a third detection when neither
   * the photo alone nor the border gave a hand (extract with `--tiles N --when-none-at <pad>`)
   */
  tiles?: number;
  /** with `padFallback` and `tiles`: the tiles' detection confidence (0.5 when unset) */
  tileConfidence?: number;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The runtime named on the command line (`--runtime`, `--pad`), legacy when none. */
export function runtimeFromArgs(): RuntimeChoice {
  const runtime = argValue('runtime') ?? 'legacy';
  if (runtime !== 'legacy' && runtime !== 'tasks') throw new Error(`--runtime must be legacy or tasks, not ${runtime}`);
  const pad = Number(argValue('pad') ?? 0);
  if (!(pad >= 0 && pad <= 1)) throw new Error(`--pad must be a fraction between 0 and 1, not ${argValue('pad')}`);
  if (pad && runtime !== 'tasks') throw new Error('--pad works with --runtime tasks only');
  const padFallback = process.argv.includes('--pad-fallback');
  if (padFallback && !pad) throw new Error('--pad-fallback needs --pad');
  const pad2 = Number(argValue('pad2') ?? 0);
  if (!(pad2 >= 0 && pad2 <= 1)) throw new Error(`--pad2 must be a fraction between 0 and 1, not ${argValue('pad2')}`);
  if (pad2 && !padFallback) throw new Error('--pad2 needs --pad-fallback');
  const upscale = Number(argValue('upscale') ?? 0);
  if (!(Number.isInteger(upscale) && upscale >= 0 && upscale <= 4096)) throw new Error(`--upscale must be a size in pixels, not ${argValue('upscale')}`);
  if (upscale && runtime !== 'tasks') throw new Error('--upscale works with --runtime tasks only');
  const confidence = Number(argValue('min-confidence') ?? 0);
  if (!(confidence >= 0 && confidence < 1)) throw new Error(`--min-confidence must be a fraction below 1, not ${argValue('min-confidence')}`);
  if (confidence && runtime !== 'tasks') throw new Error('--min-confidence works with --runtime tasks only');
  const tiles = Number(argValue('tiles') ?? 0);
  if (!(Number.isInteger(tiles) && tiles >= 0 && tiles <= 6)) throw new Error(`--tiles must be a grid of 1–6, not ${argValue('tiles')}`);
  if (tiles && runtime !== 'tasks') throw new Error('--tiles works with --runtime tasks only');
  if (tiles && pad && !padFallback) throw new Error('--tiles with --pad needs --pad-fallback');
  const tileConfidence = Number(argValue('tile-confidence') ?? 0);
  if (!(tileConfidence >= 0 && tileConfidence < 1)) throw new Error(`--tile-confidence must be a fraction below 1, not ${argValue('tile-confidence')}`);
  if (tileConfidence && !(tiles && padFallback)) throw new Error('--tile-confidence needs --tiles and --pad-fallback');
  return {
    runtime,
    ...(confidence ? { confidence } : {}),
    ...(upscale ? { upscale } : {}),
    ...(pad ? { pad, ...(padFallback ? { padFallback, ...(pad2 ? { pad2 } : {}) } : {}) } : {}),
    ...(tiles ? { tiles, ...(tileConfidence ? { tileConfidence } : {}) } : {}),
  };
}

/** Where a runtime's landmarks are cached. */
export function landmarkDir(choice: RuntimeChoice = { runtime: 'legacy' }): string {
  if (choice.runtime === 'legacy') return join(PHOTO_DIR, 'landmarks');
  const parts = [
    'landmarks-tasks',
    ...(choice.tiles ? [`tiles${choice.tiles}`] : []),
    ...(choice.upscale ? [`up${choice.upscale}`] : []),
    ...(choice.pad ? [`pad${choice.pad}`] : []),
    ...(choice.confidence ? [`conf${choice.confidence}`] : []),
  ];
  return join(PHOTO_DIR, parts.join('-'));
}

/** the legacy runtime's cache */
export const LANDMARK_DIR = landmarkDir();

export interface CachedHand {
  landmarks: { x: number; y: number; z: number }[];
  handedness?: { label: string; score: number };
  worldLandmarks?: { x: number; y: number; z: number }[];
}
export interface CachedLandmarks {
  sha256: string;
  imageSize: { width: number; height: number };
  hands: CachedHand[];
  ms: number;
  /** the zoomed detection's answer per tile (normalized to the tile), merged into `hands` when read */
  tiles?: { tile: Tile; found: Reported }[];
}

export function readLandmarks(sha256: string, choice: RuntimeChoice = { runtime: 'legacy' }): CachedLandmarks | null {
  if (choice.padFallback) {
    const up = choice.upscale ? { upscale: choice.upscale } : {};
    const plain = readLandmarks(sha256, { runtime: choice.runtime, ...up });
    if (plain?.hands.length) return plain;
    // the second detection runs at `confidence` where given (the analysis page's lower second-pass confidence)
    const padded = readLandmarks(sha256, {
      runtime: choice.runtime,
      ...up,
      ...(choice.pad ? { pad: choice.pad } : {}),
      ...(choice.confidence ? { confidence: choice.confidence } : {}),
    });
    if (!plain || !padded) return null;
    if (plain.hands.length) return plain;
    const second = { ...padded, ms: plain.ms + padded.ms };
    if (!padded.hands.length && choice.tiles) {
      const zoomed = readLandmarks(sha256, { runtime: choice.runtime, ...up, tiles: choice.tiles, ...(choice.tileConfidence ? { confidence: choice.tileConfidence } : {}) });
      return zoomed ? { ...zoomed, ms: second.ms + zoomed.ms } : null;
    }
    if (padded.hands.length || !choice.pad2) return second;
    const third = readLandmarks(sha256, { runtime: choice.runtime, ...up, pad: choice.pad2 });
    return third ? { ...third, ms: second.ms + third.ms } : null;
  }
  const f = join(landmarkDir(choice), `${sha256}.json`);
  if (!existsSync(f)) return null;
  const cached = JSON.parse(readFileSync(f, 'utf8')) as CachedLandmarks;
  return cached.tiles ? { ...cached, hands: handsOfTiles(cached.tiles, cached.imageSize) } : cached;
}

/** The tiles' hands on the photo, each once, in pixels: as the analysis page merges them. */
export function handsOfTiles(tiles: { tile: Tile; found: Reported }[], size: { width: number; height: number }): CachedHand[] {
  const merged = mergeTiles(tiles.map(({ tile, found }) => fromTile(found, tile, size)));
  return merged.landmarks.map((lm, i) => {
    const top = merged.handedness[i]?.[0];
    const world = merged.worldLandmarks[i];
    return {
      landmarks: lm.map((p) => ({ x: p.x * size.width, y: p.y * size.height, z: p.z * size.width })),
      ...(top ? { handedness: { label: top.categoryName, score: top.score } } : {}),
      ...(world?.length ? { worldLandmarks: world.map((p) => ({ x: p.x, y: p.y, z: p.z })) } : {}),
    };
  });
}

const MOUNTS: Record<string, string> = {
  '/mp/': join(ROOT, 'node_modules/@mediapipe/hands/'),
  '/tv/': join(ROOT, 'node_modules/@mediapipe/tasks-vision/'),
  '/photos/': join(PHOTO_DIR, 'photos/'),
  '/synthetic/': join(ROOT, 'tests/fixtures/photos/synthetic/'),
  '/fixtures/': join(ROOT, 'tests/fixtures/photos/'),
};
const SYNTHETIC = process.argv.includes('--synthetic');
/** `--split dev`: only that split's photos */
const SPLIT = argValue('split');
/**
 * `--when-none-at F`: only photos in which neither the photo alone nor a border of F found a hand
 * (both cached), as a third detection would see them
 */
const WHEN_NONE_AT = argValue('when-none-at');
/** `--when-none-plain`: only photos in which the photo alone (cached) gave no hand, as the analysis page's second detection sees them */
const WHEN_NONE_PLAIN = process.argv.includes('--when-none-plain');
/**
 * `--when-none-product`: only photos in which the analysis page's first two detections (the photo
 * alone; the border at the second confidence, both cached) gave no hand, as the zoomed detection sees them
 */
const WHEN_NONE_PRODUCT = process.argv.includes('--when-none-product');
/** `--files LIST`: only the manifest's photos named in LIST (a text file, one manifest `file` a line) */
const FILES = argValue('files');
/**
 * `--export N,FX,FY` (tasks only; the eleventh round's stretch test, scripts/photos/stretch.ts): each
 * photo is first redrawn with its width × FX and height × FY, scaled to a longest side of N px and
 * encoded as JPEG 0.92, as a dataset export or a site that resizes to a fixed box would deliver it;
 * then the content script's downscale as always. Cache it apart (JAGA_PHOTO_EVAL at a new folder).
 */
export function exportFromArgs(): { side: number; fx: number; fy: number } | null {
  const v = argValue('export');
  if (!v) return null;
  const [side, fx, fy] = v.split(',').map(Number);
  if (!(side! >= 16 && fx! > 0 && fy! > 0)) throw new Error(`--export needs N,FX,FY, not ${v}`);
  return { side: side!, fx: fx!, fy: fy! };
}
/** the analysis page's first two detections (DETECT_PAD, SECOND_DETECT_CONFIDENCE) */
export const PRODUCT_BEFORE_TILES: RuntimeChoice = { runtime: 'tasks', pad: 0.25, padFallback: true, confidence: 0.2 };
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const PAGE = `<!doctype html><meta charset="utf-8"><script src="/mp/hands.js"></script>`;

/** The task file exactly as the build makes it (wxt.config.ts). */
export function handLandmarkerTask(): Uint8Array {
  const hands = join(ROOT, 'node_modules/@mediapipe/hands');
  return composeHandLandmarkerTask({
    palmDetector: extractPackedFile(
      readFileSync(join(hands, 'hands_solution_packed_assets_loader.js'), 'utf8'),
      new Uint8Array(readFileSync(join(hands, 'hands_solution_packed_assets.data'))),
      'palm_detection_full.tflite',
    ),
    handLandmarks: new Uint8Array(readFileSync(join(hands, 'hand_landmark_full.tflite'))),
  });
}

export function serve(task: Uint8Array | null): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (path === '/hand_landmarker.task' && task) return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(task);
    for (const [prefix, dir] of Object.entries(MOUNTS)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (file.startsWith(dir) && existsSync(file)) {
        return void res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      }
    }
    res.writeHead(404).end('not found');
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ port: typeof a === 'object' && a ? a.port : 0, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

type Analysed = Omit<CachedLandmarks, 'sha256'>;

/** Sets up `globalThis.analyse(url)` in the page: the legacy @mediapipe/hands solution. */
async function setUpLegacy(page: Page): Promise<void> {
  await page.evaluate(async (cpu: boolean) => {
    type R = { multiHandLandmarks?: { x: number; y: number; z: number }[][]; multiHandedness?: { label: string; score: number }[] };
    const g = globalThis as unknown as Record<string, unknown>;
    const Hands = g.Hands as new (c: { locateFile(f: string): string }) => {
      setOptions(o: object): void;
      onResults(l: (r: R) => void): void;
      initialize(): Promise<void>;
      reset(): void;
      send(i: { image: HTMLCanvasElement }): Promise<void>;
    };
    const hands = new Hands({ locateFile: (f) => `/mp/${f}` });
    hands.setOptions({ maxNumHands: 4, modelComplexity: 1, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5, selfieMode: false, useCpuInference: cpu });
    let done: ((r: R) => void) | null = null;
    hands.onResults((r) => done?.(r));
    await hands.initialize();
    g.analyse = async (url: string) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      const { width, height } = bitmap;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
      const t0 = performance.now();
      hands.reset();
      const r = await new Promise<R>((resolve, reject) => {
        done = resolve;
        hands.send({ image: canvas }).catch(reject);
      });
      const ms = performance.now() - t0;
      return {
        imageSize: { width, height },
        ms: Math.round(ms),
        hands: (r.multiHandLandmarks ?? []).map((lm, i) => ({
          landmarks: lm.map((p) => ({ x: p.x * width, y: p.y * height, z: p.z * width })),
          handedness: r.multiHandedness?.[i] ? { label: r.multiHandedness[i]!.label, score: r.multiHandedness[i]!.score } : undefined,
        })),
      };
    };
  }, CPU);
}

/**
 * Sets up `globalThis.analyse(url)` in the page: tasks-vision's HandLandmarker on the CPU, with the
 * analysis page's options, on the photo downscaled as the content script does.
 */
type Exported = { side: number; fx: number; fy: number } | null;
async function setUpTasks(page: Page, pad: number, upscale: number, confidence: number, exported: Exported = null): Promise<void> {
  await page.evaluate(
    async ({ pad, maxSide, upscale, confidence, exported }: { pad: number; maxSide: number; upscale: number; confidence: number; exported: Exported }) => {
      type P = { x: number; y: number; z: number };
      type Result = { landmarks: P[][]; worldLandmarks: P[][]; handedness: { categoryName: string; score: number }[][] };
      const vision = (await import('/tv/vision_bundle.mjs' as string)) as {
        HandLandmarker: { createFromOptions(fileset: object, options: object): Promise<{ detect(image: HTMLCanvasElement): Result }> };
      };
      const landmarker = await vision.HandLandmarker.createFromOptions(
        { wasmLoaderPath: '/tv/wasm/vision_wasm_internal.js', wasmBinaryPath: '/tv/wasm/vision_wasm_internal.wasm' },
        {
          baseOptions: { modelAssetPath: '/hand_landmarker.task', delegate: 'CPU' },
          runningMode: 'IMAGE',
          numHands: 4,
          minHandDetectionConfidence: confidence,
          minHandPresenceConfidence: confidence,
        },
      );
      const g = globalThis as unknown as Record<string, unknown>;
      /** the photo as delivered: as stored, or as an export redrew it (`--export`) */
      const load = async (url: string) => {
        const stored = await createImageBitmap(await (await fetch(url)).blob());
        if (!exported) return stored;
        const [w, h] = [stored.width * exported.fx, stored.height * exported.fy];
        const k = exported.side / Math.max(w, h);
        const out = new OffscreenCanvas(Math.max(1, Math.round(w * k)), Math.max(1, Math.round(h * k)));
        const c = out.getContext('2d')!;
        c.imageSmoothingEnabled = true;
        c.imageSmoothingQuality = 'high';
        c.drawImage(stored, 0, 0, out.width, out.height);
        stored.close();
        return createImageBitmap(await out.convertToBlob({ type: 'image/jpeg', quality: 0.92 }));
      };
      /** the photo as the content script sends it: longest side at most maxSide, re-encoded as JPEG 0.85 */
      const decode = async (url: string) => {
        const original = await load(url);
        const scale = Math.min(1, maxSide / Math.max(original.width, original.height));
        const small = new OffscreenCanvas(Math.max(1, Math.round(original.width * scale)), Math.max(1, Math.round(original.height * scale)));
        small.getContext('2d')!.drawImage(original, 0, 0, small.width, small.height);
        original.close();
        return createImageBitmap(await small.convertToBlob({ type: 'image/jpeg', quality: 0.85 }));
      };
      g.sizeOf = async (url: string) => {
        const bitmap = await decode(url);
        const size = { width: bitmap.width, height: bitmap.height };
        bitmap.close();
        return size;
      };
      // the zoomed detection: each tile on a canvas of its own size, as the analysis page draws it
      g.analyseTiles = async (url: string, tiles: { x: number; y: number; width: number; height: number }[]) => {
        const bitmap = await decode(url);
        const imageSize = { width: bitmap.width, height: bitmap.height };
        let ms = 0;
        const out = tiles.map((tile) => {
          const canvas = document.createElement('canvas');
          canvas.width = tile.width;
          canvas.height = tile.height;
          canvas.getContext('2d')!.drawImage(bitmap, tile.x, tile.y, tile.width, tile.height, 0, 0, tile.width, tile.height);
          const t0 = performance.now();
          const found = landmarker.detect(canvas);
          ms += performance.now() - t0;
          return {
            tile,
            found: {
              landmarks: found.landmarks.map((lm) => lm.map((p) => ({ x: p.x, y: p.y, z: p.z }))),
              worldLandmarks: found.worldLandmarks.map((lm) => lm.map((p) => ({ x: p.x, y: p.y, z: p.z }))),
              handedness: found.handedness.map((h) => h.map((c) => ({ categoryName: c.categoryName, score: c.score }))),
            },
          };
        });
        bitmap.close();
        return { imageSize, ms: Math.round(ms), hands: [], tiles: out };
      };
      g.analyse = async (url: string) => {
        // the content script's downscale: longest side at most maxSide, re-encoded as JPEG 0.85
        const original = await load(url);
        const scale = Math.min(1, maxSide / Math.max(original.width, original.height));
        const small = new OffscreenCanvas(Math.max(1, Math.round(original.width * scale)), Math.max(1, Math.round(original.height * scale)));
        small.getContext('2d')!.drawImage(original, 0, 0, small.width, small.height);
        original.close();
        const bitmap = await createImageBitmap(await small.convertToBlob({ type: 'image/jpeg', quality: 0.85 }));
        const { width, height } = bitmap;
        // the analysis page's enlargement of a small photo (smoothed), before the border
        const k = upscale && Math.max(width, height) < upscale ? upscale / Math.max(width, height) : 1;
        const [w, h] = [Math.round(width * k), Math.round(height * k)];
        const border = Math.round(pad * Math.max(w, h));
        const canvas = document.createElement('canvas');
        canvas.width = w + 2 * border;
        canvas.height = h + 2 * border;
        const ctx = canvas.getContext('2d')!;
        ctx.imageSmoothingEnabled = true;
        ctx.imageSmoothingQuality = 'high';
        if (border) {
          // the border is the image's mean colour: plain, so the palm detector finds no hand in it
          const one = new OffscreenCanvas(1, 1);
          const c1 = one.getContext('2d')!;
          c1.drawImage(bitmap, 0, 0, 1, 1);
          const [r, gr, b] = c1.getImageData(0, 0, 1, 1).data;
          ctx.fillStyle = `rgb(${r},${gr},${b})`;
          ctx.fillRect(0, 0, canvas.width, canvas.height);
        }
        ctx.drawImage(bitmap, border, border, w, h);
        bitmap.close();
        const t0 = performance.now();
        const found = landmarker.detect(canvas);
        const ms = performance.now() - t0;
        const [W, H] = [canvas.width, canvas.height];
        return {
          imageSize: { width, height },
          ms: Math.round(ms),
          hands: found.landmarks.map((lm, i) => {
            const top = found.handedness[i]?.[0];
            return {
              landmarks: lm.map((p) => ({ x: (p.x * W - border) / k, y: (p.y * H - border) / k, z: (p.z * W) / k })),
              handedness: top ? { label: top.categoryName, score: top.score } : undefined,
              worldLandmarks: found.worldLandmarks[i]?.map((p) => ({ x: p.x, y: p.y, z: p.z })),
            };
          }),
        };
      };
    },
    { pad, maxSide: PHOTO_MAX_SIDE, upscale, confidence, exported },
  );
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const choice = runtimeFromArgs();
  const dir = landmarkDir(choice);
  mkdirSync(dir, { recursive: true });
  // in hash order: every label and source gets some landmarks early if the run is cut short
  const listed = new Set(FILES ? readFileSync(FILES, 'utf8').split('\n').filter(Boolean) : []);
  const todo: { key: string; url: string }[] = SYNTHETIC
    ? (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/photos/synthetic/manifest.json'), 'utf8')) as { file: string }[]).map((e) => ({
        key: `synthetic-${e.file}`,
        url: `/synthetic/${encodeURIComponent(e.file)}`,
      }))
    : readManifest()
        .filter((p) => !SPLIT || p.split === SPLIT)
        .filter((p) => !FILES || listed.has(p.file))
        .filter((p) => !WHEN_NONE_PLAIN || readLandmarks(p.sha256, { runtime: 'tasks' })?.hands.length === 0)
        .filter((p) => !WHEN_NONE_PRODUCT || readLandmarks(p.sha256, PRODUCT_BEFORE_TILES)?.hands.length === 0)
        .filter((p) => !WHEN_NONE_AT || readLandmarks(p.sha256, { runtime: 'tasks', pad: Number(WHEN_NONE_AT), padFallback: true })?.hands.length === 0)
        .sort((a, b) => a.sha256.localeCompare(b.sha256))
        .map((p) => ({ key: p.sha256, url: `/photos/${p.file.split('/').map(encodeURIComponent).join('/')}` }));
  for (let i = todo.length - 1; i >= 0; i--) if (!force && existsSync(join(dir, `${todo[i]!.key}.json`))) todo.splice(i, 1);
  console.log(`${todo.length} photos to analyse (${dir})`);
  const server = await serve(choice.runtime === 'tasks' ? handLandmarkerTask() : null);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    // tsx keeps function names with a `__name` helper that the page does not have
    await page.evaluate('globalThis.__name = (f) => f');
    if (choice.tiles && (choice.pad || choice.upscale)) throw new Error('--tiles is extracted on the photo alone (no --pad, no --upscale)');
    const exported = exportFromArgs();
    if (exported && choice.runtime !== 'tasks') throw new Error('--export works with --runtime tasks only');
    if (choice.runtime === 'tasks') await setUpTasks(page, choice.pad ?? 0, choice.upscale ?? 0, choice.confidence ?? 0.5, exported);
    else await setUpLegacy(page);
    // the same tiles as the analysis page: tilesOf's own source, so the page cannot drift from it
    await page.evaluate(`globalThis.tilesOf = ${tilesOf.toString()}`);
    let n = 0;
    type PageApi = { analyse(u: string): Promise<Analysed>; sizeOf(u: string): Promise<{ width: number; height: number }>; analyseTiles(u: string, t: Tile[]): Promise<Analysed> };
    for (const { key, url } of todo) {
      const grid = choice.tiles;
      const r = grid
        ? ((await page.evaluate(async ({ u, grid }) => {
            const g = globalThis as unknown as PageApi & { tilesOf(s: object, n: number): Tile[] };
            return g.analyseTiles(u, g.tilesOf(await g.sizeOf(u), grid));
          }, { u: url, grid })) as Analysed)
        : ((await page.evaluate((u) => (globalThis as unknown as PageApi).analyse(u), url)) as Analysed);
      writeFileSync(join(dir, `${key}.json`), JSON.stringify({ sha256: key, ...r }));
      if (++n % 25 === 0) console.log(`${n}/${todo.length}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
