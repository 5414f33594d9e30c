import { describe, expect, it } from 'vitest';
import { selectorsFor, type ContentState } from '@/entrypoints/content/state';
import type { SiteAdapter } from '@/entrypoints/content/sites/types';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const adapter: SiteAdapter = {
  id: 'x',
  hosts: ['x.com'],
  selectors: { like: ['[data-testid="like"]'], reply: ['[data-testid="reply"]'] },
  detect: () => null,
};

const state = (siteSelectors: ContentState['siteSelectors']): ContentState => ({
  settings: DEFAULT_SETTINGS,
  engine: null,
  siteSelectors,
  fullExplanations: 0,
});

describe('selectorsFor', () => {
  it('uses the adapter built-ins when the bundle overrides nothing for the site', () => {
    expect(selectorsFor(adapter, state({ facebook: { like: ['x'] } }))).toBe(adapter.selectors);
  });

  it('replaces the overridden keys only, and merges once per bundle', () => {
    const overrides = { like: ['[aria-label="Suka"]'] };
    const s = state({ x: overrides });
    const merged = selectorsFor(adapter, s);
    expect(merged).toEqual({ like: ['[aria-label="Suka"]'], reply: ['[data-testid="reply"]'] });
    expect(selectorsFor(adapter, s)).toBe(merged);
    // A new bundle brings new overrides: merged afresh.
    const next = selectorsFor(adapter, state({ x: { reply: ['[aria-label="Balas"]'] } }));
    expect(next).toEqual({ like: ['[data-testid="like"]'], reply: ['[aria-label="Balas"]'] });
  });
});
