/**
 * `npm run bench [-- SECTION…]`: runs every module in scripts/bench/ (sorted by file name), each
 * exporting `name` and `run(): Promise<void>` that prints its own lines. Add a section by adding a
 * file; no need to touch this runner. With arguments, runs only the sections whose name matches.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Section {
  name: string;
  run(): Promise<void>;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as Partial<Section>;
  if (typeof mod.run !== 'function') continue;
  const name = mod.name ?? file.replace(/\.ts$/, '');
  if (only.length && !only.some((o) => name.includes(o) || file.includes(o))) continue;
  // --json: the sections print JSON lines only
  if (!process.argv.includes('--json')) console.log(`\n== ${name} (${file}) ==`);
  try {
    await mod.run();
  } catch (error) {
    failed++;
    console.error(`bench ${name} failed:`, error);
  }
}
process.exitCode = failed ? 1 : 0;
