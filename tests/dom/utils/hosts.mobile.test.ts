/**
 * The sites' mobile hosts (issue #21): each is served by its site's adapter and matched by that
 * site's content script and the manifest's host permissions, with nothing added for them.
 */
import { describe, expect, it } from 'vitest';
import { adapterForHost } from '@/entrypoints/content/sites';
import { SUPPORTED_MATCHES, matchesForHosts } from '@/utils/hosts';

/** Whether a Chrome match pattern of the form https://host/* or https://*.host/* covers an https URL. */
function covers(pattern: string, url: string): boolean {
  const host = new URL(url).hostname;
  const p = pattern.slice('https://'.length, pattern.indexOf('/', 'https://'.length));
  return url.startsWith('https://') && (p.startsWith('*.') ? host === p.slice(2) || host.endsWith(p.slice(1)) : host === p);
}

describe.each([
  { url: 'https://m.facebook.com/groups/relawan02/permalink/1001/', site: 'facebook' },
  { url: 'https://mobile.x.com/home', site: 'x' },
  { url: 'https://mobile.twitter.com/home', site: 'x' },
  { url: 'https://m.youtube.com/watch?v=abc', site: 'youtube' },
  { url: 'https://www.instagram.com/p/abc/', site: 'instagram' },
  { url: 'https://m.tiktok.com/@relawan/video/1', site: 'tiktok' },
  { url: 'https://www.threads.com/@relawan', site: 'threads' },
])('mobile host $url', ({ url, site }) => {
  it(`is served by the ${site} adapter`, () => {
    expect(adapterForHost(new URL(url).hostname)?.id).toBe(site);
  });

  it(`is matched by the ${site} content script and by the manifest's host permissions`, () => {
    const adapter = adapterForHost(new URL(url).hostname)!;
    expect(matchesForHosts(adapter.hosts).some((p) => covers(p, url))).toBe(true);
    expect(SUPPORTED_MATCHES.some((p) => covers(p, url))).toBe(true);
  });
});

it('the match check itself tells a mobile host from a look-alike', () => {
  expect(covers('https://*.x.com/*', 'https://mobile.x.com/home')).toBe(true);
  expect(covers('https://*.x.com/*', 'https://mobilex.com/home')).toBe(false);
  expect(adapterForHost('mobile.x.com.evil.example')).toBeUndefined();
});
