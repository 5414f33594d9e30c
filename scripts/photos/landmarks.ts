/**
 * Hand landmarks for every photo of the real-photo evaluation set (scripts/photos/real-eval.ts),
 * cached as JSON under `.local/photo-eval/landmarks/<sha256>.json` (JAGA_PHOTO_EVAL points elsewhere).
 *
 * Runs the same MediaPipe Hands build and options as the analysis page (entrypoints/offscreen/
 * analyse.ts: @mediapipe/hands, maxNumHands 4, full landmark model, no tracking between photos) in
 * headless Chromium, on the photo as attached (no padding, no rescaling), and records per hand the
 * 21 landmarks in pixels (z scaled by the width, as the analysis page does), MediaPipe's handedness
 * label and score, and the image size.
 *
 * `npx tsx scripts/photos/landmarks.ts [--force] [--gpu] [--synthetic]`; `--synthetic` does the rendered
 * regression set (tests/fixtures/photos/synthetic) instead, cached as synthetic-<file>.json.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, ROOT } from '../../tests/e2e/harness.ts';
import { PHOTO_DIR, readManifest } from './real-eval.ts';

/**
 * `useCpuInference`: the models run in WebAssembly instead of WebGL. The analysis page uses WebGL;
 * on this machine (software WebGL, 2 shared cores) that took 10–30 s a photo, the CPU path far
 * less. Same models and graph; the landmarks can differ in the last digits. `--gpu` uses WebGL.
 */
const CPU = !process.argv.includes('--gpu');

export const LANDMARK_DIR = join(PHOTO_DIR, 'landmarks');

export interface CachedHand {
  landmarks: { x: number; y: number; z: number }[];
  handedness?: { label: string; score: number };
}
export interface CachedLandmarks {
  sha256: string;
  imageSize: { width: number; height: number };
  hands: CachedHand[];
  ms: number;
}

export function readLandmarks(sha256: string): CachedLandmarks | null {
  const f = join(LANDMARK_DIR, `${sha256}.json`);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as CachedLandmarks) : null;
}

const MOUNTS: Record<string, string> = {
  '/mp/': join(ROOT, 'node_modules/@mediapipe/hands/'),
  '/photos/': join(PHOTO_DIR, 'photos/'),
  '/synthetic/': join(ROOT, 'tests/fixtures/photos/synthetic/'),
};
const SYNTHETIC = process.argv.includes('--synthetic');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const PAGE = `<!doctype html><meta charset="utf-8"><script src="/mp/hands.js"></script>`;

function serve(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
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

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  mkdirSync(LANDMARK_DIR, { recursive: true });
  // in hash order: every label and source gets some landmarks early if the run is cut short
  const todo: { key: string; url: string }[] = SYNTHETIC
    ? (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/photos/synthetic/manifest.json'), 'utf8')) as { file: string }[]).map((e) => ({
        key: `synthetic-${e.file}`,
        url: `/synthetic/${encodeURIComponent(e.file)}`,
      }))
    : readManifest()
        .sort((a, b) => a.sha256.localeCompare(b.sha256))
        .map((p) => ({ key: p.sha256, url: `/photos/${p.file.split('/').map(encodeURIComponent).join('/')}` }));
  for (let i = todo.length - 1; i >= 0; i--) if (!force && existsSync(join(LANDMARK_DIR, `${todo[i]!.key}.json`))) todo.splice(i, 1);
  console.log(`${todo.length} photos to analyse`);
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    // tsx keeps function names with a `__name` helper that the page does not have
    await page.evaluate('globalThis.__name = (f) => f');
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
    let n = 0;
    for (const { key, url } of todo) {
      const r = (await page.evaluate((u) => (globalThis as unknown as { analyse(u: string): Promise<Omit<CachedLandmarks, 'sha256'>> }).analyse(u), url)) as Omit<CachedLandmarks, 'sha256'>;
      writeFileSync(join(LANDMARK_DIR, `${key}.json`), JSON.stringify({ sha256: key, ...r }));
      if (++n % 25 === 0) console.log(`${n}/${todo.length}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
