/**
 * First run without host access: Firefox (desktop under MV3, and Firefox for Android, whose
 * add-ons manager had no way to grant it) installs the extension with its sites not yet allowed,
 * and then nothing is checked. So on install the options page opens at its "Izinkan di
 * situs-situs ini" step. Chromium grants the manifest's hosts at install: nothing opens there.
 */
import { browser } from 'wxt/browser';
import { ALL_SITE_ORIGINS } from '@/utils/host-access';

export const ACCESS_STEP_PATH = '/options.html#izin';

export async function openAccessStepIfMissing(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  let granted: boolean;
  try {
    granted = await browser.permissions.contains({ origins: [...ALL_SITE_ORIGINS] });
  } catch {
    return; // no permissions API here: nothing to ask for
  }
  if (granted) return;
  await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)(ACCESS_STEP_PATH) });
}
