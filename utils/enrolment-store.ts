/**
 * Where the agency enrolment lives in storage.local, and the only module that reads or writes it
 * (the background writes; the options page and popup read):
 * - `enrolment`: the whole record (the pinned key, the policy URL, the last good signed file and
 *   the last check's outcome);
 * - `enrolledPolicy`: just the valid policy keys and the expiry time, for content scripts, which
 *   lay it over the settings where storage.managed gives nothing (entrypoints/content/state.ts);
 * - `policySource`: which policy the background published as `policy` (managed, enrolled, none).
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import type { RefusalCode } from './enrolment';
import { enrolledPolicyItem } from './storage-items';

export const ENROLMENT_KEYS = {
  enrolment: 'enrolment',
  enrolledPolicy: enrolledPolicyItem.key,
  policySource: 'policySource',
} as const;

export const POLICY_SOURCES = ['managed', 'enrolled', 'none'] as const;
export type PolicySource = (typeof POLICY_SOURCES)[number];

const LastCheckSchema = z.object({
  time: z.number(),
  ok: z.boolean(),
  code: z.optional(z.string()),
  reason: z.optional(z.string().check(z.maxLength(1000))),
});

export const EnrolmentRecordSchema = z.object({
  policyUrl: z.string(),
  /** the agency's key, pinned when the user enrolled */
  publicKey: z.string(),
  agencyName: z.string(),
  agencyId: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  policy: z.record(z.string(), z.unknown()),
  warnings: z.array(z.string()),
  /** the last good signed file, as received */
  envelope: z.string(),
  enrolledAt: z.number(),
  lastCheck: z.optional(LastCheckSchema),
});
export type EnrolmentRecord = z.infer<typeof EnrolmentRecordSchema>;
export type LastCheck = z.infer<typeof LastCheckSchema> & { code?: RefusalCode | string };

export function parseEnrolmentRecord(value: unknown): EnrolmentRecord | null {
  const parsed = EnrolmentRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parsePolicySource(value: unknown): PolicySource {
  return (POLICY_SOURCES as readonly unknown[]).includes(value) ? (value as PolicySource) : 'none';
}

export function isEnrolmentExpired(record: Pick<EnrolmentRecord, 'expiresAt'>, now: number): boolean {
  const t = Date.parse(record.expiresAt);
  return !Number.isFinite(t) || t <= now;
}

export async function readEnrolment(): Promise<EnrolmentRecord | null> {
  const items = await browser.storage.local.get(ENROLMENT_KEYS.enrolment);
  return parseEnrolmentRecord(items[ENROLMENT_KEYS.enrolment]);
}

/** Store the record and the content scripts' copy of its policy. */
export async function writeEnrolment(record: EnrolmentRecord): Promise<void> {
  await browser.storage.local.set({
    [ENROLMENT_KEYS.enrolment]: record,
    [ENROLMENT_KEYS.enrolledPolicy]: { policy: record.policy, expiresAt: Date.parse(record.expiresAt) },
  });
}

export async function clearEnrolment(): Promise<void> {
  await browser.storage.local.remove([ENROLMENT_KEYS.enrolment, ENROLMENT_KEYS.enrolledPolicy]);
}

export async function writePolicySource(source: PolicySource): Promise<void> {
  await browser.storage.local.set({ [ENROLMENT_KEYS.policySource]: source });
}

/** The enrolled policy as signed (parsed key by key by its reader) while it applies, else null. */
export async function activeEnrolledPolicy(now: number): Promise<Record<string, unknown> | null> {
  const record = await readEnrolment();
  if (!record || isEnrolmentExpired(record, now)) return null;
  return record.policy;
}

export interface EnrolmentView {
  record: EnrolmentRecord | null;
  source: PolicySource;
}

/** Read the enrolment and the policy source now and on every change; returns the unsubscribe. */
export function watchEnrolment(onView: (view: EnrolmentView) => void): () => void {
  let alive = true;
  const keys: string[] = [ENROLMENT_KEYS.enrolment, ENROLMENT_KEYS.policySource];
  const read = () =>
    void browser.storage.local.get(keys).then((items) => {
      if (alive)
        onView({
          record: parseEnrolmentRecord(items[ENROLMENT_KEYS.enrolment]),
          source: parsePolicySource(items[ENROLMENT_KEYS.policySource]),
        });
    });
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((k) => k in changes)) read();
  };
  read();
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    alive = false;
    browser.storage.onChanged.removeListener(onChanged);
  };
}
