/**
 * Human annotations of eval texts, kept by a hash of the text (never the text: the posts stay out of git).
 * Each says whether the text names a 2024 candidate, pair, party, coalition or campaign account, and what
 * the annotator saw. Where one exists it decides "names" instead of the name list in label.ts; the
 * protocol and the agreement figures are in docs/engine.md ("Process news annotated blind").
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export interface Annotation {
  names: boolean;
  /** what named it, as the annotator saw it (a name, an acronym, a ballot number) */
  seen?: string;
  /** how: by a name (default), by a ballot number or salute, or unsure (counted as naming) */
  via?: 'name' | 'number' | 'unsure';
  /**
   * the contest it names, a key of label.ts's CONTESTS, when the name list cannot see it (a governor by his
   * given name): build.ts then checks the text at that race's campaign day
   */
  contest?: string;
}

/** The key of a text: as build.ts de-duplicates (case and runs of white space ignored), hashed. */
export function textKey(text: string): string {
  const normal = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return createHash('sha256').update(normal).digest('hex').slice(0, 16);
}

const annotationSchema = z.strictObject({
  names: z.boolean(),
  seen: z.string().min(1).optional(),
  via: z.enum(['name', 'number', 'unsure']).optional(),
  contest: z.string().min(1).optional(),
});
const fileSchema = z.record(z.string().regex(/^[0-9a-f]{16}$/, 'key: 16 lower-case hex digits'), annotationSchema);

/** Validates annotations read from JSON; throws naming the first bad key or field. */
export function parseAnnotations(input: unknown): Map<string, Annotation> {
  const parsed = fileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`annotations: ${issue.path.join('.') || 'key'}: ${issue.message}`);
  }
  return new Map(Object.entries(parsed.data));
}

export const ANNOTATIONS_FILE = new URL('./annotations.json', import.meta.url);

/** The committed annotations. */
export const ANNOTATIONS: Map<string, Annotation> = parseAnnotations(
  JSON.parse(readFileSync(ANNOTATIONS_FILE, 'utf8')),
);
