/**
 * `jaga build --key PRIVATE_KEY --out FILE` (signed) or `jaga build --unsigned --out FILE` (the
 * default bundle built into the extension package). Validates the source first; refuses to build
 * on errors. Output: a `jaga-bundle/1` envelope (see rules/signing.ts).
 *
 * The envelope holds what the installed extension reads (rules/bundle-payload.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundlePayload } from '../../bundle-payload.ts';
import { type BundleEnvelope, serializeEnvelope, signEnvelope, unsignedEnvelope, versionProblem } from '../../signing.ts';
import { parseArgs, usageError } from '../args.ts';
import { loadValidSource } from '../source.ts';

export const summary = 'compile and sign the rule set into a jaga-bundle/1 file (--key PRIVATE_KEY | --unsigned) --out FILE';

const USAGE = 'usage: jaga build (--key PRIVATE_KEY | --unsigned) --out FILE [--source DIR]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['key', 'out', 'source'], flags: ['unsigned'] });
  if (args.error) return usageError(args.error, USAGE);
  const { key, out, source } = args.values;
  if (args.positional.length) return usageError(`unexpected argument ${args.positional[0]}`, USAGE);
  if (!out) return usageError('--out FILE is required', USAGE);
  if (!key === !args.flags.unsigned) return usageError('give exactly one of --key PRIVATE_KEY or --unsigned', USAGE);
  if (key && !existsSync(key)) {
    process.stderr.write(`jaga build: ${key}: no such key file\n`);
    return 1;
  }
  const loaded = loadValidSource('jaga build', source, 'not built (the source does not validate)');
  if (!loaded) return 1;
  // The extension refuses a version outside the scheme; so does the build, before anything is signed.
  const problem = versionProblem(loaded.bundle, Date.now());
  if (problem) {
    process.stderr.write(`error: meta.yaml: ${problem}\njaga build: not built (set version to YYYYMMDDnn: today's date and a serial, and issuedAt to today)\n`);
    return 1;
  }
  // The compiled rules carry the hash of the source they were compiled from (checked on the device).
  const payload = await bundlePayload(loaded.bundle);
  let envelope: BundleEnvelope;
  try {
    envelope = key ? await signEnvelope(payload, readFileSync(key, 'utf8')) : unsignedEnvelope(payload);
  } catch (error) {
    process.stderr.write(`jaga build: cannot sign: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  const text = serializeEnvelope(envelope);
  writeFileSync(out, text);
  process.stdout.write(
    `${out}: bundle version ${loaded.bundle.version}, ${(text.length / 1024).toFixed(0)} KiB, ` +
      `${envelope.keyId ? `signed by key ${envelope.keyId}` : 'UNSIGNED (built-in default only)'}\n`,
  );
  return 0;
}
