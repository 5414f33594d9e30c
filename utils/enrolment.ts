/**
 * Agency enrolment: where a browser has no `storage.managed` (Firefox for Android has no enterprise
 * policy), an agency publishes its policy as a signed file and hands out an enrolment link; the user
 * opens the link once, and the extension then follows that file.
 *
 * The link, `web+jaganetral:enrol?v=1&url=<policy URL>&key=<public key>&name=<agency name>`, carries
 * the HTTPS address of the policy file and the agency's Ed25519 public key (base64 of the 32 raw
 * bytes). The key is pinned at enrolment (trust on first use): every later copy of the file must be
 * signed by it. A new key means a new enrolment link.
 *
 * The file is the rule bundles' signed envelope (rules/signing.ts) with its own format string,
 * `jaga-policy/1`, so a signed bundle can never pass as a policy. Its payload:
 *   { "agencyName", "agencyId", "issuedAt", "expiresAt", "policy": { …the managed_schema keys… } }
 * The policy keys are parsed one by one as a managed policy is (utils/policy.ts): an invalid key is
 * dropped with a warning, the others apply.
 *
 * Every refusal has a code (for tests and the options page) and a reason in words.
 */
import * as z from 'zod/mini';
import { POLICY_ENVELOPE_FORMAT, keyIdOf, serializeEnvelope, signEnvelope, verifyEnvelope } from '@/rules/signing';
import { parsePolicy, type Policy } from './policy';
import { BodyTooLarge, readLimited } from './read-limited';

export const ENROL_SCHEME = 'web+jaganetral';
/** A policy is a few KB; anything above this is refused while downloading. */
export const MAX_POLICY_BYTES = 64 * 1024;
/** The whole download (headers and body) is given up on after this. */
export const POLICY_FETCH_TIMEOUT_MS = 30_000;
/** How far `issuedAt` may lie ahead of the device's clock (time zones, a clock a little behind). */
export const FUTURE_SLACK_MS = 86_400_000;

export type RefusalCode =
  | 'bad-link'
  | 'not-https'
  | 'download'
  | 'too-large'
  | 'malformed'
  | 'wrong-format'
  | 'unsigned'
  | 'wrong-key'
  | 'tampered'
  | 'expired'
  | 'future'
  | 'rollback'
  | 'other-agency';

export class EnrolmentRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'EnrolmentRefused';
  }
}

export interface Refusal {
  ok: false;
  code: RefusalCode;
  reason: string;
}

const publicKeySchema = z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/));

/** What an enrolment link carries. */
export interface EnrolmentLink {
  policyUrl: string;
  publicKey: string;
  /** the agency's name as the link states it (a hint: the signed file's name is what is shown) */
  agencyName: string;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

export function buildEnrolmentLink(link: EnrolmentLink): string {
  const query = new URLSearchParams({ v: '1', url: link.policyUrl, key: link.publicKey, name: link.agencyName });
  return `${ENROL_SCHEME}:enrol?${query.toString()}`;
}

/**
 * Reads a pasted link, the text of the QR code, or what the protocol handler passes (the link,
 * percent-encoded once more). Refuses anything but an HTTPS policy URL and a well-formed key.
 */
export function parseEnrolmentLink(text: string): { ok: true; link: EnrolmentLink } | Refusal {
  let value = text.trim();
  if (/^web%2Bjaganetral%3A/i.test(value)) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return { ok: false, code: 'bad-link', reason: 'the link is not correctly encoded' };
    }
  }
  const m = /^web\+jaganetral:(?:\/\/)?enrol\?(.*)$/is.exec(value);
  if (!m || value.length > 4096) {
    return { ok: false, code: 'bad-link', reason: `not an enrolment link (it must start with "${ENROL_SCHEME}:enrol?")` };
  }
  const query = new URLSearchParams(m[1]);
  if (query.get('v') !== '1') return { ok: false, code: 'bad-link', reason: 'unknown link version (expected v=1)' };
  const policyUrl = query.get('url') ?? '';
  const publicKey = query.get('key') ?? '';
  const agencyName = (query.get('name') ?? '').trim().slice(0, 120);
  if (!policyUrl) return { ok: false, code: 'bad-link', reason: 'the link has no policy URL (url=)' };
  if (!isHttpsUrl(policyUrl)) return { ok: false, code: 'not-https', reason: `the policy URL must use https: ${policyUrl.slice(0, 200)}` };
  if (!publicKeySchema.safeParse(publicKey).success) {
    return { ok: false, code: 'bad-link', reason: 'the link has no valid agency key (key=, base64 of 32 bytes)' };
  }
  return { ok: true, link: { policyUrl, publicKey, agencyName } };
}

