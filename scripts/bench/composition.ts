/**
 * What the content script's bytes are made of: builds the content script alone, with a source map,
 * into a temporary folder (the real `.output/` is untouched), attributes every byte of the minified
 * output to the source module it came from, and prints the biggest contributors.
 *
 * Two gzip figures per module, because gzip is not additive: `alone` is the module's own bytes
 * compressed by themselves (an upper bound of what it costs), `share` is the whole file's gzip size
 * split in proportion to raw bytes (sums to the total). Removing a module saves roughly between the two.
 *
 * Runs a full Vite build (~10 s); `npm run bench -- composition` runs only this section.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const name = 'composition';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of a source map's `mappings` into [generated column, source index] pairs. */
function decodeLine(line: string, state: { source: number }): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
        continue;
      }
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
    column += fields[0]!;
    if (fields.length >= 4) state.source += fields[1]!;
    out.push([column, fields.length >= 4 ? state.source : -1]);
  }
  return out;
}

/** Groups a source path into the module or package it belongs to. */
function groupOf(source: string, mapDir: string): string {
  const path = relative(ROOT, resolve(mapDir, source)).replace(/\\/g, '/');
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) {
    if (pkg[1] === 'zod') return /\/mini\//.test(path) ? 'zod (mini)' : `zod (${path.split('/').slice(-2).join('/')})`;
    return pkg[1]!;
  }
  return path;
}

export interface Contribution {
  module: string;
  raw: number;
  alone: number;
  share: number;
}

/** Attributes the bytes of a built file to the modules its source map names. */
export function attribute(code: string, map: { sources: string[]; mappings: string }, mapDir: string): { total: number; rows: Contribution[]; text: Map<string, string> } {
  const byModule = new Map<string, string[]>();
  const lines = code.split('\n');
  const state = { source: 0 };
  map.mappings.split(';').forEach((mapping, lineNo) => {
    const line = lines[lineNo] ?? '';
    const segments = decodeLine(mapping, state);
    // bytes before the first mapping and after an unmapped segment belong to the bundler's glue
    let prevCol = 0;
    let prevModule = '(bundler glue)';
    for (const [col, src] of segments) {
      const piece = line.slice(prevCol, col);
      if (piece) (byModule.get(prevModule) ?? byModule.set(prevModule, []).get(prevModule)!).push(piece);
      prevCol = col;
      prevModule = src >= 0 ? groupOf(map.sources[src] ?? '?', mapDir) : '(bundler glue)';
    }
    const tail = line.slice(prevCol) + '\n';
    (byModule.get(prevModule) ?? byModule.set(prevModule, []).get(prevModule)!).push(tail);
  });
  const total = gzipSync(code, { level: 9 }).length;
  const rawTotal = code.length;
  const rows = [...byModule].map(([module, pieces]) => {
    const text = pieces.join('');
    return { module, raw: text.length, alone: gzipSync(text, { level: 9 }).length, share: Math.round((text.length / rawTotal) * total) };
  });
  rows.sort((a, b) => b.raw - a.raw);
  return { total, rows, text: new Map([...byModule].map(([m, pieces]) => [m, pieces.join('')])) };
}

/** The site whose content script is attributed (COMPOSITION_SITE; Facebook's is the largest). */
const SITE = process.env.COMPOSITION_SITE ?? 'facebook';

export async function run(): Promise<void> {
  const { build } = await import('wxt');
  const outDir = mkdtempSync(join(tmpdir(), 'jaga-composition-'));
  try {
    await build({
      root: ROOT,
      outDir,
      filterEntrypoints: [SITE],
      logger: { debug() {}, log() {}, info() {}, warn() {}, error: console.error, fatal: console.error, success() {}, level: 0 } as never,
      vite: () => ({ build: { sourcemap: true } }),
    });
    const file = join(outDir, 'chrome-mv3', 'content-scripts', `${SITE}.js`);
    const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
    const { total, rows, text } = attribute(code, map, dirname(file));
    // COMPOSITION_DUMP=<dir>: also write each module's share of the minified output, to read what it is made of
    const dump = process.env.COMPOSITION_DUMP;
    if (dump) {
      mkdirSync(dump, { recursive: true });
      for (const [module, t] of text) writeFileSync(join(dump, module.replace(/[^\w.-]+/g, '_') + '.txt'), t);
    }
    console.log(`  ${SITE} content script (source-map build): raw ${code.length} B, gzip ${total} B`);
    console.log(`  ${'module'.padEnd(48)} ${'raw'.padStart(7)} ${'gzip alone'.padStart(10)} ${'gzip share'.padStart(10)}`);
    for (const r of rows.filter((r) => r.raw >= 300)) {
      console.log(`  ${r.module.padEnd(48)} ${String(r.raw).padStart(7)} ${String(r.alone).padStart(10)} ${String(r.share).padStart(10)}  ${((r.share / total) * 100).toFixed(1)}%`);
    }
    const small = rows.filter((r) => r.raw < 300);
    const smallRaw = small.reduce((s, r) => s + r.raw, 0);
    console.log(`  ${`(${small.length} modules under 300 B)`.padEnd(48)} ${String(smallRaw).padStart(7)}`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
