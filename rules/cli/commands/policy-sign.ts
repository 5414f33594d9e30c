/**
 * `jaga policy-sign --in POLICY.json --key jaga-private.key --out kebijakan.json [--days N]`: sign an
 * agency policy for enrolment (Firefox for Android and other browsers without storage.managed).
 *
 * POLICY.json: { "agencyName", "agencyId", "policy": { …the managed_schema.json keys… } } and
 * optionally "expiresAt"; otherwise the policy expires --days days (default 180) from now.
 * `issuedAt` is set to now: a later file must be issued later (the extension refuses rollbacks).
 * A policy key that the extension would ignore is an error here, so a typo is caught before it is
 * published. Writes a jaga-policy/1 envelope; `jaga enrol-link` makes the link users open.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { AgencyPolicyPayloadSchema, signAgencyPolicy, verifyAgencyPolicy } from '../../../utils/enrolment.ts';
import { parsePolicy } from '../../../utils/policy.ts';
import { importPrivateKey, keyIdOf, publicKeyOfPrivate } from '../../signing.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'sign an agency policy (jaga-policy/1) for enrolment where there is no managed storage';

const USAGE = 'usage: jaga policy-sign --in POLICY.json --key jaga-private.key --out kebijakan.json [--days N]';
const DAY_MS = 86_400_000;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['in', 'key', 'out', 'days'] });
  if (args.error) return usageError(args.error, USAGE);
  const { in: input, key, out } = args.values;
  if (!input || !key || !out || args.positional.length) return usageError('--in, --key and --out are required', USAGE);
  const days = Number(args.values.days ?? 180);
  if (!Number.isInteger(days) || days < 1 || days > 3660) return usageError('--days must be a whole number from 1 to 3660', USAGE);

  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(input, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    process.stderr.write(`jaga policy-sign: ${input}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const now = Date.now();
  const payload = AgencyPolicyPayloadSchema.safeParse({
    expiresAt: new Date(now + days * DAY_MS).toISOString(),
    ...raw,
    issuedAt: new Date(now).toISOString(),
  });
  if (!payload.success) {
    const lines = payload.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    process.stderr.write(`jaga policy-sign: ${input} is not a valid agency policy:\n${lines.join('\n')}\n`);
    return 1;
  }
  const { warnings } = parsePolicy(payload.data.policy);
  if (warnings.length) {
    process.stderr.write(`jaga policy-sign: the extension would ignore these policy keys:\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
    return 1;
  }
  if (Date.parse(payload.data.expiresAt) <= now) {
    process.stderr.write(`jaga policy-sign: expiresAt ${payload.data.expiresAt} is already past\n`);
    return 1;
  }
  const pem = readFileSync(key, 'utf8');
  const publicKey = await publicKeyOfPrivate(await importPrivateKey(pem));
  const file = await signAgencyPolicy(payload.data, pem);
  // Check what was written the way the extension will.
  const check = await verifyAgencyPolicy(file, publicKey, now);
  if (!check.ok) {
    process.stderr.write(`jaga policy-sign: the signed file does not verify: ${check.reason}\n`);
    return 1;
  }
  writeFileSync(out, file);
  process.stdout.write(
    `wrote ${out} (${file.length} bytes)\n` +
      `  agency:  ${payload.data.agencyName} (${payload.data.agencyId})\n` +
      `  issued:  ${payload.data.issuedAt}\n` +
      `  expires: ${payload.data.expiresAt}\n` +
      `  key id:  ${await keyIdOf(publicKey)}\n` +
      'Publish it over HTTPS with "Access-Control-Allow-Origin: *", then run jaga enrol-link.\n',
  );
  return 0;
}
