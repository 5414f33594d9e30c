/**
 * `jaga doctor` on the adapter fixtures: every action kind each adapter knows is listed, with the
 * content and author the DOM tests expect; the CLI itself runs under tsx without the `@/` alias.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPage, run, summary } from '../../../../../rules/cli/commands/doctor.ts';

const ROOT = resolve(import.meta.dirname, '../../../../..');
const fixture = (p: string) => join(ROOT, 'tests/fixtures/sites', p);
const kinds = (r: ReturnType<typeof inspectPage>) => new Set(r.controls.map((c) => `${c.action}/${c.detail}`));

describe('jaga doctor', () => {
  it('has a summary', () => expect(summary).toMatch(/saved page/));

  it('prints the same health counters as the extension: read, label layer, hooks matched, unrecognised labels', () => {
    const html = readFileSync(fixture('facebook/story-2018-en.html'), 'utf8').replace(
      '</body>',
      '<div id="side"><button type="button">Follow</button></div><article><p>Coblos 02 hari ini</p><button type="button">Share</button></article></body>',
    );
    const r = inspectPage(html, 'https://www.facebook.com/');
    expect(r.health).toMatchObject({ detected: 3, byLabel: 1, container: 1, blind: 0, unrecognised: 1, labels: { follow: 1 } });
    expect(r.health.hooks).toMatchObject({ 'like:like': 2, 'like:post': 2 });
    const like = r.controls.find((c) => c.action === 'like');
    expect(like?.hooks).toEqual(expect.arrayContaining(['like:like', 'like:post']));
    expect(r.controls.find((c) => c.byLabel)).toMatchObject({ action: 'share', read: 'container', content: 'Coblos 02 hari ini' });
  });

  it.each(['x/home-id.html', 'x/home-en.html'])('X %s: every action kind, with content, author and handle', (page) => {
    const r = inspectPage(readFileSync(fixture(page), 'utf8'), 'https://x.com/home');
    expect(r.site).toBe('x');
    expect([...kinds(r)]).toEqual(
      expect.arrayContaining(['like/like', 'share/repost', 'share/quote', 'comment/reply', 'post/post', 'follow/follow', 'post/send']),
    );
    const like = r.controls.find((c) => c.action === 'like' && c.handle === 'relawangaruda02');
    expect(like).toMatchObject({ site: 'x', event: 'click', author: 'Relawan Garuda', content: expect.stringContaining('Ayo coblos 02!') });
    expect(like!.control).toMatch(/button\[data-testid="like"\]$/);
    expect(r.controls.some((c) => c.event === 'Ctrl+Enter' && c.action === 'post')).toBe(true);
    expect(r.controls.every((c) => c.content.length <= 200)).toBe(true);
    // already-liked / unfollow controls are not listed
    expect(r.controls.some((c) => /unlike|unfollow|unretweet/.test(c.control))).toBe(false);
  });

  it.each(['facebook/feed-id.html', 'facebook/feed-en.html'])('Facebook %s: like, react, comment, share, post, follow', (page) => {
    const r = inspectPage(readFileSync(fixture(page), 'utf8'), 'https://www.facebook.com/');
    expect(r.site).toBe('facebook');
    expect([...kinds(r)]).toEqual(
      expect.arrayContaining(['like/like', 'like/react', 'comment/comment', 'share/share', 'post/post', 'follow/follow']),
    );
    expect(r.controls.find((c) => c.action === 'comment' && c.author === 'Relawan Garuda Nusantara')?.event).toBe('Enter');
  });

  it('Facebook page and group headers: like page and join group', () => {
    const page = inspectPage(readFileSync(fixture('facebook/page-id.html'), 'utf8'), 'https://www.facebook.com/timdigital.pg');
    expect(page.controls.find((c) => c.detail === 'like' && c.action === 'follow')).toMatchObject({ author: 'Tim Digital Prabowo Gibran', handle: 'timdigital.pg' });
    const group = inspectPage(readFileSync(fixture('facebook/group-en.html'), 'utf8'), 'https://www.facebook.com/groups/relawan3jateng/');
    expect(group.controls.find((c) => c.detail === 'join')).toMatchObject({ group: 'Relawan Ganjar–Mahfud Jawa Tengah' });
  });

  it('selector overrides apply (an emptied hook disappears)', () => {
    const html = readFileSync(fixture('x/home-en.html'), 'utf8');
    const r = inspectPage(html, 'https://x.com/home', { like: [] });
    expect(r.controls.some((c) => c.action === 'like' && c.event === 'click')).toBe(false);
  });

  it('an unknown host has no adapter', () => {
    expect(inspectPage('<p>hi</p>', 'https://example.org/')).toMatchObject({ site: null, controls: [] });
  });

  it('run(): usage errors exit 2, an unknown host or a page with no control exits 1', async () => {
    const quiet = () => {
      const write = process.stderr.write;
      process.stderr.write = (() => true) as typeof process.stderr.write;
      return () => void (process.stderr.write = write);
    };
    const restore = quiet();
    try {
      expect(await run([])).toBe(2);
      expect(await run([fixture('x/home-en.html')])).toBe(2);
      expect(await run([fixture('x/home-en.html'), '--url', 'not a url'])).toBe(2);
      expect(await run([fixture('x/home-en.html'), '--url', 'https://example.org/'])).toBe(1);
      expect(await run(['/nonexistent.html', '--url', 'https://x.com/'])).toBe(1);
    } finally {
      restore();
    }
  });

  it('the CLI prints JSON through `npm run jaga` (tsx, relative imports only)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'rules/cli/jaga.ts', 'doctor', fixture('x/home-id.html'), '--url', 'https://x.com/home'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(out) as { site: string; controls: { action: string }[] };
    expect(report.site).toBe('x');
    expect(report.controls.length).toBeGreaterThan(5);
    const empty = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'rules/cli/jaga.ts', 'doctor', fixture('README.md'), '--url', 'https://x.com/'], { cwd: ROOT, encoding: 'utf8' });
    expect(empty.status).toBe(1);
  }, 120_000);
});
