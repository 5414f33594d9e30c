/**
 * The terms of a rule set compiled into the dictionary and the phrase trie (rules/compile.ts walks the
 * bundle and calls `add`, `addRegion` and `addVariants`; `tables` gives the arrays of the compiled
 * format). Terms are tokenised once and handled as token ids: the owner of every term (for the variant
 * generator's collision check) sits beside its trie node, and spelling variants are looked up and
 * compiled without their text. Build-time only.
 */
import { PF_CONTEXT, PF_VARIANTS, VAR_ALONE, VAR_PAIR } from './compiled.ts';
import { EVERYDAY_WORDS, VARIANT_EVERYDAY_WORDS } from './data/lint.ts';
import { TokenBuffer, tokenText } from './normalize.ts';
import * as PK from './pattern-kinds.ts';
import { LetterTokens, type Tokens } from './letter-tokens.ts';
import type { RuleBundle } from './schema.ts';
import { Dictionary, TrieBuilder, dictionaryTables, grow, writeCsr } from './trie-builder.ts';
import { VariantTableBuilder } from './variant-table.ts';
import { MAX_VARIANTS_PER_TERM, VariantMemo, normalizedForm, type DroppedVariant, type VariantWord } from './variants.ts';

export { LetterTokens } from './letter-tokens.ts';

/** What the variant generator did (filled when passed to compileBundle; `jaga validate` prints it). */
export interface VariantReport {
  /** variants compiled (generated and kept, plus maintainers' additions) */
  compiled: number;
  dropped: DroppedVariant[];
}

/**
 * Who owns a term, for the variant generator's collision check: a person, party, contest or contestant
 * (entity × 8 + class), a region name, or the vocabulary.
 */
const OWN_PERSON = 0;
const OWN_PARTY = 1;
const OWN_CONTEST = 2;
const OWN_CONTESTANT = 3;
const OWN_REGION = 4;
const OWN_VOCABULARY = 5;
function ownerOf(kind: number, entity: number): number {
  if (kind === PK.PERSON || kind === PK.ACCOUNT_PERSON) return entity * 8 + OWN_PERSON;
  if (kind === PK.PARTY || kind === PK.PARTY_SYMBOL || kind === PK.PARTY_SLOGAN || kind === PK.ACCOUNT_PARTY) return entity * 8 + OWN_PARTY;
  if (kind === PK.CONTEST_TERM) return entity * 8 + OWN_CONTEST;
  if (kind === PK.REGION) return OWN_REGION;
  return entity >= 0 ? entity * 8 + OWN_CONTESTANT : OWN_VOCABULARY;
}

/** a variant word is an everyday word alone / the first word of an everyday two-word phrase */
const EVERYDAY_ALONE = 1;
const EVERYDAY_FIRST = 2;

export class TermCompiler {
  readonly dict = new Dictionary();
  readonly trie: TrieBuilder;
  // the patterns, one row per (kind, entity, flags, aux): the format's pat* arrays while they grow
  // (an object per pattern was 300,000 objects for the collector to trace)
  private patCount = 0;
  private patKind = new Uint8Array(1024);
  private patEntity = new Int32Array(1024);
  private patFlags = new Uint8Array(1024);
  private patAux = new Int32Array(1024);
  /** the region table (rules/compiled.ts `regions`): per name, its token count, province and token ids */
  readonly regionTable: number[] = [];
  private readonly buf = new TokenBuffer();
  private readonly letters = new LetterTokens();
  /** the tokens of the last `add` */
  private last: Tokens = this.buf;

  /** the tokens of a term: read directly where it is letters and spaces, else by the tokeniser */
  private tokens(text: string): Tokens {
    this.last = this.letters.read(text) ? this.letters : this.buf.tokenize(text);
    return this.last;
  }
  /** the token ids of the term at hand */
  private ids = new Int32Array(64);
  /** pattern index + 1 per entity + 1, one array per kind × 8 + flags, when aux is 0; else by all four as text */
  private readonly patByKind: Array<Int32Array<ArrayBuffer> | undefined> = [];
  private readonly patKeyAux = new Map<string, number>();
  // the pattern of the last add: terms come in runs of one entity
  private lastKind = -1;
  private lastEntity = 0;
  private lastFlags = 0;
  private lastAux = 0;
  private lastPat = -1;
  /**
   * Region names outside the trie own their form too, when no term did before them: their token ids
   * joined by commas, and the first token of each (a quick no).
   */
  private readonly regionForms = new Set<string>();
  private readonly regionFirst = new Set<number>();
  private readonly regionSeen = new Set<string>();

