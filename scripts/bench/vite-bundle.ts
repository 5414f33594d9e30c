/**
 * A bench module bundled as the extension ships its code (Vite, esbuild minification, packages bundled
 * in), for a child process to run: engine.ts's throughput and compile-shipped.ts's compile. Through tsx
 * (esbuild file by file, names kept) the same code measured 20–35% slower.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `entry` bundled into `outDir` as `fileName` (an ES module for Node 20); returns its path */
export async function viteBundle(entry: string, outDir: string, fileName: string): Promise<string> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    // packages bundled in too, as in the extension (an SSR build leaves them external by default)
    ssr: { noExternal: true },
    build: { ssr: entry, outDir, emptyOutDir: false, minify: 'esbuild', target: 'node20', rollupOptions: { output: { entryFileNames: fileName } } },
  });
  return join(outDir, fileName);
}
