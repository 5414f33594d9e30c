/**
 * Build time only (Node; read by wxt.config.ts): the release's update channel from the build's
 * settings, checked before anything is built.
 *
 * - JAGA_UPDATE_URLS: the HTTPS URLs of the release's signed bundle, separated by commas or white space;
 * - JAGA_TRUSTED_KEYS: the Ed25519 public keys (base64 of the 32 raw bytes, as `jaga keygen` writes
 *   to jaga-public.key) that may sign what those URLs serve;
 * - or, when neither variable is set, release.config.json at the repository root (or the file
 *   JAGA_RELEASE_CONFIG names): `{"updateUrls": [...], "trustedPublicKeys": [...]}`.
 * Neither: no channel (no URL, no key). URLs without keys, keys without URLs, a lost key, a URL
 * that is not HTTPS or a malformed key stop the build with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { decodePublicKey } from '../rules/signing.ts';
import { LOST_PUBLIC_KEYS, type ReleaseChannel } from './trusted-keys.ts';

const ConfigSchema = z.strictObject({
  updateUrls: z.array(z.string()).default([]),
  trustedPublicKeys: z.array(z.string()).default([]),
});

const list = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);

export function readReleaseChannel(env: Record<string, string | undefined>, configFile: string): { updateUrls: string[]; trustedPublicKeys: string[] } {
  let urls: string[];
  let keys: string[];
  let from: { urls: string; keys: string };
  if (env.JAGA_UPDATE_URLS !== undefined || env.JAGA_TRUSTED_KEYS !== undefined) {
    urls = list(env.JAGA_UPDATE_URLS);
    keys = list(env.JAGA_TRUSTED_KEYS);
    from = { urls: 'JAGA_UPDATE_URLS', keys: 'JAGA_TRUSTED_KEYS' };
  } else if (existsSync(configFile)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(configFile, 'utf8'));
    } catch (error) {
      throw new Error(`${configFile}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const parsed = ConfigSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${configFile}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    urls = parsed.data.updateUrls;
    keys = parsed.data.trustedPublicKeys;
    from = { urls: `${configFile} updateUrls`, keys: `${configFile} trustedPublicKeys` };
  } else {
    return { updateUrls: [], trustedPublicKeys: [] };
  }
  for (const url of urls) {
    if (!z.url({ protocol: /^https$/ }).safeParse(url).success) throw new Error(`${from.urls}: ${url} is not an https URL`);
  }
  for (const key of keys) {
    try {
      decodePublicKey(key);
    } catch (error) {
      throw new Error(`${from.keys}: ${key} is not a public key (${error instanceof Error ? error.message : String(error)})`);
    }
    if (LOST_PUBLIC_KEYS.includes(key)) throw new Error(`${from.keys}: ${key} is a lost key and must not be trusted`);
  }
  if (urls.length && !keys.length) throw new Error(`${from.urls} is set but there is no trusted key (${from.keys}): nobody could sign for those URLs`);
  if (keys.length && !urls.length) throw new Error(`${from.keys} is set but there is no update URL (${from.urls})`);
  const channel: ReleaseChannel = { updateUrls: [...new Set(urls)], trustedPublicKeys: [...new Set(keys)] };
  return { updateUrls: [...channel.updateUrls], trustedPublicKeys: [...channel.trustedPublicKeys] };
}