  /** `names`: how many names and aliases the bundle's persons have (the trie is sized by it) */
  constructor(names = 0) {
    // ~1.4 nodes, edges and patterns per name since the spelling variants left the trie (format 4; ~6
    // with them): sized at 2 per name, the builder no longer allocates ~86 MB at 300,000 names, and an
    // exception (variants as trie paths) that needs more grows the arrays by doubling
    this.trie = new TrieBuilder(2 * names + 8192);
    this.initEveryday();
  }

  /** Compiles one term: tokens, trie nodes, its pattern; its owner if its form had none. */
  add(text: string, kind: number, entity: number, flags: number, aux = 0): void {
    const buf = this.tokens(text);
    const n = buf.nt;
    if (n === 0) return;
    const p = this.patternOf(kind, entity, flags, aux);
    if (n > this.ids.length) this.ids = new Int32Array(n * 2);
    for (let t = 0; t < n; t++) this.ids[t] = this.dict.find(buf.chars, buf.tStart[t]!, buf.tEnd[t]!, true);
    this.insert(n, ownerOf(kind, entity), p);
  }

  /**
   * A person's name (its variants' rules: `addAlias`); `person`'s `variants` decide whether its names
   * and aliases use the variant table (none: every person without a maintainer's veto or addition).
   */
  addName(p: RuleBundle['persons'][number], person: number): void {
    // a veto or an addition is per form: such a person's variants stay trie paths (the old way)
    const v = p.variants;
    this.oldWay = (v?.veto?.length ?? 0) > 0 || (v?.add?.length ?? 0) > 0;
    this.addAlias(p.name, person, 0, 0);
  }

  /**
   * A person's name (si 0) or alias (si = its index + 1) as a PERSON term. One of one or two words of
   * a–z gets spelling variants: its pattern is flagged PF_VARIANTS (the variant table matches them), or,
   * for a person with vetoes or additions and for a two-word name one of whose variants is an everyday
   * phrase, its variants become trie paths in `addVariants` (exceptions per form). Its token ids are kept
   * either way, so that `addVariants` does not tokenise it again.
   */
  addAlias(text: string, person: number, flags: number, si: number): void {
    const buf = this.tokens(text);
    const n = buf.nt;
    if (n === 0) return;
    if (n > this.ids.length) this.ids = new Int32Array(n * 2);
    const ids = this.ids;
    for (let t = 0; t < n; t++) ids[t] = this.dict.find(buf.chars, buf.tStart[t]!, buf.tEnd[t]!, true);
    let letters = n <= 2;
    for (let c = letters ? buf.tStart[0]! : 0; letters && c < buf.tEnd[n - 1]!; c++) {
      const ch = buf.chars[c]!;
      letters = ch >= 97 && ch <= 122;
    }
    let f = flags;
    if (letters) {
      const old = this.oldWay || (n === 2 && this.everydayPair(ids[0]!, ids[1]!));
      if (!old) f |= PF_VARIANTS;
      const at = this.srcCount * 5;
      if (at + 5 > this.sources.length) this.sources = grow(this.sources, at + 5);
      this.sources[at] = person;
      this.sources[at + 1] = si;
      this.sources[at + 2] = n | (old ? 4 : 0) | ((flags & PF_CONTEXT) !== 0 ? 8 : 0);
      this.sources[at + 3] = ids[0]!;
      this.sources[at + 4] = n === 2 ? ids[1]! : -1;
      this.srcCount++;
      // (the ids are read again below: everydayPair leaves this.ids as it found them)
    }
    this.insert(n, ownerOf(PK.PERSON, person), this.patternOf(PK.PERSON, person, f, 0));
  }
  /** the person at hand has vetoes or additions: its variants go into the trie */
  private oldWay = false;
  /**
   * the names and aliases that get variants, in the order added: person, source index (0 = the name),
   * words | 4 (trie paths, not the table) | 8 (context-requiring), first and second token id
   */
  private sources = new Int32Array(5 * 1024);
  private srcCount = 0;

  /** the word of a dictionary id, made once */
  private wordOf(id: number): VariantWord {
    let w = this.wordOfId[id];
    if (w === undefined) {
      w = this.memo.word(this.dict.text(id));
      w.id = id;
      this.wordOfId[id] = w;
    }
    return w;
  }

