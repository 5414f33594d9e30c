/**
 * Candidate records → rule sources (persons and contests, the shape of rules/data/*.yaml), every
 * record with `sources` and `provenance`. Names are cleaned; every name and variant goes through the
 * everyday-word check of `jaga validate`, and one that collides (or a one-word name, which would
 * count alone) only counts next to context. Contests the base rule set already has are skipped.
 * Pure: the base bundle and the records come in, the partial bundle and a report go out.
 */
import type { z } from 'zod';
import { everydayReading, plainWords } from '../data/lint.ts';
import type { Contest, Contestant, ContestKind, ExamplesSchema, Person, Provenance, RuleBundle, Term } from '../schema.ts';
import { cleanName, fixCapitals, nameVariants } from './names.ts';
import { provenanceOf, sourceUrl, type ImportOrigin } from './provenance.ts';
import type { CandidateRecord, RowError } from './records.ts';
import { phasesFor } from './schedule.ts';

type Examples = z.output<typeof ExamplesSchema>;

export interface ImportReport {
  contests: number;
  contestants: number;
  persons: number;
  /** contests left out because the base rule set has them */
  skipped: string[];
  /** names and variants that read as everyday words or are one word: they need context */
  collisions: string[];
  /** rows that could not be imported */
  errors: RowError[];
  /** notes: unresolved parties, duplicate names… */
  notes: string[];
}

export interface ImportedSources {
  persons: Person[];
  contests: Contest[];
}

export function slug(text: string): string {
  return plainWords(text).replace(/\s+/g, '-') || 'x';
}

/** Kemendagri: the regency part of a city's code is 71 or more ("35.78" Kota Surabaya). */
export function pilkadaKind(region: string): ContestKind {
  if (!region.includes('.')) return 'pilkada-provinsi';
  return Number(region.split('.')[1]) >= 71 ? 'pilkada-kota' : 'pilkada-kabupaten';
}

