import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalDataDir, photoEvalDir, REPO_ROOT, realPagesDir } from '../../../scripts/local-data';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ignored = (path: string) => {
  try {
    execFileSync('git', ['check-ignore', '-q', path], { cwd: ROOT });
    return true;
  } catch {
    return false;
  }
};

describe('local data folders', () => {
  it('default to folders inside the checkout that git ignores', () => {
    expect(REPO_ROOT).toBe(ROOT);
    for (const dir of [evalDataDir({}), realPagesDir({}), photoEvalDir({})]) {
      const inside = relative(ROOT, dir);
      expect(inside.startsWith('..'), dir).toBe(false);
      expect(inside.split('/')[0]).toBe('.local');
      // the folder itself: it may be a symbolic link to the data elsewhere, which git will not look through
      expect(ignored(dir), `${inside} is gitignored`).toBe(true);
    }
  });

  it('keep the environment overrides', () => {
    expect(evalDataDir({ JAGA_EVAL_DATA: '/data/eval' })).toBe('/data/eval');
    expect(realPagesDir({ JAGA_REAL_PAGES: '/data/pages' })).toBe('/data/pages');
    expect(photoEvalDir({ JAGA_PHOTO_EVAL: '/data/photos' })).toBe('/data/photos');
  });

  it('an empty override falls back to the default', () => {
    expect(evalDataDir({ JAGA_EVAL_DATA: '' })).toBe(evalDataDir({}));
  });

  it('no tracked file names a folder of the machine the code was written on', () => {
    // the pattern is split so this file does not match itself
    const machineFolder = ['', 'work', ''].join('/');
    let hits = '';
    try {
      hits = execFileSync('git', ['grep', '-n', '-F', machineFolder, '--', '.', ':!package-lock.json'], { cwd: ROOT, encoding: 'utf8' });
    } catch {
      /* git grep exits 1 when nothing matches */
    }
    expect(hits).toBe('');
  });
});
