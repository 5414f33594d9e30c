/**
 * Signed rule-bundle envelopes (`jaga-bundle/1`): pure WebCrypto Ed25519, no Node or browser
 * specific APIs. Used by the `jaga` CLI (build, verify, keygen) and by the background to check a
 * downloaded update before it replaces the active bundle.
 *
 * Envelope:
 *   {
 *     "format": "jaga-bundle/1",
 *     "payload": "<exact JSON string of {bundle, compiled}>",
 *     "signature": "<base64 Ed25519 signature over the UTF-8 bytes of payload>" | null,
 *     "keyId": "<first 16 hex chars of sha256(raw public key)>" | null
 *   }
 *
 * The signature covers the payload *string*, not a re-serialisation of it, so verification never
 * depends on JSON key order or whitespace. An unsigned envelope (signature and keyId null) is only
 * acceptable for the default bundle built into the extension package itself.
 *
 * The payload must be well-formed Unicode: UTF-8 cannot encode a lone surrogate, and TextEncoder
 * writes one as the bytes of U+FFFD, so a file carrying the escape \ud800 where the signed one had
 * U+FFFD would otherwise verify. A file given as bytes is checked byte for byte against the
 * canonical serialisation, so a byte-order mark or another spelling of the same text is a change.
 */

import { base64ToBytes as decodeBase64, bytesToBase64 } from './compiled.ts';

export const ENVELOPE_FORMAT = 'jaga-bundle/1' as const;
/**
 * The same envelope around an agency policy (utils/enrolment.ts). Each reader names the one format
 * it accepts, so a signed bundle can never pass as a policy, nor a policy as a bundle.
 */
export const POLICY_ENVELOPE_FORMAT = 'jaga-policy/1' as const;
export type EnvelopeFormat = typeof ENVELOPE_FORMAT | typeof POLICY_ENVELOPE_FORMAT;

export interface BundleEnvelope {
  format: EnvelopeFormat;
  payload: string;
  signature: string | null;
  keyId: string | null;
}

export type VerifyResult =
  | { ok: true; payload: string; keyId: string }
  | { ok: false; reason: string };

const ED25519 = { name: 'Ed25519' } as const;
const PEM_LABEL = 'PRIVATE KEY';

// ---------------------------------------------------------------- encoding helpers

export { bytesToBase64 };

/**
 * Strict base64 for keys and signatures: whitespace ignored, then only the alphabet, correct
 * padding and the canonical encoding. The last character before '=' has unused low bits, so
 * "…A==" and "…B==" can decode to the same bytes; without the canonical check a changed character
 * in a signature or key could still verify.
 */
export function base64ToBytes(b64: string): Uint8Array {
  const clean = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new Error('not valid base64');
  }
  const out = decodeBase64(clean);
  if (bytesToBase64(out) !== clean) throw new Error('not canonical base64');
  return out;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh ArrayBuffer-backed copy (WebCrypto's BufferSource typing rejects SharedArrayBuffer views). */
function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(new ArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

// ---------------------------------------------------------------- keys

export interface GeneratedKeys {
  /** base64 of the raw 32-byte public key — paste this into a policy or the extension's trust list */
  publicKey: string;
  /** PKCS#8 PEM of the private key — keep offline, file mode 0600 */
  privateKeyPem: string;
  keyId: string;
}

export async function generateKeys(): Promise<GeneratedKeys> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: bytesToBase64(raw), privateKeyPem: toPem(pkcs8), keyId: await keyIdOf(raw) };
}

