import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRealPages, parseManifest, splitProblems, type RealPage } from '../../../scripts/real-pages.ts';

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

/** a page for the split checks: only site, date, id, split and batch matter */
function dated(id: string, capturedAt: string, split: RealPage['split'], batch?: number): RealPage {
  return { ...page(id, id, id, split), capturedAt, ...(batch === undefined ? {} : { batch }) };
}

describe('split rule, replayed batch by batch', () => {
  it('accepts a first batch split by the rule (newest first, ties by id, positions 0, 2, … report)', () => {
    const pages = [
      dated('b', '2025-12', 'development'),
      dated('a', '2025-12', 'report'),
      dated('c', '2021-06', 'report'),
      dated('d', '2016', 'development'),
    ];
    expect(splitProblems(pages)).toEqual([]);
  });

  it('names a page of the first batch whose split is not the rule', () => {
    const pages = [dated('a', '2025-12', 'development'), dated('b', '2021-06', 'development')];
    expect(splitProblems(pages)).toEqual([
      { id: 'a', batch: 1, split: 'development', rule: 'report', position: 0 },
    ]);
  });

  it('gives a later batch the split of its position among all pages so far, never moving earlier pages', () => {
    // batch 1: a (report), c (development). Batch 2 adds b between them: position 1 → development;
    // c is now at position 2 (the rule would say report) and keeps its split.
    const pages = [
      dated('a', '2026-02', 'report', 1),
      dated('c', '2021-06', 'development', 1),
      dated('b', '2025-12', 'development', 2),
    ];
    expect(splitProblems(pages)).toEqual([]);
    expect(splitProblems([...pages.slice(0, 2), dated('b', '2025-12', 'report', 2)])).toEqual([
      { id: 'b', batch: 2, split: 'report', rule: 'development', position: 1 },
    ]);
  });

  it('keeps sites apart', () => {
    const pages = [dated('x1', '2025-12', 'report'), { ...dated('t1', '2025-12', 'report'), site: 'tiktok' as const }];
    expect(splitProblems(pages)).toEqual([]);
  });

  it('rejects a batch that is not a positive whole number', () => {
    expect(() => parseManifest(JSON.stringify([dated('a', '2025-12', 'report', 0)]))).toThrow(/batch/);
  });

  it('holds for the committed manifest', () => {
    const pages = parseManifest(readFileSync(join(__dirname, '../../fixtures/real-pages/manifest.json'), 'utf8'));
    expect(splitProblems(pages)).toEqual([]);
  });
});