// ---------------------------------------------------------------- the signed file

const isoDate = z.string().check(
  z.maxLength(40),
  z.refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && Number.isFinite(Date.parse(s)), 'expected an ISO date and time'),
);

export const AgencyPolicyPayloadSchema = z.object({
  agencyName: z.string().check(z.minLength(1), z.maxLength(120)),
  agencyId: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)),
  issuedAt: isoDate,
  expiresAt: isoDate,
  policy: z.record(z.string(), z.unknown()),
});
export type AgencyPolicyPayload = z.infer<typeof AgencyPolicyPayloadSchema>;

export interface VerifiedAgencyPolicy {
  ok: true;
  agencyName: string;
  agencyId: string;
  issuedAt: string;
  expiresAt: string;
  /** the valid policy keys */
  policy: Policy;
  /** policy keys that were ignored, and why */
  warnings: string[];
  /** the signed file as received, kept so it can be verified again */
  envelope: string;
}

/** What the held policy constrains a newer copy by. */
export interface HeldPolicy {
  issuedAt: string;
  agencyId: string;
}

/**
 * Verify a downloaded policy file against the pinned key: the envelope's format, a signature by that
 * key over the exact bytes, the payload's shape, and the dates (not expired, not issued more than a
 * day ahead of the clock, not older than the copy held).
 */
export async function verifyAgencyPolicy(
  file: Uint8Array | string,
  publicKey: string,
  now: number,
  held?: HeldPolicy,
): Promise<VerifiedAgencyPolicy | Refusal> {
  const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });
  if (file.length > MAX_POLICY_BYTES) return refuse('too-large', `the policy file is larger than ${MAX_POLICY_BYTES} bytes`);
  let text: string;
  try {
    text = typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file);
  } catch {
    return refuse('malformed', 'the policy file is not valid UTF-8');
  }
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    return refuse('malformed', 'the policy file is not JSON');
  }
  if (typeof outer !== 'object' || outer === null || Array.isArray(outer))
    return refuse('malformed', 'the policy file is not a signed envelope');
  const { format, signature, keyId } = outer as Record<string, unknown>;
  if (format !== POLICY_ENVELOPE_FORMAT) {
    return refuse(
      'wrong-format',
      `the file's format is ${JSON.stringify(format)}, not "${POLICY_ENVELOPE_FORMAT}" (a rule bundle is not a policy)`,
    );
  }
  if (signature === null || keyId === null || signature === undefined || keyId === undefined) {
    return refuse('unsigned', 'the policy file is not signed');
  }
  let pinnedId: string;
  try {
    pinnedId = await keyIdOf(publicKey);
  } catch (error) {
    return refuse('bad-link', error instanceof Error ? error.message : String(error));
  }
  if (keyId !== pinnedId) return refuse('wrong-key', `signed by key ${String(keyId)}, not by the agency's key ${pinnedId}`);
  const verified = await verifyEnvelope(typeof file === 'string' ? file : new Uint8Array(file), publicKey, POLICY_ENVELOPE_FORMAT);
  if (!verified.ok) return refuse('tampered', `the signature does not hold: ${verified.reason}`);

  let payload: AgencyPolicyPayload;
  try {
    const parsed = AgencyPolicyPayloadSchema.safeParse(JSON.parse(verified.payload));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse('malformed', `the signed policy is malformed: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? ''}`);
    }
    payload = parsed.data;
  } catch {
    return refuse('malformed', 'the signed payload is not JSON');
  }
  const issued = Date.parse(payload.issuedAt);
  const expires = Date.parse(payload.expiresAt);
  if (expires <= now) return refuse('expired', `the policy expired on ${payload.expiresAt}`);
  if (issued > now + FUTURE_SLACK_MS)
    return refuse('future', `the policy is issued ${payload.issuedAt}, more than a day ahead of this device's clock`);
  if (held) {
    if (payload.agencyId !== held.agencyId)
      return refuse('other-agency', `the file is for agency ${payload.agencyId}, not ${held.agencyId}`);
    if (issued < Date.parse(held.issuedAt)) {
      return refuse(
        'rollback',
        `the file was issued ${payload.issuedAt}, before the policy held (${held.issuedAt}): an older copy is not taken back`,
      );
    }
  }
  const { policy, warnings } = parsePolicy(payload.policy);
  return {
    ok: true,
    agencyName: payload.agencyName,
    agencyId: payload.agencyId,
    issuedAt: payload.issuedAt,
    expiresAt: payload.expiresAt,
    policy,
    warnings,
    envelope: text,
  };
}

