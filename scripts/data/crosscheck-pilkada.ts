/**
 * Cross-checks the Pilkada 2024 races of a rule set against KPU Sirekap's candidate files
 * (`pkwkk.json`: regents and mayors, 4-digit region codes; `pkwkp.json`: governors, 2-digit codes;
 * both `{ "<code>": { "<candidate id>": { "nama": "HEAD - DEPUTY", "nomor_urut": n } } }`).
 *
 * For every Pilkada contest voted on in 2024 it compares, with the Sirekap record of its region:
 * the number of pairs (KPU's empty box, "KOLOM KOSONG", is not a pair), each pair's ballot number,
 * and the head's and deputy's names. Names are cleaned with the importer's own cleaning
 * (`cleanName`: titles and degrees off, capitals fixed) and compared part by part: what counts as
 * "the same" is spelled out at `compareNames` and `sameToken`. A pair whose names agree with another
 * of KPU's numbers is reported as a wrong number. Pure: it takes the files' text and the bundle.
 */
import { z } from 'zod';
import { cleanName, splitPair } from '../../rules/import/names.ts';
import type { Contest, Person, RuleBundle, Term } from '../../rules/schema.ts';

// ---------------------------------------------------------------------------------------------
// Reading KPU's files

const SirekapRecordSchema = z.object({
  nama: z.string().trim().min(1, { message: 'empty "nama"' }),
  nomor_urut: z.number().int().positive(),
});

/** `{ "<2- or 4-digit code>": { "<candidate id>": { nama, nomor_urut, … } } }`; other fields are ignored. */
export const SirekapFileSchema = z.record(
  z.string().regex(/^\d{2}(?:\d{2})?$/, { message: 'expected a 2- or 4-digit region code such as "35" or "3578"' }),
  z.record(z.string(), SirekapRecordSchema),
);

export interface SirekapPair {
  number: number;
  /** as KPU writes it, titles included */
  head: string;
  deputy: string;
}

export interface SirekapRace {
  /** Kemendagri form: "35", "35.78" */
  region: string;
  pairs: SirekapPair[];
  /** KPU lists the empty box as a ballot entry in a single-pair race */
  emptyBoxNumber?: number;
}

export class SirekapFileError extends Error {
  override name = 'SirekapFileError';
}

const EMPTY_BOX_RE = /^kolom\s+kosong\b/i;

/** "3578" → "35.78", "35" → "35". */
export function kemendagriCode(sirekapCode: string): string {
  return sirekapCode.length === 4 ? `${sirekapCode.slice(0, 2)}.${sirekapCode.slice(2)}` : sirekapCode;
}

/** Parses one Sirekap file's text; throws a SirekapFileError naming the file and the first broken paths. */
export function readSirekapFile(text: string, label: string): Map<string, SirekapRace> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SirekapFileError(`${label}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = SirekapFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(' › ') || '(file)'}: ${i.message}`);
    throw new SirekapFileError(`${label}: not a Sirekap candidate file:\n  ${issues.join('\n  ')}`);
  }
  const races = new Map<string, SirekapRace>();
  for (const [code, records] of Object.entries(parsed.data)) {
    const race: SirekapRace = { region: kemendagriCode(code), pairs: [] };
    for (const [id, record] of Object.entries(records)) {
      if (EMPTY_BOX_RE.test(record.nama)) {
        race.emptyBoxNumber = record.nomor_urut;
        continue;
      }
      const parts = splitPair(record.nama);
      if (parts.length !== 2) throw new SirekapFileError(`${label}: ${code} › ${id}: "${record.nama}" is not "HEAD - DEPUTY"`);
      race.pairs.push({ number: record.nomor_urut, head: parts[0]!, deputy: parts[1]! });
    }
    race.pairs.sort((a, b) => a.number - b.number);
    races.set(race.region, race);
  }
  return races;
}

// ---------------------------------------------------------------------------------------------
// Names

