/**
 * The `--source`, `--licence` and `--fetched` of `jaga import`, checked, and turned into what every
 * imported record carries: a URL for `sources` and a `provenance` record. Pure.
 */
import { z } from 'zod';
import { IsoDateSchema, type Provenance } from '../schema.ts';

/** "owner/name:path/in/repo.json@<commit>": a repository file pinned to a commit. */
const REPO_SOURCE_RE = /^([A-Za-z0-9][A-Za-z0-9_-]{0,38})\/([A-Za-z0-9._-]{1,100}):([^@\s]+)@([0-9a-f]{7,40})$/;

export const ImportOriginSchema = z.strictObject({
  source: z
    .string()
    .trim()
    .refine((s) => REPO_SOURCE_RE.test(s) || /^https?:\/\/\S+$/.test(s), {
      message: 'expected a URL (https://…) or a repository file pinned to a commit: owner/name:path/to/file@<commit>',
    }),
  licence: z.string().trim().min(1, { message: 'name the licence of the data set (or "unknown")' }),
  fetchedAt: IsoDateSchema,
});
export type ImportOrigin = z.infer<typeof ImportOriginSchema>;

/** The URL a reader can open for a source: the GitHub blob at that commit for a repository file. */
export function sourceUrl(source: string): string {
  const m = REPO_SOURCE_RE.exec(source);
  if (!m) return source;
  const [, owner, name, path, commit] = m;
  return `https://github.com/${owner}/${name}/blob/${commit}/${path!.split('/').map(encodeURIComponent).join('/')}`;
}

export function provenanceOf(origin: ImportOrigin): Provenance {
  return { source: origin.source, fetchedAt: origin.fetchedAt, licence: origin.licence };
}
