/**
 * Compiler: RuleBundle → CompiledRules (rules/compiled.ts). Runs at build time, in the CLI or in the
 * background, never in the content script. Expects a bundle already validated by `parseRuleBundle`.
 */
import type { SiteId } from './actions.ts';
import type { Accounts, RuleBundle, Term } from './schema.ts';
import {
  COMPILED_FORMAT,
  HEADER_WORDS,
  MAGIC,
  PF_CASE,
  PF_CONTEXT,
  SECTION_NAMES,
  SECTION_TYPES,
  contestantLabel,
  dayOf,
  packBytes,
  type ArrayName,
  type CompiledContest,
  type CompiledParty,
  type CompiledRules,
  type SectionArray,
  type SectionName,
} from './compiled.ts';
import * as PK from './pattern-kinds.ts';
import { scanFilters } from './tables.ts';
import { TermCompiler, type VariantReport } from './compile-terms.ts';
import { EVERYDAY_WORDS } from './data/lint.ts';

export { COMPILED_FORMAT } from './compiled.ts';

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
   * Filled with the milliseconds each phase took (the compile-profile bench): terms, variants, tokens,
   * trie, filters, metadata and buffer, pack.
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
  const personIdx = new Map<string, number>();
  // (their metadata is written from the bundle's persons: no object per person here)
  const persons = bundle.persons;
  persons.forEach((p, i) => {
    personIdx.set(p.id, i);
    add(p.name, PK.PERSON, i, 0);
    for (const t of p.aliases ?? []) {
      const text = termText(t);
      // initials used as a name ("RK") must be written in capitals: "rk" is an abbreviation (rekening)
      if (termCtx(t) && /^[A-Z]{2,4}$/.test(text)) add(text, PK.PERSON, i, PF_CONTEXT | PF_CASE);
      else addTerm(t, PK.PERSON, i);
      // an honorific before a known short name counts as that short name: "Pak Pram" where "Mas Pram" is known
      // ("Pak Pramono" is a teacher: a short name that is itself a common given name, marked so in the
      // rules, gets the other honorifics only as context-requiring terms, confirmed by evidence)
      const m = HONORIFIC_ALIAS.exec(text);
      if (!m) continue;
      const bare = m[2]!.toLowerCase();
      const common = termCtx(t) || EVERYDAY_WORDS.has(bare) || (p.aliases ?? []).some((a) => termCtx(a) && termText(a).toLowerCase() === bare);
      for (const h of HONORIFICS) if (h !== m[1]!.toLowerCase()) add(`${h} ${m[2]}`, PK.PERSON, i, common ? PF_CONTEXT : 0);
    }
    for (const t of p.nicknames ?? []) addTerm(t, PK.PERSON, i);
    for (const t of p.misspellings ?? []) addTerm(t, PK.PERSON, i);
    addAccounts(p.accounts, PK.ACCOUNT_PERSON, i);
  });

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
        const x = personIdx.get(id) ?? -1;
        if (x >= 0) ks.personList.push(x);
        else resolved = false;
      }
      ks.personStart.push(ks.personList.length);
      // the label the metadata leaves out is the one made from the resolved persons' names; a person id
      // that resolves to nobody shows in the label, which is then stored
      if (!resolved) {
        const label = contestantLabel(contest, k.number, k.persons.map((id) => (personIdx.has(id) ? persons[personIdx.get(id)!]!.name : id)));
        const from = ks.personStart.at(ki);
        const usual = contestantLabel(contest, k.number, Array.from(ks.personList.view(from, ks.personList.length), (i) => persons[i]!.name));
        if (label !== usual) ks.label.set(ki, label);
      }
      for (const id of k.coalition?.parties ?? []) {
        const x = partyIdx.get(id) ?? -1;
        if (x >= 0) ks.partyList.push(x);
      }
      ks.partyStart.push(ks.partyList.length);
      for (const t of k.acronyms ?? []) addTerm(t, PK.PAIR, ki);
      for (const t of k.coalition?.names ?? []) addTerm(t, PK.COALITION, ki);
      for (const t of k.hashtags ?? []) addTerm(t, PK.HASHTAG, ki);
      for (const t of k.againstHashtags ?? []) addTerm(t, PK.AGAINST, ki);
      for (const t of k.slogans ?? []) addTerm(t, PK.SLOGAN, ki);
      for (const t of k.salutes ?? []) addTerm(t, PK.SALUTE, ki);
      for (const t of k.teams ?? []) addTerm(t, PK.TEAM, ki);
      addAccounts(k.accounts, PK.ACCOUNT_CONTESTANT, ki);
    }
  });

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

  // ---- serialise: the dictionary and the trie as the format's arrays
  const { tokChars, tokOff, tokHash, prefixBits, maxTokLen, rootChild, edgeStart, edgeTok, edgeNode, outStart, outPat, patKind, patEntity, patFlags, patAux } = terms.tables();
  phase('trie');
  const filters = scanFilters(tokChars, tokOff, tokHash, rootChild, edgeTok);
  phase('filters');
  const typed: Record<ArrayName, SectionArray> = {
    ...filters,
    tokChars,
    tokOff,
    tokHash,
    prefixBits,
    rootChild,
    edgeStart,
    edgeTok,
    edgeNode,
    outStart,
    outPat,
    patKind,
    patEntity,
    patFlags,
    patAux,
  };
  const bytes = writeBuffer(typed, Int32Array.from(terms.regionTable), maxTokLen, persons, parties, contests, ks);
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

