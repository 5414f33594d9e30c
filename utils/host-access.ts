/**
 * Host access per site. Under Manifest V3 Firefox (and Firefox for Android, whose add-ons manager
 * offered no way to grant it) treats host permissions as opt-in, and any browser lets the user
 * withhold them: without access to a site the content script never runs there. The options page
 * asks for access (in the user's click, as `permissions.request` requires) and the popup warns
 * while an enabled site lacks it. Chromium grants the manifest's hosts at install, so there
 * everything shows granted.
 */
import { browser } from 'wxt/browser';
import { SITE_IDS, type SiteId } from '@/rules/actions';
import { SITE_HOSTS, matchesForHosts } from '@/utils/hosts';

/** The match patterns of one site (its adapter's hosts). */
export function siteOrigins(site: SiteId): string[] {
  return matchesForHosts(SITE_HOSTS[site]);
}

/** Every site's origins: what the options page asks for, and what the manifest declares. */
export const ALL_SITE_ORIGINS: readonly string[] = SITE_IDS.flatMap(siteOrigins);

/** Per site, whether the extension may run there. */
export type HostAccess = Record<SiteId, boolean>;

/** The current access per site; null when the browser cannot say (no permissions API). */
export async function readHostAccess(): Promise<HostAccess | null> {
  try {
    const granted = await Promise.all(SITE_IDS.map((site) => browser.permissions.contains({ origins: siteOrigins(site) })));
    return Object.fromEntries(SITE_IDS.map((site, i) => [site, granted[i] === true])) as HostAccess;
  } catch {
    return null;
  }
}

/**
 * Ask for every site at once. Call it straight from the click handler, before any await: the
 * browser shows its prompt only inside the user's gesture. Resolves to whether the user allowed.
 */
export function requestHostAccess(): Promise<boolean> {
  try {
    return Promise.resolve(browser.permissions.request({ origins: [...ALL_SITE_ORIGINS] })).then((ok) => ok === true);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The enabled sites (settings.sites) the extension may not run on. */
export function sitesWithoutAccess(access: HostAccess | null, enabled: Partial<Record<SiteId, boolean>>): SiteId[] {
  if (!access) return [];
  return SITE_IDS.filter((site) => enabled[site] !== false && !access[site]);
}
