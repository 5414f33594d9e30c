/**
 * The warning policy: from the raw matches of all fields (hits and numbers) and the context of the
 * action (date, region, site) to a severity and its reasons. A pure function, separate from the
 * matcher (rules/matcher.ts), because it changes for product reasons while the matcher changes for
 * speed; the reference engine of the differential tests uses it too, so those tests compare matching
 * only. docs/engine.md ("Severity") explains the rules in prose.
 */
import type { ContentField } from './actions.ts';
import type { CompiledContest, CompiledContestant, CompiledParty, CompiledPerson } from './compiled.ts';
import { COMMON_NOUN_BEFORE, doubledInside, HONORIFIC_BEFORE, HONORIFIC_START, PAIR_JOIN, partyOrganBefore, reduplicated, textBefore } from './name-cues.ts';
import * as PK from './pattern-kinds.ts';
import { dayAt, seasonState } from './phase.ts';
import { CONTENT_FIELDS, MAX_REASONS, type EvaluateContext, type Reason, type Severity, type Verdict } from './verdict.ts';
import { raceSpecific, type Evidence } from './evidence-kinds.ts';

export { raceSpecific, type Evidence, type EvidenceKind, type GenericEvidenceKind, type RaceEvidenceKind } from './evidence-kinds.ts';

/**
 * The words beside a context-requiring name that add to its evidence (choice idioms, praise, the office…:
 * rules/evidence-beside.ts): given the weight so far, returns the new weight and pushes what counted to
 * `why`. Injected, so that the content script's engine can go without its word lists (rules/engine-core.ts).
 */
export type BesideName = (h: Hit, contestKind: string, w: number, supportNear: boolean, why: Evidence[]) => number;


/** One match of a pattern in one field, as the matcher hands it over. */
export interface Hit {
  /** pattern kind (PK.*, rules/pattern-kinds.ts) */
  kind: number;
  /** index into the entity table the kind points at (persons, parties, contests or contestants) */
  entity: number;
  /** the pattern needs context (PF_CONTEXT): it counts only when confirmed */
  ctx: boolean;
  /** the pattern's number (hand sign, number word) or platform bitmask (accounts) */
  aux: number;
  field: ContentField;
  index: number | undefined;
  /** field instance (field + array index) */
  seq: number;
  /** token ordinals [s0, s1) in the field */
  s0: number;
  s1: number;
  span: [number, number];
  /** the matched text is src.slice(span[0] + off, span[1] + off), taken only when a reason is built */
  src: string;
  off: number;
  /** one token written in capitals, in text that has lower case */
  caps: boolean;
  /** a PF_CASE acronym written without a capital after its first letter, in text that has lower case: the everyday word */
  lower: boolean;
  /** every token of the match is part of a hashtag ("#KhofifahEmil") */
  tag: boolean;
  dropped?: boolean;
}

/** A number that may be a ballot number ("02", "nomor urut 2", "2️⃣", "#02"). */
export interface Num {
  value: number;
  /** marker-number ("nomor urut 2"), zero-padded ("02"), keycap or hashtag number */
  strong: boolean;
  /** introduced by a number marker: election vocabulary in its own right */
  marker: boolean;
  seq: number;
  /** token ordinal in the field */
  s: number;
  field: ContentField;
  index: number | undefined;
  span: [number, number];
  src: string;
  off: number;
}

/** The compiled entity tables the policy reads, with the two indexes derived at load. */
export interface PolicyTables {
  persons: CompiledPerson[];
  parties: CompiledParty[];
  contests: CompiledContest[];
  contestants: CompiledContestant[];
  /** person index → contestant indices */
  personContestants: number[][];
  /** contest index → contestant indices */
  contestContestants: number[][];
}

/** The policy's view of the entity tables (the caller has checked that they are arrays). */
export function policyTables(persons: CompiledPerson[], parties: CompiledParty[], contests: CompiledContest[], contestants: CompiledContestant[]): PolicyTables {
  const personContestants: number[][] = persons.map(() => []);
  const contestContestants: number[][] = contests.map(() => []);
  contestants.forEach((k, ki) => {
    for (const p of k.persons) personContestants[p]?.push(ki);
    contestContestants[k.contest]?.push(ki);
  });
  return { persons, parties, contests, contestants, personContestants, contestContestants };
}

/** an election term makes a context-requiring term count within this many tokens (same field) */
export const CONTEXT_WINDOW = 24;

