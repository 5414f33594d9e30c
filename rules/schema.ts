/**
 * The rule bundle: the data the engine matches against, as maintainers write it (YAML under
 * rules/data/, compiled by rules/compile.ts). Validated with zod; every mistake a maintainer can make
 * gets an error that names its path (see `parseRuleBundle`).
 *
 * This module imports zod and is therefore NOT part of the content-script path: rules/engine.ts must
 * never import it (only its types, with `import type`).
 *
 * Conventions
 * - `id`s are lowercase kebab-case and unique per kind (persons, parties, contests, contestants).
 * - A "term" is either a plain string or `{ term, requiresContext }`. A term that is also an everyday
 *   word (AMIN = amen, PAGI = morning, PBB = land tax / UN, PKB = vehicle tax, Garuda, gemoy…) MUST be
 *   marked `requiresContext: true`: it never counts on its own, only next to an unambiguous
 *   candidate/party/election match or election vocabulary.
 * - Terms are matched on whole normalised tokens (case, diacritics, leetspeak, stretched letters and
 *   zero-width characters do not matter; "Prabowo-Gibran" = "prabowo gibran"). Hashtags are written
 *   without '#', glued or CamelCase, e.g. "PrabowoGibran2024".
 * - Dates are ISO `YYYY-MM-DD` (a whole day, Asia/Jakarta is not assumed: the engine compares calendar
 *   days in UTC) or full ISO date-times for `issuedAt`/`expiresAt`.
 * - Region codes are Kemendagri/BPS codes: "35" = Jawa Timur, "35.78" = Kota Surabaya, "31" = DKI Jakarta.
 */
import { z } from 'zod';
import { SITE_IDS } from './actions.ts';

// ---------------------------------------------------------------------------------------------
// Building blocks

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Identifier: lowercase kebab-case, e.g. "prabowo-subianto", "pilpres-2024-02". */
export const IdSchema = z
  .string()
  .regex(ID_RE, { message: 'expected a lowercase kebab-case id such as "prabowo-subianto"' });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().refine(
  (s) => {
    const m = DATE_RE.exec(s);
    return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  { message: 'expected an ISO date YYYY-MM-DD (a real calendar day)' },
);

/** A day `YYYY-MM-DD` or a full ISO date-time with zone, e.g. `2026-01-05T08:00:00+07:00`. */
export const IsoDateTimeSchema = z.string().refine(
  (s) => {
    const m = DATE_RE.exec(s) ?? DATETIME_RE.exec(s);
    return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) && !Number.isNaN(Date.parse(s));
  },
  { message: 'expected an ISO date YYYY-MM-DD or date-time such as 2026-01-05T08:00:00+07:00' },
);

/** Kemendagri/BPS region code: "35" (province), "35.78" (regency/city), "35.78.01" (district)… */
export const RegionCodeSchema = z
  .string()
  .regex(/^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/, {
    message: 'expected a Kemendagri region code such as "35" (Jawa Timur) or "35.78" (Kota Surabaya)',
  });

/**
 * A term to match. Plain string = counts on its own. Object form to mark everyday words:
 * `{ term: "AMIN", requiresContext: true }`.
 */
export const TermSchema = z.union([
  z.string().trim().min(1, { message: 'empty term' }),
  z.strictObject({
    /** the text to match (any case; written as people write it) */
    term: z.string().trim().min(1, { message: 'empty term' }),
    /** true when the term is also an everyday word: it never counts alone, only with context */
    requiresContext: z.boolean().optional(),
    /** maintainers' note (why it is ambiguous, where it was seen) */
    note: z.string().optional(),
  }),
]);
export type Term = z.infer<typeof TermSchema>;

/** Normalised view of a term. */
export function termText(t: Term): string {
  return typeof t === 'string' ? t : t.term;
}
export function termNeedsContext(t: Term): boolean {
  return typeof t === 'string' ? false : t.requiresContext === true;
}

