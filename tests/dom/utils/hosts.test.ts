/**
 * One content script per site (entrypoints/<site>.content.ts): each matches its adapter's hosts,
 * together they cover every supported host, and none asks for more than the manifest's host
 * permissions.
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/entrypoints/content/sites';
import { SITE_HOSTS, SUPPORTED_MATCHES, matchesForHosts } from '@/utils/hosts';

describe('matchesForHosts', () => {
  it('gives a host and its subdomains as far as the supported patterns list them', () => {
    expect(matchesForHosts(['x.com', 'twitter.com']).sort()).toEqual(
      ['https://x.com/*', 'https://*.x.com/*', 'https://twitter.com/*', 'https://*.twitter.com/*'].sort(),
    );
    expect(matchesForHosts(['web.whatsapp.com'])).toEqual(['https://web.whatsapp.com/*']);
    expect(matchesForHosts(['example.com'])).toEqual([]);
  });

  it('does not take a host for a suffix of another (x.com is not in wax.com)', () => {
    expect(matchesForHosts(['ax.com'])).toEqual([]);
  });

  it("splits the supported patterns among the adapters: each has some, none is shared, none is left over", () => {
    const perAdapter = ADAPTERS.map((a) => matchesForHosts(a.hosts));
    for (const matches of perAdapter) expect(matches.length).toBeGreaterThan(0);
    const all = perAdapter.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...SUPPORTED_MATCHES].sort());
  });
});

describe('SITE_HOSTS', () => {
  it('names each adapter\'s hosts exactly, and no other site', () => {
    expect(Object.fromEntries(ADAPTERS.map((a) => [a.id, [...a.hosts]]))).toEqual(SITE_HOSTS);
  });
});
