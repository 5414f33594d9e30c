/**
 * Reading a bundle (a `jaga-bundle/1` envelope): the default bundle shipped in the package and,
 * after its signature was checked (updates.ts), a downloaded one. Both go through `parsePayload`.
 *
 * The compiled rules must be those of the source next to them: their `sourceHash` (written by
 * `jaga build`) must be the hash of the validated source. Then the rules are compiled again here,
 * from that source, and the engine runs those: what the options page lists (the source) is what the
 * engine matches, even if a signer's tool put other compiled rules under the right hash, and even
 * when this extension's compiler is newer than the one that built the bundle (about 30 ms, once
 * per new bundle).
 */
import { compileBound, sourceHashOf } from '@/rules/compile';
import { parseEnvelope } from '@/rules/signing';
import { parseRuleBundle, type RuleBundle } from '@/rules/schema';

export interface LoadedBundle {
  bundle: RuleBundle;
  compiled: unknown;
}

/** Why a payload was refused, with the bundle version when it could be read. */
export class BundleError extends Error {
  constructor(
    message: string,
    readonly version?: number,
  ) {
    super(message);
  }
}

/** The envelope's payload: JSON `{bundle, compiled}`, the bundle valid by the rules schema. */
export async function parsePayload(payloadText: string): Promise<LoadedBundle> {
  let payload: { bundle?: unknown; compiled?: unknown };
  try {
    payload = JSON.parse(payloadText) as typeof payload;
  } catch {
    throw new BundleError('malformed bundle: the signed payload is not JSON');
  }
  if (typeof payload !== 'object' || payload === null) throw new BundleError('malformed bundle: the signed payload is not an object');
  const rawVersion = (payload.bundle as { version?: unknown } | undefined)?.version;
  const version = typeof rawVersion === 'number' ? rawVersion : undefined;
  const parsed = parseRuleBundle(payload.bundle);
  if (!parsed.ok) throw new BundleError(`invalid rule bundle: ${parsed.errors.slice(0, 3).join('; ')}`, version);
  if (payload.compiled === undefined || payload.compiled === null) throw new BundleError('bundle has no compiled rules', version);
  const claimed = (payload.compiled as { sourceHash?: unknown }).sourceHash;
  const hash = await sourceHashOf(parsed.bundle);
  if (claimed !== hash) {
    throw new BundleError(
      `compiled rules do not match the bundle's source (compiled from ${typeof claimed === 'string' ? claimed.slice(0, 16) : 'an unnamed source'}, source is ${hash.slice(0, 16)}; rebuild with jaga build)`,
      version,
    );
  }
  return { bundle: parsed.bundle, compiled: await compileBound(parsed.bundle) };
}

/** A whole bundle file whose signature needs no check (the one shipped in the signed package). */
export function parseBundleFile(text: string): Promise<LoadedBundle> {
  return parsePayload(parseEnvelope(text).payload);
}
