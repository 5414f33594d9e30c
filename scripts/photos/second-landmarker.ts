/**
 * What the analysis page's second landmarker (SECOND_DETECT_CONFIDENCE, entrypoints/offscreen/analyse.ts)
 * costs, in headless Debian Chromium on the CPU: the time to make it once the first is loaded, one
 * bordered detection with it, and the resident memory of the browser's processes before and after.
 * The photos are the fixture faces without hands (tests/fixtures/photos), as a photo without hands
 * is the case that needs it.
 *
 * `npx tsx scripts/photos/second-landmarker.ts`
 */
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DETECT_CONFIDENCE, SECOND_DETECT_CONFIDENCE } from '../../entrypoints/offscreen/analyse.ts';
import { findChromium } from '../../tests/e2e/harness.ts';
import { handLandmarkerTask, serve } from './landmarks.ts';

/** resident memory (kB) of this process's descendants: the browser and its helpers */
function descendantsRss(): number {
  const rows = execSync('ps -eo pid=,ppid=,rss=').toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const kids = new Map<number, number[]>();
  for (const [pid, ppid] of rows) kids.set(ppid!, [...(kids.get(ppid!) ?? []), pid!]);
  const rss = new Map(rows.map(([pid, , r]) => [pid!, r!]));
  let total = 0;
  const todo = [...(kids.get(process.pid) ?? [])];
  while (todo.length) {
    const p = todo.pop()!;
    total += rss.get(p) ?? 0;
    todo.push(...(kids.get(p) ?? []));
  }
  return total;
}

async function main(): Promise<void> {
  const server = await serve(handLandmarkerTask());
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.evaluate('globalThis.__name = (f) => f');
    const faces = readdirSync('tests/fixtures/photos').filter((f) => f.startsWith('no-hand-'));
    const make = (confidence: number) =>
      page.evaluate(async (c: number) => {
        const vision = (await import('/tv/vision_bundle.mjs' as string)) as { HandLandmarker: { createFromOptions(f: object, o: object): Promise<unknown> } };
        const t0 = performance.now();
        const lm = await vision.HandLandmarker.createFromOptions(
          { wasmLoaderPath: '/tv/wasm/vision_wasm_internal.js', wasmBinaryPath: '/tv/wasm/vision_wasm_internal.wasm' },
          { baseOptions: { modelAssetPath: '/hand_landmarker.task', delegate: 'CPU' }, runningMode: 'IMAGE', numHands: 4, minHandDetectionConfidence: c, minHandPresenceConfidence: c },
        );
        const g = globalThis as unknown as { landmarkers?: unknown[] };
        g.landmarkers = [...(g.landmarkers ?? []), lm];
        return Math.round(performance.now() - t0);
      }, confidence);
    const detect = (which: number, file: string, pad: number) =>
      page.evaluate(
        async ({ which, url, pad }: { which: number; url: string; pad: number }) => {
          const bitmap = await createImageBitmap(await (await fetch(url)).blob());
          const border = Math.round(pad * Math.max(bitmap.width, bitmap.height));
          const canvas = document.createElement('canvas');
          canvas.width = bitmap.width + 2 * border;
          canvas.height = bitmap.height + 2 * border;
          const ctx = canvas.getContext('2d')!;
          ctx.fillStyle = 'rgb(128,128,128)';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(bitmap, border, border);
          const lm = (globalThis as unknown as { landmarkers: { detect(c: HTMLCanvasElement): { landmarks: unknown[] } }[] }).landmarkers[which]!;
          const t0 = performance.now();
          const found = lm.detect(canvas);
          return { ms: Math.round(performance.now() - t0), hands: found.landmarks.length };
        },
        { which, url: `/fixtures/${file}`, pad },
      );
    const first = await make(DETECT_CONFIDENCE);
    for (const f of faces) await detect(0, f, 0);
    const before = descendantsRss();
    const second = await make(SECOND_DETECT_CONFIDENCE);
    const runs = [];
    for (const f of faces) runs.push({ f, first: await detect(0, f, 0), second: await detect(1, f, 0.25), again: await detect(1, f, 0.25) });
    const after = descendantsRss();
    // the other way: one landmarker whose confidence is changed for the second detection and back
    const switched = await page.evaluate(
      async ({ low, high }: { low: number; high: number }) => {
        const lm = (globalThis as unknown as { landmarkers: { setOptions(o: object): Promise<void> }[] }).landmarkers[0]!;
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          await lm.setOptions({ minHandDetectionConfidence: low, minHandPresenceConfidence: low });
          await lm.setOptions({ minHandDetectionConfidence: high, minHandPresenceConfidence: high });
          times.push(Math.round(performance.now() - t0));
        }
        return times;
      },
      { low: SECOND_DETECT_CONFIDENCE, high: DETECT_CONFIDENCE },
    );
    console.log(`first landmarker (confidence ${DETECT_CONFIDENCE}) made in ${first} ms; second (confidence ${SECOND_DETECT_CONFIDENCE}) in ${second} ms`);
    for (const r of runs) console.log(`  ${r.f}: photo alone ${r.first.ms} ms (${r.first.hands} hands), bordered on the second ${r.second.ms} ms then ${r.again.ms} ms (${r.second.hands} hands)`);
    console.log(`setOptions to ${SECOND_DETECT_CONFIDENCE} and back on the first landmarker: ${switched.join(', ')} ms`);
    console.log(`resident memory of the browser's processes: ${(before / 1024).toFixed(0)} MB before the second landmarker, ${(after / 1024).toFixed(0)} MB after (+${((after - before) / 1024).toFixed(0)} MB)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
