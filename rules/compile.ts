/**
 * Compiler: RuleBundle → CompiledRules (rules/compiled.ts). Runs at build time, in the CLI or in the
 * background, never in the content script. Expects a bundle already validated by `parseRuleBundle`.
 */
import type { SiteId } from './actions.ts';
import type { Accounts, RuleBundle, Term } from './schema.ts';
import {
  COMPILED_FORMAT,
  MAGIC,
  PF_CASE,
  PF_CONTEXT,
  SECTION_NAMES,
  contestantLabel,
  dayOf,
  type CompiledContest,
  type CompiledRules,
  type SectionArray,
  type SectionName,
} from './compiled.ts';
import * as PK from './pattern-kinds.ts';
import { filterLengths, scanFilters } from './tables.ts';
import { IntList, closeLast, entityTables, layoutBuffer, metaEstimate, packCompiled, writeMeta, type Contestants } from './compile-buffer.ts';
import { IdIndex } from './compile-ids.ts';
import { TermCompiler, type VariantReport } from './compile-terms.ts';
import { EVERYDAY_WORDS } from './data/lint.ts';

export { COMPILED_FORMAT } from './compiled.ts';
export { packCompiled, shiftBytes } from './compile-buffer.ts';

/** Number words that can stand for a ballot number after a marker ("nomor dua"). */
const NUMBER_WORDS: Array<[string, number]> = [
  ['satu', 1], ['dua', 2], ['tiga', 3], ['empat', 4], ['lima', 5], ['enam', 6], ['tujuh', 7],
  ['delapan', 8], ['sembilan', 9], ['sepuluh', 10], ['kosong satu', 1], ['kosong dua', 2], ['kosong tiga', 3],
];

/**
 * Words that make the number right before them no ballot number (PK.YEAR_WORD): the way government text
 * cites a regulation ("Nomor 2 Tahun 2024"), and counts of years ("2 tahun").
 */
const YEAR_WORDS = ['tahun', 'thn'];

/**
 * Nouns whose own number follows them (PK.NUMBERED_NOUN): "TPS 04", "RT 02/RW 05", "dapil 2", "putaran 2",
 * "pasal 2 ayat 1", "pukul 09", "tanggal 02". Zero-padded numbers after them were read as ballot numbers;
 * polling-station and neighbourhood numbers are everywhere in the KPU and village posts ASN share.
 */
const NUMBERED_NOUNS = ['tps', 'rt', 'rw', 'dapil', 'putaran', 'pasal', 'ayat', 'pukul', 'jam', 'tanggal', 'tgl', 'km', 'lantai', 'blok', 'kelas'];

/** honorifics Indonesians put before a candidate's short name (docs/engine.md, "Evidence") */
const HONORIFICS = ['pak', 'bapak', 'bu', 'ibu', 'mas', 'mbak', 'bang', 'kang', 'cak', 'gus'];
/** an alias made of an honorific and one short name: "Mas Pram", "Kang Emil", "Cak Imin" */
const HONORIFIC_ALIAS = new RegExp(`^(${HONORIFICS.join('|')})\\s+(\\p{L}{3,})$`, 'iu');

/** kinds whose context-requiring one-word terms with inner capitals are acronyms of a pair, party or coalition (PF_CASE) */
const ACRONYM_KINDS = new Set([PK.PAIR, PK.PARTY, PK.COALITION]);

const termText = (t: Term) => (typeof t === 'string' ? t : t.term);
const termCtx = (t: Term) => typeof t !== 'string' && t.requiresContext === true;

export interface CompileStats {
  tokens: number;
  nodes: number;
  edges: number;
  patterns: number;
  bytes: number;
}

export type { VariantReport } from './compile-terms.ts';

