import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRealPages, parseManifest, type RealPage } from '../../../scripts/real-pages.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function page(id: string, served: string, original: string, split: RealPage['split'] = 'report'): RealPage {
  return {
    id, site: 'x', host: 'x.com', file: `x/${id}.html`, repo: 'owner/name', path: 'a.html',
    commit: '0'.repeat(40), capturedAt: '2025-12', licence: 'MIT', language: 'en', kind: 'capture',
    layout: 'status page', actions: [{ action: 'like', selector: '[data-testid="like"]', where: 'like' }],
    split, sha256: sha(served), original: { file: `x/${id}.orig.html`, sha256: sha(original) },
  };
}

let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('real-pages checker', () => {
  it('tells present, missing and changed files apart', () => {
    dir = mkdtempSync(join(tmpdir(), 'real-pages-'));
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x/a.html'), 'served a');
    writeFileSync(join(dir, 'x/a.orig.html'), 'orig a');
    writeFileSync(join(dir, 'x/b.html'), 'served b, edited');
    const reports = checkRealPages(dir, [page('a', 'served a', 'orig a'), page('b', 'served b', 'orig b')]);
    expect(reports).toEqual([
      { id: 'a', site: 'x', split: 'report', served: 'ok', original: 'ok' },
      { id: 'b', site: 'x', split: 'report', served: 'changed', original: 'missing' },
    ]);
  });

  it('never reads outside the folder, even for a hand-edited manifest', () => {
    dir = mkdtempSync(join(tmpdir(), 'real-pages-'));
    const escaping = { ...page('a', 's', 'o'), file: '../secret.html' };
    expect(() => parseManifest(JSON.stringify([escaping]))).toThrow(/relative path inside the folder/);
  });

  it('rejects bad manifests with a clear message', () => {
    expect(() => parseManifest('{')).toThrow(/not JSON/);
    expect(() => parseManifest(JSON.stringify([{ ...page('a', 's', 'o'), split: 'tuning' }]))).toThrow(/split/);
    expect(() => parseManifest(JSON.stringify([page('a', 's', 'o'), page('a', 't', 'p')]))).toThrow(/unique/);
  });

  it('accepts the committed manifest, which has pages of every split for each site it covers', () => {
    const pages = parseManifest(readFileSync(join(__dirname, '../../fixtures/real-pages/manifest.json'), 'utf8'));
    const sites = new Set(pages.map((p) => p.site));
    for (const site of sites) {
      const ofSite = pages.filter((p) => p.site === site);
      expect(ofSite.some((p) => p.split === 'report'), site).toBe(true);
      if (ofSite.length > 1) expect(ofSite.some((p) => p.split === 'development'), site).toBe(true);
      for (const p of ofSite) expect(p.actions.length, p.id).toBeGreaterThan(0);
    }
  });
});
