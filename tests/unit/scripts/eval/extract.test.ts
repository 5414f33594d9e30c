import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../../scripts/eval/extract.ts';
import type { Source } from '../../../../scripts/eval/sources.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd }).toString().trim();

/** A snapshot folder `<root>/o+r/repo` holding two commits of `data/a.csv`. */
function snapshot(): { root: string; first: string; second: string } {
  const root = mkdtempSync(join(tmpdir(), 'eval-extract-'));
  const repo = join(root, 'o+r', 'repo');
  mkdirSync(join(repo, 'data'), { recursive: true });
  git(repo, 'init', '-q');
  writeFileSync(join(repo, 'data', 'a.csv'), 'text\nfirst\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'one');
  const first = git(repo, 'rev-parse', 'HEAD');
  writeFileSync(join(repo, 'data', 'a.csv'), 'text\nsecond\n');
  git(repo, 'commit', '-qam', 'two');
  return { root, first, second: git(repo, 'rev-parse', 'HEAD') };
}

const source = (commit: string, paths = ['data/a.csv']): Source => ({
  id: 'test', repo: 'o/r', commit, licence: 'MIT', split: 'report', platform: 'x', kind: 'political',
  files: paths.map((path) => ({ path, read: () => [] })),
});

describe('extract copies the listed files at the listed commit', () => {
  it('takes the listed commit, not the snapshot HEAD, and lists the file in the README', () => {
    const { root, first } = snapshot();
    const out = join(root, 'out');
    const { rows, missing } = extract(root, out, [source(first)]);
    expect(missing).toEqual([]);
    expect(readFileSync(join(out, 'raw', 'o+r', 'data', 'a.csv'), 'utf8')).toBe('text\nfirst\n');
    expect(rows).toHaveLength(1);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(`| \`test\` | \`o/r\` | \`data/a.csv\` | \`${first}\` | MIT | report |`);
  });

  it('reports a missing commit and copies nothing, unless asked to take HEAD', () => {
    const { root } = snapshot();
    const out = join(root, 'out');
    const absent = 'f'.repeat(40);
    expect(extract(root, out, [source(absent)]).missing[0]).toMatch(/lacks commit f{40}/);
    expect(existsSync(join(out, 'raw', 'o+r', 'data', 'a.csv'))).toBe(false);
    expect(extract(root, out, [source(absent)], true).missing).toEqual([]);
    expect(readFileSync(join(out, 'raw', 'o+r', 'data', 'a.csv'), 'utf8')).toBe('text\nsecond\n');
  });

  it('reports a file absent at the commit and a repository without a snapshot', () => {
    const { root, second } = snapshot();
    const missing = extract(root, join(root, 'out'), [source(second, ['nope.csv']), { ...source(second), repo: 'x/y' }]).missing;
    expect(missing).toEqual([`test: nope.csv absent at ${second}`, `test: no snapshot of x/y under ${root}`]);
  });
});
