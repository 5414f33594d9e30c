/**
 * The photo check (docs/photo-check.md), on the built Chrome extension in Debian's Chromium
 * (--disable-gpu: WebAssembly on the CPU, WebGL through SwiftShader):
 * - time to first result for a 12-megapixel photo attached on a fixture page, cold (model load
 *   included) and warm, measured from the file input's change to the dialog;
 * - the content script's downscale of that photo alone;
 * - memory: resident size of the browser's processes before and after the model is loaded;
 * - added package size: the compressed size of mediapipe/hands/ in the build;
 * - accuracy on tests/fixtures/photos, each photo as is, mirrored and rotated by 90°;
 * - accuracy on the synthetic set tests/fixtures/photos/synthetic (rendered hands, see its README):
 *   detection rate, exact gesture per scene, confusion, false and missed warnings under the default
 *   settings, for the tuning seeds and the held-out test seeds separately.
 * - `--runtimes`: the hand-model runtimes side by side in a plain page of the same Chromium (no
 *   extension): legacy @mediapipe/hands (WebGL), tasks-vision on the CPU (XNNPACK) and on WebGL,
 *   each in a fresh browser: model load, first result (load + first photo), per-photo median and
 *   p90, hands found, on the real photos and the synthetic set. JAGA_PHOTO_RUNTIMES=a,b picks some.
 * Run `npm run build` first. JAGA_PHOTO_BENCH=synthetic runs the synthetic set only.
 */
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium, type Page, type Worker } from 'playwright-core';
import { EXTENSION_DIR, findChromium, launch, openFixture, readDialog, startFixtureServer, ROOT } from '../../tests/e2e/harness.ts';
import { setSettings } from '../../tests/e2e/sites-support.ts';
import { GESTURES, type GestureId } from '../../rules/gestures.ts';
import { decide } from '../../utils/decision.ts';
import { DEFAULT_SETTINGS } from '../../utils/settings.ts';

export const name = 'photo';

const OUT = EXTENSION_DIR;
const PHOTOS = join(ROOT, 'tests/fixtures/photos');
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
/** `npm run bench -- photo --timings`: the attach→result timings only (no accuracy pass). */
const TIMINGS_ONLY = process.argv.includes('--timings');
/** Times a user takes in the file picker between pressing the attach control and choosing a photo. */
const PICK_MS = [2000, 5000];

/**
 * Cold attach → result, in a fresh browser (model not loaded), with or without a press on the
 * attach control `pickMs` before the photo is picked (the file chooser opens; a user takes seconds
 * in it). No send: the 10 s hold would cut the measurement off. The result time is taken by queuing
 * a blank probe image behind the photo in the analysis page (one photo at a time) from the service
 * worker: an upper bound, the probe's own analysis (tens of ms warm) included.
 */
async function coldAttach(server: Awaited<ReturnType<typeof startFixtureServer>>, file: string, pickMs: number | null): Promise<{ ms: number; warmed: boolean }> {
  const session = await launch({ server });
  try {
    await setSettings(session, { simulatedDate: '2024-01-20' });
    const p = await openFixture(session, 'https://x.com/compose-photo-id.html');
    const [worker] = session.context.serviceWorkers();
    const offscreen = () =>
      worker!.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } }).chrome.runtime;
        return (await api.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0;
      });
    let warmed = false;
    const t0 = Date.now();
    if (pickMs !== null) {
      const chooser = p.waitForEvent('filechooser');
      await p.click('[data-testid="fileInput"]');
      const picker = await chooser;
      await p.waitForTimeout(500);
      warmed = await offscreen(); // the press started the analysis page
      await p.waitForTimeout(pickMs - 500);
      const t1 = Date.now();
      await picker.setFiles(file);
      return { ms: await probe(p, worker!, offscreen, t1), warmed };
    }
    await p.setInputFiles('[data-testid="fileInput"]', file);
    return { ms: await probe(p, worker!, offscreen, t0), warmed };
  } finally {
    await session.close();
  }
}

