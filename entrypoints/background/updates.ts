/**
 * Signed rule updates. An alarm (every `updateIntervalHours`, default 6, with ±10 % jitter) fetches
 * each update URL (the release's, from its build-time settings, plus the policy's `updateUrls` and
 * `updateSources`) with a conditional request, and applies a bundle only when all of these hold:
 *   1. the body is at most MAX_BUNDLE_BYTES (checked while reading, not after);
 *   2. it is a `jaga-bundle/1` envelope, byte for byte in canonical form, whose Ed25519 signature
 *      verifies against a key trusted for that URL (`trustedKeysFor`);
 *   3. its payload passes the rules schema (`parseRuleBundle`), and its compiled rules carry the
 *      hash of its source (they are compiled again here from that source);
 *   4. its version follows the YYYYMMDDnn scheme (`versionProblem`) and is higher than the active
 *      one (no rollback; equal is "nothing new");
 *   5. its compiled rules load in the engine the content scripts use.
 * The signed file is kept with the active bundle and verified again after every policy change and
 * at start (`refreshActiveStatus`): when its key is no longer trusted, the packaged bundle returns.
 * Then it replaces the active bundle in one storage write (rules-store.ts). Downloads are bounded
 * (HEADERS_TIMEOUT_MS for the answer, TOTAL_TIMEOUT_MS for the whole body) and run, with checks
 * 1–3 and 5, outside the queue that serialises engine writes, so a stalled server never holds up a
 * policy's extra rules; check 4 is made again inside the queue, just before the write. On any failure the
 * last good bundle stays, and the attempt `{time, url, result, reason}` is recorded in
 * storage.local `updateStatus` with a short history for the popup and options page. An expired
 * bundle is still used (better than none); the status says so.
 */
import { browser } from 'wxt/browser';
import { type BundleEnvelope, decodeUtf8, parseEnvelope, verifyEnvelope, versionProblem } from '@/rules/signing';
import type { Policy } from '@/utils/policy';
import { BodyTooLarge, readLimited, untilAborted } from '@/utils/read-limited';
import { updateStatusItem } from '@/utils/storage-items';
import type { ActiveBundle, UpdateAttempt, UpdateResult, UpdateStatus } from '@/utils/stored-values';
import { BUILT_IN_PUBLIC_KEYS, DEFAULT_UPDATE_URLS } from '@/utils/trusted-keys';
import { BundleError, parsePayload } from './bundle-file';
import { policyLoaded, storedPolicy, writePolicyWarnings } from './policy';
import { assertLoads, loadDefaultBundle, readActiveBundle, serialise, storeEngine } from './rules-store';

export const UPDATE_ALARM = 'jaga-rule-update';
export const DEFAULT_INTERVAL_HOURS = 6;
/** A bundle larger than this is refused without being read further. */
export const MAX_BUNDLE_BYTES = 5 * 1024 * 1024;
export const HISTORY_LENGTH = 20;
/** First check after install or browser start: soon, but not in the same second on every machine. */
const FIRST_CHECK_MINUTES = { min: 1, max: 10 } as const;

export interface CheckOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** bounds of one download (defaults HEADERS_TIMEOUT_MS and TOTAL_TIMEOUT_MS) */
  timeouts?: Partial<DownloadTimeouts>;
}