function toPem(der: Uint8Array): string {
  const body = bytesToBase64(der).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${PEM_LABEL}-----\n${body}\n-----END ${PEM_LABEL}-----\n`;
}

function fromPem(text: string): Uint8Array {
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(text);
  if (!match?.[1]) throw new Error('private key: expected a PKCS#8 PEM block "BEGIN PRIVATE KEY"');
  return base64ToBytes(match[1]);
}

/** First 16 hex characters of SHA-256 over the raw public key bytes. */
export async function keyIdOf(publicKey: Uint8Array | string): Promise<string> {
  const raw = typeof publicKey === 'string' ? decodePublicKey(publicKey) : publicKey;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buf(raw)));
  return toHex(digest).slice(0, 16);
}

/** Decodes a base64 raw public key and checks its length. */
export function decodePublicKey(b64: string): Uint8Array {
  let raw: Uint8Array;
  try {
    raw = base64ToBytes(b64.trim());
  } catch {
    throw new Error('public key: not valid base64');
  }
  if (raw.length !== 32) throw new Error(`public key: expected 32 raw bytes, got ${raw.length}`);
  return raw;
}

export async function importPublicKey(b64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', buf(decodePublicKey(b64)), ED25519, true, ['verify']);
}

/** Accepts the PKCS#8 PEM written by `jaga keygen`. */
export async function importPrivateKey(pem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', buf(fromPem(pem)), ED25519, true, ['sign']);
}

/** The raw public key (base64) belonging to a private key, via its JWK "x" member. */
export async function publicKeyOfPrivate(privateKey: CryptoKey): Promise<string> {
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  if (!jwk.x) throw new Error('private key: cannot derive the public key');
  const b64 = jwk.x.replace(/-/g, '+').replace(/_/g, '/');
  return b64 + '='.repeat((4 - (b64.length % 4)) % 4);
}

// ---------------------------------------------------------------- envelopes

export function unsignedEnvelope(payload: string, format: EnvelopeFormat = ENVELOPE_FORMAT): BundleEnvelope {
  return { format, payload, signature: null, keyId: null };
}

export async function signEnvelope(
  payload: string,
  privateKeyPem: string,
  format: EnvelopeFormat = ENVELOPE_FORMAT,
): Promise<BundleEnvelope> {
  const key = await importPrivateKey(privateKeyPem);
  const data = buf(new TextEncoder().encode(payload));
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, key, data));
  const keyId = await keyIdOf(await publicKeyOfPrivate(key));
  return { format, payload, signature: bytesToBase64(signature), keyId };
}

/** Serialises an envelope the way `jaga build` writes it (stable key order, trailing newline). */
export function serializeEnvelope(envelope: BundleEnvelope): string {
  const { format, payload, signature, keyId } = envelope;
  return `${JSON.stringify({ format, payload, signature, keyId })}\n`;
}

/** True when a string has no lone surrogate (so its UTF-8 bytes encode it exactly). */
export function isWellFormedText(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Strict UTF-8 decoding of a downloaded or read file; throws with a reason on a bad byte. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM: a byte-order mark stays in the text, where the canonical check refuses it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error('envelope: not valid UTF-8');
  }
}

/** Structural check of a parsed envelope; returns a reason when it is malformed. */
export function parseEnvelope(text: string, format: EnvelopeFormat = ENVELOPE_FORMAT): BundleEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`envelope: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null) throw new Error('envelope: not an object');
  const v = value as Record<string, unknown>;
  if (v.format !== format) throw new Error(`envelope: format must be "${format}"`);
  if (typeof v.payload !== 'string') throw new Error('envelope: payload must be a string');
  if (!isWellFormedText(v.payload)) throw new Error('envelope: payload is not well-formed Unicode (a lone surrogate)');
  if (v.signature !== null && typeof v.signature !== 'string') throw new Error('envelope: signature must be a string or null');
  if (v.keyId !== null && typeof v.keyId !== 'string') throw new Error('envelope: keyId must be a string or null');
  const extra = Object.keys(v).filter((k) => !['format', 'payload', 'signature', 'keyId'].includes(k));
  if (extra.length) throw new Error(`envelope: unexpected member(s) ${extra.join(', ')}`);
  return { format, payload: v.payload, signature: v.signature as string | null, keyId: v.keyId as string | null };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Verifies an envelope (the file's bytes as downloaded, its text, or already parsed) against one
 * trusted public key (base64 raw). ok only when the envelope is well formed, signed, the keyId
 * matches the key, and the Ed25519 signature over the payload's UTF-8 bytes is valid.
 */
export async function verifyEnvelope(
  input: Uint8Array | string | BundleEnvelope,
  publicKeyB64: string,
  format: EnvelopeFormat = ENVELOPE_FORMAT,
): Promise<VerifyResult> {
  let envelope: BundleEnvelope;
  try {
    const text = input instanceof Uint8Array ? decodeUtf8(input) : input;
    envelope = typeof text === 'string' ? parseEnvelope(text, format) : text;
    if (envelope.format !== format) throw new Error(`envelope: format must be "${format}"`);
    if (!isWellFormedText(envelope.payload)) throw new Error('envelope: payload is not well-formed Unicode (a lone surrogate)');
    if (typeof text === 'string') {
      // The file must be exactly what `jaga build` wrote (the trailing newline is optional), so that
      // any one-byte change to the file — even one JSON.parse would forgive — is rejected.
      const canonical = serializeEnvelope(envelope);
      const exact =
        input instanceof Uint8Array
          ? [canonical, canonical.slice(0, -1)].some((c) => sameBytes(input, new TextEncoder().encode(c)))
          : text === canonical || text === canonical.slice(0, -1);
      if (!exact) throw new Error('envelope: not in canonical form (the file was modified after signing)');
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (envelope.signature === null || envelope.keyId === null) return { ok: false, reason: 'envelope is unsigned' };
  let key: CryptoKey;
  let keyId: string;
  try {
    key = await importPublicKey(publicKeyB64);
    keyId = await keyIdOf(publicKeyB64);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (envelope.keyId !== keyId) {
    return { ok: false, reason: `signed by key ${envelope.keyId}, not by the given key ${keyId}` };
  }
  let signature: Uint8Array;
  try {
    signature = base64ToBytes(envelope.signature);
  } catch {
    return { ok: false, reason: 'signature is not valid base64' };
  }
  if (signature.length !== 64) return { ok: false, reason: 'signature must be 64 bytes' };
  const valid = await crypto.subtle.verify(ED25519, key, buf(signature), buf(new TextEncoder().encode(envelope.payload)));
  return valid ? { ok: true, payload: envelope.payload, keyId } : { ok: false, reason: 'signature does not match the payload' };
}

// ---------------------------------------------------------------- versions

const DAY_MS = 86_400_000;

/**
 * The version scheme of rule bundles: YYYYMMDDnn, the date the bundle was issued and a serial of
 * that day (00–99), e.g. 2026120501. The extension accepts a bundle only when
 *   - its version has that form (a real calendar date, year 2000 or later);
 *   - the version's date is at most one day ahead of the device's clock (time zones), so nobody can
 *     sign a version so high that every later real bundle would be refused as a rollback;
 *   - its `issuedAt` is at most one day ahead of the clock;
 *   - the version's date is within one day of the calendar date written in `issuedAt`.
 * Returns why a bundle breaks the scheme, or null.
 */
export function versionProblem(bundle: { version: number; issuedAt: string }, now: number): string | null {
  const { version, issuedAt } = bundle;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(String(version));
  const day = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!Number.isSafeInteger(version) || !m || Number(m[1]) < 2000 || new Date(day).toISOString().slice(0, 10) !== date) {
    return `version ${version} is not of the form YYYYMMDDnn (the issue date and a serial of that day)`;
  }
  if (day > now + DAY_MS) return `version ${version} is dated ${date}, more than a day ahead of the clock`;
  const issued = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(issuedAt) ? `${issuedAt}T00:00:00Z` : issuedAt);
  if (!Number.isFinite(issued)) return `issuedAt ${issuedAt} is not a date`;
  if (issued > now + DAY_MS) return `the bundle is issued ${issuedAt}, more than a day ahead of the clock`;
  const issuedDay = Date.parse(`${issuedAt.slice(0, 10)}T00:00:00Z`);
  if (Math.abs(issuedDay - day) > DAY_MS) {
    return `version ${version} is dated ${date} but the bundle was issued ${issuedAt.slice(0, 10)} (they must be within a day)`;
  }
  return null;
}