  /**
   * whether a variant of the two-word name a b (one word changed) is an everyday two-word phrase: only
   * when a begins one ("a b′") or b ends one ("a′ b"), which for names is seldom, so the words'
   * alternatives are not made here
   */
  private everydayPair(a: number, b: number): boolean {
    if (this.everydayPairs.size === 0 || !((this.phraseRole(a) & 1) | (this.phraseRole(b) & 2))) return false;
    const wa = this.wordOf(a);
    const wb = this.wordOf(b);
    const second = this.everydayPairs.get(wa.text);
    if (second) for (const v of this.memo.wordAlternatives(wb)) if (second.has(v.text)) return true;
    if (!this.everydaySeconds.has(wb.text)) return false;
    for (const v of this.memo.wordAlternatives(wa)) if (this.everydayPairs.get(v.text)?.has(wb.text)) return true;
    return false;
  }

  /** per token id, made once: 1 = it begins an everyday two-word phrase, 2 = it ends one */
  private phraseRole(id: number): number {
    if (id >= this.roles.length) {
      const r = new Uint8Array(Math.max(id + 1, this.roles.length * 2));
      r.set(this.roles);
      this.roles = r;
    }
    let role = this.roles[id]!;
    if (role === 0) {
      const text = this.dict.text(id);
      role = 4 | (this.everydayPairs.has(text) ? 1 : 0) | (this.everydaySeconds.has(text) ? 2 : 0);
      this.roles[id] = role;
    }
    return role;
  }
  private roles = new Uint8Array(4096);
  /** the second words of the everyday two-word phrases */
  private readonly everydaySeconds = new Set<string>();

  /**
   * A place name of a province into the region table (not the trie): its tokens enter the dictionary
   * in the same order as a term's would, and its form counts as taken for the variants.
   */
  addRegion(text: string, province: number): void {
    const buf = this.buf.tokenize(text);
    const n = buf.nt;
    if (n === 0) return;
    if (n > this.ids.length) this.ids = new Int32Array(n * 2);
    const ids = this.ids;
    const form: string[] = [];
    let known = true;
    for (let t = 0; t < n; t++) {
      form.push(tokenText(buf, t));
      ids[t] = this.dict.find(buf.chars, buf.tStart[t]!, buf.tEnd[t]!, false);
      if (ids[t]! < 0) known = false;
    }
    const taken = known && this.ownerOfForm(n) >= 0;
    const seen = `${form.join(' ')}|${province}`;
    if (this.regionSeen.has(seen)) return;
    this.regionSeen.add(seen);
    for (let t = 0; t < n; t++) ids[t] = this.dict.find(buf.chars, buf.tStart[t]!, buf.tEnd[t]!, true);
    if (!taken) {
      this.regionForms.add(ids.subarray(0, n).join(','));
      this.regionFirst.add(ids[0]!);
    }
    this.regionTable.push(n, province);
    for (let t = 0; t < n; t++) this.regionTable.push(ids[t]!);
  }

  // ---- spelling variants (rules/variants.ts personVariants decides the same, one name at a time; here
  // the variants of each distinct word are made once, and looked up and compiled as token ids)

  private readonly everyday = new Set([...EVERYDAY_WORDS, ...VARIANT_EVERYDAY_WORDS]);
  /** everyday phrases of two words: first word → second words (a variant has one or two words) */
  private readonly everydayPairs = new Map<string, Set<string>>();
  private readonly memo = new VariantMemo();
  private readonly wordOfId: Array<VariantWord | undefined> = [];
  /** the words of the candidate variant at hand, and of the name it comes from */
  private readonly cand: VariantWord[] = [];
  private readonly src: VariantWord[] = [];
  /**
   * the trie nodes kept as variants of the person at hand (a variant of one of its names can be one of
   * another of its names): a short list per person, not a mark per trie node (~7 MB at 300,000 names)
   */
  private kept = new Int32Array(256);
  private keptCount = 0;
  private report: VariantReport | undefined;
  // the person and name at hand
  private person = 0;
  private personId = '';
  private self = 0;
  private veto: Set<string> | null = null;
  private added: Set<string> | null = null;
  private from = '';
  private ctx = false;
  private sharedWith = -1;
  /** the variant table while it grows */
  private readonly vt = new VariantTableBuilder();

  private initEveryday(): void {
    if (this.everydayPairs.size) return;
    for (const e of this.everyday) {
      const parts = e.split(' ');
      if (parts.length !== 2) continue;
      this.everydayPairs.set(parts[0]!, (this.everydayPairs.get(parts[0]!) ?? new Set()).add(parts[1]!));
      this.everydaySeconds.add(parts[1]!);
    }
  }