const MUHAMMAD = new Set([
  'm',
  'md',
  'mhd',
  'muh',
  'muhd',
  'moh',
  'mohd',
  'moch',
  'much',
  'mochd',
  'muhammad',
  'muhamad',
  'mohammad',
  'mohamad',
  'mochammad',
  'mochamad',
  'muchammad',
  'muchamad',
  'mokhammad',
  'mukhammad',
  'muhammmad',
  'mohammed',
  'muhammed',
]);

/** A name part: lower case, no accents or punctuation; `dotted` when the source wrote it with a dot ("Abd.", "Hd."). */
export interface NameToken {
  text: string;
  dotted: boolean;
}

/**
 * Name parts of a name after the importer's cleaning: lower case, no accents or punctuation, hyphens
 * split ("Abdul-Rahman" → abdul rahman). A qualifier in brackets ("Lisdyarita (Pilbup Ponorogo 2024)",
 * "(Purn)") and whatever follows the first comma (KPU writes degrees there, also those the cleaning
 * does not know, "SST. Par.") are not part of the name.
 */
export function nameTokens(raw: string): NameToken[] {
  const name = cleanName(raw.replace(/\([^)]*\)/g, ' ')).name.split(',')[0] ?? '';
  const out: NameToken[] = [];
  for (const m of name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .matchAll(/([\p{L}\p{N}]+)(\.)?/gu)) {
    out.push({ text: m[1]!, dotted: m[2] !== undefined });
  }
  return out;
}

/**
 * The old (pre-1972) spelling and regional spellings folded, so "Soekwanto" = "Sukwanto", "Djoko" = "Joko",
 * "Sopiyan" ≈ "Sofyan": oe→u, dj→j, tj→c, sj→sy, nj→ny, ch→kh, dh→d, th→t, j→y, f/v→p, q→k, doubled
 * letters single, a final y→i.
 */
export function foldSpelling(token: string): string {
  return token
    .replace(/oe/g, 'u')
    .replace(/dj/g, 'j')
    .replace(/tj/g, 'c')
    .replace(/sj/g, 'sy')
    .replace(/nj/g, 'ny')
    .replace(/ch/g, 'kh')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/j/g, 'y')
    .replace(/[fv]/g, 'p')
    .replace(/q/g, 'k')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/y$/, 'i');
}

/** Optimal string alignment distance (insert, delete, substitute, swap two neighbours). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1]!;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

const VOWELS = /[aeiouy]/;

/** "Abd", "Nst", "Hd.", "Do.": written with a dot, or 2–4 letters with no vowel after the first. */
function isAbbreviation(t: NameToken): boolean {
  return t.text.length >= 2 && (t.dotted || (t.text.length <= 4 && !VOWELS.test(t.text.slice(1))));
}

/** `short`'s letters in order in `full`, starting with the same letter ("abd" in abdul, "nst" in nasution). */
function abbreviates(short: string, full: string): boolean {
  if (full.length <= short.length || short[0] !== full[0]) return false;
  let j = 1;
  for (const ch of short.slice(1)) {
    j = full.indexOf(ch, j) + 1;
    if (j === 0) return false;
  }
  return true;
}

/**
 * Two name parts that are the same name: equal; both a form of Muhammad; one is the other's initial;
 * one abbreviates the other (see isAbbreviation); one (4+ letters) starts the other ("Ardi" / "Ardianto");
 * equal after folding the spelling; or, as written or folded, one letter apart (both 4+ letters) or two
 * apart (both 7+ letters, same first letter).
 */
export function sameToken(a: NameToken, b: NameToken, glued = false, twoApart = true): boolean {
  const x = a.text;
  const y = b.text;
  if (x === y) return true;
  if (glued) return sameSpelling(x, y, twoApart);
  if (MUHAMMAD.has(x) && MUHAMMAD.has(y)) return true;
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return true;
  if ((isAbbreviation(a) && abbreviates(x, y)) || (isAbbreviation(b) && abbreviates(y, x))) return true;
  if (Math.min(x.length, y.length) >= 4 && (x.startsWith(y) || y.startsWith(x))) return true;
  return sameSpelling(x, y, twoApart);
}