/** "KABUPATEN BOGOR" → "Bogor", "KOTA ADM. JAKARTA TIMUR" → "Jakarta Timur". */
export function regionLabel(name: string): string {
  return fixCapitals(name.replace(/^\s*(?:kabupaten|kab\.?|kota\s+adm(?:inistrasi)?\.?|kota|provinsi|prov\.?)\s+/i, '').trim());
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const PREFIX: Record<string, string> = { 'pilkada-provinsi': 'Pilgub', 'pilkada-kabupaten': 'Pilbup', 'pilkada-kota': 'Pilwalkot' };

/** The offices a Pilkada pair runs for, head and deputy. */
const OFFICES: Record<string, [string, string]> = {
  'pilkada-provinsi': ['gubernur', 'wakil gubernur'],
  'pilkada-kabupaten': ['bupati', 'wakil bupati'],
  'pilkada-kota': ['wali kota', 'wakil wali kota'],
};

/**
 * Example sentences for an imported Pilkada entry, in the shape of the hand-written ones: the
 * positive one names the entry with the campaign words people write, the negative one has the
 * same everyday words without a candidate, so `jaga test` checks that the names match and the
 * words alone do not.
 */
const PILKADA_EXAMPLES = {
  person: (name: string, office: string, place: string, n: number): Examples => ({
    positive: [`Ayo dukung ${name}, calon ${office} ${place} nomor urut ${n}!`],
    negative: ['Jadwal vaksinasi di puskesmas kelurahan dimulai pukul 08.00.'],
  }),
  pair: (names: string[], place: string, n: number): Examples => ({
    positive: [`Dukung ${names.join(' dan ')} di Pilkada ${place}, coblos nomor ${n}!`],
    negative: [`Antrean nomor ${n} silakan menuju loket pelayanan KTP.`],
  }),
  contest: (name: string, place: string): Examples => ({
    positive: [`Ayo dukung ${name} di Pilkada ${place}, jangan lupa coblos!`],
    negative: [`Pemkot dan Pemkab se-${place} menggelar lomba kebersihan lingkungan.`],
  }),
};

/**
 * Example sentences for a DPR or DPD list entry: the positive one names the candidate with the race's
 * evidence (the list, the party, the district, the ballot number), the negative one has the bare name in
 * everyday text, which must stay none (with `namesNeedContext` the name alone never counts).
 * `spoken` is the name as the rules know it: a one-word name has no alias, only its qualified name.
 */
const LIST_EXAMPLES = {
  dpr: (spoken: string, name: string, party: string | undefined, district: string, n: number | undefined): Examples => ({
    positive: [`Dukung ${spoken}, caleg ${party ? `${party} ` : ''}dapil ${district}${n !== undefined ? ` nomor ${n}` : ''}!`],
    negative: [`${name} sedang makan siang bersama keluarga di rumah.`],
  }),
  dpd: (spoken: string, name: string, place: string, n: number | undefined): Examples => ({
    positive: [`Dukung ${spoken}, calon anggota DPD ${place}${n !== undefined ? ` nomor ${n}` : ''}!`],
    negative: [`${name} sedang makan siang bersama keluarga di rumah.`],
  }),
  /** a list contest: the positive of its first entry; the negative names the place in everyday news */
  contest: (first: Examples, place: string): Examples => ({
    positive: first.positive,
    negative: [`Jalan utama di ${place} ditutup sementara untuk perbaikan.`],
  }),
};

/** A list entry's examples; one naming a base person by a name that counts alone gets an everyday negative without it. */
function listEntryExamples(examples: Examples, decisiveName: boolean): Examples {
  return decisiveName ? { ...examples, negative: ['Jadwal vaksinasi di puskesmas kelurahan dimulai pukul 08.00.'] } : examples;
}

/** The empty box of a single-pair race, which Sirekap lists as a pair ("KOLOM KOSONG - "). */
const EMPTY_BOX = 'kolom kosong';

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export interface BuildOptions {
  origin: ImportOrigin;
  /** the rule set the output is merged with (rules/data, and rules/national when it exists) */
  base: Pick<RuleBundle, 'persons' | 'parties' | 'contests'>;
  /** region code → name, when the records carry none (a Kemendagri list) */
  regionNames?: ReadonlyMap<string, string>;
  /**
   * Every candidate's name counts only with evidence of the candidate's own race: for long lists of
   * little-known names (DPR, DPD), most of which are ordinary names people write every day.
   */
  namesNeedContext?: boolean;
}

/** The note of a list candidate's name or variant that is context-only only because of `namesNeedContext`. */
const LIST_CANDIDATE = 'a list candidate: counts with evidence of the race';

export function buildCandidates(
  records: readonly CandidateRecord[],
  options: BuildOptions,
): { sources: ImportedSources; report: ImportReport } {
  const url = sourceUrl(options.origin.source);
  const provenance = provenanceOf(options.origin);
  const stamp = { sources: [url], provenance };
  const report: ImportReport = { contests: 0, contestants: 0, persons: 0, skipped: [], collisions: [], errors: [], notes: [] };
  const personIds = new Set(options.base.persons.map((p) => p.id));
  const contestIds = new Set(options.base.contests.map((c) => c.id));
  const contestantIds = new Set(options.base.contests.flatMap((c) => c.contestants.map((k) => k.id)));
  const baseNames = new Map(options.base.persons.map((p) => [plainWords(p.name), p.id]));
  // nobody stands in two legislative races of one election: a base person already on a 2024 list is a
  // namesake, never the same person
  const listed = new Set(
    options.base.contests.filter((c) => c.kind === 'pileg' && c.votingDay?.startsWith('2024')).flatMap((c) => c.contestants.flatMap((k) => k.persons)),
  );
  // a candidate of a regency or city race only is no national figure: the same name on a national list is
  // a namesake as often as not ("Zainal Abidin", "Sri Wahyuni"), and reusing the person would make the list
  // race count on the bare name, which the list's own names never do
  const localOnly = new Set<string>();
  const races = new Map<string, Set<string>>();
  for (const c of options.base.contests)
    for (const k of c.contestants) for (const p of k.persons) (races.get(p) ?? races.set(p, new Set()).get(p)!).add(c.kind);
  for (const [p, kinds] of races) if ([...kinds].every((k) => k === 'pilkada-kabupaten' || k === 'pilkada-kota')) localOnly.add(p);
  // a candidate of a DPR or DPD list only, imported with `namesNeedContext`: its names count only with the
  // evidence of its list race, so a regional candidate of the same (or a shorter) name yields nothing to it.
  // Were it to qualify that name, who gets qualified would depend on whether the list or the Pilkada file
  // was imported first (the list person yields to the regional candidate)
  const listOnly = new Set<string>();
  for (const [p, kinds] of races) if ([...kinds].every((k) => k === 'pileg')) listOnly.add(p);
  const seenNames = new Map<string, string>();
  // every name a person of the base or of this import goes by, to find a name inside another's longer one
  // ("Hasan Basri" inside "Hasan Basri Sagala"): text that names the longer one names the shorter too
  const namesOwners = new Map<string, Set<string>>();
  const own = (words: string, owner: string) => {
    if (words) (namesOwners.get(words) ?? namesOwners.set(words, new Set()).get(words)!).add(owner);
  };
  for (const p of options.base.persons) {
    // a qualified name ("Tarmizi (Pilbup Aceh Barat 2024)") keeps its bare form among the aliases
    if (!/\)\s*$/.test(p.name)) own(plainWords(p.name), `person "${p.id}"`);
    for (const a of p.aliases ?? []) {
      if (typeof a !== 'string' && a.requiresContext && listOnly.has(p.id) && !options.namesNeedContext) continue;
      own(plainWords(typeof a === 'string' ? a : a.term), `person "${p.id}"`);
    }
  }
  records.forEach((r, i) => {
    for (const n of r.names) {
      const clean = cleanName(n).name;
      if (plainWords(clean) !== EMPTY_BOX) own(plainWords(clean), `record ${i}:${plainWords(clean)}`);
    }
  });
  /** Another name that holds `words` whole and is longer, or the same name of another record of this import. */
  const longerOrShared = (words: string, self: string): string | undefined => {
    for (const [other, owners] of namesOwners) {
      const others = [...owners].filter((o) => o !== self);
      if (!others.length) continue;
      if (other === words) return 'the same name as another candidate of this import';
      if (` ${other} `.includes(` ${words} `))
        return `inside the name "${other}" of ${others[0]!.startsWith('record') ? 'another candidate of this import' : others[0]}`;
    }
    return undefined;
  };

  // parties by ballot number in Pemilu 2024, id, name or abbreviation
  const parties = new Map<string, string>();
  for (const p of options.base.parties) {
    if (p.region) continue;
    parties.set(plainWords(p.id), p.id);
    parties.set(plainWords(p.name), p.id);
    for (const a of p.abbreviations ?? []) parties.set(plainWords(typeof a === 'string' ? a : a.term), p.id);
    for (const b of p.ballotNumbers ?? []) if (/2024/.test(b.election)) parties.set(String(b.number), p.id);
  }

  // group records into contests
  const groups = new Map<string, CandidateRecord[]>();
  for (const r of records) {
    const key = r.kind === 'dpr' ? `dpr:${r.district}` : `${r.kind}:${r.region}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }

  const persons: Person[] = [];
  const contests: Contest[] = [];
  /** the names given so far, to keep a qualified name unique */
  const qualifiedNames = new Set(options.base.persons.map((p) => plainWords(p.name)));
  /** persons of the base a list entry names: their name counts alone, so no negative example has it */
  const reused = new Set<string>();
  /** person id → the name examples use for it */
  const spokenNames = new Map<string, string>();
  // a national party as examples name it: its first abbreviation ("PKB"), else its name
  const partyLabels = new Map(
    options.base.parties.map((p) => {
      const a = p.abbreviations?.[0];
      return [p.id, a === undefined ? p.name : typeof a === 'string' ? a : a.term];
    }),
  );

  const makePerson = (
    raw: string,
    contestName: string,
    row: string,
    rowStamp: { sources: string[]; provenance: Provenance },
    self: string,
    examples?: (name: string, spoken: string) => Examples,
    /** what tells this candidate from a namesake of the same race ("PKB 3"), for a list */
    detail?: string,
  ): string | undefined => {
    const { name, nicknames } = cleanName(raw);
    if (!name || !/\p{L}{2}/u.test(name)) {
      report.errors.push({ row, message: `name "${raw}" has no letters left after removing titles` });
      return undefined;
    }
    const key = plainWords(name);
    const known = baseNames.get(key);
    // a person the base rule set already names decisively (a national figure) is that person: the
    // list entry reuses it rather than adding a context-only double
    if (options.namesNeedContext && known && !listed.has(known) && !localOnly.has(known)) {
      spokenNames.set(known, name);
      reused.add(known);
      return known;
    }
    const id = uniqueId(slug(name), personIds);
    const aliases: Term[] = [];
    let personName = name;
    const reading = everydayReading(name);
    const other = baseNames.get(key) ?? seenNames.get(key);
    const inside = name.includes(' ') ? longerOrShared(key, self) : undefined;
    if (reading !== undefined || !name.includes(' ') || other || inside || options.namesNeedContext) {
      // the name alone would count on its own, or for another candidate too: qualify it and keep the bare
      // name as a context-only alias, which the evidence of this person's own race confirms
      const why =
        reading !== undefined
          ? `reads as the everyday word "${reading}"`
          : other
            ? `shares the name of person "${other}"`
            : inside
              ? `is ${inside}`
              : !name.includes(' ')
                ? 'one-word name'
                : LIST_CANDIDATE;
      personName = `${name} (${contestName})`;
      // two candidates of one race with one name (two "Nurhayati" in Jawa Barat XI) stay two names
      if (detail && qualifiedNames.has(plainWords(personName))) personName = `${name} (${contestName}, ${detail})`;
      // a list candidate's one-word name ("Dadan", "Jaya") is too ordinary even next to context: the
      // engine's evidence is any election word, number or support verb, not this race's own
      if (!(options.namesNeedContext && !name.includes(' '))) aliases.push({ term: name, requiresContext: true, note: why });
      report.collisions.push(`${row}: "${name}" ${why}; needs context`);
    }
    for (const v of nameVariants(name)) {
      if (options.namesNeedContext && !v.includes(' ')) continue;
      const r = everydayReading(v);
      const vInside = v.includes(' ') ? longerOrShared(plainWords(v), self) : undefined;
      if (r !== undefined || !v.includes(' ') || vInside || options.namesNeedContext) {
        const why = r !== undefined ? `reads as the everyday word "${r}"` : vInside ? `is ${vInside}` : !v.includes(' ') ? 'one word' : LIST_CANDIDATE;
        aliases.push({ term: v, requiresContext: true, note: why });
        report.collisions.push(`${row}: variant "${v}" ${why}; needs context`);
      } else aliases.push(v);
    }
    // nicknames ("RUSLI (TAMBI)") are often ordinary words ("Ayah Wa", "Panyang"): never alone
    for (const n of nicknames) {
      if (plainWords(n) === key || aliases.some((a) => plainWords(typeof a === 'string' ? a : a.term) === plainWords(n))) continue;
      if (options.namesNeedContext && !n.trim().includes(' ')) continue;
      aliases.push({ term: n, requiresContext: true, note: 'nickname in the source file' });
    }
    if (other) report.notes.push(`${row}: "${name}" has the same name as person "${other}"; matches are attributed to both`);
    else seenNames.set(key, id);
    // the name the rules find next to context: the bare one, unless it has no alias (a list's one-word name)
    const spoken = aliases.some((a) => typeof a === 'object' && plainWords(a.term) === key) || personName === name ? name : personName;
    spokenNames.set(id, spoken);
    qualifiedNames.add(plainWords(personName));
    persons.push({
      id,
      name: personName,
      ...(aliases.length ? { aliases } : {}),
      ...rowStamp,
      ...(examples ? { examples: examples(name, spoken) } : {}),
    });
    return id;
  };

  for (const [, group] of groups) {
    const first = group[0]!;
    let kind: ContestKind;
    let name: string;
    let idBase: string;
    let region: string;
    /** where the race is, as examples name it ("Kabupaten Sleman", "Kota Yogyakarta", "Bali") */
    let place = '';
    if (first.kind === 'pilkada') {
      region = first.region;
      kind = pilkadaKind(region);
      const regionName = first.regionName ?? options.regionNames?.get(region);
      name = regionName ? `${PREFIX[kind]} ${regionLabel(regionName)} 2024` : `Pilkada 2024 ${region}`;
      const label = regionName ? regionLabel(regionName) : region;
      place = kind === 'pilkada-kabupaten' ? `Kabupaten ${label}` : kind === 'pilkada-kota' ? `Kota ${label}` : label;
      idBase = regionName ? slug(name) : `pilkada-2024-${region.replace('.', '-')}`;
      const existing = options.base.contests.find((c) => c.kind === kind && c.region === region && c.votingDay?.startsWith('2024'));
      if (existing) {
        report.skipped.push(`${name} (${region}): already in the base rule set as "${existing.id}"`);
        continue;
      }
    } else if (first.kind === 'dpr') {
      region = first.region.split('.')[0]!;
      kind = 'pileg';
      // a name in capitals throughout is fixed; a mixed one ("DKI Jakarta I") is kept as written
      const label = first.districtName
        ? first.districtName === first.districtName.toUpperCase()
          ? fixCapitals(first.districtName)
          : first.districtName
        : first.district!;
      name = `DPR RI 2024 ${label}`;
      place = label;
      idBase = `dpr-2024-${slug(label)}`;
    } else {
      region = first.region.split('.')[0]!;
      kind = 'pileg';
      const regionName = first.regionName ?? options.regionNames?.get(region);
      const label = regionName ? regionLabel(regionName) : region;
      name = `DPD RI 2024 ${label}`;
      place = label;
      idBase = `dpd-2024-${slug(label)}`;
    }
    const contestId = uniqueId(idBase, contestIds);
    const schedule = phasesFor(first.kind === 'pilkada' ? 'pilkada' : 'pemilu', {
      ...(first.votingDay ? { votingDay: first.votingDay } : {}),
      ...(first.campaignFrom ? { campaignFrom: first.campaignFrom } : {}),
      ...(first.campaignTo ? { campaignTo: first.campaignTo } : {}),
    });
    const contestants: Contestant[] = [];
    const numbers = new Map<string, string>();
    for (const r of [...group].sort((a, b) => (a.number ?? 0) - (b.number ?? 0))) {
      const partyId = r.party ? parties.get(plainWords(r.party)) : undefined;
      if (r.kind === 'dpr' && r.party && !partyId)
        report.notes.push(`${r.row}: party "${r.party}" is not a national party of the base rule set; imported without it`);
      const coalition: string[] = partyId ? [partyId] : [];
      for (const p of r.coalition ?? []) {
        const id = parties.get(plainWords(p));
        if (id) coalition.push(id);
        else report.notes.push(`${r.row}: party "${p}" is not a party of the base rule set; left out of the coalition`);
      }
      const rowStamp = r.sources?.length ? { sources: r.sources, provenance } : stamp;
      // DPR numbers run per party list, so they are unique only with the party
      const numberKey = r.kind === 'dpr' ? `${partyId ?? r.party}#${r.number}` : String(r.number);
      if (r.number !== undefined && numbers.has(numberKey)) {
        report.errors.push({ row: r.row, message: `ballot number ${r.number} is already used in ${name} by ${numbers.get(numberKey)}` });
        continue;
      }
      if (r.kind === 'pilkada' && r.names.length === 1 && plainWords(cleanName(r.names[0]!).name) === EMPTY_BOX) {
        report.notes.push(`${r.row}: the empty box (kolom kosong), no. ${r.number}, is no contestant`);
        continue;
      }
      const offices = first.kind === 'pilkada' ? OFFICES[kind] : undefined;
      const recordIndex = records.indexOf(r);
      // a list candidate's examples (only when its name needs the race: otherwise the bare name counts alone)
      const listExamples =
        options.namesNeedContext && r.kind !== 'pilkada'
          ? (clean: string, spoken: string) =>
              r.kind === 'dpr'
                ? LIST_EXAMPLES.dpr(spoken, clean, partyId ? partyLabels.get(partyId) : r.party, place, r.number)
                : LIST_EXAMPLES.dpd(spoken, clean, place, r.number)
          : undefined;
      const ids = r.names.map((n, i) =>
        makePerson(
          n,
          name,
          r.row,
          rowStamp,
          `record ${recordIndex}:${plainWords(cleanName(n).name)}`,
          offices && r.number !== undefined
            ? (clean) => PILKADA_EXAMPLES.person(clean, offices[Math.min(i, 1)]!, place, r.number!)
            : listExamples,
          r.kind === 'dpr' ? [partyId ? partyLabels.get(partyId) : r.party, r.number].filter((x) => x !== undefined).join(' ') : undefined,
        ),
      );
      if (ids.some((id) => id === undefined)) continue;
      if (r.number !== undefined) numbers.set(numberKey, r.row);
      const nn = r.number !== undefined ? String(r.number).padStart(2, '0') : String(contestants.length + 1);
      const contestantId = uniqueId(
        r.kind === 'dpr' ? `${contestId}-${slug(partyId ?? r.party ?? 'x')}-${nn}` : `${contestId}-${nn}`,
        contestantIds,
      );
      const acronyms: Term[] = (r.acronyms ?? []).map((a) => {
        const reading = everydayReading(a);
        if (reading === undefined && /[\s-]/.test(a)) return a;
        report.collisions.push(
          `${r.row}: acronym "${a}" ${reading !== undefined ? `reads as the everyday word "${reading}"` : 'is one word'}; needs context`,
        );
        return {
          term: a,
          requiresContext: true,
          note: reading !== undefined ? `reads as the everyday word "${reading}"` : 'one-word acronym',
        };
      });
      contestants.push({
        id: contestantId,
        // a DPR list number repeats across parties in one district; the id keeps it
        ...(r.kind !== 'dpr' && r.number !== undefined ? { number: r.number } : {}),
        persons: ids as string[],
        ...(acronyms.length ? { acronyms } : {}),
        ...(coalition.length ? { coalition: { parties: unique(coalition) } } : {}),
        ...(r.accounts ? { accounts: r.accounts } : {}),
        ...rowStamp,
        ...(offices && r.number !== undefined
          ? {
              examples: PILKADA_EXAMPLES.pair(
                r.names.map((n) => cleanName(n).name),
                place,
                r.number,
              ),
            }
          : listExamples && ids.length === 1
            ? { examples: listEntryExamples(listExamples(cleanName(r.names[0]!).name, spokenNames.get(ids[0]!)!), reused.has(ids[0]!)) }
            : {}),
      });
    }
    if (!contestants.length) {
      contestIds.delete(contestId);
      continue;
    }
    const contestSources = unique(group.flatMap((r) => (r.sources?.length ? r.sources : [url])));
    const headName = cleanName(first.names[0] ?? '').name;
    contests.push({
      id: contestId,
      name,
      kind,
      region,
      votingDay: schedule.votingDay,
      phases: schedule.phases,
      contestants,
      sources: contestSources,
      provenance,
      ...(first.kind === 'pilkada' && headName ? { examples: PILKADA_EXAMPLES.contest(headName, place) } : {}),
      ...(first.kind !== 'pilkada' && contestants[0]!.examples
        ? { examples: LIST_EXAMPLES.contest(contestants[0]!.examples, place.replace(/ [IVXL]+$/, '')) }
        : {}),
    });
  }
  report.contests = contests.length;
  report.contestants = contests.reduce((n, c) => n + c.contestants.length, 0);
  report.persons = persons.length;
  return { sources: { persons, contests }, report };
}