/**
 * Evidence for a context-requiring candidate name (docs/engine.md, "Evidence"): weights add up, and 3 or
 * more confirm. Election vocabulary or the same contest named (running mate, pair) confirm alone, as before.
 */
export const EVIDENCE = {
  honorific: 2, supportNear: 3, supportField: 2, ballotNumber: 2, region: 2,
  praise: 2, office: 2, officeField: 1, choiceLoose: 2, politicsField: 1, rivalField: 2, runningMateNear: 3, runningMateField: 2, coalitionParty: 2, threshold: 3,
  /** election vocabulary for a name of a regency or city race only: decisive for the others */
  localElectionWord: 2,
} as const;
/**
 * Races of one regency or city (about 1,500 pairs in 2024), and the DPR and DPD list races (10,000 ordinary
 * names since 2026-12-07; the national Pileg has no contestants). Their names are shared by the officials,
 * council members and commentators quoted in election news: there an election word says that an election is
 * discussed, not that this race's candidate is.
 */
const LOCAL_RACE = new Set(['pilkada-kabupaten', 'pilkada-kota', 'pileg']);
/**
 * A word naming a ballot pair or its camp right before a number ("paslon 02", "cawapres 02", "kubu 01",
 * "kampanye 01", "paslon nomor 3"): the number is that pair's, not a polling station's ("TPS 02") or a
 * neighbourhood's ("RT 02").
 */
const PAIR_WORD_BEFORE = /(?:^|[^\p{L}])(?:paslon|capres|cawapres|cagub|cawagub|cabup|cawabup|cawalkot|pasangan|kubu|pendukung|relawan|kampanye|saksi)\s+(?:(?:nomor|nomer|no)\.?\s*(?:urut\s+)?)?$/iu;
/** A support cue within this many tokens of the name counts as "near". */
const SUPPORT_NEAR = 3;
/** A contestant's ballot number or hand sign within this many tokens counts as "beside" its acronym. */
const NUMBER_BESIDE = 5;
/** Words read on each side of a context-requiring name for praise, choice idioms and the contest's office. */
export const WORDS_AROUND = 4;

const SEV: Severity[] = ['none', 'low', 'medium', 'high'];
const NONE = 0;
const LOW = 1;
const MEDIUM = 2;
const HIGH = 3;

const ENTITY_KINDS = new Set([
  PK.PERSON, PK.PARTY, PK.PARTY_SYMBOL, PK.PARTY_SLOGAN, PK.PAIR, PK.COALITION, PK.HASHTAG, PK.AGAINST,
  PK.SLOGAN, PK.SALUTE, PK.TEAM, PK.ACCOUNT_PERSON, PK.ACCOUNT_PARTY, PK.ACCOUNT_CONTESTANT, PK.CONTEST_TERM,
]);
const CONTESTANT_KINDS = new Set([PK.PAIR, PK.COALITION, PK.HASHTAG, PK.AGAINST, PK.SLOGAN, PK.SALUTE, PK.TEAM, PK.ACCOUNT_CONTESTANT]);

/** the original text of a hit or number (hits of a prefixed field are offset past the added prefix) */
/** Words of a race's name that are not its own place ("Pilbup Tapanuli Utara 2024" → tapanuli). */
const PLACE_FILLER = new Set(['pilbup', 'pilwalkot', 'pilkada', 'kabupaten', 'kab', 'kota', 'kepulauan', 'utara', 'selatan', 'timur', 'barat', 'tengah', 'raya', 'dan']);
/** The words that name a regency or city race's own place, from its name. */
function placeWords(contestName: string): string[] {
  return contestName.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3 && !PLACE_FILLER.has(w));
}
/** Does a matched place name ("Kab Malang") name one of these place words? */
function namesPlace(text: string, own: readonly string[]): boolean {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  return own.some((w) => words.includes(w));
}
function matchedText(h: { src: string; off: number; span: [number, number] }): string {
  return h.src.slice(h.span[0] + h.off, h.span[1] + h.off);
}

function regionCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  return a === b || a.startsWith(b + '.') || b.startsWith(a + '.');
}

/**
 * Severity (docs/engine.md):
 * - campaign hashtag / slogan / salute / team / campaign account / contest campaign term of a live
 *   contest → high; a candidate, pair or coalition of a live contest → medium, high with a support cue
 *   or that contest's ballot number, or when a live contestant's name is written as a hashtag;
 * - a party → medium (high with a support cue and election vocabulary); parties always matter;
 * - a person who is not a contestant in a live contest (e.g. an officeholder after the election) →
 *   none alone, low with election vocabulary, medium with election vocabulary and a support cue;
 * - campaign material of a finished contest → low; election vocabulary alone → low;
 * - a context-requiring term counts only when confirmed (see `confirmed`); else an 'ambiguous' reason, none;
 * - neutral/news cues without a support cue or a live campaign hashtag (a pair's or a contestant's name)
 *   take high to medium, never medium to low ("Neutral news").
 */
