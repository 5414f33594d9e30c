/**
 * Runs MediaPipe Hands (from the @mediapipe/hands npm package, copied into the build under
 * /mediapipe/hands/) on one photo and classifies every hand with rules/gestures.ts.
 */
import { browser } from 'wxt/browser';
import { GESTURES, classifyHand, handBox, type Landmark } from '@/rules/gestures';
import type { PhotoGesture, PhotoResult } from '@/utils/messages';

export const MODEL_DIR = '/mediapipe/hands/';

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

interface HandsResults {
  multiHandLandmarks?: { x: number; y: number; z: number }[][];
}
interface HandsInstance {
  setOptions(options: Record<string, unknown>): void;
  onResults(listener: (results: HandsResults) => void): void;
  initialize(): Promise<void>;
  reset(): void;
  send(inputs: { image: HTMLImageElement | HTMLCanvasElement }): Promise<void>;
}
type HandsConstructor = new (config: { locateFile: (file: string) => string }) => HandsInstance;

const url = (file: string) => (browser.runtime.getURL as (path: string) => string)(MODEL_DIR + file);

let handsPromise: Promise<HandsInstance> | null = null;
let onResults: ((results: HandsResults) => void) | null = null;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

/**
 * An offscreen document (or a frame of a background page) is never visible, so the browser never
 * runs its animation frames, and MediaPipe's WebAssembly runtime schedules work with
 * requestAnimationFrame. This page draws nothing: run those callbacks as soon as possible instead.
 */
function animationFramesWhileHidden(): void {
  if (document.visibilityState === 'visible') return;
  // Not setTimeout: hidden pages have their timers throttled to one a second. A message channel
  // is not throttled.
  const channel = new MessageChannel();
  let next = 1;
  const waiting = new Map<number, FrameRequestCallback>();
  channel.port1.onmessage = () => {
    const due = [...waiting];
    waiting.clear();
    for (const [, callback] of due) callback(performance.now());
  };
  window.requestAnimationFrame = (callback) => {
    const id = next++;
    waiting.set(id, callback);
    if (waiting.size === 1) channel.port2.postMessage(0);
    return id;
  };
  window.cancelAnimationFrame = (id) => void waiting.delete(id);
}

function loadHands(): Promise<HandsInstance> {
  handsPromise ??= (async () => {
    animationFramesWhileHidden();
    // hands.js is a classic script that defines globalThis.Hands; it loads its WebAssembly,
    // graph and model files through locateFile, all from the extension itself.
    await loadScript(url('hands.js'));
    const Hands = (globalThis as unknown as { Hands?: HandsConstructor }).Hands;
    if (!Hands) throw new Error('MediaPipe Hands did not load');
    const hands = new Hands({ locateFile: (file) => url(file) });
    hands.setOptions({ maxNumHands: 4, modelComplexity: 1, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5, selfieMode: false });
    hands.onResults((results) => onResults?.(results));
    await hands.initialize();
    return hands;
  })().catch((error: unknown) => {
    handsPromise = null;
    throw error;
  });
  return handsPromise;
}

/** One photo at a time: the graph is a single pipeline. */
let queue: Promise<unknown> = Promise.resolve();

let warming: Promise<void> | null = null;

/**
 * Load the model ahead of the first photo, and run it once on a small blank image: the first
 * `send` also loads the landmark model file and compiles the WebGL programs, which is most of a
 * cold start. Queued like a photo, so a photo attached meanwhile waits for it rather than racing.
 * Fails quietly: the photo's own analysis retries the load.
 */
export function warmUp(): Promise<void> {
  warming ??= (async () => {
    const run = queue.then(async () => {
      const hands = await loadHands();
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      canvas.getContext('2d')!.fillRect(0, 0, 64, 64);
      hands.reset();
      await new Promise<void>((resolve, reject) => {
        onResults = () => resolve();
        hands.send({ image: canvas }).catch(reject);
      });
      onResults = null;
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
  const hands = await loadHands();
  // Not HTMLImageElement.decode(): it never settles in a hidden (offscreen) document.
  const bitmap = await createImageBitmap(image);
  const { width, height } = bitmap;
  try {
    assertImageSize(width, height);
  } catch (error) {
    bitmap.close();
    throw error;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  // Each photo stands alone: no tracking carried over from the previous one.
  hands.reset();
  const results = await new Promise<HandsResults>((resolve, reject) => {
    onResults = resolve;
    hands.send({ image: canvas }).catch(reject);
  });
  onResults = null;
  const found = results.multiHandLandmarks ?? [];
  const gestures: PhotoGesture[] = [];
  for (const landmarks of found) {
    // The classifier needs isotropic coordinates: pixels.
    const px: Landmark[] = landmarks.map((p) => ({ x: p.x * width, y: p.y * height, z: p.z * width }));
    const { gesture } = classifyHand(px);
    if (gesture === 'none') continue;
    const [x, y, w, h] = handBox(px);
    const info = GESTURES[gesture];
    gestures.push({
      gesture,
      severity: info.severity,
      label: `${info.emoji} ${info.id.name}`,
      box: [x / width, y / height, w / width, h / height],
      points: landmarks.map((p) => [round(p.x), round(p.y)]),
    });
  }
  return { hands: found.length, gestures, ms: Math.round(performance.now() - start) };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
