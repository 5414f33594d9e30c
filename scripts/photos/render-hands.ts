/**
 * Generates the synthetic photo set tests/fixtures/photos/synthetic/ (see the README there):
 * a rigged hand model (WebXR "generic-hand", @webxr-input-profiles/assets, MIT) posed into each
 * gesture and into everyday no-gesture poses, rendered with three.js in headless Debian Chromium
 * (WebGL through SwiftShader). Seeded: the same seeds give the same scenes.
 *
 *   npx tsx scripts/photos/render-hands.ts            # the whole set
 *   npx tsx scripts/photos/render-hands.ts --out DIR --only five,fist --seeds 1,2
 */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, rmSync, existsSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, ROOT } from '../../tests/e2e/harness.ts';
import { classifyHand } from '../../rules/gestures.ts';
import { POSES, SCENES, debugScene, type Pose, type PoseName, type SceneKind } from './poses.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.glb': 'model/gltf-binary' };
const MOUNTS: Record<string, string> = {
  '/page/': join(ROOT, 'scripts/photos/page/'),
  '/three/': join(ROOT, 'node_modules/three/'),
  '/hands/': join(ROOT, 'node_modules/@webxr-input-profiles/assets/dist/profiles/generic-hand/'),
};

function serve(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(join(MOUNTS['/page/']!, 'index.html')));
      return;
    }
    for (const [prefix, dir] of Object.entries(MOUNTS)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (file.startsWith(dir) && existsSync(file)) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
        return;
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

export interface ManifestEntry {
  file: string;
  /** the scene it shows: a gesture, or wave / fist / relaxed / mug / typing */
  scene: SceneKind;
  /** the gesture the classifier should report for the photo ('none' for no sign) */
  expected: string;
  /** would the default settings warn (gesture severity medium → warn; five is low → log only) */
  warn: boolean;
  seed: number;
  split: 'tune' | 'test';
  hands: { side: 'left' | 'right'; skin: string }[];
  /** the rendered joints projected to image pixels (x, y, camera depth in mm), MediaPipe order */
  landmarks: number[][][];
}

/** What the classifier makes of the rendered hand's true 3D joints (camera frame), hand by hand. */
function truth(world: number[][][]): string {
  return world
    .map((hand) => {
      const lm = hand.map(([x, y, z]) => ({ x: x!, y: -y!, z: -z! }));
      const c = classifyHand(lm);
      const d = (a: number, b: number) => Math.hypot(lm[a]!.x - lm[b]!.x, lm[a]!.y - lm[b]!.y, lm[a]!.z - lm[b]!.z);
      const palm = d(0, 9);
      const near = Math.min(...[6, 7, 8, 10, 11, 12, 14, 15, 16].map((i) => d(4, i))) / palm;
      const metrics = process.argv.includes('--metrics') ? ` pinch ${(d(4, 8) / palm).toFixed(2)} away ${(d(4, 9) / d(3, 9)).toFixed(2)} near ${near.toFixed(2)}` : '';
      return `${c.gesture} [${Object.values(c.fingers).map((f) => f[0]).join('')}]${metrics}`;
    })
    .join(' + ');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export const DEFAULT_OUT = join(ROOT, 'tests/fixtures/photos/synthetic');
/** seeds 1–4 are the tuning split, 5–6 the held-out test split */
export const SEEDS = [1, 2, 3, 4, 5, 6];
export const TEST_SEEDS = new Set([5, 6]);

async function main(): Promise<void> {
  const out = arg('out') ?? DEFAULT_OUT;
  const only = arg('only')?.split(',');
  const seeds = arg('seeds')?.split(',').map(Number) ?? SEEDS;
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error('  page:', m.text()));
    page.on('pageerror', (e) => console.error('  page error:', e.message));
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.waitForFunction(() => (window as unknown as { rendererReady?: boolean }).rendererReady === true);
    mkdirSync(out, { recursive: true });
    // a full run replaces the photos and the manifest (the README and licence stay)
    if (!only) for (const f of readdirSync(out)) if (f.endsWith('.jpg') || f === 'manifest.json') rmSync(join(out, f));
    const manifest: ManifestEntry[] = [];
    // --debug "right:fist:0,0,0;left:five:180,0,0": fixed scenes of single poses (side:pose:Y,X,Z rotation)
    for (const [i, item] of (arg('debug')?.split(';') ?? []).entries()) {
      // …:thumb=0,60,0,0 overrides a finger
      const [side, pose, rot, ...overrides] = item.split(':') as ['left' | 'right', PoseName, string | undefined, ...string[]];
      const posed: Pose = { ...POSES[pose] };
      for (const o of overrides) {
        const [finger, values] = o.split('=') as [keyof Pose, string];
        (posed as unknown as Record<string, number[]>)[finger] = values.split(',').map(Number);
      }
      const spec = debugScene(side, posed, (rot ?? '0,0,0').split(',').map(Number) as [number, number, number]);
      const r = (await page.evaluate((s) => (window as unknown as { renderScene(s: unknown): Promise<unknown> }).renderScene(s), spec)) as { image: string; landmarks: number[][][]; world: number[][][] };
      const file = `debug-${i}-${side}-${pose}.jpg`;
      console.log(`  ${file}: the rendered joints classify as ${truth(r.world)}`);
      writeFileSync(join(out, file), Buffer.from(r.image.split(',')[1]!, 'base64'));
      manifest.push({ file, scene: 'fist', expected: pose, warn: false, seed: 0, split: 'tune', hands: [], landmarks: r.landmarks });
    }
    if (arg('debug')) seeds.length = 0;
    for (const kind of Object.keys(SCENES) as SceneKind[]) {
      if (only && !only.includes(kind)) continue;
      for (const seed of seeds) {
        const scene = SCENES[kind](seed);
        const t0 = Date.now();
        const r = (await page.evaluate((spec) => (window as unknown as { renderScene(s: unknown): Promise<unknown> }).renderScene(spec), scene.spec)) as {
          image: string;
          landmarks: number[][][];
          world: number[][][];
        };
        const file = `${kind}-${String(seed).padStart(2, '0')}.jpg`;
        writeFileSync(join(out, file), Buffer.from(r.image.split(',')[1]!, 'base64'));
        manifest.push({
          file,
          scene: kind,
          expected: scene.expected,
          warn: scene.warn,
          seed,
          split: TEST_SEEDS.has(seed) ? 'test' : 'tune',
          hands: scene.spec.hands.map((h) => ({ side: h.side, skin: h.skin })),
          landmarks: r.landmarks.map((hand) => hand.map((p) => p.map((n) => Math.round(n * 10) / 10))),
        });
        console.log(`  ${file} (${scene.expected}; rendered joints: ${truth(r.world)}) ${Date.now() - t0} ms`);
      }
    }
    const sheet = arg('sheet');
    if (sheet) {
      // a contact sheet (PNG) of what was rendered, with the landmarks drawn, to look at
      const cells = manifest.map((m) => ({ label: m.file, src: `data:image/jpeg;base64,${readFileSync(join(out, m.file)).toString('base64')}`, landmarks: m.landmarks }));
      const png = await page.evaluate(async (list) => {
        const size = 300;
        const cols = Math.min(5, list.length);
        const c = document.createElement('canvas');
        c.width = cols * size;
        c.height = Math.ceil(list.length / cols) * size;
        const g = c.getContext('2d')!;
        for (const [i, cell] of list.entries()) {
          const img = new Image();
          img.src = cell.src;
          await img.decode();
          const k = size / Math.max(img.width, img.height);
          const x0 = (i % cols) * size;
          const y0 = Math.floor(i / cols) * size;
          g.drawImage(img, x0, y0, img.width * k, img.height * k);
          g.fillStyle = '#ff0';
          for (const hand of cell.landmarks) for (const [x, y] of hand) g.fillRect(x0 + x! * k - 1, y0 + y! * k - 1, 2, 2);
          g.fillStyle = '#000';
          g.fillRect(x0, y0, 150, 14);
          g.fillStyle = '#fff';
          g.fillText(cell.label, x0 + 2, y0 + 11);
        }
        return c.toDataURL('image/png');
      }, cells);
      writeFileSync(sheet, Buffer.from(png.split(',')[1]!, 'base64'));
    }
    if (!only) {
      writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
      const bytes = readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0);
      console.log(`${manifest.length} photos, ${(bytes / 1024 / 1024).toFixed(2)} MB in ${out}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