  /**
   * The spelling variants of every person's name and aliases, after every other term (so that a
   * one-word variant equal to another entity's term or to the vocabulary is not read alone): the variant
   * table for the names flagged PF_VARIANTS, trie paths for the exceptions (`addAlias`).
   */
  addVariants(persons: RuleBundle['persons'], report: VariantReport | undefined): void {
    this.report = report;
    this.vt.begin(this.dict.count);
    const { src, ids, sources } = this;
    let s = 0;
    persons.forEach((p, i) => {
      if ((s >= this.srcCount || sources[5 * s] !== i) && !p.variants?.add) return;
      this.person = i;
      this.keptCount = 0;
      this.personId = p.id;
      this.self = ownerOf(PK.PERSON, i);
      this.veto = p.variants?.veto?.length ? new Set(p.variants.veto.map(normalizedForm)) : null;
      this.added = p.variants?.add?.length ? new Set(p.variants.add.map((a) => normalizedForm(typeof a === 'string' ? a : a.term))) : null;
      for (; s < this.srcCount && sources[5 * s] === i; s++) {
        const si = sources[5 * s + 1]!;
        const mode = sources[5 * s + 2]!;
        const k = mode & 3;
        ids[0] = sources[5 * s + 3]!;
        ids[1] = sources[5 * s + 4]!;
        this.ctx = (mode & 8) !== 0;
        if (report) {
          const a = si === 0 ? p.name : p.aliases![si - 1]!;
          this.from = typeof a === 'string' ? a : a.term;
        }
        if (!(mode & 4)) {
          // a context-requiring given name that another person has too: its one-word variants are as
          // shared as the name (as below)
          this.sharedWith = this.ctx && k === 1 ? this.ownerOfForm(1) : -1;
          this.tableOf(k);
          continue;
        }
        for (let t = 0; t < k; t++) src[t] = this.wordOf(ids[t]!);
        // a context-requiring given name that another person has too ("Dimyati" of two races): its
        // variants are as shared as the name itself, and each race's evidence decides which one counts
        this.sharedWith = this.ctx ? this.ownerOfForm(k) : -1;
        this.variantsOf(k);
      }
      if (p.variants?.add) {
        for (const a of p.variants.add) {
          const text = typeof a === 'string' ? a : a.term;
          const v = normalizedForm(text);
          if (!v || this.veto?.has(v)) continue;
          this.add(text, PK.PERSON, i, typeof a !== 'string' && a.requiresContext === true ? PF_CONTEXT : 0);
          if (report) report.compiled++;
        }
      }
    });
  }

  /**
   * The variant table's entries of the name at hand (its token ids in ids[0, k)): each word's variants
   * are entered once per word. A one-word name's variant is not read alone when it is an everyday word or
   * another term's (entities, vocabulary, region names) form.
   */
  private tableOf(k: number): void {
    const { ids, memo, report, vt } = this;
    if (k === 1) {
      const w = ids[0]!;
      const word = this.wordOf(w);
      const first = !(vt.done(w) & VAR_ALONE);
      vt.mark(w, VAR_ALONE);
      // the word's alone entries, made by the first name w: a later one (another person's) for whom a
      // variant is another term's form clears it (the table is per word; format 3 dropped it for that
      // person, and the person whose term it is matches it as that term)
      const start = vt.size;
      for (const v of memo.oneWord(word)) {
        const why = this.aloneWhy(v);
        if (first && (why === '' || why === 'own')) vt.entry(this.idOf(v, true), w * 4 + VAR_ALONE);
        else if (!first && why === 'another term') vt.clearAlone(w, this.idOf(v, false));
        if (report) {
          if (why === '') report.compiled++;
          else if (why !== 'own') report.dropped.push({ person: this.personId, from: this.from, variant: v.text, why });
        }
      }
      if (first) vt.setAlone(w, start);
      return;
    }
    for (let t = 0; t < 2; t++) {
      const w = ids[t]!;
      if (!report && vt.done(w) & VAR_PAIR) continue;
      const alts = memo.wordAlternatives(this.wordOf(w));
      if (report) report.compiled += alts.length;
      if (vt.done(w) & VAR_PAIR) continue;
      vt.mark(w, VAR_PAIR);
      for (const v of alts) vt.entry(this.idOf(v, true), w * 4 + VAR_PAIR);
    }
  }

