/** `jaga verify FILE --pubkey PUBLIC_KEY`: exit 0 only for an intact bundle signed by that key. */
import { existsSync, readFileSync } from 'node:fs';
import { verifyEnvelope } from '../../signing.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'check a signed bundle against a public key (file or base64); exit 0 only if intact and signed by it';

const USAGE = 'usage: jaga verify FILE --pubkey PUBLIC_KEY_FILE_OR_BASE64';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['pubkey'] });
  if (args.error) return usageError(args.error, USAGE);
  const [file, ...rest] = args.positional;
  const pubkeyArg = args.values.pubkey;
  if (!file || rest.length || !pubkeyArg) return usageError('FILE and --pubkey are required', USAGE);
  if (!existsSync(file)) {
    process.stderr.write(`jaga verify: ${file}: no such file\n`);
    return 1;
  }
  const publicKey = existsSync(pubkeyArg) ? readFileSync(pubkeyArg, 'utf8').trim() : pubkeyArg.trim();
  // Verified as bytes: a byte change that breaks UTF-8, or spells the same text differently, fails.
  const result = await verifyEnvelope(new Uint8Array(readFileSync(file)), publicKey);
  if (!result.ok) {
    process.stderr.write(`jaga verify: ${file}: INVALID (${result.reason})\n`);
    return 1;
  }
  let version = '?';
  try {
    const payload = JSON.parse(result.payload) as { bundle?: { version?: unknown } };
    version = String(payload.bundle?.version ?? '?');
  } catch {
    process.stderr.write(`jaga verify: ${file}: INVALID (payload is not JSON)\n`);
    return 1;
  }
  process.stdout.write(`${file}: OK — bundle version ${version}, signed by key ${result.keyId}\n`);
  return 0;
}