/** Equal after folding the spelling, or one or (with `twoApart`) two letters apart (see sameToken). */
function sameSpelling(x: string, y: string, twoApart: boolean): boolean {
  const fx = foldSpelling(x);
  const fy = foldSpelling(y);
  if (fx === fy) return true;
  const shortest = Math.min(x.length, y.length);
  const distance = Math.min(editDistance(x, y), editDistance(fx, fy));
  if (shortest >= 4 && distance <= 1) return true;
  return twoApart && shortest >= 7 && distance <= 2 && x[0] === y[0];
}

/** A name part that says more than a letter or a Muhammad. */
const isFull = (t: NameToken) => t.text.length > 1 && !MUHAMMAD.has(t.text) && !(t.dotted && t.text.length <= 3);

interface Alignment {
  /** parts of the shorter name left without a partner */
  unmatched: number;
  /** full name parts (see isFull) matched */
  full: number;
}

const better = (a: Alignment, b: Alignment) => a.unmatched < b.unmatched || (a.unmatched === b.unmatched && a.full > b.full);

/**
 * The best in-order alignment of `short` into `long`: each part of `short` either skipped or matched to
 * a later part of `long`, alone or with its neighbour glued ("Rachmansyah" / "Rachman Syah").
 */
function align(short: NameToken[], long: NameToken[], twoApart: boolean): Alignment {
  const memo = new Map<number, Alignment>();
  const glue = (a: NameToken, b: NameToken): NameToken => ({ text: a.text + b.text, dotted: false });
  const go = (i: number, j: number): Alignment => {
    if (i === short.length) return { unmatched: 0, full: 0 };
    const key = i * 1000 + j;
    const known = memo.get(key);
    if (known) return known;
    const skipShort = go(i + 1, j);
    let best: Alignment = { unmatched: skipShort.unmatched + 1, full: skipShort.full };
    const s = short[i]!;
    const consider = (candidate: Alignment, fullGain: number) => {
      const a = { unmatched: candidate.unmatched, full: candidate.full + fullGain };
      if (better(a, best)) best = a;
    };
    for (let k = j; k < long.length; k++) {
      const l = long[k]!;
      if (sameToken(s, l, false, twoApart)) consider(go(i + 1, k + 1), isFull(s) && isFull(l) ? 1 : 0);
      // a glued pair is compared by spelling only: "Rahman" + "Buding" must not pass as a longer "Rahman"
      if (k + 1 < long.length && sameToken(s, glue(l, long[k + 1]!), true, twoApart)) consider(go(i + 1, k + 2), 1);
      if (i + 1 < short.length && sameToken(glue(s, short[i + 1]!), l, true, twoApart)) consider(go(i + 2, k + 1), 1);
    }
    memo.set(key, best);
    return best;
  };
  return go(0, 0);
}

/** Every part of `short` matched to a different part of `long`, in any order ("Taolin Agustinus"). */
function sameSetAnyOrder(short: NameToken[], long: NameToken[], twoApart: boolean): boolean {
  const free = [...long];
  for (const s of short) {
    const k = free.findIndex((l) => sameToken(s, l, false, twoApart));
    if (k < 0) return false;
    free.splice(k, 1);
  }
  return short.some(isFull);
}

/** Parts of 2–3 letters with no vowel after the first read as initials ("FX" → F X, "SW" → S W, "AHZ" → A H Z). */
function initialsSpelled(tokens: NameToken[]): NameToken[] {
  return tokens.flatMap((t) =>
    t.text.length <= 3 && !MUHAMMAD.has(t.text) && !VOWELS.test(t.text.slice(1))
      ? [...t.text].map((ch) => ({ text: ch, dotted: true }))
      : [t],
  );
}

export type NameAgreement = 'exact' | 'variant' | 'one part differs' | 'differ';

