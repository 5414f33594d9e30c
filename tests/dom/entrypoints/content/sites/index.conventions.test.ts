/**
 * Meta-test for the site adapters (after refined-github's features.test.ts): every adapter is
 * registered for its hosts and has fixture pages in both UI languages, every selector entry is
 * valid CSS, and every selector key matches at least one element in the adapter's fixtures — so a
 * selector nobody has a page for cannot be added unnoticed. Placeholder adapters (no selectors yet)
 * are skipped until they land.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterForHost } from '@/entrypoints/content/sites/index';
import { parseEntry, queryAllAny } from '@/entrypoints/content/sites/helpers';
import { FIXTURES_DIR, readFixture } from './load-fixture';

const SITES_DIR = join(FIXTURES_DIR, '../../../entrypoints/content/sites');
const modules = import.meta.glob<Record<string, unknown>>('@/entrypoints/content/sites/{facebook,instagram,x,tiktok,youtube,threads,whatsapp}.ts', { eager: true });

const real = ADAPTERS.filter((a) => Object.keys(a.selectors).length > 0);

it('at least the X and Facebook adapters are real', () => {
  expect(real.map((a) => a.id)).toEqual(expect.arrayContaining(['x', 'facebook']));
});

describe.each(ADAPTERS.map((a) => ({ id: a.id, adapter: a })))('adapter $id', ({ adapter }) => {
  it('is found by each of its hosts (and www. subdomains)', () => {
    for (const h of adapter.hosts) {
      expect(adapterForHost(h)?.id).toBe(adapter.id);
      expect(adapterForHost(`www.${h}`)?.id).toBe(adapter.id);
    }
  });

  it('has the one adapter shape: defineSiteAdapter, a default export only, memories owned by the adapter', () => {
    const entry = Object.entries(modules).find(([path]) => path.endsWith(`/${adapter.id}.ts`));
    expect(entry, 'one module per adapter, named after its id').toBeDefined();
    const [, mod] = entry!;
    // no exported selector constants, reset functions or content readers: only the adapter
    expect(Object.keys(mod)).toEqual(['default']);
    expect(mod.default).toBe(adapter);
    expect(typeof (adapter as { reset?: unknown }).reset).toBe('function');
    const source = readFileSync(join(SITES_DIR, `${adapter.id}.ts`), 'utf8');
    expect(source).toMatch(/export default defineSiteAdapter(<\w+>)?\(\{/);
    // module-level state: a top-level `let`, or a memory object made outside `memory()`
    const topLevel = source.split('\n').filter((line) => /^(let |var |const \w+ = new (OpenerMemory|WeakSet|WeakMap)\b)/.test(line));
    expect(topLevel).toEqual([]);
  });

  const placeholder = Object.keys(adapter.selectors).length === 0;
  const dir = join(FIXTURES_DIR, adapter.id);
  const pages = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];

  it.skipIf(placeholder)('has fixture pages in Indonesian and English UI', () => {
    expect(pages.some((p) => p.endsWith('-id.html'))).toBe(true);
    expect(pages.some((p) => p.endsWith('-en.html'))).toBe(true);
  });

  it.skipIf(placeholder)('every fixture page carries the page-side handler script and the site log', () => {
    for (const p of pages) {
      const html = readFixture(`${adapter.id}/${p}`);
      expect(html, p).toContain('<script src="/__fixtures__/handlers.js" data-fixture-handlers></script>');
      expect(html, p).not.toMatch(/<script(?! src="\/__fixtures__\/handlers\.js")[^>]*>/); // no page-specific copies
      expect(html, p).toContain('id="site-log"');
    }
  });

  it.skipIf(placeholder)('every selector entry is valid CSS (after its text filter is split off)', () => {
    const bad: string[] = [];
    for (const [key, entries] of Object.entries(adapter.selectors)) {
      for (const entry of entries) {
        try {
          document.createElement('div').querySelector(parseEntry(entry).css);
        } catch {
          bad.push(`${key}: ${entry}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it.skipIf(placeholder)('every selector key matches at least one element in its fixtures', () => {
    const docs = pages.map((p) => new DOMParser().parseFromString(readFixture(`${adapter.id}/${p}`), 'text/html'));
    const unmatched = Object.entries(adapter.selectors)
      .filter(([, entries]) => !docs.some((d) => queryAllAny(d, entries).length > 0))
      .map(([key]) => key);
    expect(unmatched).toEqual([]);
  });
});
