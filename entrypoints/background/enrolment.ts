/**
 * Agency enrolment in the background (utils/enrolment.ts has the link and file format): where
 * storage.managed gives nothing (Firefox for Android has no enterprise policy), the user enrols in
 * an agency's signed policy from the options page; the policy then applies as a managed one would
 * (entrypoints/background/policy.ts lays it under a real managed policy, which always wins).
 *
 * - preview: download and verify the file named by the link; nothing is stored. The page shows the
 *   agency and what the policy sets, and asks the user to confirm.
 * - confirm: verify the file the page hands back against the link's key once more, pin the key,
 *   store the record and publish the policy.
 * - refresh (on the rule-update alarm, so at the same interval as bundles): download again; take the
 *   file only when the pinned key signed it, it is not expired, not issued more than a day ahead of
 *   the clock and not older than the one held. On any refusal the last good policy stays and the
 *   reason is stored for the options page.
 * - expiry: an alarm at `expiresAt` publishes the policy again, so an expired one stops applying.
 * - leave: the user may un-enrol (the options page asks first when the policy forbids switching
 *   off). Nothing is reported to the agency: there is no telemetry.
 */
import { browser } from 'wxt/browser';
import {
  fetchAgencyPolicy,
  parseEnrolmentLink,
  verifyAgencyPolicy,
  type EnrolmentLink,
  type Refusal,
  type VerifiedAgencyPolicy,
} from '@/utils/enrolment';
import { clearEnrolment, readEnrolment, writeEnrolment, type EnrolmentRecord } from '@/utils/enrolment-store';
import type { Policy } from '@/utils/policy';
import { readManaged, refreshPolicy } from './policy';

export const ENROLMENT_EXPIRY_ALARM = 'jaga-enrolment-expiry';

type PolicyChange = (before: Policy, after: Policy) => void | Promise<void>;
let onPolicyChange: PolicyChange | undefined;

/** What runs after the published policy changes (the background's start-up sets the updater's). */
export function setEnrolmentPolicyListener(listener: PolicyChange): void {
  onPolicyChange = listener;
}

export interface EnrolmentDeps {
  fetch?: typeof fetch;
  now?: () => number;
}

export type EnrolmentPreview = Omit<VerifiedAgencyPolicy, 'ok'> & {
  ok: true;
  link: EnrolmentLink;
  /** a managed policy is present: it applies, not this one */
  managedWins: boolean;
};

const fetchOf = (deps: EnrolmentDeps): typeof fetch => deps.fetch ?? ((input, init) => fetch(input, init));
const nowOf = (deps: EnrolmentDeps): number => (deps.now ?? Date.now)();

export async function previewEnrolment(linkText: string, deps: EnrolmentDeps = {}): Promise<EnrolmentPreview | Refusal> {
  const parsed = parseEnrolmentLink(linkText);
  if (!parsed.ok) return parsed;
  const { link } = parsed;
  const verified = await fetchAgencyPolicy(link.policyUrl, link.publicKey, fetchOf(deps), nowOf(deps));
  if (!verified.ok) return verified;
  const managedWins = Object.keys(await readManaged()).length > 0;
  return { ...verified, ok: true, link, managedWins };
}

async function scheduleExpiry(record: EnrolmentRecord): Promise<void> {
  const when = Date.parse(record.expiresAt);
  if (!Number.isFinite(when)) return;
  await browser.alarms.create(ENROLMENT_EXPIRY_ALARM, { when: when + 1_000 });
}

function recordOf(
  link: Pick<EnrolmentLink, 'policyUrl' | 'publicKey'>,
  verified: VerifiedAgencyPolicy,
  now: number,
  enrolledAt: number,
): EnrolmentRecord {
  return {
    policyUrl: link.policyUrl,
    publicKey: link.publicKey,
    agencyName: verified.agencyName,
    agencyId: verified.agencyId,
    issuedAt: verified.issuedAt,
    expiresAt: verified.expiresAt,
    policy: verified.policy as Record<string, unknown>,
    warnings: verified.warnings,
    envelope: verified.envelope,
    enrolledAt,
    lastCheck: { time: now, ok: true },
  };
}

/** The user confirmed: verify the previewed file once more against the link's key, then pin it. */
export async function confirmEnrolment(
  linkText: string,
  envelope: string,
  deps: EnrolmentDeps = {},
): Promise<{ ok: true; agencyName: string } | Refusal> {
  const parsed = parseEnrolmentLink(linkText);
  if (!parsed.ok) return parsed;
  const now = nowOf(deps);
  const verified = await verifyAgencyPolicy(envelope, parsed.link.publicKey, now);
  if (!verified.ok) return verified;
  const record = recordOf(parsed.link, verified, now, now);
  await writeEnrolment(record);
  await scheduleExpiry(record);
  await refreshPolicy(onPolicyChange);
  return { ok: true, agencyName: record.agencyName };
}

/** Download the enrolled policy again; keep the last good one on any refusal. */
export async function refreshEnrolment(deps: EnrolmentDeps = {}): Promise<EnrolmentRecord | null> {
  const record = await readEnrolment();
  if (!record) return null;
  const now = nowOf(deps);
  const verified = await fetchAgencyPolicy(record.policyUrl, record.publicKey, fetchOf(deps), now, {
    issuedAt: record.issuedAt,
    agencyId: record.agencyId,
  });
  const next: EnrolmentRecord = verified.ok
    ? recordOf(record, verified, now, record.enrolledAt)
    : { ...record, lastCheck: { time: now, ok: false, code: verified.code, reason: verified.reason } };
  // The user may have left while the download ran.
  if (!(await readEnrolment())) return null;
  await writeEnrolment(next);
  await scheduleExpiry(next);
  await refreshPolicy(onPolicyChange);
  return next;
}

export async function leaveEnrolment(): Promise<void> {
  await clearEnrolment();
  await browser.alarms.clear(ENROLMENT_EXPIRY_ALARM);
  await refreshPolicy(onPolicyChange);
}

/** The held policy's expiry time came: publish again (it no longer applies). */
export async function onEnrolmentExpiry(): Promise<void> {
  await refreshPolicy(onPolicyChange);
}