  /**
   * Why a one-word name's variant is not read alone: '' (it is), an everyday word, another term, or
   * 'own' (read alone too: a term of the person at hand, or of the person who shares this
   * context-requiring given name)
   */
  private aloneWhy(v: VariantWord): '' | 'own' | 'everyday word' | 'another term' {
    if (this.everydayFlags(v) & EVERYDAY_ALONE) return 'everyday word';
    const id = this.idOf(v, false);
    if (id < 0) return '';
    const keep = this.ids[0]!;
    this.ids[0] = id;
    const owner = this.ownerOfForm(1);
    this.ids[0] = keep;
    if (owner < 0) return '';
    return owner === this.self || owner === this.sharedWith ? 'own' : 'another term';
  }

  /** The candidate variants of the name at hand, whose words are src[0, k). */
  private variantsOf(k: number): void {
    const { cand, src, memo } = this;
    if (k === 1) {
      for (const v of memo.oneWord(src[0]!)) {
        cand[0] = v;
        this.consider(1);
      }
      return;
    }
    let left = MAX_VARIANTS_PER_TERM;
    for (let t = 0; t < k && left > 0; t++) {
      for (let u = 0; u < k; u++) cand[u] = src[u]!;
      for (const v of memo.wordAlternatives(src[t]!)) {
        if (left-- <= 0) break;
        cand[t] = v;
        this.consider(k);
      }
    }
  }

  /** One candidate variant of the name at hand (cand[0, k)): kept and compiled, or dropped and reported. */
  private consider(k: number): void {
    const { cand, ids } = this;
    let known = true;
    for (let t = 0; t < k; t++) {
      ids[t] = this.idOf(cand[t]!, false);
      if (ids[t]! < 0) known = false;
    }
    const node = known ? this.trie.find(ids, k) : -1;
    if (node > 0 && this.keptAlready(node)) return; // kept already, from another name of this person
    const text = this.veto || this.added ? this.candText(k) : '';
    if (this.added?.has(text)) return; // a maintainer's addition decides its own context
    const owner = known ? this.ownerOfForm(k, node) : -1;
    const other = owner >= 0 && owner !== this.self && owner !== this.sharedWith;
    const f0 = this.everydayFlags(cand[0]!);
    const everyday = k === 1 ? (f0 & EVERYDAY_ALONE) !== 0 : k === 2 && (f0 & EVERYDAY_FIRST) !== 0 && this.everydayPairs.get(cand[0]!.text)!.has(cand[1]!.text);
    const why = this.veto?.has(text) ? 'vetoed' : everyday ? 'everyday word' : other ? 'another term' : undefined;
    if (why) {
      this.report?.dropped.push({ person: this.personId, from: this.from, variant: text || this.candText(k), why });
      return;
    }
    for (let t = 0; t < k; t++) ids[t] = this.idOf(cand[t]!, true);
    const kept = this.insert(k, this.self, this.patternOf(PK.PERSON, this.person, this.ctx ? PF_CONTEXT : 0, 0));
    if (this.keptCount === this.kept.length) this.kept = grow(this.kept, this.keptCount + 1);
    this.kept[this.keptCount++] = kept;
    if (this.report) this.report.compiled++;
  }

  private keptAlready(node: number): boolean {
    for (let i = 0; i < this.keptCount; i++) if (this.kept[i] === node) return true;
    return false;
  }

  private candText(k: number): string {
    return k === 1 ? this.cand[0]!.text : this.cand.slice(0, k).map((w) => w.text).join(' ');
  }

  private everydayFlags(w: VariantWord): number {
    if (w.flags < 0) w.flags = (this.everyday.has(w.text) ? EVERYDAY_ALONE : 0) | (this.everydayPairs.has(w.text) ? EVERYDAY_FIRST : 0);
    return w.flags;
  }

  /** the word's dictionary id (kept on the word once known), or -1 (create: add it) */
  private idOf(w: VariantWord, create: boolean): number {
    if (w.id >= 0) return w.id;
    const id = this.dict.findText(w.text, create);
    if (id >= 0) w.id = id;
    return id;
  }

  /**
   * the owner of the form ids[0, n) (every id ≥ 0): its trie node's, or a region name's, or -1;
   * `node`: the form's trie node when the caller has looked it up already
   */
  private ownerOfForm(n: number, node = this.trie.find(this.ids, n)): number {
    if (node > 0 && this.trie.owner[node]! >= 0) return this.trie.owner[node]!;
    return this.isRegionForm(n) ? OWN_REGION : -1;
  }