/** Platforms that can carry official/campaign accounts. */
export const ACCOUNT_PLATFORMS = ['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'threads'] as const;
export type AccountPlatform = (typeof ACCOUNT_PLATFORMS)[number];

const HandleSchema = z
  .string()
  .regex(/^@?[A-Za-z0-9._-]{1,100}$/, { message: 'expected an account handle such as "prabowo" (no URL, no spaces)' });

/** Official or campaign accounts per platform, handles without the leading @ (one may be given). */
export const AccountsSchema = z.strictObject({
  facebook: z.array(HandleSchema).optional(),
  instagram: z.array(HandleSchema).optional(),
  x: z.array(HandleSchema).optional(),
  tiktok: z.array(HandleSchema).optional(),
  youtube: z.array(HandleSchema).optional(),
  threads: z.array(HandleSchema).optional(),
});
export type Accounts = z.infer<typeof AccountsSchema>;

/** Provenance: URLs of the public pages a maintainer took this entry from. */
const SourceUrlSchema = z.url({ message: 'expected a URL (http/https)', protocol: /^https?$/ });
const SourcesSchema = z.array(SourceUrlSchema).optional();

/**
 * One sourced account for an owner another file defines (`accounts:` in a rules/data file): a pair
 * imported from a data set without account columns (KPU Sirekap) takes its accounts here, since its
 * generated file is not edited by hand. Merged into the owner's `accounts` before validation
 * (rules/data/index.ts); the page that says the account is the owner's own is required.
 */
export const AccountEntrySchema = z.strictObject({
  /** a person, party or contestant (pair) id */
  owner: z.string().trim().min(1, { message: 'name the owner id' }),
  platform: z.enum(ACCOUNT_PLATFORMS),
  handle: HandleSchema,
  sources: z.array(SourceUrlSchema).min(1, { message: 'cite the page that names the account' }),
});
export type AccountEntry = z.infer<typeof AccountEntrySchema>;

/**
 * Where an imported record came from (`jaga import`): the data set, the day it was fetched and its
 * licence. Optional, so entries written by hand need none; `sources` still carries a URL.
 */
export const ProvenanceSchema = z.strictObject({
  /** a URL, or a repository file pinned to a commit: "owner/name:path/to/file.json@<commit>" */
  source: z.string().trim().min(1, { message: 'empty provenance source' }),
  /** the day the data set was fetched */
  fetchedAt: IsoDateSchema,
  /** the data set's licence as its publisher states it ("CC-BY-4.0", "MIT", "public record (KPU)") */
  licence: z.string().trim().min(1, { message: 'name the licence (or "unknown")' }),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * Texts that must (positive) or must not (negative) produce a match for this entry;
 * run by the maintainers' `jaga test`.
 */
export const ExamplesSchema = z.strictObject({
  positive: z.array(z.string()).default([]),
  negative: z.array(z.string()).default([]),
});

// ---------------------------------------------------------------------------------------------
// Persons

/** An office a person holds or held; used to tell officeholder content from campaign content. */
export const OfficeSchema = z.strictObject({
  /** e.g. "Presiden RI", "Gubernur Jawa Timur", "Menteri Pertahanan" */
  title: z.string().min(1),
  /** region code of the office (omit for national offices) */
  region: RegionCodeSchema.optional(),
  /** first day in office */
  from: IsoDateSchema,
  /** last day in office; omit while in office */
  to: IsoDateSchema.optional(),
});

export const PersonSchema = z.strictObject({
  id: IdSchema,
  /** full name as the KPU writes it, e.g. "Prabowo Subianto" (matched) */
  name: z.string().min(1),
  /** other names and name parts that identify the person: "Prabowo", "Anies Baswedan", "Cak Imin" */
  aliases: z.array(TermSchema).optional(),
  /** nicknames and jargon names: "Gemoy" (requiresContext), "El Chef", "Si Doel" */
  nicknames: z.array(TermSchema).optional(),
  /** common misspellings and shorthands: "Anis Baswedan", "prbw" */
  misspellings: z.array(TermSchema).optional(),
  /**
   * the compiler generates spelling variants of the name and aliases (rules/variants.ts); `add` keeps a
   * variant it dropped as an everyday word (mark it requiresContext), `veto` removes a generated one
   */
  variants: z
    .strictObject({
      add: z.array(TermSchema).optional(),
      veto: z.array(z.string().trim().min(1, { message: 'empty variant' })).optional(),
    })
    .optional(),
  /** personal official accounts per platform */
  accounts: AccountsSchema.optional(),
  /** offices held, with date ranges */
  offices: z.array(OfficeSchema).optional(),
  sources: SourcesSchema,
  provenance: ProvenanceSchema.optional(),
  examples: ExamplesSchema.optional(),
});
export type Person = z.infer<typeof PersonSchema>;

// ---------------------------------------------------------------------------------------------
// Parties

export const PartyBallotNumberSchema = z.strictObject({
  /** election the number belongs to: a contest id (e.g. "pileg-2024") or a label such as "pemilu-2024" */
  election: z.string().min(1),
  /** the party's ballot number in that election */
  number: z.number().int().positive(),
});

export const PartySchema = z.strictObject({
  id: IdSchema,
  /** full name, e.g. "Partai Gerakan Indonesia Raya" */
  name: z.string().min(1),
  /** short names: "Gerindra"; "PKB" (requiresContext: also motor-vehicle tax) */
  abbreviations: z.array(TermSchema).optional(),
  /** ballot numbers per election */
  ballotNumbers: z.array(PartyBallotNumberSchema).optional(),
  /** symbols in words: "banteng moncong putih", "pohon beringin" (usually requiresContext) */
  symbols: z.array(TermSchema).optional(),
  /** emoji standing for the symbol (🐂, 🌳, 🕋…): never count alone */
  symbolEmoji: z.array(z.string().min(1)).optional(),
  /** party slogans and taglines */
  slogans: z.array(TermSchema).optional(),
  /** official party accounts per platform */
  accounts: AccountsSchema.optional(),
  /** region where the party runs (Aceh local parties: "11"); omit for national parties */
  region: RegionCodeSchema.optional(),
  /**
   * true when the party's name/abbreviation is itself an everyday word (PBB, PKB, Garuda, Gelora,
   * Demokrat, Buruh, Ummat…): every name term of the party then requires context, as if each were
   * marked `requiresContext`. The full name ("Partai Bulan Bintang") still counts alone.
   */
  ambiguous: z.boolean().optional(),
  sources: SourcesSchema,
  provenance: ProvenanceSchema.optional(),
  examples: ExamplesSchema.optional(),
});
export type Party = z.infer<typeof PartySchema>;

// ---------------------------------------------------------------------------------------------
// Contests and contestants

export const CONTEST_KINDS = ['pilpres', 'pileg', 'pilkada-provinsi', 'pilkada-kabupaten', 'pilkada-kota'] as const;
export type ContestKind = (typeof CONTEST_KINDS)[number];

/**
 * Phases of a contest. The engine treats a contest as *in season* on any day inside any phase; ASN
 * rules cover would-be candidates ("bakal-calon") too, so start the first phase there.
 */
export const PHASE_KINDS = [
  'bakal-calon', // would-be candidates declared / registration period
  'pendaftaran', // registration with the KPU
  'penetapan', // candidates set, ballot numbers drawn
  'kampanye', // campaign period
  'tenang', // quiet period
  'pemungutan', // voting day
  'rekapitulasi', // counting and recapitulation
  'sengketa', // disputes at the Constitutional Court
  'psu', // re-vote (pemungutan suara ulang)
  'pilkada-ulang', // re-run after the empty box won
  'putaran-kedua', // second round
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const PhaseSchema = z
  .strictObject({
    kind: z.enum(PHASE_KINDS),
    /** first day of the phase (inclusive) */
    from: IsoDateSchema,
    /** last day of the phase (inclusive) */
    to: IsoDateSchema,
    /** for psu/pilkada-ulang limited to part of the contest's area: the region codes concerned */
    regions: z.array(RegionCodeSchema).optional(),
  })
  .refine((p) => p.from <= p.to, { message: '"from" must not be after "to"', path: ['to'] });

export const CoalitionSchema = z.strictObject({
  /** coalition names: "Koalisi Perubahan", "Koalisi Indonesia Maju", { term: "KIM", requiresContext: true } */
  names: z.array(TermSchema).optional(),
  /** ids of the parties backing the contestant */
  parties: z.array(IdSchema).default([]),
});

export const ContestantSchema = z.strictObject({
  id: IdSchema,
  /** ballot number (nomor urut) in this contest; omit for a pair without a number yet */
  number: z.number().int().positive().optional(),
  /** ids of the persons (candidate and running mate; one id for a legislative candidate) */
  persons: z.array(IdSchema).min(1, { message: 'a contestant needs at least one person id' }),
  /** pair names and acronyms: "Prabowo-Gibran", { term: "PAGI", requiresContext: true } */
  acronyms: z.array(TermSchema).optional(),
  /** coalition and backing parties */
  coalition: CoalitionSchema.optional(),
  /** campaign hashtags without '#': "PrabowoGibran2024", "AminAjaDulu" (also counted when written without '#') */
  hashtags: z.array(TermSchema).optional(),
  /** hashtags and phrases *against* this contestant ("TolakAnies", "AsalBukanPrabowo"): also partisan */
  againstHashtags: z.array(TermSchema).optional(),
  /** campaign slogans and jargon: "Indonesia Adil Makmur untuk Semua"; { term: "Lanjutkan", requiresContext: true } */
  slogans: z.array(TermSchema).optional(),
  /** salutes / hand signs in words: "salam satu jari"; { term: "salam 2 jari", requiresContext: true } */
  salutes: z.array(TermSchema).optional(),
  /** campaign team / volunteer accounts */
  accounts: AccountsSchema.optional(),
  /** campaign team names: "Timnas AMIN", "TKN Prabowo-Gibran" */
  teams: z.array(TermSchema).optional(),
  sources: SourcesSchema,
  provenance: ProvenanceSchema.optional(),
  examples: ExamplesSchema.optional(),
});
export type Contestant = z.infer<typeof ContestantSchema>;

export const ContestSchema = z
  .strictObject({
    id: IdSchema,
    /** human name in Indonesian: "Pilpres 2024", "Pilgub Jawa Timur 2024" */
    name: z.string().min(1),
    kind: z.enum(CONTEST_KINDS),
    /** region code; required for pilkada, omit for national contests */
    region: RegionCodeSchema.optional(),
    /** voting day of the (first) round */
    votingDay: IsoDateSchema.optional(),
    /** phases with dates; the contest is in season on any day inside a phase */
    phases: z.array(PhaseSchema).min(1, { message: 'a contest needs at least one phase' }),
    contestants: z.array(ContestantSchema),
    /** contest-wide partisan terms not owned by one contestant: "salam 4 jari" */
    campaignTerms: z.array(TermSchema).optional(),
    sources: SourcesSchema,
    provenance: ProvenanceSchema.optional(),
    examples: ExamplesSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind.startsWith('pilkada') && !c.region) {
      ctx.addIssue({ code: 'custom', message: 'a pilkada contest needs a region code', path: ['region'] });
    }
    if (c.kind === 'pilkada-provinsi' && c.region && c.region.includes('.')) {
      ctx.addIssue({ code: 'custom', message: 'a province contest needs a 2-digit province code', path: ['region'] });
    }
    if ((c.kind === 'pilkada-kabupaten' || c.kind === 'pilkada-kota') && c.region && !/^\d{2}\.\d{2}$/.test(c.region)) {
      ctx.addIssue({ code: 'custom', message: 'a regency/city contest needs a code such as "35.78"', path: ['region'] });
    }
    const numbers = new Map<number, number>();
    c.contestants.forEach((k, i) => {
      if (k.number === undefined) return;
      const prev = numbers.get(k.number);
      if (prev !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `ballot number ${k.number} is already used by contestants[${prev}]`,
          path: ['contestants', i, 'number'],
        });
      } else numbers.set(k.number, i);
    });
  });
export type Contest = z.infer<typeof ContestSchema>;

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const HandSignSchema = z.strictObject({
  /** a word or an emoji: "☝️", "✌️", "salam dua jari", "pose tiga jari" */
  term: z.string().min(1),
  /** the ballot number the sign shows, if any (☝️ = 1, ✌️ = 2, 👌 = 3) */
  number: z.number().int().positive().optional(),
  note: z.string().optional(),
});

export const VocabularySchema = z.strictObject({
  /** election vocabulary: capres, paslon, coblos, nomor urut, pilkada, timses… (alone: low) */
  electionTerms: z.array(TermSchema).default([]),
  /** words of support: dukung, pilih, menangkan, lanjutkan, "all in"… (raise a candidate to high) */
  supportCues: z.array(TermSchema).default([]),
  /** news / process cues: KPU, Bawaslu, hasil rekapitulasi, sosialisasi netralitas… (lower by one step) */
  neutralCues: z.array(TermSchema).default([]),
  /** terms that never count alone and only explain a verdict ("salam 2 jari", "01") */
  ambiguousTerms: z.array(TermSchema).default([]),
  /** hand signs as words or emoji; with a number they act as a ballot number next to a candidate */
  handSigns: z.array(HandSignSchema).default([]),
  /** words introducing a ballot number: "nomor", "no", "nomor urut", "paslon" */
  numberMarkers: z.array(z.string().min(1)).default([]),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

// ---------------------------------------------------------------------------------------------
// Regions

/**
 * The place names of one province (rules/data/regions.yaml): the province, its regencies and cities
 * and their usual abbreviations, as people write them. A name next to a context-requiring candidate
 * name is evidence for a contest of that province (docs/engine.md, "Evidence"). Optional, so older
 * bundles stay valid (they only give no region evidence).
 */
export const RegionSchema = z.strictObject({
  /** the 2-digit province code (Kemendagri): "36" = Banten */
  code: z.string().regex(/^\d{2}$/, { message: 'expected a 2-digit province code such as "36" (Banten)' }),
  /** names matched as whole words; an everyday word ("malang") only as "kota malang" / "kab malang" */
  names: z.array(z.string().trim().min(1, { message: 'empty region name' })).min(1, { message: 'a region needs at least one name' }),
  sources: SourcesSchema,
  provenance: ProvenanceSchema.optional(),
});
export type Region = z.infer<typeof RegionSchema>;

// ---------------------------------------------------------------------------------------------
// Bundle

/** Per-site selector data for the interception code: site → named selector lists. */
export const SitesSchema = z.partialRecord(z.enum(SITE_IDS), z.record(z.string(), z.array(z.string())));

export const RuleBundleSchema = z
  .strictObject({
    /** format of this file; bump only with a migration */
    schemaVersion: z.literal(1),
    /** bundle version, a positive integer that only ever increases */
    version: z.number().int().positive(),
    /** when the bundle was issued */
    issuedAt: IsoDateTimeSchema,
    /** after this the extension should fetch a newer bundle (still used until then) */
    expiresAt: IsoDateTimeSchema,
    persons: z.array(PersonSchema),
    parties: z.array(PartySchema),
    contests: z.array(ContestSchema),
    vocabulary: VocabularySchema,
    /** place names per province: region evidence for context-requiring candidate names */
    regions: z.array(RegionSchema).optional(),
    /** selector data per site, for the interception layer */
    sites: SitesSchema.optional(),
  })
  .refine((b) => b.issuedAt.slice(0, 10) <= b.expiresAt.slice(0, 10), {
    message: '"expiresAt" must not be before "issuedAt"',
    path: ['expiresAt'],
  });

/** A validated bundle (defaults applied). */
export type RuleBundle = z.output<typeof RuleBundleSchema>;
/** What a maintainer writes (defaults optional). */
export type RuleBundleInput = z.input<typeof RuleBundleSchema>;

// ---------------------------------------------------------------------------------------------
// Parsing and cross-reference checks

export type ParseResult = { ok: true; bundle: RuleBundle } | { ok: false; errors: string[] };

/** `contests[0].contestants[1].number` for a zod issue path */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

/**
 * Validate an unknown value (parsed YAML/JSON) as a bundle. Errors read
 * `contests[0].contestants[1].number: expected number, received string`, then the cross-reference
 * errors of `validateReferences`.
 */
export function parseRuleBundle(input: unknown): ParseResult {
  const r = RuleBundleSchema.safeParse(input);
  if (!r.success) {
    return { ok: false, errors: r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  }
  const refErrors = validateReferences(r.data);
  if (refErrors.length) return { ok: false, errors: refErrors };
  return { ok: true, bundle: r.data };
}

/**
 * Cross-reference checks zod cannot express: unique ids, contestants' persons and parties exist,
 * party ballot numbers unique per election. Returns readable errors naming the path (empty = fine).
 */
export function validateReferences(bundle: RuleBundle): string[] {
  const errors: string[] = [];
  const unique = (items: { id: string }[], path: string) => {
    const seen = new Map<string, number>();
    items.forEach((it, i) => {
      const prev = seen.get(it.id);
      if (prev !== undefined) errors.push(`${path}[${i}].id: duplicate id "${it.id}" (also ${path}[${prev}])`);
      else seen.set(it.id, i);
    });
    return seen;
  };
  const persons = unique(bundle.persons, 'persons');
  const parties = unique(bundle.parties, 'parties');
  unique(bundle.contests, 'contests');
  const contestantIds = new Map<string, string>();
  bundle.contests.forEach((c, ci) => {
    c.contestants.forEach((k, ki) => {
      const path = `contests[${ci}].contestants[${ki}]`;
      const prev = contestantIds.get(k.id);
      if (prev) errors.push(`${path}.id: duplicate contestant id "${k.id}" (also ${prev})`);
      else contestantIds.set(k.id, path);
      k.persons.forEach((p, pi) => {
        if (!persons.has(p)) errors.push(`${path}.persons[${pi}]: unknown person id "${p}"`);
      });
      k.coalition?.parties.forEach((p, pi) => {
        if (!parties.has(p)) errors.push(`${path}.coalition.parties[${pi}]: unknown party id "${p}"`);
      });
    });
  });
  const regionCodes = new Map<string, number>();
  bundle.regions?.forEach((r, i) => {
    const prev = regionCodes.get(r.code);
    if (prev !== undefined) errors.push(`regions[${i}].code: duplicate province code "${r.code}" (also regions[${prev}])`);
    else regionCodes.set(r.code, i);
  });
  const numbers = new Map<string, string>();
  bundle.parties.forEach((p, pi) => {
    p.ballotNumbers?.forEach((b, bi) => {
      const key = `${b.election}#${b.number}`;
      const prev = numbers.get(key);
      if (prev) errors.push(`parties[${pi}].ballotNumbers[${bi}]: number ${b.number} in "${b.election}" is also used by ${prev}`);
      else numbers.set(key, `party "${p.id}"`);
    });
  });
  return errors;
}