async function probe(p: Page, worker: Worker, offscreen: () => Promise<boolean>, t0: number): Promise<number> {
  const blank = await p.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = c.height = 64;
    c.getContext('2d')!.fillRect(0, 0, 64, 64);
    return c.toDataURL('image/jpeg');
  });
  // the content script downscales the photo and sends it (the offscreen page exists from then on)
  while (!(await offscreen())) await p.waitForTimeout(50);
  await p.waitForTimeout(1500);
  await worker.evaluate(
    (image) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'photo-analyse', target: 'offscreen', image }),
    blank,
  );
  return Date.now() - t0;
}

function deflated(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    total += deflateRawSync(readFileSync(join(entry.parentPath, entry.name)), { level: 9 }).length;
  }
  return total;
}

/** Resident memory of every chromium process (kB from /proc), summed. */
function chromiumRss(): number {
  const out = execSync(`ps -C chromium -o rss= 2>/dev/null || true`).toString();
  return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) * 1024;
}

function expected(file: string): string {
  if (file.startsWith('v-sign')) return 'two';
  if (file.startsWith('thumbs-up')) return 'thumbs-up';
  if (file.startsWith('one-finger')) return 'one';
  return 'none';
}

export async function run(): Promise<void> {
  if (!existsSync(join(OUT, 'manifest.json'))) {
    console.log(`  no build at ${OUT}: run "npm run build" first`);
    return;
  }
  if (process.argv.includes('--runtimes')) return compareRuntimes();
  const model = deflated(join(OUT, 'mediapipe'));
  const all = deflated(OUT);
  const legacy = LEGACY_HANDS_FILES.reduce((n, f) => n + deflateRawSync(readFileSync(join(LEGACY_DIR, f)), { level: 9 }).length, 0);
  console.log(
    `  package (deflated, ≈ zip): ${mb(all)} with the model, ${mb(all - model)} without: +${mb(model)} ` +
      `(the legacy @mediapipe/hands files it replaces: ${mb(legacy)})`,
  );

  const server = await startFixtureServer();
  const session = await launch({ server });
  const tmp = mkdtempSync(join(tmpdir(), 'jaga-photo-bench-'));
  try {
    await setSettings(session, { simulatedDate: '2024-01-20' });
    const page = await openFixture(session, 'https://x.com/compose-photo-id.html');
    if (process.env.JAGA_PHOTO_BENCH === 'synthetic') {
      // only the synthetic set: one attach and send makes the background open the analysis page
      await page.setInputFiles('[data-testid="fileInput"]', join(PHOTOS, 'v-sign-002.jpg'));
      await page.click('[data-testid="tweetButtonInline"]');
      const t0 = Date.now();
      while (!(await readDialog(page)) && Date.now() - t0 < 60_000) await page.waitForTimeout(100);
      const [worker] = session.context.serviceWorkers();
      await synthetic((image) =>
        worker!.evaluate(
          (img) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'photo-analyse', target: 'offscreen', image: img }),
          image,
        ) as Promise<{ hands: number; gestures: { gesture: string }[] }>,
      );
      return;
    }
    // A 12-megapixel JPEG (4000×3000): a test photo scaled up, made in the page's canvas.
    const source = `data:image/jpeg;base64,${readFileSync(join(PHOTOS, 'v-sign-002.jpg')).toString('base64')}`;
    const big = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = new OffscreenCanvas(4000, 3000);
      c.getContext('2d')!.drawImage(img, 0, 0, 4000, 3000);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }, source);
    const bigFile = join(tmp, 'photo-12mp.jpg');
    writeFileSync(bigFile, Buffer.from(big, 'base64'));
    console.log(`  12 MP test photo: 4000×3000 JPEG, ${mb(statSync(bigFile).size)}`);

    const downscale = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const t0 = performance.now();
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      const c = new OffscreenCanvas(960, 720);
      c.getContext('2d')!.drawImage(bitmap, 0, 0, 960, 720);
      await c.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      return performance.now() - t0;
    }, big);
    console.log(`  content-script downscale of the 12 MP photo to 960 px: ${downscale.toFixed(0)} ms`);

    const rssBefore = chromiumRss();
    for (const round of ['cold (model load included)', 'warm']) {
      const p = round === 'warm' ? await openFixture(session, 'https://x.com/compose-photo-id.html') : page;
      const t0 = Date.now();
      await p.setInputFiles('[data-testid="fileInput"]', bigFile);
      await p.click('[data-testid="tweetButtonInline"]');
      const sent = () => p.evaluate(() => ((window as unknown as { __siteLog?: unknown[] }).__siteLog ?? []).length > 0);
      while (!(await readDialog(p)) && !(await sent()) && Date.now() - t0 < 60_000) await p.waitForTimeout(50);
      const shown = await readDialog(p);
      const outcome = shown ? 'dialog' : (await sent()) ? 'sent WITHOUT dialog (analysis past the 10 s hold: fail open)' : 'nothing in 60 s';
      console.log(`  12 MP, attach + send at once → ${outcome}, ${round}: ${Date.now() - t0} ms`);
      if (round === 'cold (model load included)') {
        console.log(`  memory (RSS of all Chromium processes): ${mb(rssBefore)} before, ${mb(chromiumRss())} after the model loaded`);
      }
    }

    for (const pickMs of [null, ...PICK_MS]) {
      const { ms, warmed } = await coldAttach(server, bigFile, pickMs);
      const how = pickMs === null ? 'no press before (file set directly)' : `attach control pressed ${pickMs} ms before the pick${warmed ? '' : ' (analysis page NOT started by the press)'}`;
      console.log(`  12 MP, fresh browser, ${how}: attach → result ≤ ${ms} ms`);
    }
    if (TIMINGS_ONLY) return;

    // The analysis alone of the 12 MP photo as the content script sends it (960 px), warm.
    const [worker] = session.context.serviceWorkers();
    const small = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      const c = document.createElement('canvas');
      c.width = 960;
      c.height = 720;
      c.getContext('2d')!.drawImage(bitmap, 0, 0, 960, 720);
      return c.toDataURL('image/jpeg', 0.85);
    }, big);
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      const r = (await worker!.evaluate(
        (image) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'photo-analyse', target: 'offscreen', image }),
        small,
      )) as { gestures: { gesture: string }[]; ms: number };
      console.log(`  12 MP photo at 960 px, analysis round trip (warm) #${i + 1}: ${Date.now() - t0} ms (in page ${r.ms} ms), found ${r.gestures.map((g) => g.gesture).join(', ') || 'nothing'}`);
    }

    // Accuracy: every test photo, as is, mirrored and rotated, straight to the analysis page.
    const variants: { file: string; variant: string; image: string }[] = [];
    for (const file of readdirSync(PHOTOS).filter((f) => f.endsWith('.jpg')).sort()) {
      const src = `data:image/jpeg;base64,${readFileSync(join(PHOTOS, file)).toString('base64')}`;
      const made = await page.evaluate(async (s) => {
        const img = new Image();
        img.src = s;
        await img.decode();
        const out: Record<string, string> = { original: s };
        for (const v of ['mirrored', 'rotated-90']) {
          const rot = v === 'rotated-90';
          const c = document.createElement('canvas');
          c.width = rot ? img.height : img.width;
          c.height = rot ? img.width : img.height;
          const ctx = c.getContext('2d')!;
          if (rot) {
            ctx.translate(c.width, 0);
            ctx.rotate(Math.PI / 2);
          } else {
            ctx.translate(c.width, 0);
            ctx.scale(-1, 1);
          }
          ctx.drawImage(img, 0, 0);
          out[v] = c.toDataURL('image/jpeg', 0.9);
        }
        return out;
      }, src);
      for (const [variant, image] of Object.entries(made)) variants.push({ file, variant, image });
    }
    let right = 0;
    const wrong: string[] = [];
    const times: number[] = [];
    const confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const v of variants) {
      const result = (await worker!.evaluate(
        (image) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'photo-analyse', target: 'offscreen', image }),
        v.image,
      )) as { gestures: { gesture: string }[]; ms: number };
      times.push(result.ms);
      const got = result.gestures[0]?.gesture ?? 'none';
      const want = expected(v.file);
      if (got === want) right++;
      else wrong.push(`${v.file} ${v.variant}: ${got} (want ${want})`);
      const warned = got !== 'none';
      const shouldWarn = want !== 'none';
      confusion[warned ? (shouldWarn ? 'tp' : 'fp') : shouldWarn ? 'fn' : 'tn']++;
    }
    times.sort((a, b) => a - b);
    console.log(
      `  accuracy on ${variants.length} images (${variants.length / 3} photos × original/mirrored/rotated 90°): ` +
        `${right}/${variants.length} exact gesture; warn decision: ${confusion.tp} true warnings, ${confusion.tn} true passes, ` +
        `${confusion.fp} false warnings, ${confusion.fn} missed`,
    );
    console.log(`  analysis time per photo (≤ 640 px, warm): median ${times[Math.floor(times.length / 2)]} ms, max ${times[times.length - 1]} ms`);
    for (const w of wrong) console.log(`    wrong: ${w}`);

    await synthetic((image) =>
      worker!.evaluate(
        (img) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'photo-analyse', target: 'offscreen', image: img }),
        image,
      ) as Promise<{ hands: number; gestures: { gesture: string }[] }>,
    );
  } finally {
    await session.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

interface SyntheticEntry {
  file: string;
  scene: string;
  expected: string;
  warn: boolean;
  split: 'tune' | 'test';
  hands: unknown[];
}

/** Does the default configuration show a dialog for this gesture on a post? (five is low → log only) */
export function warnsByDefault(gesture: string): boolean {
  if (gesture === 'none') return false;
  const severity = GESTURES[gesture as Exclude<GestureId, 'none'>].severity;
  const { mode } = decide(severity, 'post', 'x', DEFAULT_SETTINGS, 0);
  return mode !== 'off' && mode !== 'log';
}

const SYNTHETIC = join(PHOTOS, 'synthetic');

async function synthetic(analyse: (image: string) => Promise<{ hands: number; gestures: { gesture: string }[] }>): Promise<void> {
  const manifestFile = join(SYNTHETIC, 'manifest.json');
  if (!existsSync(manifestFile)) {
    console.log('  synthetic set: no manifest (run "npx tsx scripts/photos/render-hands.ts")');
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as SyntheticEntry[];
  const rows: { e: SyntheticEntry; found: number; got: string }[] = [];
  for (const e of manifest) {
    const image = `data:image/jpeg;base64,${readFileSync(join(SYNTHETIC, e.file)).toString('base64')}`;
    // an analysis that does not answer in 60 s counts as "no hand" (the product fails open after 10 s)
    const r = await Promise.race([analyse(image), new Promise<{ hands: number; gestures: [] }>((ok) => setTimeout(() => ok({ hands: 0, gestures: [] }), 60_000))]);
    if (process.env.JAGA_PHOTO_BENCH_VERBOSE) console.log(`    ${e.file}: ${r.hands} hand(s), ${r.gestures.map((g) => g.gesture).join(', ') || 'no gesture'}`);
    // the strongest gesture in the photo (a medium one over five)
    const got = [...r.gestures].sort((a, b) => Number(warnsByDefault(b.gesture)) - Number(warnsByDefault(a.gesture)))[0]?.gesture ?? 'none';
    rows.push({ e, found: r.hands, got });
  }
  const report = (label: string, list: typeof rows) => {
    const detected = list.filter((r) => r.found >= r.e.hands.length).length;
    const some = list.filter((r) => r.found > 0).length;
    const exact = list.filter((r) => r.got === r.e.expected).length;
    const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const r of list) {
      const warned = warnsByDefault(r.got);
      c[warned ? (r.e.warn ? 'tp' : 'fp') : r.e.warn ? 'fn' : 'tn']++;
    }
    console.log(
      `  synthetic ${label}: ${list.length} photos; hands found in ${some} (all hands in ${detected}); ` +
        `exact gesture ${exact}/${list.length}; warn decision: ${c.tp} true warnings, ${c.tn} true passes, ${c.fp} false warnings, ${c.fn} missed`,
    );
  };
  report('all', rows);
  report('tuning seeds', rows.filter((r) => r.e.split === 'tune'));
  report('held-out test seeds', rows.filter((r) => r.e.split === 'test'));
  console.log('  synthetic, per scene (hands found / exact / what was reported):');
  const scenes = [...new Set(rows.map((r) => r.e.scene))];
  for (const scene of scenes) {
    const list = rows.filter((r) => r.e.scene === scene);
    const got = new Map<string, number>();
    for (const r of list) {
      const key = r.found === 0 ? 'no hand' : r.got;
      got.set(key, (got.get(key) ?? 0) + 1);
    }
    const want = list[0]!.e.expected;
    console.log(
      `    ${scene.padEnd(13)} want ${want.padEnd(12)} found ${list.filter((r) => r.found > 0).length}/${list.length}  exact ${list.filter((r) => r.got === want).length}/${list.length}  ` +
        [...got].map(([k, n]) => `${k} ×${n}`).join(', '),
    );
  }
  const bad = rows.filter((r) => warnsByDefault(r.got) !== r.e.warn);
  for (const r of bad) console.log(`    ${r.e.warn ? 'missed' : 'false warning'}: ${r.e.file} (${r.e.split}) → ${r.found === 0 ? 'no hand found' : r.got}, want ${r.e.expected}`);
}

// ---------------------------------------------------------------------------------------------
// Runtimes side by side (`--runtimes`)

const LEGACY_DIR = join(ROOT, 'node_modules/@mediapipe/hands');
/** What the analysis page shipped before tasks-vision: hands.js and what it loads for modelComplexity 1 with SIMD. */
const LEGACY_HANDS_FILES = [
  'hands.js',
  'hands.binarypb',
  'hands_solution_packed_assets_loader.js',
  'hands_solution_packed_assets.data',
  'hands_solution_simd_wasm_bin.js',
  'hands_solution_simd_wasm_bin.wasm',
  'hand_landmark_full.tflite',
];
const TASKS_DIR = join(ROOT, 'node_modules/@mediapipe/tasks-vision');
const RUNTIMES = ['legacy-webgl', 'tasks-cpu', 'tasks-gpu'] as const;

/** The page each runtime runs in: `window.load()` then `window.detect(url)` per photo. */
const RUNTIME_PAGE = `<!doctype html><meta charset="utf-8"><body><script type="module">
const runtime = new URL(location.href).searchParams.get('runtime');
let detect;
window.load = async () => {
  const t0 = performance.now();
  if (runtime === 'legacy-webgl') {
    await new Promise((ok, fail) => { const s = document.createElement('script'); s.src = '/hands/hands.js'; s.onload = ok; s.onerror = fail; document.head.append(s); });
    const hands = new window.Hands({ locateFile: (f) => '/hands/' + f });
    hands.setOptions({ maxNumHands: 4, modelComplexity: 1, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5, selfieMode: false });
    let done;
    hands.onResults((r) => done(r));
    await hands.initialize();
    detect = async (canvas) => { hands.reset(); const r = await new Promise((ok) => { done = ok; hands.send({ image: canvas }); }); return (r.multiHandLandmarks || []).length; };
  } else {
    const { HandLandmarker } = await import('/tasks/vision_bundle.mjs');
    const lm = await HandLandmarker.createFromOptions(
      { wasmLoaderPath: '/tasks/wasm/vision_wasm_internal.js', wasmBinaryPath: '/tasks/wasm/vision_wasm_internal.wasm' },
      { baseOptions: { modelAssetPath: '/model/hand_landmarker.task', delegate: runtime === 'tasks-cpu' ? 'CPU' : 'GPU' }, runningMode: 'IMAGE', numHands: 4 },
    );
    detect = async (bitmap) => lm.detect(bitmap).landmarks.length;
  }
  return performance.now() - t0;
};
window.detect = async (url) => {
  const blob = await (await fetch(url)).blob();
  const t0 = performance.now();
  const bitmap = await createImageBitmap(blob);
  let input = bitmap;
  if (runtime === 'legacy-webgl') {
    input = document.createElement('canvas');
    input.width = bitmap.width; input.height = bitmap.height;
    input.getContext('2d').drawImage(bitmap, 0, 0);
  }
  const hands = await detect(input);
  bitmap.close();
  return { hands, ms: performance.now() - t0 };
};
</script>`;

function serveRuntimes(): Promise<{ port: number; close(): void }> {
  const roots: [string, string][] = [
    ['/hands/', LEGACY_DIR],
    ['/tasks/', TASKS_DIR],
    ['/model/', join(OUT, 'mediapipe')],
    ['/photos/', PHOTOS],
  ];
  const types: Record<string, string> = { js: 'text/javascript', mjs: 'text/javascript', wasm: 'application/wasm', html: 'text/html' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(RUNTIME_PAGE);
      return;
    }
    const root = roots.find(([prefix]) => path.startsWith(prefix));
    const file = root ? join(root[1], path.slice(root[0].length)) : '';
    if (!root || path.includes('..') || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[file.split('.').pop()!] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ port: (server.address() as { port: number }).port, close: () => server.close() })));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function compareRuntimes(): Promise<void> {
  const chosen = (process.env.JAGA_PHOTO_RUNTIMES?.split(',') ?? [...RUNTIMES]).filter((r): r is (typeof RUNTIMES)[number] => (RUNTIMES as readonly string[]).includes(r));
  const real = readdirSync(PHOTOS).filter((f) => f.endsWith('.jpg')).sort().map((f) => `/photos/${f}`);
  const manifest = existsSync(join(SYNTHETIC, 'manifest.json')) ? (JSON.parse(readFileSync(join(SYNTHETIC, 'manifest.json'), 'utf8')) as SyntheticEntry[]) : [];
  // JAGA_PHOTO_RUNTIME_SETS=runtime:set,… limits a runtime to some sets (the legacy one takes seconds a photo)
  const limits = new Map((process.env.JAGA_PHOTO_RUNTIME_SETS?.split(',') ?? []).map((pair) => pair.split(':') as [string, string]));
  const allSets = { real, synthetic: manifest.map((e) => `/photos/synthetic/${e.file}`) };
  const server = await serveRuntimes();
  console.log('  runtime        model load  first result  set        photos  median   p90     max     hands found');
  try {
    for (const runtime of chosen) {
      // a fresh browser per runtime: nothing compiled or cached from another one
      const browser = await chromium.launch({ executablePath: findChromium(), args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage();
        if (process.env.JAGA_PHOTO_BENCH_VERBOSE) page.on('console', (m) => console.log(`    [${runtime}] ${m.text().slice(0, 200)}`));
        page.on('pageerror', (e) => console.log(`    [${runtime}] page error: ${e.message}`));
        await page.goto(`http://127.0.0.1:${server.port}/?runtime=${runtime}`);
        await page.waitForFunction(() => 'load' in window);
        const load = await page.evaluate(() => (window as unknown as { load(): Promise<number> }).load());
        let first = 0;
        const sets = Object.entries(allSets).filter(([set]) => !limits.has(runtime) || limits.get(runtime) === set);
        for (const [set, photos] of sets) {
          const times: number[] = [];
          let found = 0;
          for (const url of photos) {
            const r = await page.evaluate((u) => (window as unknown as { detect(u: string): Promise<{ hands: number; ms: number }> }).detect(u), url);
            if (!first) first = load + r.ms;
            times.push(r.ms);
            if (r.hands > 0) found++;
          }
          times.sort((a, b) => a - b);
          console.log(
            `  ${runtime.padEnd(14)} ${`${load.toFixed(0)} ms`.padEnd(11)} ${`${first.toFixed(0)} ms`.padEnd(13)} ${set.padEnd(10)} ${String(photos.length).padEnd(7)} ` +
              `${`${quantile(times, 0.5).toFixed(0)} ms`.padEnd(8)} ${`${quantile(times, 0.9).toFixed(0)} ms`.padEnd(7)} ${`${times.at(-1)!.toFixed(0)} ms`.padEnd(7)} ${found}/${photos.length}`,
          );
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    server.close();
  }
}
