/**
 * Accounts and hashtags imported for entities that already exist (a party's X account, a pair's
 * campaign hashtag) cannot be written into those entities' files, so `jaga import` writes them as
 * an overlay (rules/national/overlays/*.yaml): a list of `{ owner, platform, handle }` and
 * `{ owner, term }` records, each with sources and provenance, applied onto the merged sources
 * before validation. Pure.
 */
import { z } from 'zod';
import { everydayReading } from '../data/lint.ts';
import { ACCOUNT_PLATFORMS, ProvenanceSchema, type Term } from '../schema.ts';
import { provenanceOf, sourceUrl, type ImportOrigin } from './provenance.ts';
import type { AccountRecord, HashtagRecord, RowError } from './records.ts';

const Stamp = {
  sources: z.array(z.url()).min(1),
  provenance: ProvenanceSchema,
};

export const OverlaySchema = z.strictObject({
  accounts: z
    .array(z.strictObject({ owner: z.string().min(1), platform: z.enum(ACCOUNT_PLATFORMS), handle: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/), ...Stamp }))
    .default([]),
  hashtags: z
    .array(
      z.strictObject({
        owner: z.string().min(1),
        term: z.string().min(1),
        requiresContext: z.boolean().optional(),
        note: z.string().optional(),
        against: z.boolean().optional(),
        ...Stamp,
      }),
    )
    .default([]),
});
export type Overlay = z.output<typeof OverlaySchema>;

export function buildOverlay(accounts: readonly AccountRecord[], hashtags: readonly HashtagRecord[], origin: ImportOrigin): { overlay: Overlay; collisions: string[] } {
  const stamp = { sources: [sourceUrl(origin.source)], provenance: provenanceOf(origin) };
  const collisions: string[] = [];
  return {
    overlay: {
      accounts: accounts.map((a) => ({ owner: a.owner, platform: a.platform, handle: a.handle, ...stamp })),
      hashtags: hashtags.map((h) => {
        const reading = everydayReading(h.term);
        if (reading !== undefined) collisions.push(`${h.row}: "#${h.term}" reads as the everyday word "${reading}"; needs context`);
        return {
          owner: h.owner,
          term: h.term,
          ...(reading !== undefined ? { requiresContext: true, note: `reads as the everyday word "${reading}"` } : {}),
          ...(h.against ? { against: true } : {}),
          ...stamp,
        };
      }),
    },
    collisions,
  };
}

type Entity = Record<string, unknown> & { id?: unknown; sources?: unknown };

function addSources(entity: Entity, urls: string[]): void {
  const list = Array.isArray(entity.sources) ? (entity.sources as string[]) : [];
  for (const u of urls) if (!list.includes(u)) list.push(u);
  entity.sources = list;
}

/**
 * Applies an overlay onto merged, not yet validated sources (`raw.persons`, `raw.parties`,
 * `raw.contests`). Returns errors naming the overlay entry for owners that do not exist or cannot
 * hold the record (hashtags belong to pairs and contests).
 */
export function applyOverlay(raw: Record<string, unknown>, overlay: Overlay, label = 'overlay'): RowError[] {
  const errors: RowError[] = [];
  const owners = new Map<string, { kind: 'person' | 'party' | 'contest' | 'contestant'; entity: Entity }>();
  for (const p of (raw.persons as Entity[] | undefined) ?? []) owners.set(String(p.id), { kind: 'person', entity: p });
  for (const p of (raw.parties as Entity[] | undefined) ?? []) owners.set(String(p.id), { kind: 'party', entity: p });
  for (const c of (raw.contests as Entity[] | undefined) ?? []) {
    owners.set(String(c.id), { kind: 'contest', entity: c });
    for (const k of (c.contestants as Entity[] | undefined) ?? []) owners.set(String(k.id), { kind: 'contestant', entity: k });
  }
  overlay.accounts.forEach((a, i) => {
    const owner = owners.get(a.owner);
    if (!owner || owner.kind === 'contest') {
      errors.push({ row: `${label} accounts[${i}]`, message: owner ? `"${a.owner}" is a contest; accounts belong to persons, parties or pairs` : `unknown owner id "${a.owner}"` });
      return;
    }
    const accounts = (owner.entity.accounts ??= {}) as Record<string, string[]>;
    const list = (accounts[a.platform] ??= []);
    if (!list.some((h) => h.replace(/^@/, '').toLowerCase() === a.handle.toLowerCase())) list.push(a.handle);
    addSources(owner.entity, a.sources);
  });
  overlay.hashtags.forEach((h, i) => {
    const owner = owners.get(h.owner);
    if (!owner || owner.kind === 'person' || owner.kind === 'party') {
      errors.push({ row: `${label} hashtags[${i}]`, message: owner ? `"${h.owner}" is a ${owner.kind}; hashtags belong to pairs (contestants) or contests` : `unknown owner id "${h.owner}"` });
      return;
    }
    const term: Term = h.requiresContext ? { term: h.term, requiresContext: true, ...(h.note ? { note: h.note } : {}) } : h.term;
    const field = owner.kind === 'contest' ? 'campaignTerms' : h.against ? 'againstHashtags' : 'hashtags';
    const list = (owner.entity[field] ??= []) as Term[];
    if (!list.some((t) => (typeof t === 'string' ? t : t.term).toLowerCase() === h.term.toLowerCase())) list.push(term);
    addSources(owner.entity, h.sources);
  });
  return errors;
}