class Rejected extends Error {
  constructor(
    message: string,
    readonly version?: number,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- status

export function readStatus(): Promise<UpdateStatus> {
  return updateStatusItem.getValue();
}

function writeStatus(status: UpdateStatus): Promise<void> {
  return updateStatusItem.setValue(status);
}

export function isExpired(expiresAt: string, now: number): boolean {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(expiresAt) ? `${expiresAt}T23:59:59.999Z` : expiresAt);
  return Number.isFinite(t) && t < now;
}

function describeActive(active: ActiveBundle | null, now: number): UpdateStatus['active'] {
  if (!active) return null;
  return {
    version: active.bundle.version,
    source: active.source,
    ...(active.url ? { url: active.url } : {}),
    ...(active.keyId ? { keyId: active.keyId } : {}),
    issuedAt: active.bundle.issuedAt,
    expiresAt: active.bundle.expiresAt,
    expired: isExpired(active.bundle.expiresAt, now),
  };
}

// ---------------------------------------------------------------- download

/** The URLs to check, the release's first, then the policy's, without duplicates. */
export function updateUrls(policy: Policy): string[] {
  return [...new Set([...DEFAULT_UPDATE_URLS, ...(policy.updateUrls ?? []), ...(policy.updateSources ?? []).map((s) => s.url)])];
}

/**
 * The keys trusted to sign what `url` serves: the release's keys for the release's URLs only, the
 * policy's `updateSources` keys for their own URL only, and the policy's `trustedPublicKeys` (not
 * tied to a URL) for any.
 */
export function trustedKeysFor(url: string | undefined, policy: Policy): string[] {
  return [
    ...new Set([
      ...(url !== undefined && DEFAULT_UPDATE_URLS.includes(url) ? BUILT_IN_PUBLIC_KEYS : []),
      ...(policy.updateSources ?? []).filter((s) => s.url === url).flatMap((s) => s.publicKeys),
      ...(policy.trustedPublicKeys ?? []),
    ]),
  ];
}

type Download =
  | { kind: 'not-modified' }
  | { kind: 'body'; bytes: Uint8Array; etag?: string; lastModified?: string };

export interface DownloadTimeouts {
  /** from the request to the response headers */
  headersMs: number;
  /** from the request to the last byte of the body */
  totalMs: number;
}

const seconds = (ms: number) => `${ms / 1000} s`;

async function download(
  url: string,
  validators: UpdateStatus['validators'][string] | undefined,
  fetchImpl: typeof fetch,
  timeouts: DownloadTimeouts,
): Promise<Download> {
  const conditional: Record<string, string> = {};
  if (validators?.etag) conditional['if-none-match'] = validators.etag;
  if (validators?.lastModified) conditional['if-modified-since'] = validators.lastModified;
  // Every wait is bounded: a server that never answers, or stops half-way, is given up on.
  const controller = new AbortController();
  let timedOut = '';
  const giveUp = (why: string) => () => {
    timedOut ||= why;
    controller.abort();
  };
  const headersTimer = setTimeout(giveUp(`no answer within ${seconds(timeouts.headersMs)}`), timeouts.headersMs);
  const totalTimer = setTimeout(giveUp(`download not complete within ${seconds(timeouts.totalMs)}`), timeouts.totalMs);
  // No cookies, no referrer: the request says nothing about the user. The browser's HTTP cache is
  // bypassed so the validators we keep are the ones that count.
  const get = (headers: Record<string, string>) =>
    untilAborted(
      fetchImpl(url, { headers, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', redirect: 'follow', signal: controller.signal }),
      controller.signal,
    );
  try {
    let response: Response;
    try {
      try {
        response = await get(conditional);
      } catch (error) {
        // If-None-Match / If-Modified-Since make a cross-origin request "non-simple": a host that
        // sends Access-Control-Allow-Origin but does not answer the CORS preflight fails here. Ask
        // once more without validators rather than never updating again.
        if (Object.keys(conditional).length === 0 || controller.signal.aborted) throw error;
        response = await get({});
      }
    } catch (error) {
      throw new Error(`download failed: ${timedOut || (error instanceof Error ? error.message : String(error))}`);
    }
    clearTimeout(headersTimer);
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new Error(`download failed: HTTP ${response.status}`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(response, MAX_BUNDLE_BYTES, controller.signal);
    } catch (error) {
      if (timedOut) throw new Error(`download failed: ${timedOut}`);
      if (error instanceof BodyTooLarge) throw new Rejected(`bundle too large: ${error.message}`);
      throw error;
    }
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return { kind: 'body', bytes, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  } finally {
    clearTimeout(headersTimer);
    clearTimeout(totalTimer);
  }
}

// ---------------------------------------------------------------- verification

export interface VerifiedBundle {
  bundle: ActiveBundle['bundle'];
  compiled: unknown;
  keyId: string;
  /** the signed file as received, kept so it can be verified again when the trusted keys change */
  envelope: string;
}

/**
 * Checks 2 and 3: signature by a trusted key over the exact bytes received, then the payload's
 * schema. Throws Rejected.
 */
export async function verifyBundleText(file: Uint8Array | string, keys: readonly string[], url?: string): Promise<VerifiedBundle> {
  let envelope: BundleEnvelope;
  let text: string;
  try {
    text = typeof file === 'string' ? file : decodeUtf8(file);
    envelope = parseEnvelope(text);
  } catch (error) {
    throw new Rejected(`malformed bundle: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (envelope.signature === null || envelope.keyId === null) throw new Rejected('bundle is unsigned');
  let lastReason = `signed by key ${envelope.keyId}, which is not trusted${url ? ` for ${url}` : ''}`;
  let verified: { payload: string; keyId: string } | null = null;
  for (const key of keys) {
    const result = await verifyEnvelope(file, key);
    if (result.ok) {
      verified = result;
      break;
    }
    // A key with another id says nothing about this envelope; keep the most telling reason.
    if (!result.reason.startsWith('signed by key')) lastReason = result.reason;
  }
  if (!verified) throw new Rejected(`signature not accepted: ${lastReason}`);

  try {
    return { ...(await parsePayload(verified.payload)), keyId: verified.keyId, envelope: text };
  } catch (error) {
    if (error instanceof BundleError) throw new Rejected(error.message, error.version);
    throw error;
  }
}

// ---------------------------------------------------------------- one check

/** Which attempt of a check the headline shows. */
const RANK: Record<UpdateResult, number> = { 'not-modified': 1, 'up-to-date': 1, error: 2, rejected: 3, updated: 4 };

/** What one URL gave, found outside the engine queue: a final attempt, or a verified bundle to apply. */
type Fetched =
  | { kind: 'done'; attempt: UpdateAttempt }
  | { kind: 'verified'; url: string; time: number; verified: VerifiedBundle; validators: UpdateStatus['validators'][string] };

/** Download and verify one URL. Runs outside the engine queue: a slow server holds up no rule write. */
async function fetchAndVerify(
  url: string,
  policy: Policy,
  validators: UpdateStatus['validators'][string] | undefined,
  fetchImpl: typeof fetch,
  now: () => number,
  timeouts: DownloadTimeouts,
): Promise<Fetched> {
  const time = now();
  try {
    const got = await download(url, validators, fetchImpl, timeouts);
    if (got.kind === 'not-modified') return { kind: 'done', attempt: { time, url, result: 'not-modified', reason: 'not modified since the last check' } };
    const verified = await verifyBundleText(got.bytes, trustedKeysFor(url, policy), url);
    const problem = versionProblem(verified.bundle, now());
    if (problem) throw new Rejected(problem, verified.bundle.version);
    try {
      assertLoads(verified.compiled);
    } catch (error) {
      throw new Rejected(`compiled rules do not load: ${error instanceof Error ? error.message : String(error)}`, verified.bundle.version);
    }
    const remembered = { ...(got.etag ? { etag: got.etag } : {}), ...(got.lastModified ? { lastModified: got.lastModified } : {}) };
    return { kind: 'verified', url, time, verified, validators: remembered };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof Rejected) return { kind: 'done', attempt: { time, url, result: 'rejected', reason, ...(error.version !== undefined ? { version: error.version } : {}) } };
    return { kind: 'done', attempt: { time, url, result: 'error', reason } };
  }
}

/** Apply a verified bundle; inside the engine queue, so the rollback check sees the bundle really active. */
async function applyVerified(fetched: Extract<Fetched, { kind: 'verified' }>, status: UpdateStatus): Promise<UpdateAttempt> {
  const { url, time, verified } = fetched;
  const version = verified.bundle.version;
  const active = await readActiveBundle();
  status.validators[url] = fetched.validators;
  if (active && version < active.bundle.version) {
    // Signed but older: a replay of an old bundle or a stale mirror. Never roll back.
    return { time, url, result: 'rejected', version, reason: `version ${version} is older than the active version ${active.bundle.version} (no rollback)` };
  }
  if (active && version === active.bundle.version) {
    return { time, url, result: 'up-to-date', version, reason: `version ${version} is already active` };
  }
  try {
    await storeEngine(
      { bundle: verified.bundle, compiled: verified.compiled },
      { source: 'update', url, keyId: verified.keyId, appliedAt: time, envelope: verified.envelope },
    );
  } catch (error) {
    delete status.validators[url];
    return { time, url, result: 'error', version, reason: `not stored: ${error instanceof Error ? error.message : String(error)}` };
  }
  const expired = isExpired(verified.bundle.expiresAt, time);
  return {
    time,
    url,
    result: 'updated',
    version,
    ...(expired ? { reason: `applied version ${version}, but it expired on ${verified.bundle.expiresAt} (still used until a newer one arrives)` } : {}),
  };
}

export const HEADERS_TIMEOUT_MS = 30_000;
export const TOTAL_TIMEOUT_MS = 120_000;

/**
 * Check every update URL once, in order (a later URL can still bring a higher version). Downloads
 * and verification run first, outside the queue that serialises engine writes; only applying the
 * verified bundles (with the rollback check) runs inside it. Returns the new status.
 */
export async function checkForUpdates(options: CheckOptions = {}): Promise<UpdateStatus> {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const timeouts: DownloadTimeouts = { headersMs: options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS, totalMs: options.timeouts?.totalMs ?? TOTAL_TIMEOUT_MS };
  // The policy's keys, URLs and extra rules must be known first (outside the engine queue: loading
  // the policy may itself rebuild the engine).
  await policyLoaded().catch(() => {});
  const policy = await storedPolicy();
  const known = await readStatus();
  const fetched: Fetched[] = [];
  for (const url of updateUrls(policy)) fetched.push(await fetchAndVerify(url, policy, known.validators[url], fetchImpl, now, timeouts));
  return serialise(async () => {
    const status = await readStatus();
    let headline: UpdateAttempt | null = null;
    for (const item of fetched) {
      const attempt = item.kind === 'done' ? item.attempt : await applyVerified(item, status);
      if (RANK[attempt.result] === 1 || attempt.result === 'updated') status.lastSuccess = attempt.time;
      if (!headline || RANK[attempt.result] >= RANK[headline.result]) headline = attempt;
      status.history = [attempt, ...status.history].slice(0, HISTORY_LENGTH);
    }
    const applied = headline?.result === 'updated';
    for (const key of ['time', 'url', 'result', 'reason', 'version'] as const) delete status[key];
    Object.assign(status, headline);
    // Known URLs only: validators of URLs a policy no longer lists are dropped.
    const urls = new Set(updateUrls(policy));
    status.validators = Object.fromEntries(Object.entries(status.validators).filter(([u]) => urls.has(u)));
    status.active = describeActive(await readActiveBundle(), now());
    await writeStatus(status);
    return { applied, status };
  }).then(async ({ applied, status }) => {
    if (applied) await writePolicyWarnings().catch(() => {});
    return status;
  });
}

/** Why the active downloaded bundle may no longer be used (keys or clock changed), or null. */
async function activeProblem(active: ActiveBundle, policy: Policy, now: number): Promise<string | null> {
  if (!active.envelope) return 'no signed copy was kept to check it again';
  try {
    const verified = await verifyBundleText(active.envelope, trustedKeysFor(active.url, policy), active.url);
    if (verified.bundle.version !== active.bundle.version) return 'its signed copy is of another version';
    return versionProblem(verified.bundle, now);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * After install, at browser start and after every policy change: verify the active downloaded
 * bundle again against the keys trusted now (a key removed from the policy or from the release is
 * revoked), and fall back to the packaged bundle when it fails; then refresh `updateStatus.active`.
 */
export function refreshActiveStatus(now = Date.now()): Promise<void> {
  return serialise(async () => {
    const status = await readStatus();
    const active = await readActiveBundle();
    if (active?.source === 'update') {
      const problem = await activeProblem(active, await storedPolicy(), now);
      if (problem) {
        const packaged = await loadDefaultBundle();
        await storeEngine(packaged, 'default');
        const attempt: UpdateAttempt = {
          time: now,
          url: active.url ?? '',
          result: 'rejected',
          version: active.bundle.version,
          reason: `the active version ${active.bundle.version} is no longer trusted (${problem}); back to the packaged version ${packaged.bundle.version}`,
        };
        for (const key of ['time', 'url', 'result', 'reason', 'version'] as const) delete status[key];
        Object.assign(status, attempt);
        status.history = [attempt, ...status.history].slice(0, HISTORY_LENGTH);
      }
    }
    status.active = describeActive(await readActiveBundle(), now);
    await writeStatus(status);
  });
}

// ---------------------------------------------------------------- schedule

export function intervalMinutes(policy: Policy): number {
  return (policy.updateIntervalHours ?? DEFAULT_INTERVAL_HOURS) * 60;
}

/** The interval with ±10 % jitter, so thousands of managed browsers do not all ask at once. */
export function jittered(minutes: number, random = Math.random): number {
  return minutes * (0.9 + 0.2 * random());
}

async function setNextCheck(when: number): Promise<void> {
  await browser.alarms.create(UPDATE_ALARM, { when });
  const status = await readStatus();
  status.nextCheck = when;
  await writeStatus(status);
}

/**
 * Make sure a check is scheduled. `keep`: keep a pending alarm unless it lies further away than the
 * (possibly shortened) interval; with none, the first check comes a few minutes from now.
 * `soon`: check within a few minutes (the policy brought new URLs or keys).
 */
export async function scheduleUpdates(policy: Policy, now = Date.now(), mode: 'keep' | 'soon' = 'keep'): Promise<void> {
  const existing = await browser.alarms.get(UPDATE_ALARM);
  const interval = intervalMinutes(policy) * 60_000;
  const soon = now + (FIRST_CHECK_MINUTES.min + Math.random() * (FIRST_CHECK_MINUTES.max - FIRST_CHECK_MINUTES.min)) * 60_000;
  if (mode === 'soon') {
    await setNextCheck(existing ? Math.min(existing.scheduledTime, soon) : soon);
    return;
  }
  if (existing && existing.scheduledTime <= now + interval * 1.1) return;
  await setNextCheck(existing ? now + jittered(intervalMinutes(policy)) * 60_000 : soon);
}

/** The alarm fired: check, then schedule the next one (one-shot alarms, so every wait is jittered). */
export async function onUpdateAlarm(options: CheckOptions = {}): Promise<void> {
  try {
    await checkForUpdates(options);
  } finally {
    const policy = await storedPolicy();
    await setNextCheck((options.now ?? Date.now)() + jittered(intervalMinutes(policy)) * 60_000);
  }
}
