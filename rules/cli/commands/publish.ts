/**
 * `jaga publish BUNDLE --key PRIVATE_KEY --url URL --out DIR`: what a static host (any web server,
 * a repository's Pages site, object storage) needs to serve a signed bundle at URL:
 *   DIR/<name>                the signed bundle, byte for byte (name = the last part of URL)
 *   DIR/<name>.sig            a detached Ed25519 signature (base64) over those exact bytes
 *   DIR/<stem>-<version>.json the same bundle under its version, to keep old ones next to it
 *   DIR/index.json            {format, version, url, sha256, bytes, keyId, issuedAt, expiresAt, signature}
 * The extension downloads URL itself; the index and the detached signature are for people and
 * tools (mirrors, monitoring) that check what is published without reading the envelope.
 * Refuses a bundle not signed by the key, a version outside the scheme, and a version older than
 * the one DIR/index.json already names (a host never goes back; publish a higher version instead).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { bytesToBase64, importPrivateKey, publicKeyOfPrivate, verifyEnvelope, versionProblem } from '../../signing.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'write a signed bundle for a static host: the bundle, its detached signature and index.json (--key --url --out)';

const USAGE = 'usage: jaga publish BUNDLE --key PRIVATE_KEY --url https://HOST/PATH/bundle.json --out DIR';

export const INDEX_FORMAT = 'jaga-index/1';

const PublishedIndex = z.object({ format: z.literal(INDEX_FORMAT), version: z.number().int() });

function fail(message: string): number {
  process.stderr.write(`jaga publish: ${message}\n`);
  return 1;
}

/** Write through a temporary name, so a host serving DIR never sees half a file. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['key', 'url', 'out'] });
  if (args.error) return usageError(args.error, USAGE);
  const [file, ...rest] = args.positional;
  const { key, url, out } = args.values;
  if (!file || rest.length || !key || !url || !out) return usageError('BUNDLE, --key, --url and --out are required', USAGE);
  let name: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') throw new Error('not https');
    name = decodeURIComponent(parsed.pathname.split('/').pop() ?? '');
    if (!/^[\w.-]+\.json$/.test(name)) throw new Error('no file name');
  } catch {
    return usageError(`--url must be an https URL ending in a file name such as bundle.json (got ${url})`, USAGE);
  }
  if (!existsSync(file)) return fail(`${file}: no such file`);
  if (!existsSync(key)) return fail(`${key}: no such key file`);

  const bytes = new Uint8Array(readFileSync(file));
  let privateKey: CryptoKey;
  let publicKey: string;
  try {
    privateKey = await importPrivateKey(readFileSync(key, 'utf8'));
    publicKey = await publicKeyOfPrivate(privateKey);
  } catch (error) {
    return fail(`${key}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const verified = await verifyEnvelope(bytes, publicKey);
  if (!verified.ok) return fail(`${file}: not signed by this key, or changed after signing (${verified.reason})`);
  let bundle: { version: number; issuedAt: string; expiresAt: string };
  try {
    bundle = (JSON.parse(verified.payload) as { bundle: typeof bundle }).bundle;
  } catch {
    return fail(`${file}: the payload is not JSON`);
  }
  const problem = versionProblem(bundle, Date.now());
  if (problem) return fail(`${file}: ${problem}`);

  const indexPath = join(out, 'index.json');
  if (existsSync(indexPath)) {
    const previous = PublishedIndex.safeParse((() => {
      try {
        return JSON.parse(readFileSync(indexPath, 'utf8')) as unknown;
      } catch {
        return null;
      }
    })());
    if (!previous.success) return fail(`${indexPath}: not a ${INDEX_FORMAT} index; move it away to publish here`);
    if (bundle.version < previous.data.version) {
      return fail(`version ${bundle.version} is older than the published version ${previous.data.version} (publish the old rules with a new, higher version instead)`);
    }
  }

  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, bytes));
  const stem = name.replace(/\.json$/, '');
  const index = {
    format: INDEX_FORMAT,
    version: bundle.version,
    url,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    keyId: verified.keyId,
    issuedAt: bundle.issuedAt,
    expiresAt: bundle.expiresAt,
    signature: `${name}.sig`,
  };
  mkdirSync(out, { recursive: true });
  writeAtomically(join(out, `${stem}-${bundle.version}.json`), bytes);
  writeAtomically(join(out, `${name}.sig`), `${bytesToBase64(signature)}\n`);
  writeAtomically(join(out, name), bytes);
  writeAtomically(indexPath, `${JSON.stringify(index, null, 2)}\n`);
  process.stdout.write(
    `${out}: version ${bundle.version} (key ${verified.keyId}), sha256 ${index.sha256.slice(0, 16)}…\n` +
      `  upload the folder so that ${url} serves ${name}, with Access-Control-Allow-Origin: *\n`,
  );
  return 0;
}
