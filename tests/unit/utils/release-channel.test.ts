/**
 * The release's update channel comes from build-time settings (JAGA_UPDATE_URLS, JAGA_TRUSTED_KEYS
 * or release.config.json, read by wxt.config.ts). Without them a build has no update URL and no key.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeys } from '../../../rules/signing.ts';
import { readReleaseChannel } from '../../../utils/release-channel.ts';
import { BUILT_IN_PUBLIC_KEYS, DEFAULT_UPDATE_URLS, LOST_PUBLIC_KEYS } from '../../../utils/trusted-keys.ts';

const noFile = join(tmpdir(), 'no-such-release.config.json');

describe('the built-in channel', () => {
  it('has no update URL and no key when built without settings (the lost development key is gone)', () => {
    expect(DEFAULT_UPDATE_URLS).toEqual([]);
    expect(BUILT_IN_PUBLIC_KEYS).toEqual([]);
    expect(BUILT_IN_PUBLIC_KEYS).not.toContain('gg+DqqfM4SdI7Zf40ncXUDi0QREPzQlyfEKhU8BNm5M=');
  });
});

describe('readReleaseChannel (build time)', () => {
  it('reads URLs and keys from the environment', async () => {
    const a = await generateKeys();
    const b = await generateKeys();
    const channel = readReleaseChannel(
      { JAGA_UPDATE_URLS: 'https://example.github.io/jaga/bundle.json, https://mirror.example.org/bundle.json', JAGA_TRUSTED_KEYS: `${a.publicKey}\n${b.publicKey}` },
      noFile,
    );
    expect(channel).toEqual({
      updateUrls: ['https://example.github.io/jaga/bundle.json', 'https://mirror.example.org/bundle.json'],
      trustedPublicKeys: [a.publicKey, b.publicKey],
    });
  });

  it('reads release.config.json when the environment says nothing, and is empty without either', async () => {
    const key = await generateKeys();
    const dir = mkdtempSync(join(tmpdir(), 'jaga-release-'));
    const file = join(dir, 'release.config.json');
    writeFileSync(file, JSON.stringify({ updateUrls: ['https://rules.example.go.id/bundle.json'], trustedPublicKeys: [key.publicKey] }));
    expect(readReleaseChannel({}, file)).toEqual({ updateUrls: ['https://rules.example.go.id/bundle.json'], trustedPublicKeys: [key.publicKey] });
    expect(readReleaseChannel({}, noFile)).toEqual({ updateUrls: [], trustedPublicKeys: [] });
  });

  it('fails the build with a clear error on bad settings', async () => {
    const key = await generateKeys();
    expect(() => readReleaseChannel({ JAGA_UPDATE_URLS: 'http://plain.example.org/b.json', JAGA_TRUSTED_KEYS: key.publicKey }, noFile)).toThrow(/JAGA_UPDATE_URLS.*https/);
    expect(() => readReleaseChannel({ JAGA_UPDATE_URLS: 'https://a.example.org/b.json', JAGA_TRUSTED_KEYS: 'not-a-key' }, noFile)).toThrow(/JAGA_TRUSTED_KEYS.*not-a-key/);
    expect(() => readReleaseChannel({ JAGA_UPDATE_URLS: 'https://a.example.org/b.json' }, noFile)).toThrow(/no trusted key/);
    expect(() => readReleaseChannel({ JAGA_TRUSTED_KEYS: key.publicKey }, noFile)).toThrow(/no update URL/);
    expect(() => readReleaseChannel({ JAGA_UPDATE_URLS: 'https://a.example.org/b.json', JAGA_TRUSTED_KEYS: LOST_PUBLIC_KEYS[0]! }, noFile)).toThrow(/lost/);
    const dir = mkdtempSync(join(tmpdir(), 'jaga-release-'));
    const file = join(dir, 'release.config.json');
    writeFileSync(file, '{"updateUrls": [');
    expect(() => readReleaseChannel({}, file)).toThrow(/release.config.json.*JSON/);
    writeFileSync(file, JSON.stringify({ updateUrls: [], trustedPublicKeys: [], extra: 1 }));
    expect(() => readReleaseChannel({}, file)).toThrow(/release.config.json/);
  });
});
