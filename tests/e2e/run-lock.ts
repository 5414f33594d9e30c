/**
 * One end-to-end run at a time on a machine. Chromium reads its policy folder machine-wide, so two
 * runs at once (a developer's clean-clone CI next to another) start each other's browsers under
 * each other's policies. The lock is a file holding the owner's pid: a run that finds it held by a
 * live process waits; one held by a dead process (a killed run) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUN_LOCK = join(tmpdir(), 'jaga-netral-e2e.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** The pid holding the lock, or undefined when it is free or its holder is gone. */
export function lockHolder(path = RUN_LOCK): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

/**
 * Take the lock, waiting while a live run holds it (up to `waitMs`, then a clear error). Returns
 * the release function; releasing twice is harmless.
 */
export async function takeRunLock(
  options: { path?: string; waitMs?: number; pollMs?: number; onWait?: (pid: number) => void } = {},
): Promise<() => void> {
  const { path = RUN_LOCK, waitMs = 60 * 60_000, pollMs = 2_000, onWait } = options;
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    if (tryTake(path)) break;
    const holder = lockHolder(path);
    if (holder === undefined) {
      rmSync(path, { force: true }); // a killed run's lock (or one released between the two reads)
      continue;
    }
    if (!told) onWait?.(holder);
    told = true;
    if (Date.now() > deadline)
      throw new Error(`another end-to-end run (pid ${holder}) still holds ${path} after ${Math.round(waitMs / 60_000)} min`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (lockHolder(path) === process.pid) rmSync(path, { force: true });
  };
}
