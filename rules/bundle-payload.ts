/**
 * The payload of a `jaga-bundle/1` envelope, as `jaga build` writes it and the extension reads it
 * (entrypoints/background/bundle-file.ts): `{ bundle, compiled }`, where
 * - `bundle` is the source without provenance and example sentences (maintainers' fields, read by
 *   `jaga validate` and `jaga test` on the source directory, never by a device), and
 * - `compiled` is the compiled rules' header and source hash only: the extension compiles the source
 *   again in any case and checks only that hash.
 * Whole, the rules of 549 contests made a 7.5 MB envelope: over the 5 MiB an installed extension
 * downloads (MAX_BUNDLE_BYTES) and the 5 MiB a store package may hold in one text file (web-ext lint).
 * Pure (no browser or Node APIs), so the CLI and the tests build envelopes the same way.
 */
import { compileBound } from './compile.ts';
import type { RuleBundle } from './schema.ts';

/** Fields only maintainers' tools read on the source; left out of the envelope. */
const MAINTAINER_FIELDS = new Set(['provenance', 'examples']);

function withoutMaintainerFields<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutMaintainerFields) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !MAINTAINER_FIELDS.has(k)).map(([k, v]) => [k, withoutMaintainerFields(v)])) as T;
}

/** The envelope payload (JSON text) for a validated rule bundle. */
export async function bundlePayload(source: RuleBundle): Promise<string> {
  const bundle = withoutMaintainerFields(source);
  const { format, bundleVersion, issuedAt, expiresAt, sourceHash } = await compileBound(bundle);
  return JSON.stringify({ bundle, compiled: { format, bundleVersion, issuedAt, expiresAt, sourceHash } });
}
