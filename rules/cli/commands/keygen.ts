/** `jaga keygen --out DIR`: a fresh Ed25519 key pair for signing rule bundles. */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeys } from '../../signing.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'create an Ed25519 key pair: DIR/jaga-private.key (PKCS#8 PEM, 0600) and DIR/jaga-public.key (base64)';

const USAGE = 'usage: jaga keygen --out DIR [--force]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['out'], flags: ['force'] });
  if (args.error) return usageError(args.error, USAGE);
  const dir = args.values.out;
  if (!dir || args.positional.length) return usageError('--out DIR is required', USAGE);
  const privatePath = join(dir, 'jaga-private.key');
  const publicPath = join(dir, 'jaga-public.key');
  if (!args.flags.force && (existsSync(privatePath) || existsSync(publicPath))) {
    process.stderr.write(`jaga keygen: ${privatePath} or ${publicPath} already exists (use --force to overwrite)\n`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  const keys = await generateKeys();
  writeFileSync(privatePath, keys.privateKeyPem, { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  writeFileSync(publicPath, `${keys.publicKey}\n`, { mode: 0o644 });
  process.stdout.write(
    `private key: ${privatePath} (keep offline; never commit)\n` +
      `public key:  ${publicPath}\n` +
      `  ${keys.publicKey}\n` +
      `key id:      ${keys.keyId}\n`,
  );
  return 0;
}