function agreementOf(a: NameToken[], b: NameToken[], twoApart: boolean): NameAgreement {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (foldSpelling(a.map((t) => t.text).join('')) === foldSpelling(b.map((t) => t.text).join(''))) return 'variant';
  const fit = align(short, long, twoApart);
  if (fit.unmatched === 0 && fit.full >= 1) return 'variant';
  if (sameSetAnyOrder(short, long, twoApart)) return 'variant';
  if (fit.unmatched === 1 && fit.full >= 2) return 'one part differs';
  return 'differ';
}

const RANK: Record<NameAgreement, number> = { exact: 0, variant: 1, 'one part differs': 2, differ: 3 };

/**
 * Compares a rule person's name with the name KPU writes (both cleaned as nameTokens does):
 * - exact: the same parts;
 * - variant: every part of the shorter name has a partner in the longer (sameToken), in order (a
 *   neighbour pair may be glued), or in any order when they are all matched; at least one of them a
 *   full part (more than an initial or a Muhammad);
 * - one part differs: all but one part of the shorter name in order, with two full parts matched
 *   ("Ali Makki Zaini" / "Moh Ali Makki"): counted as the same, and listed for a look;
 * - differ: anything else.
 * Consonant-only parts of 2–3 letters are also tried as initials ("FX Tantry" / "Fransiscus Xaverius …").
 * `twoApart: false` leaves out the two-letters-apart rule of sameToken (the cross-check lists the names
 * that agree only with it, since "Pramana" / "Pratama" may be a transcription slip).
 */
