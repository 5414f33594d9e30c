/**
 * Before any end-to-end test: a Chromium must exist (never downloaded) and the extension must be
 * built. `npm test` builds first; a lone `npm run test:e2e` builds when the output is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, ROOT, findChromium } from './harness';

export default function setup(): void {
  findChromium();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  }
}