export function decide(
  hits: Hit[],
  nums: Num[],
  ctx: EvaluateContext,
  tables: PolicyTables,
  regionHits?: () => readonly Hit[],
  besideName?: BesideName,
): Verdict {
  const day = dayAt(ctx.at);
  const region = typeof ctx.region === 'string' && ctx.region ? ctx.region : undefined;
  const siteBit = ctx.site ? PK.PLATFORM_BIT[ctx.site] ?? 0 : 0;
  const nC = tables.contests.length;
  // contest state: 2 = live (in season, region ok), 1 = finished, 3 = not started yet, 0 = not relevant here
  const state = new Uint8Array(nC);
  for (let c = 0; c < nC; c++) {
    const k = tables.contests[c]!;
    if (!regionCompatible(k.region, region)) continue;
    state[c] = seasonState(k.days, day);
  }
  const contestOf = (h: Hit): number => {
    if (CONTESTANT_KINDS.has(h.kind)) return tables.contestants[h.entity]?.contest ?? -1;
    if (h.kind === PK.CONTEST_TERM) return h.entity;
    return -1;
  };

  // drop matches strictly inside an entity match of the same field ("Indonesia Maju" in "Koalisi Indonesia Maju")
  // hits are in (seq, s0) order and phrases are short: look back a bounded window only (linear)
  for (let a = 0; a < hits.length; a++) {
    const h = hits[a]!;
    for (let b = a - 1; b >= 0; b--) {
      const o = hits[b]!;
      if (o.seq !== h.seq || h.s0 - o.s0 > 16) break;
      if ((ENTITY_KINDS.has(o.kind) || o.kind === h.kind) && o.s1 >= h.s1 && o.s1 - o.s0 > h.s1 - h.s0) {
        h.dropped = true;
        break;
      }
    }
    for (let b = a + 1; !h.dropped && b < hits.length; b++) {
      const o = hits[b]!;
      if (o.seq !== h.seq || o.s0 !== h.s0) break;
      if ((ENTITY_KINDS.has(o.kind) || o.kind === h.kind) && o.s1 > h.s1) h.dropped = true;
    }
  }
  // drop party matches for a party restricted to another region (Aceh local parties)
  for (const h of hits) {
    if ((h.kind === PK.PARTY || h.kind === PK.PARTY_SYMBOL || h.kind === PK.PARTY_SLOGAN || h.kind === PK.ACCOUNT_PARTY) &&
      !regionCompatible(tables.parties[h.entity]?.region, region)) h.dropped = true;
    if ((h.kind === PK.ACCOUNT_PERSON || h.kind === PK.ACCOUNT_PARTY || h.kind === PK.ACCOUNT_CONTESTANT) && siteBit && h.aux && !(h.aux & siteBit)) h.dropped = true;
  }
  const live = hits.filter((h) => !h.dropped);

  const support = live.some((h) => h.kind === PK.SUPPORT_CUE && !h.ctx);
  const electionTerms = live.filter((h) => h.kind === PK.ELECTION_TERM && !h.ctx);
  const strongNums = nums.filter((n) => n.strong);
  const markerNums = nums.filter((n) => n.marker);
  const electionVocab = electionTerms.length > 0;

  // contests a non-context match points at, and persons named without context
  const namedContests = new Set<number>();
  const namedPersons = new Set<number>();
  let anyPartyPlain = false;
  for (const h of live) {
    if (h.ctx) continue;
    if (h.kind === PK.PERSON || h.kind === PK.ACCOUNT_PERSON) {
      namedPersons.add(h.entity);
      for (const k of tables.personContestants[h.entity] ?? []) namedContests.add(tables.contestants[k]!.contest);
    } else if (h.kind === PK.PARTY || h.kind === PK.ACCOUNT_PARTY) anyPartyPlain = true;
    const c = contestOf(h);
    if (c >= 0) namedContests.add(c);
  }
  const liveNamed = (c: number) => namedContests.has(c) && state[c] === 2;
  const vocabNear = (h: Hit) =>
    electionTerms.some((e) => e.seq !== h.seq || Math.abs(e.s0 - h.s0) <= CONTEXT_WINDOW) ||
    markerNums.some((n) => n.seq !== h.seq || Math.abs(n.s - h.s0) <= CONTEXT_WINDOW);

  const supports = live.filter((h) => h.kind === PK.SUPPORT_CUE);
  /**
   * Does a field of this evaluation name a place of region `code` (its province, a regency or city of it)?
   * Region names come from `regionHits` (scanned on demand, rules/engine.ts) or, with compiled rules that
   * keep them in the trie, from the hits.
   */
  const regionHit = (code: string, own?: readonly string[]): Hit | undefined => {
    const province = Number(code.slice(0, 2));
    // for a regency or city race only its own place counts, not the province or its other regencies
    const fits = (x: Hit) => x.aux === province && (!own || namesPlace(matchedText(x), own));
    // every region hit counts, also one inside a longer match ("Koalisi Jakarta Baru" names Jakarta)
    // the longest, to name "Tangerang Selatan" rather than "Tangerang"
    let best: Hit | undefined;
    for (const x of hits) if (x.kind === PK.REGION && fits(x) && (!best || x.s1 - x.s0 > best.s1 - best.s0)) best = x;
    if (regionHits) for (const x of regionHits()) if (fits(x) && (!best || x.s1 - x.s0 > best.s1 - best.s0)) best = x;
    return best;
  };
  /**
   * Weighed evidence that a context-requiring name means contestant k (docs/engine.md, "Evidence");
   * `why` receives what counted ({ kind: 'honorific', label: 'honorific "Bu"' }) for the reason.
   */
  const evidence = (h: Hit, k: CompiledContestant, why: Evidence[]): number => {
    if (state[k.contest] !== 2) return 0;
    let w = 0;
    const honorific = HONORIFIC_BEFORE.exec(textBefore(h, 12)) ?? HONORIFIC_START.exec(matchedText(h));
    if (honorific) (w += EVIDENCE.honorific), why.push({ kind: 'honorific', label: `honorific "${honorific[1]}"` });
    let near: Hit | undefined;
    let inField: Hit | undefined;
    for (const c of supports) {
      if (c.seq !== h.seq) continue;
      const d = c.s0 >= h.s1 ? c.s0 - h.s1 : h.s0 - c.s1;
      if (d < SUPPORT_NEAR) near ??= c;
      else if (d <= CONTEXT_WINDOW) inField ??= c;
    }
    if (near) (w += EVIDENCE.supportNear), why.push({ kind: 'support-near', label: `support "${matchedText(near)}" beside the name` });
    else if (inField) (w += EVIDENCE.supportField), why.push({ kind: 'support-field', label: `support "${matchedText(inField)}" in the field` });
    const ballot = k.number === undefined ? undefined : nums.find((n) => n.value === k.number && (n.strong || n.seq === h.seq));
    // or the pair's hand sign beside the name ("☝️ Bu Airin"), counted as its number
    const sign = ballot || k.number === undefined ? undefined : live.find((x) => x.kind === PK.HAND_SIGN && x.aux === k.number && x.seq === h.seq && (x.s0 >= h.s1 ? x.s0 - h.s1 : h.s0 - x.s1) <= NUMBER_BESIDE);
    if (ballot) (w += EVIDENCE.ballotNumber), why.push({ kind: 'ballot-number', label: `ballot number "${matchedText(ballot)}"` });
    else if (sign) (w += EVIDENCE.ballotNumber), why.push({ kind: 'hand-sign', label: `hand sign "${matchedText(sign)}"` });
    const contest = tables.contests[k.contest]!;
    const place = contest.region ? regionHit(contest.region, LOCAL_RACE.has(contest.kind) ? placeWords(contest.name) : undefined) : undefined;
    if (place) (w += EVIDENCE.region), why.push({ kind: 'region', label: `region "${matchedText(place)}"` });
    // the running mate named in the same field by a context-requiring name too ("Airin dan Ade", "Luluk-Lukman")
    let mate: Hit | undefined;
    let mateNear = false;
    // a rival of the same contest by a context-requiring name in the field ("airin … dari andra")
    let rival: Hit | undefined;
    for (const x of live) {
      if (x === h || x.seq !== h.seq || x.kind !== PK.PERSON || x.entity === h.entity) continue;
      const d = x.s0 >= h.s1 ? x.s0 - h.s1 : h.s0 - x.s1;
      if (d > CONTEXT_WINDOW) continue;
      if (!k.persons.includes(x.entity)) {
        if (!rival && (tables.personContestants[x.entity] ?? []).some((r) => tables.contestants[r]!.contest === k.contest)) rival = x;
        continue;
      }
      mate ??= x;
      const [a, b] = x.s0 >= h.s1 ? [h, x] : [x, h];
      if (d <= NUMBER_BESIDE && PAIR_JOIN.test(h.src.slice(a.span[1] + a.off, b.span[0] + b.off))) (mate = x), (mateNear = true);
    }
    if (mate) (w += mateNear ? EVIDENCE.runningMateNear : EVIDENCE.runningMateField), why.push({ kind: 'running-mate', label: `running mate "${matchedText(mate)}"` });
    else if (rival) (w += EVIDENCE.rivalField), why.push({ kind: 'rival', label: `rival "${matchedText(rival)}" in the field` });
    // a party that nominated this pair, also by its context-requiring acronym in capitals ("Luluk PKB")
    const party = k.parties.length ? live.find((x) => x.seq === h.seq && !x.lower && (x.kind === PK.PARTY || x.kind === PK.ACCOUNT_PARTY) && k.parties.includes(x.entity)) : undefined;
    if (party) (w += EVIDENCE.coalitionParty), why.push({ kind: 'coalition-party', label: `party "${matchedText(party)}" of the pair` });
    if (w >= EVIDENCE.threshold) return w;
    if (!besideName) {
      wordsSkipped = true;
      return w;
    }
    return besideName(h, tables.contests[k.contest]!.kind, w, near !== undefined, why);
  };
  /** evidence() stopped before the words beside the name (no `besideName`), and the verdict may be incomplete */
  let wordsSkipped = false;
  let incomplete = false;
  /** what confirmed each context-requiring person match (the reason's `evidence`) */
  const evidenceOf = new Map<Hit, Evidence[]>();

  /** What confirms a context-requiring person match, or undefined (docs/engine.md, "Evidence"). */
  const personEvidence = (h: Hit): Evidence[] | undefined => {
    const ks = tables.personContestants[h.entity] ?? [];
    const local = ks.length > 0 && ks.every((ki) => LOCAL_RACE.has(tables.contests[tables.contestants[ki]!.contest]!.kind));
    const term = electionTerms.find((e) => e.seq !== h.seq || Math.abs(e.s0 - h.s0) <= CONTEXT_WINDOW);
    const marker = markerNums.find((n) => n.seq !== h.seq || Math.abs(n.s - h.s0) <= CONTEXT_WINDOW);
    const label = term ? `election word "${matchedText(term)}"` : marker ? `ballot number "${matchedText(marker)}"` : undefined;
    const vocabulary: Evidence | undefined = label ? { kind: 'election-word', label } : undefined;
    if (vocabulary && !local) return [vocabulary];
    const plain = (x: Hit) => !x.ctx && !x.dropped && x !== h;
    // "Prabowo gemoy": the same person named plainly
    const same = namedPersons.has(h.entity) ? live.find((x) => plain(x) && (x.kind === PK.PERSON || x.kind === PK.ACCOUNT_PERSON) && x.entity === h.entity) : undefined;
    if (same) return [{ kind: 'same-person', label: `same person "${matchedText(same)}"` }];
    for (const ki of ks) {
      const c = tables.contestants[ki]!.contest;
      if (!liveNamed(c)) continue;
      const other = live.find((x) => plain(x) && (contestOf(x) === c || ((x.kind === PK.PERSON || x.kind === PK.ACCOUNT_PERSON) && (tables.personContestants[x.entity] ?? []).some((k) => tables.contestants[k]!.contest === c))));
      return [{ kind: 'same-contest', label: `same contest "${other ? matchedText(other) : tables.contests[c]!.name}"` }];
    }
    for (const ki of ks) {
      const why: Evidence[] = [];
      wordsSkipped = false;
      let w = evidence(h, tables.contestants[ki]!, why);
      // the words beside the name were not read: the full engine might weigh (and explain) this otherwise
      if (wordsSkipped) incomplete = true;
      // with something of this race beside it: an honorific or praise is how anyone quoted in the news is named
      if (vocabulary && w < EVIDENCE.threshold && why.some((x) => raceSpecific(x.kind))) (w += EVIDENCE.localElectionWord), why.push(vocabulary);
      if (w >= EVIDENCE.threshold) return why;
    }
    return undefined;
  };
  /**
   * A contestant term written in capitals with that contestant's own ballot number or hand sign beside it
   * ("AMIN ☝", "01 AMIN", "#AMIN #01"): the number says which "AMIN" is meant. A plain number counts only
   * right next to the term; "amin" in lower case and prayers all in capitals never get here (caps).
   */
  const ownNumberBeside = (h: Hit): boolean => {
    const n = tables.contestants[h.entity]?.number;
    if (n === undefined || !CONTESTANT_KINDS.has(h.kind)) return false;
    const gap = (s0: number, s1: number) => (s0 >= h.s1 ? s0 - h.s1 : h.s0 - s1);
    return (
      nums.some((x) => x.value === n && x.seq === h.seq && ((x.strong && gap(x.s, x.s + 1) <= NUMBER_BESIDE) || x.s === h.s1 || x.s + 1 === h.s0)) ||
      live.some((x) => x.kind === PK.HAND_SIGN && x.aux === n && x.seq === h.seq && gap(x.s0, x.s1) <= NUMBER_BESIDE)
    );
  };
  /** Does a context-requiring match count here? */
  const confirmed = (h: Hit): boolean => {
    // an acronym in lower case is the everyday word ("pajak pkb"), unless a word of the party's organisation stands before it ("fraksi pkb")
    if (h.kind === PK.AMBIGUOUS || h.kind === PK.HAND_SIGN || (h.lower && !(h.kind === PK.PARTY && partyOrganBefore(h))) || reduplicated(h.src, h.span[0] + h.off, h.span[1] + h.off)) return false;
    // an acronym in capitals ("aksi PKB") stays a party, but not with a letter doubled inside ("PSSI"); a word in lower or Title Case can be the common noun
    if ((h.kind === PK.PARTY || h.kind === PK.PARTY_SLOGAN) && ((/\p{Ll}/u.test(matchedText(h)) && COMMON_NOUN_BEFORE.test(textBefore(h, 16))) || doubledInside(matchedText(h)))) return false;
    if (h.kind === PK.PERSON) {
      const why = personEvidence(h);
      if (why) evidenceOf.set(h, why);
      return why !== undefined;
    }
    if (vocabNear(h)) return true;
    if (h.kind === PK.PARTY || h.kind === PK.PARTY_SYMBOL || h.kind === PK.PARTY_SLOGAN) {
      if (anyPartyPlain || namedPersons.size > 0) return true; // another party or a 2024 contestant named plainly ("PKB bela Anies")
      for (const c of namedContests) if (state[c] === 2) return true;
      if (partyOrganBefore(h)) return true;
      return h.caps && support;
    }
    const c = contestOf(h);
    if (c >= 0 && liveNamed(c)) return true;
    return h.caps && c >= 0 && state[c] === 2 && (support || ownNumberBeside(h));
  };

  const reasons: Reason[] = [];
  const numberOf = (k: CompiledContestant) => k.number;
  const contestInfo = (k: CompiledContestant) => {
    const c = tables.contests[k.contest]!;
    const info: { id: string; name: string; number?: number } = { id: c.id, name: c.name };
    if (k.number !== undefined) info.number = k.number;
    return info;
  };
  const add = (h: Hit | Num, kind: string, entityId: string, label: string, sev: number, contest?: { id: string; name: string; number?: number }) => {
    const r: Reason = { kind, entityId, label, field: h.field, span: h.span, matched: matchedText(h), severity: SEV[sev]! };
    if (h.index !== undefined) r.index = h.index;
    if (contest) r.contest = contest;
    const why = evidenceOf.get(h as Hit);
    if (why) r.evidence = why.map((x) => x.label);
    reasons.push(r);
  };
  const hasNumber = (k: CompiledContestant, h: Hit) =>
    k.number !== undefined &&
    nums.some((n) => n.value === k.number && (n.strong || (n.seq === h.seq && (n.s === h.s1 || n.s + 1 === h.s0))));

  // severity of naming contestant k (a mention) or showing its campaign material
  const contestantSev = (k: CompiledContestant, h: Hit, material: boolean): number => {
    const st = state[k.contest]!;
    if (st === 0) return -1; // another region: not relevant
    if (st === 2) {
      if (material || support || hasNumber(k, h)) return HIGH;
      return MEDIUM;
    }
    if (st === 3) return material ? MEDIUM : electionVocab ? LOW : NONE;
    // finished contest
    if (material) return LOW;
    return electionVocab ? (support ? MEDIUM : LOW) : NONE;
  };

  const linkedContests = new Set<number>();
  /** a live contestant's name was written as a hashtag */
  let campaignTag = false;
  for (const h of live) {
    if (h.kind === PK.SUPPORT_CUE || h.kind === PK.NEUTRAL_CUE) continue;
    if (h.kind === PK.ELECTION_TERM) {
      if (!h.ctx || vocabNear(h)) add(h, 'election-term', 'election-term', 'Istilah pemilu', LOW);
      continue;
    }
    if (h.ctx && !confirmed(h)) {
      const ent = entityIdOf(h, tables);
      add(h, 'ambiguous', ent, `"${matchedText(h)}" bermakna ganda; tidak dihitung tanpa konteks pemilu`, NONE);
      continue;
    }
    switch (h.kind) {
      case PK.PERSON:
      case PK.ACCOUNT_PERSON: {
        const p = tables.persons[h.entity]!;
        const ks = (tables.personContestants[h.entity] ?? []).filter((k) => state[tables.contestants[k]!.contest] === 2);
        const kind = h.kind === PK.PERSON ? 'candidate' : 'account';
        // a live contestant's name written as a hashtag (#RidwanKamil) is campaign material, as the pair's is
        const tagged = h.kind === PK.PERSON && h.tag;
        if (ks.length) {
          if (tagged) campaignTag = true;
          for (const ki of ks) {
            const k = tables.contestants[ki]!;
            linkedContests.add(k.contest);
            add(h, kind, h.kind === PK.PERSON ? p.id : p.id, k.label, h.kind === PK.ACCOUNT_PERSON ? HIGH : contestantSev(k, h, tagged), contestInfo(k));
          }
        } else {
          const sev = electionVocab ? (support ? MEDIUM : LOW) : NONE;
          add(h, h.kind === PK.PERSON ? 'person' : 'account', p.id, p.label, sev);
        }
        break;
      }
      case PK.PARTY:
      case PK.PARTY_SYMBOL:
      case PK.ACCOUNT_PARTY: {
        const p = tables.parties[h.entity]!;
        const sev = support && electionVocab ? HIGH : MEDIUM;
        add(h, h.kind === PK.ACCOUNT_PARTY ? 'account' : 'party', p.id, p.label, sev);
        break;
      }
      case PK.PARTY_SLOGAN: {
        // a party's campaign slogan: high while any contest is in season here
        const p = tables.parties[h.entity]!;
        add(h, 'slogan', p.id, p.label, state.includes(2) || (support && electionVocab) ? HIGH : MEDIUM);
        break;
      }
      case PK.CONTEST_TERM: {
        const c = tables.contests[h.entity]!;
        const st = state[h.entity]!;
        if (st === 0) break;
        const sev = st === 2 ? HIGH : st === 3 ? MEDIUM : LOW;
        if (st === 2) linkedContests.add(h.entity);
        add(h, 'campaign-term', c.id, c.name, sev, { id: c.id, name: c.name });
        break;
      }
      case PK.HAND_SIGN:
      case PK.AMBIGUOUS:
        break;
      default: {
        if (!CONTESTANT_KINDS.has(h.kind)) break;
        const k = tables.contestants[h.entity]!;
        // a pair's name or acronym written as a hashtag (#KhofifahEmil, #PrabowoGibran) is campaign material
        const pairTag = h.kind === PK.PAIR && h.tag;
        const material = (h.kind !== PK.PAIR && h.kind !== PK.COALITION) || pairTag;
        const sev = contestantSev(k, h, material);
        if (sev < 0) break;
        if (state[k.contest] === 2) linkedContests.add(k.contest);
        const kind =
          h.kind === PK.PAIR ? (pairTag ? 'hashtag' : 'pair') : h.kind === PK.COALITION ? 'coalition' : h.kind === PK.HASHTAG || h.kind === PK.AGAINST ? 'hashtag'
            : h.kind === PK.SLOGAN ? 'slogan' : h.kind === PK.SALUTE ? 'salute' : h.kind === PK.TEAM ? 'team' : 'account';
        add(h, kind, k.id, h.kind === PK.AGAINST ? `Menentang: ${k.label}` : k.label, sev, contestInfo(k));
      }
    }
  }

  // ballot numbers and hand signs linked to a live contest that is named in the content
  const numbered = new Set<string>();
  for (const c of linkedContests) {
    for (const ki of tables.contestContestants[c] ?? []) {
      const k = tables.contestants[ki]!;
      if (numberOf(k) === undefined) continue;
      for (const n of nums) {
        if (n.value !== k.number || !n.strong) continue;
        const key = `${ki}:${n.seq}:${n.s}`;
        if (numbered.has(key)) continue;
        numbered.add(key);
        add(n, 'ballot-number', k.id, k.label, HIGH, contestInfo(k));
      }
      for (const h of live) {
        if (h.kind !== PK.HAND_SIGN || h.aux !== k.number) continue;
        add(h, 'salute', k.id, `Simbol jari nomor ${k.number}: ${k.label}`, HIGH, contestInfo(k));
      }
    }
  }
  if (linkedContests.size === 0) {
    // a ballot number without a named contest: "coblos nomor 2"
    for (const n of strongNums) {
      if (!electionVocab) break;
      // a race of another region is named: the number belongs to it, election content stays low
      const otherRegion = [...namedContests].some((c) => state[c] === 0);
      // "paslon 02", "kubu 01": a pair named by its number, as a support cue would make it ("TPS 02" stays low)
      const pair = PAIR_WORD_BEFORE.test(n.src.slice(Math.max(0, n.span[0] + n.off - 24), n.span[0] + n.off));
      add(n, 'ballot-number', 'nomor-urut', `Nomor urut ${n.value}`, (support || pair) && !otherRegion ? MEDIUM : LOW);
    }
    for (const h of live) if (h.kind === PK.HAND_SIGN) add(h, 'ambiguous', 'hand-sign', `Simbol tangan "${matchedText(h)}" (tidak dihitung tanpa konteks pemilu)`, NONE);
  }

  let top = NONE;
  for (const r of reasons) top = Math.max(top, SEV.indexOf(r.severity));
  if (top > NONE) {
    for (const h of live) if (h.kind === PK.SUPPORT_CUE) add(h, 'support-cue', 'support-cue', 'Kata ajakan/dukungan', NONE);
  }
  // neutral news takes high down to medium, unless there is a support cue, an against-hashtag or a live
  // campaign hashtag (news posted under the campaign's hashtag is the campaign's). It never takes medium
  // to low: news that names a live candidate or party still warns (docs/engine.md, "Neutral news")
  const neutral = live.filter((h) => h.kind === PK.NEUTRAL_CUE);
  if (neutral.length && !support && !campaignTag && !live.some((h) => h.kind === PK.AGAINST) && !reasons.some((r) => r.kind === 'hashtag' && r.severity === 'high') && top === HIGH) {
    top = top - 1;
    for (const h of neutral) add(h, 'neutral-cue', 'neutral-cue', 'Penanda berita/informasi netral (tingkat diturunkan satu)', NONE);
  }
  reasons.sort(
    (x, y) =>
      SEV.indexOf(y.severity) - SEV.indexOf(x.severity) ||
      CONTENT_FIELDS.indexOf(x.field) - CONTENT_FIELDS.indexOf(y.field) ||
      (x.index ?? 0) - (y.index ?? 0) ||
      x.span[0] - y.span[0],
  );
  // de-duplicate identical reasons
  const seen = new Set<string>();
  const spanCount = new Map<string, number>();
  for (const r of reasons) {
    const k = `${r.field}|${r.index ?? ''}|${r.span[0]}|${r.span[1]}`;
    spanCount.set(k, (spanCount.get(k) ?? 0) + 1);
  }
  const out: Reason[] = [];
  for (const r of reasons) {
    const key = `${r.kind === 'ballot-number' || r.kind === 'salute' ? 'n' : r.kind}|${r.entityId}|${r.field}|${r.index ?? ''}|${r.span[0]}|${r.span[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.kind === 'ambiguous' && r.entityId === 'vocabulary' && (spanCount.get(`${r.field}|${r.index ?? ''}|${r.span[0]}|${r.span[1]}`) ?? 0) > 1) continue;
    out.push(r);
    if (out.length >= MAX_REASONS) break;
  }
  return incomplete ? { severity: SEV[top]!, reasons: out, incomplete } : { severity: SEV[top]!, reasons: out };
}

function entityIdOf(h: Hit, tables: PolicyTables): string {
  switch (h.kind) {
    case PK.PERSON:
    case PK.ACCOUNT_PERSON:
      return tables.persons[h.entity]?.id ?? 'person';
    case PK.PARTY:
    case PK.PARTY_SYMBOL:
    case PK.PARTY_SLOGAN:
    case PK.ACCOUNT_PARTY:
      return tables.parties[h.entity]?.id ?? 'party';
    case PK.CONTEST_TERM:
      return tables.contests[h.entity]?.id ?? 'contest';
    default:
      return CONTESTANT_KINDS.has(h.kind) ? tables.contestants[h.entity]?.id ?? 'contestant' : 'vocabulary';
  }
}
