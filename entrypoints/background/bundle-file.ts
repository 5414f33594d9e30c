/**
 * Reading a bundle (a `jaga-bundle/1` envelope): the default bundle shipped in the package and,
 * after its signature was checked (updates.ts), a downloaded one. Both go through `parsePayload`.
 */
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
export function parsePayload(payloadText: string): LoadedBundle {
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
  return { bundle: parsed.bundle, compiled: payload.compiled };
}

/** A whole bundle file whose signature needs no check (the one shipped in the signed package). */
export function parseBundleFile(text: string): LoadedBundle {
  return parsePayload(parseEnvelope(text).payload);
}
