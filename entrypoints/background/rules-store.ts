/**
 * The active rule set. First run (and any time storage is empty) uses the default bundle built
 * into the package, so the extension works offline from the first click. Content scripts read
 * the compiled rules from storage.local and pick up a new value without a reload.
 */
import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '@/utils/storage-keys';
import { parseBundleFile, type LoadedBundle } from './bundle-file';

export const DEFAULT_BUNDLE_PATH = '/rules/default-bundle.json';

export async function loadDefaultBundle(): Promise<LoadedBundle> {
  const url = (browser.runtime.getURL as (path: string) => string)(DEFAULT_BUNDLE_PATH);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`default bundle missing (${response.status})`);
  return parseBundleFile(await response.text());
}

export async function storeEngine(loaded: LoadedBundle, source: 'default' | 'update'): Promise<void> {
  await browser.storage.local.set({
    [STORAGE_KEYS.engine]: {
      bundleVersion: loaded.bundle.version,
      compiled: loaded.compiled,
      sites: loaded.bundle.sites ?? {},
      source,
      issuedAt: loaded.bundle.issuedAt,
      expiresAt: loaded.bundle.expiresAt,
    },
  });
}

/** Make sure content scripts have rules: keep what is stored, else install the default bundle. */
export async function ensureEngine(): Promise<void> {
  const items = await browser.storage.local.get(STORAGE_KEYS.engine);
  if (items[STORAGE_KEYS.engine]) return;
  await storeEngine(await loadDefaultBundle(), 'default');
}