/** What packCompiled needs of Node's Buffer. */
interface NodeBufferLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'latin1'): string };
}
const NODE_BUFFER = (globalThis as { Buffer?: NodeBufferLike }).Buffer ?? null;
/** what packBytes adds to every byte (read from packBytes itself, so that the two cannot differ) */
const PACK_SHIFT = packBytes(new Uint8Array(1)).charCodeAt(0);

/**
 * packBytes(bytes), through Node's latin1 encoder where there is one (the CLI, the benches): one pass
 * and one string instead of 8 KB pieces joined (at 300,000 names, 70 MB: a third of the time and of the
 * garbage). Shifts `bytes` in place: the caller's buffer is spent. Elsewhere (the extension) packBytes.
 */
export function packCompiled(bytes: Uint8Array, nodeBuffer: NodeBufferLike | null = NODE_BUFFER): string {
  if (nodeBuffer === null) return packBytes(bytes);
  shiftBytes(bytes, PACK_SHIFT);
  return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

/**
 * Adds `shift` (0–127) to every byte, mod 256, in place: four bytes per step where the bytes are
 * aligned (a 70 MB buffer at 300,000 names). Per 32-bit word, the low 7 bits of each byte plus the shift
 * stay below 256, so no carry crosses into the next byte; the top bit is then the sum's top bit XOR
 * the byte's own.
 */
export function shiftBytes(bytes: Uint8Array, shift: number): void {
  let i = 0;
  const n = bytes.length;
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) {
    bytes[i] = (bytes[i]! + shift) & 255;
    i++;
  }
  const words = (n - i) >>> 2;
  if (words > 0) {
    const w = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    const add = Math.imul(shift, 0x01010101);
    for (let k = 0; k < words; k++) {
      const x = w[k]!;
      w[k] = (((x & 0x7f7f7f7f) + add) ^ (x & 0x80808080)) >>> 0;
    }
    i += 4 * words;
  }
  for (; i < n; i++) bytes[i] = (bytes[i]! + shift) & 255;
}

/** A growing list of int32. */
class IntList {
  private a = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = x;
  }
  at(i: number): number {
    return this.a[i]!;
  }
  view(from = 0, to = this.length): Int32Array {
    return this.a.subarray(from, to);
  }
}

/** The contestants of a compile: contestant ki's persons are personList[personStart[ki], personStart[ki + 1]). */
interface Contestants {
  refs: Array<{ id: string; number?: number | undefined }>;
  contest: IntList;
  personStart: IntList;
  personList: IntList;
  partyStart: IntList;
  partyList: IntList;
  /** the labels that are not the usual one (contestantLabel of the resolved persons' names) */
  label: Map<number, string>;
}

/**
 * The entities' metadata as JSON arrays written straight into UTF-8 bytes, the very bytes of
 * `JSON.stringify` of each row encoded: printable ASCII strings without a quote or backslash and
 * integers are copied char by char; anything else goes through JSON.stringify and TextEncoder.
 */