/** Options of compileBundle. */
export interface CompileOptions {
  /**
   * Compile region names into the phrase trie as PK.REGION patterns, matched everywhere (the layout
   * before 2026-12-06). The engine reads both layouts with the same verdicts; tests compare them.
   */
  regionsInTrie?: boolean;
  /**
   * Filled with the milliseconds each phase took (the compile-profile bench): persons, contests (with
   * the parties), terms (the rest of the terms), variants, trie (the dictionary's tables), layout (the
   * output buffer), filters, csr (the trie written in place), buffer (the metadata), pack.
   */
  phases?: Record<string, number>;
}

export function compileBundle(bundle: RuleBundle, variantReport?: VariantReport, options: CompileOptions = {}): CompiledRules {
  const phases = options.phases;
  let phaseStart = phases ? performance.now() : 0;
  const phase = (name: string): void => {
    if (!phases) return;
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + now - phaseStart;
    phaseStart = now;
  };
  const terms = new TermCompiler(bundle.persons.reduce((n, p) => n + 1 + (p.aliases?.length ?? 0), 0));
  const add = (text: string, kind: number, entity: number, flags: number, aux = 0): void => terms.add(text, kind, entity, flags, aux);
  const addTerm = (t: Term, kind: number, entity: number, forceCtx = false, aux = 0) => {
    const text = termText(t);
    const ctx = forceCtx || termCtx(t);
    // one word with a capital after its first letter: "PAGI", "PAS", "DiA" (not "Pan", "Gemoy")
    const caseSensitive = ctx && ACRONYM_KINDS.has(kind) && /^[A-Za-z]+$/.test(text) && /[A-Z]/.test(text.slice(1));
    add(text, kind, entity, (ctx ? PF_CONTEXT : 0) | (caseSensitive ? PF_CASE : 0), aux);
  };
  const addAccounts = (acc: Accounts | undefined, kind: number, entity: number) => {
    if (!acc) return;
    for (const [platform, handles] of Object.entries(acc)) {
      for (const h of handles ?? []) add('@' + h.replace(/^@/, ''), kind, entity, 0, PK.PLATFORM_BIT[platform as SiteId] ?? 0);
    }
  };

  // ---- persons
  // (their metadata is written from the bundle's persons: no object per person here)
  const persons = bundle.persons;
  const personIdx = new IdIndex(persons);
  persons.forEach((p, i) => {
    terms.addName(p, i);
    if (p.aliases) for (let si = 1; si <= p.aliases.length; si++) {
      const t = p.aliases[si - 1]!;
      const text = termText(t);
      // initials used as a name ("RK") must be written in capitals: "rk" is an abbreviation (rekening)
      if (termCtx(t) && /^[A-Z]{2,4}$/.test(text)) terms.addAlias(text, i, PF_CONTEXT | PF_CASE, si);
      else terms.addAlias(text, i, termCtx(t) ? PF_CONTEXT : 0, si);
      // an honorific before a known short name counts as that short name: "Pak Pram" where "Mas Pram" is known
      // ("Pak Pramono" is a teacher: a short name that is itself a common given name, marked so in the
      // rules, gets the other honorifics only as context-requiring terms, confirmed by evidence)
      const m = HONORIFIC_ALIAS.exec(text);
      if (!m) continue;
      const bare = m[2]!.toLowerCase();
      const common = termCtx(t) || EVERYDAY_WORDS.has(bare) || (p.aliases ?? []).some((a) => termCtx(a) && termText(a).toLowerCase() === bare);
      for (const h of HONORIFICS) if (h !== m[1]!.toLowerCase()) add(`${h} ${m[2]}`, PK.PERSON, i, common ? PF_CONTEXT : 0);
    }
    if (p.nicknames) for (const t of p.nicknames) addTerm(t, PK.PERSON, i);
    if (p.misspellings) for (const t of p.misspellings) addTerm(t, PK.PERSON, i);
    if (p.accounts) addAccounts(p.accounts, PK.ACCOUNT_PERSON, i);
  });
  phase('persons');

  // ---- parties
  const partyIdx = new Map<string, number>();
  const parties = bundle.parties.map((p, i) => {
    partyIdx.set(p.id, i);
    const amb = p.ambiguous === true;
    add(p.name, PK.PARTY, i, 0);
    for (const t of p.abbreviations ?? []) {
      // an ambiguous party's names need context, except "Partai X" forms
      const partaiForm = /^partai\s/i.test(termText(t));
      addTerm(t, PK.PARTY, i, amb && !partaiForm);
    }
    for (const t of p.symbols ?? []) addTerm(t, PK.PARTY_SYMBOL, i);
    for (const e of p.symbolEmoji ?? []) add(e, PK.PARTY_SYMBOL, i, PF_CONTEXT);
    for (const t of p.slogans ?? []) addTerm(t, PK.PARTY_SLOGAN, i);
    addAccounts(p.accounts, PK.ACCOUNT_PARTY, i);
    const abbr = p.abbreviations?.map(termText).find((a) => !/^partai\s/i.test(a));
    const label = abbr && abbr.toLowerCase() !== p.name.toLowerCase() ? `${p.name} (${abbr})` : p.name;
    return p.region ? { id: p.id, label, region: p.region } : { id: p.id, label };
  });

  // ---- contests and contestants
  const contests: CompiledContest[] = [];
  // per contestant, in flat arrays (no object per contestant: 300,000 of them made the collector trace
  // more): the bundle's own object (its id), its contest, its persons and parties resolved (CSR)
  const ks: Contestants = { refs: [], contest: new IntList(), personStart: new IntList(), personList: new IntList(), partyStart: new IntList(), partyList: new IntList(), label: new Map() };
  ks.personStart.push(0);
  ks.partyStart.push(0);
  bundle.contests.forEach((c, ci) => {
    const days: number[] = [];
    for (const ph of c.phases) days.push(dayOf(ph.from), dayOf(ph.to));
    const phases = c.phases.map((ph) => ph.kind);
    const contest: CompiledContest = c.region ? { id: c.id, name: c.name, kind: c.kind, region: c.region, days, phases } : { id: c.id, name: c.name, kind: c.kind, days, phases };
    contests.push(contest);
    for (const t of c.campaignTerms ?? []) addTerm(t, PK.CONTEST_TERM, ci);
    for (const k of c.contestants) {
      const ki = ks.refs.length;
      ks.refs.push(k);
      ks.contest.push(ci);
      let resolved = true;
      for (const id of k.persons) {
        const x = personIdx.get(id);
        if (x >= 0) ks.personList.push(x);
        else resolved = false;
      }
      ks.personStart.push(ks.personList.length);
      // the label the metadata leaves out is the one made from the resolved persons' names; a person id
      // that resolves to nobody shows in the label, which is then stored
      if (!resolved) {
        const label = contestantLabel(contest, k.number, k.persons.map((id) => (personIdx.has(id) ? persons[personIdx.get(id)]!.name : id)));
        const from = ks.personStart.at(ki);
        const usual = contestantLabel(contest, k.number, Array.from(ks.personList.view(from, ks.personList.length), (i) => persons[i]!.name));
        if (label !== usual) ks.label.set(ki, label);
      }
      if (k.coalition?.parties) {
        for (const id of k.coalition.parties) {
          const x = partyIdx.get(id) ?? -1;
          if (x >= 0) ks.partyList.push(x);
        }
      }
      ks.partyStart.push(ks.partyList.length);
      // (`if` before each list: `?? []` made an empty array per absent list, 300,000 contestants × 8)
      if (k.acronyms) for (const t of k.acronyms) addTerm(t, PK.PAIR, ki);
      if (k.coalition?.names) for (const t of k.coalition.names) addTerm(t, PK.COALITION, ki);
      if (k.hashtags) for (const t of k.hashtags) addTerm(t, PK.HASHTAG, ki);
      if (k.againstHashtags) for (const t of k.againstHashtags) addTerm(t, PK.AGAINST, ki);
      if (k.slogans) for (const t of k.slogans) addTerm(t, PK.SLOGAN, ki);
      if (k.salutes) for (const t of k.salutes) addTerm(t, PK.SALUTE, ki);
      if (k.teams) for (const t of k.teams) addTerm(t, PK.TEAM, ki);
      if (k.accounts) addAccounts(k.accounts, PK.ACCOUNT_CONTESTANT, ki);
    }
  });
  phase('contests');

  // ---- place names of the provinces that have a contest (region evidence, docs/engine.md "Evidence")
  // They only ever count as evidence for a context-requiring name, so by default they stay out of the
  // trie (matched everywhere, they cost the scan of every text ~10%) and go to a small table that the
  // engine scans only when such a name needs evidence. Their tokens still enter the dictionary, in the
  // same order, so that tokens, glued-word segmentation and ordinals do not change.
  const contestProvinces = new Set(bundle.contests.flatMap((c) => (c.region ? [c.region.slice(0, 2)] : [])));
  for (const r of bundle.regions ?? []) {
    if (!contestProvinces.has(r.code)) continue;
    for (const n of r.names) {
      if (options.regionsInTrie) add(n, PK.REGION, -1, 0, Number(r.code));
      else terms.addRegion(n, Number(r.code));
    }
  }

  // ---- vocabulary
  const v = bundle.vocabulary;
  for (const t of v.electionTerms) addTerm(t, PK.ELECTION_TERM, -1);
  for (const t of v.supportCues) addTerm(t, PK.SUPPORT_CUE, -1);
  for (const t of v.neutralCues) addTerm(t, PK.NEUTRAL_CUE, -1);
  for (const t of v.ambiguousTerms) addTerm(t, PK.AMBIGUOUS, -1, true);
  for (const h of v.handSigns) add(h.term, PK.HAND_SIGN, -1, PF_CONTEXT, h.number ?? 0);
  for (const m of v.numberMarkers) add(m, PK.NUMBER_MARKER, -1, 0);
  for (const [w, n] of NUMBER_WORDS) add(w, PK.NUMBER_WORD, -1, 0, n);
  for (const w of YEAR_WORDS) add(w, PK.YEAR_WORD, -1, 0);
  for (const w of NUMBERED_NOUNS) add(w, PK.NUMBERED_NOUN, -1, 0);

  phase('terms');

  // ---- spelling variants of every person's name and aliases (rules/variants.ts), after every other term
  // so that a variant equal to another entity's term or to the vocabulary is dropped, not compiled
  terms.addVariants(bundle.persons, variantReport);

  phase('variants');

  // ---- serialise: the dictionary and the trie as the format's arrays, laid out in the one buffer
  const t = terms.tables();
  phase('trie');
  const entities = entityTables(persons, contests, ks);
  const sections: Partial<Record<SectionName, SectionArray>> = {
    ...entities,
    tokChars: t.tokChars,
    tokOff: t.tokOff,
    tokHash: t.tokHash,
    prefixBits: t.prefixBits,
    rootChild: t.rootChild,
    varStart: t.varStart,
    varWord: t.varWord,
    patKind: t.patKind,
    patEntity: t.patEntity,
    patFlags: t.patFlags,
    patAux: t.patAux,
    regions: Int32Array.from(terms.regionTable),
  };
  // written in place, not made apart and copied: the trie's CSR arrays (most of the buffer) and the
  // metadata (the last section, laid out at its estimated size and cut to what was written). The
  // buffer is then the compile's only large allocation after the trie: each one apart (the metadata
  // was ~21 MB at 300,000 names) could set off a full collection of its own
  const metaRows = persons.length + parties.length + ks.refs.length + 1;
  const inPlace: Partial<Record<SectionName, number>> = {
    // the scan's filters too (stemBits alone is up to 1 MB)
    ...filterLengths(t.tokChars.length, t.tokHash.length, t.tokOff.length - 1),
    edgeStart: t.nodes + 1,
    edgeTok: t.edges,
    edgeNode: t.edges,
    outStart: t.nodes + 1,
    outPat: t.outs,
    metaOff: metaRows,
    metaBytes: metaEstimate(persons, ks),
  };
  const laid = layoutBuffer(sections, inPlace, [MAGIC, COMPILED_FORMAT, SECTION_NAMES.length, t.maxTokLen, persons.length, parties.length, contests.length, ks.refs.length]);
  const views = laid.views;
  phase('layout');
  scanFilters(t.tokChars, t.tokOff, t.tokHash, t.rootChild, t.edgeTokens, t.varStart, t.varWord, views);
  phase('filters');
  terms.writeTrie(views.edgeStart as Int32Array, views.edgeTok as Int32Array, views.edgeNode as Int32Array, views.outStart as Int32Array, views.outPat as Int32Array);
  phase('csr');
  const bytes = closeLast(laid.bytes, writeMeta(persons, parties, ks, views.metaOff as Int32Array, views.metaBytes as Uint8Array));
  phase('buffer');
  const data = packCompiled(bytes);
  phase('pack');
  return {
    format: COMPILED_FORMAT,
    bundleVersion: bundle.version,
    issuedAt: bundle.issuedAt,
    expiresAt: bundle.expiresAt,
    contests,
    data,
  };
}

