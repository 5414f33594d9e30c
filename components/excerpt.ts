/**
 * The excerpt the dialog shows: a window of the field that holds the strongest match, with every
 * match in that field marked. Spans are the engine's offsets into the original string.
 */
import type { ActionContent, ContentField } from '@/rules/actions';
import type { DialogReason } from '@/utils/dialog-api';
import { severityRank } from '@/utils/decision';

export interface Excerpt {
  field: ContentField;
  segments: { text: string; mark: boolean }[];
  /** text was cut before / after the window */
  before: boolean;
  after: boolean;
}

const WINDOW = 240;

export function fieldText(content: ActionContent, field: ContentField, index?: number): string | undefined {
  const value = content[field];
  if (Array.isArray(value)) return value[index ?? 0];
  return value;
}

/** Fields people read as "the content", preferred for the excerpt over names and handles. */
const FIELD_WEIGHT: Partial<Record<ContentField, number>> = { text: 3, draft: 3, quoted: 2, linkTitle: 1, imageAlt: 1 };

export function excerptFor(content: ActionContent, reasons: DialogReason[]): Excerpt | null {
  if (reasons.length === 0) return null;
  // The field (and array item) to show: the strongest match first, then the content fields, then
  // the field with the most matches.
  const groups = new Map<string, DialogReason[]>();
  for (const r of reasons) {
    if (!fieldText(content, r.field, r.index)) continue;
    const key = `${r.field}:${r.index ?? 0}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const score = (rs: DialogReason[]) =>
    Math.max(...rs.map((r) => severityRank(r.severity))) * 1000 + (FIELD_WEIGHT[rs[0]!.field] ?? 0) * 100 + rs.length;
  const best = [...groups.values()].sort((a, b) => score(b) - score(a))[0];
  if (!best) return null;
  const top = [...best].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0]!;
  const text = fieldText(content, top.field, top.index)!;
  const spans = best
    .map((r) => [Math.max(0, r.span[0]), Math.min(text.length, r.span[1])] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);

  // Centre the window on the strongest match.
  const centre = Math.floor((top.span[0] + top.span[1]) / 2);
  const start = Math.max(0, Math.min(centre - WINDOW / 2, text.length - WINDOW));
  const end = Math.min(text.length, start + WINDOW);

  const segments = highlightSegments(text, spans, start, end);
  return { field: top.field, segments, before: start > 0, after: end < text.length };
}

/** `text[start, end)` cut into plain and marked pieces; overlapping spans merge. */
export function highlightSegments(
  text: string,
  spans: readonly (readonly [number, number])[],
  start = 0,
  end = text.length,
): Excerpt['segments'] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const segments: Excerpt['segments'] = [];
  let cursor = start;
  for (const [s, e] of sorted) {
    const from = Math.max(s, cursor);
    const to = Math.min(e, end);
    if (to <= from) continue;
    if (from > cursor) segments.push({ text: text.slice(cursor, from), mark: false });
    segments.push({ text: text.slice(from, to), mark: true });
    cursor = to;
  }
  if (cursor < end) segments.push({ text: text.slice(cursor, end), mark: false });
  return segments;
}
