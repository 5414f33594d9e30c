/**
 * The Edge store package (`npm run zip:edge`), as Partner Center receives it: built into a private
 * folder, then read back from the zip. A store build carries no `key` (the stores refuse it and
 * give their own id), names its minimum Chromium, ships its icons and both locales, and its
 * descriptions fit the stores' 132 characters. No browser is started.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_MATCHES } from '../../utils/hosts';
import { ROOT } from './harness';

let outDir: string;
let zip: string;

/** One file of the package, read from the zip itself. */
function fromZip(path: string): Buffer {
  return execFileSync('unzip', ['-p', zip, path], { maxBuffer: 64 * 1024 * 1024 });
}
function entries(): string[] {
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }).split('\n').filter(Boolean);
}
/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'jaga-edge-'));
  execFileSync('npm', ['run', '--silent', 'zip:edge'], {
    cwd: ROOT,
    env: { ...process.env, JAGA_OUT_DIR: outDir },
    // the build's warnings stay out of the test output; a failed build throws with them
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const name = readdirSync(outDir).find((f) => /^jaga-netral-.*-edge\.zip$/.test(f));
  if (!name) throw new Error(`no Edge zip in ${outDir}: ${readdirSync(outDir).join(', ')}`);
  zip = join(outDir, name);
}, 300_000);

afterAll(() => {
  if (outDir && existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
});

describe('the Edge store package (npm run zip:edge)', () => {
  it('has a store-ready manifest: MV3, no key, a minimum Chromium, the seven sites only', () => {
    const manifest = JSON.parse(fromZip('manifest.json').toString('utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest).not.toHaveProperty('key');
    expect(manifest.minimum_chrome_version).toBe('109');
    expect(manifest).not.toHaveProperty('browser_specific_settings');
    // unlimitedStorage: Chrome caps storage.local at 10 MB, which a compiled rule set of ~30,000 names fills
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'offscreen', 'scripting', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions).toEqual([...SUPPORTED_MATCHES]);
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  });

  it('ships every file the manifest names, at the zip\'s root', () => {
    const manifest = JSON.parse(fromZip('manifest.json').toString('utf8'));
    const files = new Set(entries());
    const named = [
      manifest.background.service_worker,
      manifest.action.default_popup,
      manifest.options_ui.page,
      manifest.storage.managed_schema,
      ...Object.values(manifest.icons as Record<string, string>),
      ...(manifest.content_scripts as { js: string[] }[]).flatMap((cs) => cs.js),
    ];
    for (const file of named) expect(files.has(file), file).toBe(true);
  });

  it('has its icons at the sizes it declares, 128 px included', () => {
    const manifest = JSON.parse(fromZip('manifest.json').toString('utf8'));
    expect(Object.keys(manifest.icons)).toContain('128');
    for (const [size, file] of Object.entries(manifest.icons as Record<string, string>)) {
      expect(pngSize(fromZip(file)), file).toEqual([Number(size), Number(size)]);
    }
  });

  it('has both locales, Indonesian by default, with a name and a description the stores accept', () => {
    const manifest = JSON.parse(fromZip('manifest.json').toString('utf8'));
    expect(manifest.default_locale).toBe('id');
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    for (const locale of ['id', 'en']) {
      const messages = JSON.parse(fromZip(`_locales/${locale}/messages.json`).toString('utf8'));
      expect(messages.extName.message.length, locale).toBeLessThanOrEqual(75);
      expect(messages.extDescription.message.length, locale).toBeLessThanOrEqual(132);
    }
  });
});