/** region a is b, inside b or contains b (the policy's regionCompatible, rules/severity.ts) */
function sameArea(a: string, b: string): boolean {
  return a === b || a.startsWith(b + '.') || b.startsWith(a + '.');
}

/**
 * The rule set a content script needs where a region is set (the user's `region` setting or the
 * agency's policy): every contest, but the contestants only of the national contests and of that
 * region's (a contest of the province counts for a regency in it, and the other way round); the
 * national parties and the region's; and of the persons those that are contestants kept or in no
 * contest at all (officeholders, party figures). The
 * warning policy ignores every other region's contest for such a user, so posts about the national
 * contests and the region's keep their verdicts; what is lost is a name known only from another
 * region's race (docs/engine.md, "Regional rule sets"). No region: the bundle itself.
 */
export function regionalBundle(bundle: RuleBundle, region: string | undefined): RuleBundle {
  if (!region) return bundle;
  // every contest stays (a few hundred, and naming another region's race is what tells the policy that
  // a ballot number belongs to it); another region's contestants go, with their persons
  const contests = bundle.contests.map((c) => (!c.region || sameArea(c.region, region) ? c : { ...c, contestants: [] }));
  const needed = new Set(contests.flatMap((c) => c.contestants.flatMap((k) => k.persons)));
  const inAnyContest = new Set(bundle.contests.flatMap((c) => c.contestants.flatMap((k) => k.persons)));
  return {
    ...bundle,
    persons: bundle.persons.filter((p) => needed.has(p.id) || !inAnyContest.has(p.id)),
    parties: bundle.parties.filter((p) => !p.region || sameArea(p.region, region)),
    contests,
  };
}

/** Sizes of a compiled rule set (for `jaga` and the benchmark). */
export function compiledStats(c: CompiledRules): { jsonBytes: number; arrayBytes: number } {
  return { jsonBytes: JSON.stringify(c).length, arrayBytes: c.data.length };
}

/**
 * The canonical JSON of a validated bundle: object keys sorted at every level, no whitespace,
 * members whose value is undefined left out. Parsing that JSON again gives the same text, so the
 * builder and the extension hash the same bytes whatever key order each one's parser produced.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** SHA-256 (hex) of the bundle's canonical JSON: what `CompiledRules.sourceHash` must hold. */
export async function sourceHashOf(bundle: RuleBundle): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(bundle))));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compiled rules bound to their source (what `jaga build` puts into a bundle). */
export async function compileBound(bundle: RuleBundle): Promise<CompiledRules> {
  return { ...compileBundle(bundle), sourceHash: await sourceHashOf(bundle) };
}