class MetaWriter {
  bytes = new Uint8Array(1 << 16);
  at = 0;
  private readonly encoder = new TextEncoder();

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.at++] = b;
  }

  string(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const bytes = this.bytes;
    let at = this.at;
    bytes[at++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        this.encoded(JSON.stringify(s));
        return;
      }
      bytes[at++] = c;
    }
    bytes[at++] = 34;
    this.at = at;
  }

  int(x: number): void {
    if (!Number.isSafeInteger(x) || x < 0) {
      this.encoded(JSON.stringify(x));
      return;
    }
    this.room(16);
    if (x === 0) {
      this.bytes[this.at++] = 48;
      return;
    }
    let digits = 0;
    for (let y = x; y > 0; y = Math.floor(y / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    for (let y = x; y > 0; y = Math.floor(y / 10)) this.bytes[--at] = 48 + (y % 10);
  }

  ints(list: Int32Array): void {
    this.byte(91);
    for (let i = 0; i < list.length; i++) {
      if (i > 0) this.byte(44);
      this.int(list[i]!);
    }
    this.byte(93);
  }

  /** JSON text through the encoder (at most 3 bytes per UTF-16 unit) */
  encoded(json: string): void {
    this.room(3 * json.length);
    this.at += this.encoder.encodeInto(json, this.bytes.subarray(this.at)).written;
  }
}

/** The buffer of the compiled format (layout in rules/compiled.ts). */
function writeBuffer(
  typed: Record<ArrayName, SectionArray>,
  regions: Int32Array,
  maxTokLen: number,
  persons: ReadonlyArray<{ id: string; name: string }>,
  parties: CompiledParty[],
  contests: CompiledContest[],
  ks: Contestants,
): Uint8Array {
  const nK = ks.refs.length;
  // person → contestants and contest → contestants, as CSR
  const csr = (n: number, start: Int32Array, list: Int32Array): [Int32Array, Int32Array] => {
    const out0 = new Int32Array(n + 1);
    for (let ki = 0; ki < nK; ki++) for (let j = start[ki]!; j < start[ki + 1]!; j++) out0[list[j]! + 1]!++;
    for (let i = 0; i < n; i++) out0[i + 1]! += out0[i]!;
    const out = new Int32Array(out0[n]!);
    const fill = out0.slice(0, n);
    for (let ki = 0; ki < nK; ki++) for (let j = start[ki]!; j < start[ki + 1]!; j++) out[fill[list[j]!]!++] = ki;
    return [out0, out];
  };
  const [personK0, personK] = csr(persons.length, ks.personStart.view(), ks.personList.view());
  const one = new Int32Array(nK + 1);
  for (let ki = 0; ki <= nK; ki++) one[ki] = ki;
  const [contestK0, contestK] = csr(contests.length, one, ks.contest.view());

  // metadata: one JSON array per entity, UTF-8, end to end
  const metaOff = new Int32Array(persons.length + parties.length + nK + 1);
  const meta = new MetaWriter();
  let entry = 0;
  for (const p of persons) {
    meta.byte(91);
    meta.string(p.id);
    meta.byte(44);
    meta.string(p.name);
    meta.byte(93);
    metaOff[++entry] = meta.at;
  }
  for (const p of parties) {
    meta.encoded(JSON.stringify(p.region ? [p.id, p.label, p.region] : [p.id, p.label]));
    metaOff[++entry] = meta.at;
  }
  const personStart = ks.personStart.view();
  const personList = ks.personList.view();
  const partyStart = ks.partyStart.view();
  const partyList = ks.partyList.view();
  const contestOf = ks.contest.view();
  for (let ki = 0; ki < nK; ki++) {
    const k = ks.refs[ki]!;
    meta.byte(91);
    meta.string(k.id);
    meta.byte(44);
    meta.int(contestOf[ki]!);
    meta.byte(44);
    if (k.number === undefined) meta.encoded('null');
    else meta.int(k.number);
    meta.byte(44);
    meta.ints(personList.subarray(personStart[ki]!, personStart[ki + 1]!));
    meta.byte(44);
    meta.ints(partyList.subarray(partyStart[ki]!, partyStart[ki + 1]!));
    const label = ks.label.get(ki);
    if (label !== undefined) {
      meta.byte(44);
      meta.string(label);
    }
    meta.byte(93);
    metaOff[++entry] = meta.at;
  }
  const metaBytes = meta.bytes.subarray(0, meta.at); // a view: copied into the buffer below

  const sections: Record<SectionName, SectionArray> = { ...typed, regions, personK0, personK, contestK0, contestK, metaOff, metaBytes };
  const headerBytes = 4 * (HEADER_WORDS + 2 * SECTION_NAMES.length);
  let size = headerBytes;
  const offsets: number[] = [];
  for (const name of SECTION_NAMES) {
    const a = sections[name];
    const want = SECTION_TYPES[name];
    if ((want === 'u8') !== a instanceof Uint8Array || (want === 'u16') !== a instanceof Uint16Array) throw new Error(`compile: ${name} type`);
    offsets.push(size);
    size += (a.byteLength + 3) & ~3;
  }
  const out = new Uint8Array(size);
  const head = new DataView(out.buffer);
  [MAGIC, COMPILED_FORMAT, SECTION_NAMES.length, maxTokLen, persons.length, parties.length, contests.length, nK].forEach((v, i) => {
    head.setUint32(4 * i, v, true);
  });
  SECTION_NAMES.forEach((name, i) => {
    const a = sections[name];
    head.setUint32(4 * (HEADER_WORDS + 2 * i), offsets[i]!, true);
    head.setUint32(4 * (HEADER_WORDS + 2 * i + 1), a.length, true);
    // the platform is little-endian (rules/compiled.ts): the arrays' own bytes are the format's
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offsets[i]!);
  });
  return out;
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
