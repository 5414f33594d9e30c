/**
 * `jaga enrol-link --url https://…/kebijakan.json --public-key jaga-public.key --name "Agency"
 * [--qr enrol.svg] [--terminal]`: print the enrolment link users open once (options page →
 * "Daftarkan ke instansi", or a tap in Firefox, which hands web+jaganetral: links to the
 * extension), and optionally its QR code as an SVG file and/or in the terminal.
 *
 * The link pins the agency key: a new key needs a new link (and users enrol again).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { buildEnrolmentLink, parseEnrolmentLink } from '../../../utils/enrolment.ts';
import { decodePublicKey, keyIdOf } from '../../signing.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'print the agency enrolment link (and its QR code: --qr FILE.svg, --terminal)';

const USAGE =
  'usage: jaga enrol-link --url https://…/kebijakan.json --public-key jaga-public.key|BASE64 --name "Agency name" [--qr FILE.svg] [--terminal]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['url', 'public-key', 'name', 'qr'], flags: ['terminal'] });
  if (args.error) return usageError(args.error, USAGE);
  const { url, name, qr } = args.values;
  const keyArg = args.values['public-key'];
  if (!url || !keyArg || !name || args.positional.length) return usageError('--url, --public-key and --name are required', USAGE);
  const publicKey = (existsSync(keyArg) ? readFileSync(keyArg, 'utf8') : keyArg).trim();
  try {
    decodePublicKey(publicKey);
  } catch (error) {
    process.stderr.write(`jaga enrol-link: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const link = buildEnrolmentLink({ policyUrl: url, publicKey, agencyName: name });
  const parsed = parseEnrolmentLink(link);
  if (!parsed.ok) {
    process.stderr.write(`jaga enrol-link: ${parsed.reason}\n`);
    return 1;
  }
  process.stdout.write(`${link}\n`);
  process.stderr.write(`key id ${await keyIdOf(publicKey)}; users confirm "${name}" and the policy at ${url}\n`);
  if (qr) {
    writeFileSync(qr, await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    process.stderr.write(`QR code: ${qr}\n`);
  }
  if (args.flags.terminal) process.stdout.write(await QRCode.toString(link, { type: 'terminal', small: true }));
  return 0;
}