/** The signed file as `jaga policy-sign` writes it. */
export async function signAgencyPolicy(payload: AgencyPolicyPayload, privateKeyPem: string): Promise<string> {
  return serializeEnvelope(await signEnvelope(JSON.stringify(payload), privateKeyPem, POLICY_ENVELOPE_FORMAT));
}

// ---------------------------------------------------------------- download

/**
 * Download the policy file: HTTPS only, no cookies or referrer, at most MAX_POLICY_BYTES (checked
 * while reading), everything within `timeoutMs`. Throws EnrolmentRefused.
 */
export async function downloadPolicy(url: string, fetchImpl: typeof fetch, timeoutMs = POLICY_FETCH_TIMEOUT_MS): Promise<Uint8Array> {
  if (!isHttpsUrl(url)) throw new EnrolmentRefused('not-https', `the policy URL must use https: ${url.slice(0, 200)}`);
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      reject(new EnrolmentRefused('download', `no complete answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
  const read = async (): Promise<Uint8Array> => {
    const response = await fetchImpl(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (!response.ok) throw new EnrolmentRefused('download', `HTTP ${response.status}`);
    try {
      return await readLimited(response, MAX_POLICY_BYTES, controller.signal);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      const declared = error.declared === undefined ? '' : ` (${error.declared} declared)`;
      throw new EnrolmentRefused('too-large', `the policy file is larger than ${MAX_POLICY_BYTES} bytes${declared}`);
    }
  };
  try {
    return await Promise.race([read(), deadline]);
  } catch (error) {
    if (error instanceof EnrolmentRefused) throw error;
    if (timedOut) throw new EnrolmentRefused('download', `no complete answer within ${timeoutMs / 1000} s`);
    throw new EnrolmentRefused('download', `download failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
    deadline.catch(() => {});
  }
}

/** Download and verify in one step; every failure comes back as a Refusal. */
export async function fetchAgencyPolicy(
  url: string,
  publicKey: string,
  fetchImpl: typeof fetch,
  now: number,
  held?: HeldPolicy,
): Promise<VerifiedAgencyPolicy | Refusal> {
  try {
    return await verifyAgencyPolicy(await downloadPolicy(url, fetchImpl), publicKey, now, held);
  } catch (error) {
    if (error instanceof EnrolmentRefused) return { ok: false, code: error.code, reason: error.message };
    return { ok: false, code: 'download', reason: error instanceof Error ? error.message : String(error) };
  }
}