export function compareNames(ruleName: string, kpuName: string, options: { twoApart?: boolean } = {}): NameAgreement {
  const twoApart = options.twoApart ?? true;
  const a = nameTokens(ruleName);
  const b = nameTokens(kpuName);
  if (!a.length || !b.length) return 'differ';
  if (a.map((t) => t.text).join(' ') === b.map((t) => t.text).join(' ')) return 'exact';
  let best: NameAgreement = 'differ';
  for (const [x, y] of [
    [a, b],
    [initialsSpelled(a), b],
    [a, initialsSpelled(b)],
    [initialsSpelled(a), initialsSpelled(b)],
  ] as const) {
    const agreement = agreementOf(x, y, twoApart);
    if (RANK[agreement] < RANK[best]) best = agreement;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The cross-check

export interface NameCheck {
  role: 'head' | 'deputy';
  rules: string;
  kpu: string;
  agreement: NameAgreement | 'alias';
  /** for 'alias': the alias that agreed */
  alias?: string;
  /** the deputy KPU names is a running mate the rules list after the current one (replaced before a re-vote) */
  earlierMate?: string;
  /** the names agree only because a part is two letters apart ("Pramana" / "Pratama"): worth a look */
  twoApart?: boolean;
}

export interface PairCheck {
  number: number;
  /** KPU's number for this pair when the names agree with another of KPU's pairs */
  kpuNumber?: number;
  names: NameCheck[];
  /** no KPU pair with this number (and none whose names agree) */
  missingInKpu?: boolean;
}

export type RaceStatus = 'agree' | 'differ' | 'not in Sirekap';

export interface RaceCheck {
  contest: string;
  region: string;
  status: RaceStatus;
  rulesPairs: number;
  kpuPairs: number;
  pairs: PairCheck[];
  /** what differs, one line each */
  problems: string[];
  /** agreements worth a look (alias) */
  notes: string[];
}

export interface CrosscheckSummary {
  races: number;
  racesAgree: number;
  racesDiffer: number;
  racesMissing: number;
  pairs: number;
  pairsAgree: number;
  names: number;
  namesExact: number;
  namesVariant: number;
  namesOnePartDiffers: number;
  namesAlias: number;
  namesDiffer: number;
}

export interface CrosscheckResult {
  races: RaceCheck[];
  summary: CrosscheckSummary;
}

function termText(term: Term): string {
  return typeof term === 'string' ? term : term.term;
}

function checkName(role: NameCheck['role'], person: Person | undefined, personId: string, kpu: string): NameCheck {
  const rules = person?.name ?? personId;
  const agreement = compareNames(rules, kpu);
  if (agreement !== 'differ') {
    const twoApart = compareNames(rules, kpu, { twoApart: false }) !== agreement;
    return { role, rules, kpu, agreement, ...(twoApart ? { twoApart } : {}) };
  }
  if (!person) return { role, rules, kpu, agreement };
  for (const alias of person.aliases ?? []) {
    const text = termText(alias);
    if (compareNames(text, kpu) !== 'differ') return { role, rules, kpu, agreement: 'alias', alias: text };
  }
  return { role, rules, kpu, agreement };
}

function pairNames(persons: Map<string, Person>, ids: readonly string[], kpu: SirekapPair): NameCheck[] {
  const deputy = checkName('deputy', persons.get(ids[1] ?? ''), ids[1] ?? '', kpu.deputy);
  if (deputy.agreement === 'differ') {
    // a pair may list a running mate replaced before a re-vote after the current one (Papua 2025)
    for (const id of ids.slice(2)) {
      const earlier = checkName('deputy', persons.get(id), id, kpu.deputy);
      if (earlier.agreement !== 'differ')
        return [
          checkName('head', persons.get(ids[0] ?? ''), ids[0] ?? '', kpu.head),
          { ...deputy, agreement: earlier.agreement, earlierMate: earlier.rules },
        ];
    }
  }
  return [checkName('head', persons.get(ids[0] ?? ''), ids[0] ?? '', kpu.head), deputy];
}

const agrees = (n: NameCheck) => n.agreement !== 'differ';

/** The Pilkada contests voted on in 2024 (the 2025 re-runs with new numbers are separate contests). */
export function pilkada2024Contests(bundle: RuleBundle): Contest[] {
  return bundle.contests.filter((c) => c.kind.startsWith('pilkada') && c.region && (c.votingDay ?? '').startsWith('2024'));
}

export function crosscheck(bundle: RuleBundle, sirekap: ReadonlyMap<string, SirekapRace>): CrosscheckResult {
  const persons = new Map(bundle.persons.map((p) => [p.id, p]));
  const races: RaceCheck[] = [];
  for (const contest of pilkada2024Contests(bundle)) {
    const region = contest.region!;
    const kpu = sirekap.get(region);
    const race: RaceCheck = {
      contest: contest.id,
      region,
      status: 'agree',
      rulesPairs: contest.contestants.length,
      kpuPairs: kpu?.pairs.length ?? 0,
      pairs: [],
      problems: [],
      notes: [],
    };
    races.push(race);
    if (!kpu) {
      race.status = 'not in Sirekap';
      continue;
    }
    if (race.rulesPairs !== race.kpuPairs) race.problems.push(`pairs: rules ${race.rulesPairs}, KPU ${race.kpuPairs}`);
    for (const contestant of contest.contestants) {
      const number = contestant.number ?? 0; // 0: the rules give no number
      const sameNumber = kpu.pairs.find((p) => p.number === number);
      const check: PairCheck = { number, names: [] };
      race.pairs.push(check);
      if (sameNumber) check.names = pairNames(persons, contestant.persons, sameNumber);
      if (!sameNumber || !check.names.every(agrees)) {
        // the names may belong to another of KPU's numbers: a number transcribed wrongly
        const other = kpu.pairs.find((p) => p !== sameNumber && pairNames(persons, contestant.persons, p).every(agrees));
        if (other) {
          check.kpuNumber = other.number;
          check.names = pairNames(persons, contestant.persons, other);
          race.problems.push(
            number
              ? `no. ${number}: KPU gives these names no. ${other.number}`
              : `${contestant.id}: no number in the rules; KPU gives these names no. ${other.number}`,
          );
          continue;
        }
      }
      if (!sameNumber) {
        check.missingInKpu = true;
        race.problems.push(
          number
            ? `no. ${number}: KPU has no pair with this number`
            : `${contestant.id}: no number in the rules, and no KPU pair with these names`,
        );
        continue;
      }
      for (const n of check.names) {
        if (n.earlierMate)
          race.notes.push(
            `no. ${number} ${n.role}: KPU "${n.kpu}" is the earlier running mate "${n.earlierMate}"; the rules' current one is "${n.rules}"`,
          );
        else if (n.agreement === 'differ') race.problems.push(`no. ${number} ${n.role}: rules "${n.rules}", KPU "${n.kpu}"`);
        else if (n.agreement === 'alias')
          race.notes.push(`no. ${number} ${n.role}: rules "${n.rules}" (alias "${n.alias}"), KPU "${n.kpu}"`);
        else if (n.twoApart) race.notes.push(`no. ${number} ${n.role}: two letters apart: rules "${n.rules}", KPU "${n.kpu}"`);
        else if (n.agreement === 'one part differs')
          race.notes.push(`no. ${number} ${n.role}: one part differs: rules "${n.rules}", KPU "${n.kpu}"`);
      }
    }
    if (race.problems.length) race.status = 'differ';
  }
  return { races, summary: summarize(races) };
}

function summarize(races: RaceCheck[]): CrosscheckSummary {
  const s: CrosscheckSummary = {
    races: races.length,
    racesAgree: 0,
    racesDiffer: 0,
    racesMissing: 0,
    pairs: 0,
    pairsAgree: 0,
    names: 0,
    namesExact: 0,
    namesVariant: 0,
    namesOnePartDiffers: 0,
    namesAlias: 0,
    namesDiffer: 0,
  };
  for (const race of races) {
    if (race.status === 'agree') s.racesAgree++;
    else if (race.status === 'differ') s.racesDiffer++;
    else {
      s.racesMissing++;
      continue;
    }
    for (const pair of race.pairs) {
      s.pairs++;
      if (pair.kpuNumber === undefined && !pair.missingInKpu && pair.names.every(agrees)) s.pairsAgree++;
      for (const n of pair.names) {
        s.names++;
        if (n.agreement === 'exact') s.namesExact++;
        else if (n.agreement === 'variant') s.namesVariant++;
        else if (n.agreement === 'one part differs') s.namesOnePartDiffers++;
        else if (n.agreement === 'alias') s.namesAlias++;
        else s.namesDiffer++;
      }
    }
  }
  return s;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

/** The table: one line per race (code, contest, status, what differs), then the totals. */
export function formatTable(result: CrosscheckResult, options: { all?: boolean } = {}): string {
  const lines: string[] = [];
  const shown = options.all ? result.races : result.races.filter((r) => r.status !== 'agree' || r.notes.length);
  lines.push(['code'.padEnd(6), 'contest'.padEnd(40), 'status'.padEnd(15), 'what'].join(' '));
  for (const r of shown) {
    const what = [...r.problems, ...r.notes.map((n) => `note: ${n}`)].join('; ') || `${r.rulesPairs} pair(s)`;
    lines.push([r.region.padEnd(6), r.contest.padEnd(40), r.status.padEnd(15), what].join(' '));
  }
  const s = result.summary;
  const checked = s.races - s.racesMissing;
  lines.push('');
  lines.push(
    `races  ${s.races}: agree ${s.racesAgree} (${pct(s.racesAgree, checked)} of ${checked} in Sirekap), differ ${s.racesDiffer}, not in Sirekap ${s.racesMissing}`,
  );
  lines.push(`pairs  ${s.pairs}: agree ${s.pairsAgree} (${pct(s.pairsAgree, s.pairs)})`);
  lines.push(
    `names  ${s.names}: exact ${s.namesExact}, variant ${s.namesVariant}, one part differs ${s.namesOnePartDiffers}, alias ${s.namesAlias}, differ ${s.namesDiffer} (same: ${pct(s.names - s.namesDiffer, s.names)})`,
  );
  return `${lines.join('\n')}\n`;
}
