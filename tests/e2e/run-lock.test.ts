/** The machine-wide end-to-end run lock (tests/e2e/run-lock.ts), on a lock file of its own. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockHolder, takeRunLock } from './run-lock';

const lockPath = () => join(mkdtempSync(join(tmpdir(), 'jaga-lock-')), 'e2e.lock');
/** a pid that was just alive and has ended */
const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));

describe('the end-to-end run lock', () => {
  it('is held with this pid and freed on release (twice is harmless)', async () => {
    const path = lockPath();
    const release = await takeRunLock({ path });
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    expect(lockHolder(path)).toBe(process.pid);
    release();
    release();
    expect(existsSync(path)).toBe(false);
  });

  it('waits while a live process holds it, then says who', async () => {
    const path = lockPath();
    writeFileSync(path, String(process.ppid)); // the runner's parent: alive for the whole test
    const waited: number[] = [];
    await expect(takeRunLock({ path, waitMs: 300, pollMs: 50, onWait: (pid) => waited.push(pid) })).rejects.toThrow(`pid ${process.ppid}`);
    expect(waited).toEqual([process.ppid]);
    expect(readFileSync(path, 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a lock whose holder is gone (a killed run), and one with no pid in it', async () => {
    for (const content of [String(deadPid()), 'not a pid']) {
      const path = lockPath();
      writeFileSync(path, content);
      expect(lockHolder(path)).toBeUndefined();
      const release = await takeRunLock({ path, waitMs: 0 });
      expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
      release();
    }
  });

  it('gets the lock as soon as the holder lets go', async () => {
    const path = lockPath();
    const first = await takeRunLock({ path });
    setTimeout(first, 200);
    const second = await takeRunLock({ path, waitMs: 5_000, pollMs: 50 });
    expect(lockHolder(path)).toBe(process.pid);
    second();
  });
});
