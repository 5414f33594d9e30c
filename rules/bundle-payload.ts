/**
 * The payload of a `jaga-bundle/1` envelope, as `jaga build` writes it and the extension reads it
 * (entrypoints/background/bundle-file.ts): `{ bundle, compiled }`, where
 * - `bundle` is the source without provenance and example sentences (maintainers' fields, read by
 *   `jaga validate` and `jaga test` on the source directory, never by a device), and
 * - `compiled` is the compiled rules' header and source hash only: the extension compiles the source
 *   again in any case and checks only that hash.
 * Whole, the rules of 549 contests made a 7.5 MB envelope: over the 5 MiB an installed extension
 * downloads (MAX_BUNDLE_BYTES) and the 5 MiB a store package may hold in one text file (web-ext lint).
 * With the DPR and DPD lists (some 10,000 candidates, each person and list entry citing its list's file)
 * it was 7.9 MB again: a person's or contestant's `sources` that its contest already cites are left
 * out (no device reads a source; the contest keeps the citation), as are the maintainers' `note`s.
 * Pure (no browser or Node APIs), so the CLI and the tests build envelopes the same way.
 */
import { compileBound } from './compile.ts';
import type { RuleBundle } from './schema.ts';

/** Fields only maintainers' tools read on the source; left out of the envelope. */
const MAINTAINER_FIELDS = new Set(['provenance', 'examples', 'note']);

function withoutMaintainerFields<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutMaintainerFields) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !MAINTAINER_FIELDS.has(k)).map(([k, v]) => [k, withoutMaintainerFields(v)])) as T;
}

const within = (urls: readonly string[] | undefined, cited: ReadonlySet<string> | undefined): boolean =>
  !!urls && !!cited && urls.every((u) => cited.has(u));

/** The bundle without the sources a person or contestant repeats from its contests. */
function withoutRepeatedSources(bundle: RuleBundle): RuleBundle {
  const cited = new Map<string, Set<string>>();
  const contests = bundle.contests.map((c) => {
    const own = new Set(c.sources ?? []);
    for (const k of c.contestants) for (const p of k.persons) for (const u of own) (cited.get(p) ?? cited.set(p, new Set()).get(p)!).add(u);
    return { ...c, contestants: c.contestants.map(({ sources, ...k }) => (within(sources, own) ? k : { ...k, ...(sources ? { sources } : {}) })) };
  });
  const persons = bundle.persons.map(({ sources, ...p }) => (within(sources, cited.get(p.id)) ? p : { ...p, ...(sources ? { sources } : {}) }));
  return { ...bundle, persons, contests };
}

/** What a device gets of a bundle: without maintainers' fields and repeated sources (`jaga diff` compares these). */
export function deviceBundle(source: RuleBundle): RuleBundle {
  return withoutMaintainerFields(withoutRepeatedSources(source));
}

/** The envelope payload (JSON text) for a validated rule bundle. */
export async function bundlePayload(source: RuleBundle): Promise<string> {
  const bundle = deviceBundle(source);
  const { format, bundleVersion, issuedAt, expiresAt, sourceHash } = await compileBound(bundle);
  return JSON.stringify({ bundle, compiled: { format, bundleVersion, issuedAt, expiresAt, sourceHash } });
}