  private isRegionForm(n: number): boolean {
    return this.regionForms.size > 0 && this.regionFirst.has(this.ids[0]!) && this.regionForms.has(this.ids.subarray(0, n).join(','));
  }

  private patternOf(kind: number, entity: number, flags: number, aux: number): number {
    if (kind === this.lastKind && entity === this.lastEntity && flags === this.lastFlags && aux === this.lastAux) return this.lastPat;
    let p: number;
    if (aux === 0 && kind < 256 && flags < 8) {
      const k = kind * 8 + flags;
      let byEntity = this.patByKind[k];
      if (byEntity === undefined || entity + 1 >= byEntity.length) byEntity = this.patByKind[k] = grow(byEntity ?? new Int32Array(64), entity + 2);
      p = byEntity[entity + 1]! - 1;
      if (p < 0) {
        p = this.newPattern(kind, entity, flags, aux);
        byEntity[entity + 1] = p + 1;
      }
    } else {
      const key = `${kind}|${entity}|${flags}|${aux}`;
      p = this.patKeyAux.get(key) ?? -1;
      if (p < 0) {
        p = this.newPattern(kind, entity, flags, aux);
        this.patKeyAux.set(key, p);
      }
    }
    this.lastKind = kind;
    this.lastEntity = entity;
    this.lastFlags = flags;
    this.lastAux = aux;
    this.lastPat = p;
    return p;
  }

  private newPattern(kind: number, entity: number, flags: number, aux: number): number {
    const p = this.patCount++;
    if (p >= this.patEntity.length) {
      const size = this.patEntity.length * 2;
      const kinds = new Uint8Array(size);
      kinds.set(this.patKind);
      this.patKind = kinds;
      const fl = new Uint8Array(size);
      fl.set(this.patFlags);
      this.patFlags = fl;
      this.patEntity = grow(this.patEntity, size);
      this.patAux = grow(this.patAux, size);
    }
    this.patKind[p] = kind;
    this.patEntity[p] = entity;
    this.patFlags[p] = flags;
    this.patAux[p] = aux;
    return p;
  }

  /** the term ids[0, n) into the trie with pattern p; its owner if its form had none; returns its node */
  private insert(n: number, owner: number, p: number): number {
    const trie = this.trie;
    let node = 0;
    for (let t = 0; t < n; t++) node = trie.child(node, this.ids[t]!, true);
    if (trie.owner[node]! < 0) trie.owner[node] = this.isRegionForm(n) ? OWN_REGION : owner;
    trie.addOutput(node, p);
    return node;
  }

  /**
   * The dictionary and the pattern rows as the compiled format's arrays (rules/compiled.ts); the trie's
   * CSR arrays, the largest, are written by `writeTrie` into the output buffer itself.
   */
  tables() {
    const { dict, trie } = this;
    const nTok = dict.count;
    const { tokChars, tokOff, tokHash, prefixBits, maxTokLen } = dictionaryTables(dict);
    const nPat = this.patCount;
    const patKind = this.patKind.subarray(0, nPat);
    const patEntity = this.patEntity.subarray(0, nPat);
    const patFlags = this.patFlags.subarray(0, nPat);
    const patAux = this.patAux.subarray(0, nPat);
    const rootChild = new Int32Array(nTok);
    rootChild.set(trie.rootChild.subarray(0, Math.min(nTok, trie.rootChild.length)));
    return {
      ...this.vt.tables(nTok),
      tokChars,
      tokOff,
      tokHash,
      prefixBits,
      maxTokLen,
      rootChild,
      patKind,
      patEntity,
      patFlags,
      patAux,
      /** the token of every edge, in no particular order (the filters only ask which tokens have one) */
      edgeTokens: trie.eTok.subarray(0, trie.edges),
      /** the lengths of writeTrie's arrays */
      nodes: trie.nodes,
      edges: trie.edges,
      outs: trie.outs,
    };
  }

  /**
   * The trie in CSR form into arrays of the lengths `tables` gives (nodes + 1, edges, edges, nodes + 1,
   * outs): each node's edges sorted by token id, its patterns in the order they were added.
   */
  writeTrie(edgeStart: Int32Array, edgeTok: Int32Array, edgeNode: Int32Array, outStart: Int32Array, outPat: Int32Array): void {
    writeCsr(this.trie, edgeStart, edgeTok, edgeNode, outStart, outPat);
  }

}
