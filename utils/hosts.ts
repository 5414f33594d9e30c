import type { SiteId } from '@/rules/actions';

/**
 * The seven supported sites. Content-script matches and host permissions are exactly these,
 * HTTPS only: every one of these sites is HSTS-preloaded, so plain HTTP never reaches them.
 */
export const SUPPORTED_MATCHES = [
  'https://*.facebook.com/*',
  'https://*.instagram.com/*',
  'https://x.com/*',
  'https://*.x.com/*',
  'https://twitter.com/*',
  'https://*.twitter.com/*',
  'https://*.tiktok.com/*',
  'https://*.youtube.com/*',
  'https://*.threads.net/*',
  'https://*.threads.com/*',
  'https://web.whatsapp.com/*',
] as const;

/**
 * The match patterns of the sites whose hosts are given (an adapter's `hosts`): each host itself and
 * its subdomains, as far as SUPPORTED_MATCHES lists them. A per-site content script matches exactly
 * these, so it never asks for more than the manifest's host permissions.
 */
export function matchesForHosts(hosts: readonly string[]): string[] {
  return SUPPORTED_MATCHES.filter((pattern) => {
    const host = pattern.slice('https://'.length, pattern.indexOf('/', 'https://'.length));
    return hosts.some((h) => host === h || host === `*.${h}`);
  });
}

/**
 * Each site's hosts, as its adapter declares them (`hosts` in entrypoints/content/sites; a test
 * keeps the two equal). Extension pages use this to ask for and show host access per site
 * without loading the adapters' code.
 */
export const SITE_HOSTS = {
  facebook: ['facebook.com'],
  instagram: ['instagram.com'],
  x: ['x.com', 'twitter.com'],
  tiktok: ['tiktok.com'],
  youtube: ['youtube.com'],
  threads: ['threads.net', 'threads.com'],
  whatsapp: ['web.whatsapp.com'],
} as const satisfies Record<SiteId, readonly string[]>;
