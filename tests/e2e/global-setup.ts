/**
 * Before any end-to-end test: one run at a time on this machine (tests/e2e/run-lock.ts), no policy
 * file left by a killed run, no other policy file setting this extension, a Chromium (never
 * downloaded), and the built extension. `npm test` builds first; a lone `npm run test:e2e` builds
 * when the output is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_POLICY_DIR, EXTENSION_DIR, ROOT, findChromium, foreignPolicyFiles, removeLeftoverPolicyFiles } from './harness';
import { takeRunLock } from './run-lock';

export default async function setup(): Promise<() => void> {
  findChromium();
  const release = await takeRunLock({
    onWait: (pid) => console.warn(`Waiting for the end-to-end run of pid ${pid} to end (one at a time: Chromium's policy folder is machine-wide).`),
  });
  try {
    const left = removeLeftoverPolicyFiles();
    if (left.length) console.warn(`Removed policy files a killed run left in ${CHROMIUM_POLICY_DIR}: ${left.join(', ')}`);
    const foreign = foreignPolicyFiles();
    if (foreign.length) {
      throw new Error(
        `${CHROMIUM_POLICY_DIR} has policy files for this extension that the tests did not write (${foreign.join(', ')}): ` +
          'every browser would start under them. Move them away to run the end-to-end tests.',
      );
    }
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
    }
  } catch (error) {
    release();
    throw error;
  }
  return () => {
    removeLeftoverPolicyFiles();
    release();
  };
}
