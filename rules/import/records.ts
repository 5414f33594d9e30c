/**
 * What every importer produces, whatever the format: candidate, account and hashtag records, each
 * naming the row it came from, checked with zod. A row that fails becomes a RowError naming the
 * row; the other rows go on. Pure.
 */
import { z } from 'zod';
import { ACCOUNT_PLATFORMS, IsoDateSchema } from '../schema.ts';
import { splitPair } from './names.ts';

export const IMPORT_KINDS = ['pilkada', 'dpr', 'dpd', 'accounts', 'hashtags'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type CandidateKind = 'pilkada' | 'dpr' | 'dpd';

export interface RowError {
  /** where in the input: "row 7", "3578 › 100123" */
  row: string;
  message: string;
}

/** "3578" → "35.78", "35" → "35", "35.78" stays; undefined when it is no regency/province code. */
export function normalizeRegion(raw: string): string | undefined {
  const s = raw.trim();
  if (/^\d{2}(?:\.\d{2})?$/.test(s)) return s;
  if (/^\d{4}$/.test(s)) return `${s.slice(0, 2)}.${s.slice(2)}`;
  return undefined;
}

const RegionSchema = z
  .union([z.string(), z.number()])
  .transform((v) => normalizeRegion(String(v)))
  .refine((v): v is string => v !== undefined, {
    message: 'expected a Kemendagri province or regency/city code such as "35", "3578" or "35.78"',
  });

const NumberSchema = z.coerce
  .number({ message: 'expected a ballot number' })
  .int({ message: 'expected a whole ballot number' })
  .positive({ message: 'expected a ballot number of 1 or more' });

const text = (what: string) =>
  z.coerce
    .string()
    .trim()
    .min(1, { message: `empty ${what}` });

/** An account handle as written: "@name", "name" or the profile URL. */
const HandleSchema = z
  .string()
  .trim()
  .transform((h) =>
    h
      .replace(/^https?:\/\/[^/]+\//, '')
      .replace(/^@/, '')
      .replace(/\/+$/, ''),
  )
  .pipe(z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, { message: 'expected an account handle such as "prabowo" (no spaces)' }));

const CandidateSchema = z.object({
  kind: z.enum(['pilkada', 'dpr', 'dpd']),
  region: RegionSchema,
  regionName: z.string().trim().optional(),
  district: z.coerce.string().trim().optional(),
  districtName: z.string().trim().optional(),
  number: NumberSchema.optional(),
  names: z.array(text('name')).min(1, { message: 'no candidate name' }),
  party: z.coerce.string().trim().optional(),
  votingDay: IsoDateSchema.optional(),
  campaignFrom: IsoDateSchema.optional(),
  campaignTo: IsoDateSchema.optional(),
  /** the pages the row was transcribed from (a transcription of news articles names one per row) */
  sources: z.array(z.url({ message: 'expected URLs (https://…) separated by spaces or ";"' })).optional(),
  acronyms: z.array(text('acronym')).optional(),
  /** the backing parties (Pilkada), by name, abbreviation or 2024 ballot number */
  coalition: z.array(text('party')).optional(),
  /** the pair's campaign accounts per platform */
  accounts: z.partialRecord(z.enum(ACCOUNT_PLATFORMS), z.array(HandleSchema)).optional(),
});
export type CandidateRecord = z.output<typeof CandidateSchema> & { row: string };

const AccountSchema = z.object({
  owner: text('owner id'),
  platform: z.enum(ACCOUNT_PLATFORMS, { message: `expected a platform: ${ACCOUNT_PLATFORMS.join(', ')}` }),
  handle: HandleSchema,
});
export type AccountRecord = z.output<typeof AccountSchema> & { row: string };

const HashtagSchema = z.object({
  owner: text('owner id'),
  term: z
    .string()
    .trim()
    .transform((t) => t.replace(/^#/, ''))
    .pipe(z.string().regex(/^[\p{L}\p{N}_]{2,100}$/u, { message: 'expected a hashtag of letters and digits, with or without "#"' })),
  against: z.boolean().optional(),
});
export type HashtagRecord = z.output<typeof HashtagSchema> & { row: string };

export interface Extracted {
  candidates: CandidateRecord[];
  accounts: AccountRecord[];
  hashtags: HashtagRecord[];
  errors: RowError[];
}

export interface DistrictOptions {
  kind: ImportKind;
  /** DPR: the electoral district (kode dapil) of a file that holds one district */
  district?: string;
  /** its name ("Banten I"), when the file carries none */
  districtName?: string;
}

/** What a one-district file's records take from the command line. */
export function districtDefaults(options: DistrictOptions): Record<string, unknown> {
  return {
    ...(options.district ? { kode_dapil: options.district } : {}),
    ...(options.districtName ? { nama_dapil: options.districtName } : {}),
  };
}

export function emptyExtracted(): Extracted {
  return { candidates: [], accounts: [], hashtags: [], errors: [] };
}

type Fields = Record<string, unknown>;

/** The first non-empty field among the names a data set may use for it. */
function pick(fields: Fields, names: readonly string[]): unknown {
  for (const n of names) {
    const v = fields[n];
    if (v !== undefined && v !== null && String(v).trim() !== '') return typeof v === 'string' ? v.trim() : v;
  }
  return undefined;
}

const F = {
  region: [
    'kode_wilayah',
    'kode_wil',
    'kode_pro',
    'kode_prov',
    'kode_provinsi',
    'kode_kab',
    'kode_kabupaten',
    'kode_kota',
    'kode_kabkota',
    'kode',
    'region',
  ],
  regionName: [
    'nama_wilayah',
    'wilayah',
    'nama_kabupaten_kota',
    'nama_kabkota',
    'nama_kabupaten',
    'nama_kota',
    'kabupaten_kota',
    'nama_provinsi',
    'provinsi',
    'region_name',
  ],
  district: ['kode_dapil', 'dapil_kode', 'dapil', 'district'],
  districtName: ['nama_dapil', 'district_name'],
  number: ['nomor_urut', 'no_urut', 'nomor', 'number', 'urutan'],
  pair: ['nama', 'nama_pasangan_calon', 'nama_paslon', 'paslon', 'name'],
  head: ['nama_calon', 'calon', 'nama_kepala_daerah', 'kepala_daerah', 'nama_ketua', 'head'],
  deputy: ['nama_wakil', 'wakil', 'nama_calon_wakil', 'wakil_kepala_daerah', 'deputy'],
  party: ['partai', 'nama_partai', 'nomor_partai', 'no_partai', 'party'],
  votingDay: ['tanggal_pemungutan', 'pemungutan', 'voting_day'],
  campaignFrom: ['kampanye_mulai', 'campaign_from'],
  campaignTo: ['kampanye_selesai', 'campaign_to'],
  owner: ['owner', 'pemilik', 'entity', 'id'],
  platform: ['platform', 'media', 'situs'],
  handle: ['handle', 'akun', 'username', 'account', 'url'],
  hashtag: ['hashtag', 'tagar', 'term'],
  against: ['against', 'lawan', 'menolak'],
  sources: ['sumber', 'sumber_url', 'url_sumber', 'source', 'sources'],
  acronyms: ['akronim', 'singkatan', 'acronyms', 'acronym'],
  coalition: ['koalisi', 'pengusung', 'partai_pengusung', 'coalition'],
} as const;

/** "a; b | c" → ["a", "b", "c"]; URLs and handles may also be separated by spaces or commas. */
function listOf(value: unknown, separators: RegExp): string[] | undefined {
  if (value === undefined) return undefined;
  const items = String(value)
    .split(separators)
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** Per-platform account columns of a candidate row ("instagram" or "akun_instagram"). */
function accountColumns(fields: Fields): Partial<Record<(typeof ACCOUNT_PLATFORMS)[number], string[]>> | undefined {
  const out: Partial<Record<(typeof ACCOUNT_PLATFORMS)[number], string[]>> = {};
  for (const platform of ACCOUNT_PLATFORMS) {
    const handles = listOf(pick(fields, [platform, `akun_${platform}`]), /[;|]/);
    if (handles) out[platform] = handles;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The column a row's field comes from, as a transcription names it, for errors a reader can act on. */
const COLUMN: Record<string, string> = { sources: 'sumber', acronyms: 'akronim', coalition: 'koalisi' };

function issues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      if (!i.path.length) return i.message;
      const [head, ...rest] = i.path.map(String);
      // "accounts.instagram.0" → "instagram"; "sources.1" → "sumber"
      const where = head === 'accounts' ? rest[0]! : (COLUMN[head!] ?? [head, ...rest].join('.'));
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Reads one record (a CSV row, a JSON object, a seeder array) as the import kind asks, with
 * `defaults` for what the record's place in the file says (the region key of a KPU map…).
 */
export function readRecord(kind: ImportKind, fields: Fields, row: string, out: Extracted, defaults: Fields = {}): void {
  const f = { ...defaults, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.trim().toLowerCase(), v])) };
  if (kind === 'accounts') {
    const r = AccountSchema.safeParse({
      owner: pick(f, F.owner),
      platform: String(pick(f, F.platform) ?? '').toLowerCase(),
      handle: pick(f, F.handle) ?? '',
    });
    if (r.success) out.accounts.push({ ...r.data, row });
    else out.errors.push({ row, message: issues(r.error) });
    return;
  }
  if (kind === 'hashtags') {
    const against = pick(f, F.against);
    const r = HashtagSchema.safeParse({
      owner: pick(f, F.owner),
      term: pick(f, F.hashtag) ?? '',
      against: against === undefined ? undefined : /^(1|true|ya|yes)$/i.test(String(against)),
    });
    if (r.success) out.hashtags.push({ ...r.data, row });
    else out.errors.push({ row, message: issues(r.error) });
    return;
  }
  const head = pick(f, F.head);
  const deputy = pick(f, F.deputy);
  const pair = pick(f, F.pair);
  const names =
    head !== undefined
      ? [head, deputy].filter((x) => x !== undefined)
      : pair !== undefined
        ? kind === 'pilkada'
          ? splitPair(String(pair))
          : [pair]
        : [];
  let region = pick(f, F.region);
  const district = pick(f, F.district);
  // a DPR district code ("1101", "3201") lies in its province
  if (region === undefined && kind === 'dpr' && district !== undefined && /^\d{4}/.test(String(district)))
    region = String(district).slice(0, 2);
  const r = CandidateSchema.safeParse({
    kind,
    region: region ?? '',
    regionName: pick(f, F.regionName),
    district,
    districtName: pick(f, F.districtName),
    number: pick(f, F.number),
    names,
    party: pick(f, F.party),
    votingDay: pick(f, F.votingDay),
    campaignFrom: pick(f, F.campaignFrom),
    campaignTo: pick(f, F.campaignTo),
    sources: listOf(pick(f, F.sources), /[\s;|,]+/),
    acronyms: listOf(pick(f, F.acronyms), /[;|]/),
    coalition: listOf(pick(f, F.coalition), /[;|]/),
    accounts: accountColumns(f),
  });
  if (!r.success) {
    out.errors.push({ row, message: issues(r.error) });
    return;
  }
  if (kind === 'pilkada' && r.data.number === undefined) {
    out.errors.push({ row, message: 'nomor_urut: a Pilkada pair needs its ballot number' });
    return;
  }
  if (kind === 'dpr' && !r.data.district) {
    out.errors.push({ row, message: 'dapil: a DPR candidate needs an electoral district (kode_dapil)' });
    return;
  }
  out.candidates.push({ ...r.data, row });
}
