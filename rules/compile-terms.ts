/**
 * The terms of a rule set compiled into the dictionary and the phrase trie (rules/compile.ts walks the
 * bundle and calls `add`, `addRegion` and `addVariants`; `tables` gives the arrays of the compiled
 * format). Terms are tokenised once and handled as token ids: the owner of every term (for the variant
 * generator's collision check) sits beside its trie node, and spelling variants are looked up and
 * compiled without their text. Build-time only.
 */
import { PF_CONTEXT } from './compiled.ts';
import { EVERYDAY_WORDS, VARIANT_EVERYDAY_WORDS } from './data/lint.ts';
import { HASH_INIT, TokenBuffer, hashStep, tokenText } from './normalize.ts';
import * as PK from './pattern-kinds.ts';
import type { RuleBundle } from './schema.ts';
import { Dictionary, TrieBuilder, grow } from './trie-builder.ts';
import { MAX_VARIANTS_PER_TERM, VariantMemo, normalizedForm, type DroppedVariant, type VariantWord } from './variants.ts';

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

/**
 * The tokens of a term of ASCII letters and spaces (most names), read without the tokeniser: words
 * split at spaces, lower-cased, repeated letters collapsed to one (the tokeniser's rules for such
 * text). `read` refuses anything else, and a word of one repeated letter ("PPP", which the tokeniser
 * keeps as it is), and the caller tokenises those. The same fields as a TokenBuffer's.
 */
export class LetterTokens {
  chars = new Uint16Array(256);
  tStart = new Int32Array(64);
  tEnd = new Int32Array(64);
  nt = 0;

  /** whether `text` was read (its tokens are then chars[tStart[t], tEnd[t]), t < nt) */
  read(text: string): boolean {
    const n = text.length;
    if (n > this.chars.length || n > 2 * this.tStart.length) return false;
    const chars = this.chars;
    let at = 0;
    let nt = 0;
    let start = -1;
    let oneLetter = true;
    for (let i = 0; i <= n; i++) {
      let c = i < n ? text.charCodeAt(i) : 32;
      if (c === 32) {
        if (start >= 0) {
          if (oneLetter && at - start < i - this.wordFrom) return false; // one letter repeated
          this.tStart[nt] = start;
          this.tEnd[nt++] = at;
          start = -1;
        }
        continue;
      }
      if (c >= 65 && c <= 90) c += 32;
      else if (c < 97 || c > 122) return false;
      if (start < 0) {
        start = at;
        this.wordFrom = i;
        oneLetter = true;
        chars[at++] = c;
      } else if (chars[at - 1] !== c) {
        oneLetter = false;
        chars[at++] = c;
      }
    }
    this.nt = nt;
    return true;
  }
  /** where the word at hand starts in the text */
  private wordFrom = 0;
}

/** The tokens of a term: a TokenBuffer or LetterTokens (the fields the compiler reads). */
interface Tokens {
  chars: Uint16Array;
  tStart: Int32Array;
  tEnd: Int32Array;
  nt: number;
}

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
  /** pattern index + 1 per entity + 1, one array per kind × 4 + flags, when aux is 0; else by all four as text */
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
    // ~6 nodes, edges and patterns per name, spelling variants included (measured at 30,000 and 300,000)
    this.trie = new TrieBuilder(6 * names + 8192);
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
   * A person's name: `add` as a PERSON term, and its token ids kept when it gets variants (one or two
   * words of a–z), so that `addVariants` does not tokenise it again.
   */
  addName(text: string, person: number): void {
    this.add(text, PK.PERSON, person, 0);
    const buf = this.last;
    const k = buf.nt;
    let letters = k >= 1 && k <= 2;
    for (let c = letters ? buf.tStart[0]! : 0; letters && c < buf.tEnd[k - 1]!; c++) {
      const ch = buf.chars[c]!;
      letters = ch >= 97 && ch <= 122;
    }
    if (3 * person + 3 > this.nameTokens.length) this.nameTokens = grow(this.nameTokens, 3 * person + 3);
    this.nameTokens[3 * person] = letters ? k : 0;
    this.nameTokens[3 * person + 1] = this.ids[0]!;
    this.nameTokens[3 * person + 2] = this.ids[1]!;
  }
  /** per person: its name's token count if it gets variants (else 0), and its first two token ids */
  private nameTokens = new Int32Array(1024);

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

  /**
   * Compiles the spelling variants of every person's name and aliases, after every other term, so that
   * a variant equal to another entity's term or to the vocabulary is dropped, not compiled.
   */
  addVariants(persons: RuleBundle['persons'], report: VariantReport | undefined): void {
    this.report = report;
    for (const e of this.everyday) {
      const parts = e.split(' ');
      if (parts.length === 2) this.everydayPairs.set(parts[0]!, (this.everydayPairs.get(parts[0]!) ?? new Set()).add(parts[1]!));
    }
    const { buf, src, ids, memo } = this;
    persons.forEach((p, i) => {
      this.person = i;
      this.keptCount = 0;
      this.personId = p.id;
      this.self = ownerOf(PK.PERSON, i);
      this.veto = p.variants?.veto?.length ? new Set(p.variants.veto.map(normalizedForm)) : null;
      this.added = p.variants?.add?.length ? new Set(p.variants.add.map((a) => normalizedForm(typeof a === 'string' ? a : a.term))) : null;
      // the name, then its aliases (no array of them per person)
      const aliases = p.aliases;
      const sources = aliases ? aliases.length + 1 : 1;
      for (let si = 0; si < sources; si++) {
        const a = si === 0 ? p.name : aliases![si - 1]!;
        const text = typeof a === 'string' ? a : a.term;
        this.from = text;
        this.ctx = typeof a !== 'string' && a.requiresContext === true;
        if (si === 0 && 3 * i + 2 < this.nameTokens.length) {
          // the name, tokenised already by addName: every token known
          const k = this.nameTokens[3 * i]!;
          if (k === 0) continue;
          for (let t = 0; t < k; t++) {
            const id = this.nameTokens[3 * i + 1 + t]!;
            let w = this.wordOfId[id];
            if (w === undefined) {
              w = memo.word(this.dict.text(id));
              w.id = id;
              this.wordOfId[id] = w;
            }
            src[t] = w;
            ids[t] = id;
          }
          this.sharedWith = -1; // a name is never context-requiring
          this.variantsOf(k);
          continue;
        }
        buf.tokenize(text);
        const k = buf.nt;
        if (k === 0 || k > 2) continue; // no variants (VariantMemo.eligible)
        let letters = true;
        for (let c = buf.tStart[0]!; c < buf.tEnd[k - 1]! && letters; c++) {
          const ch = buf.chars[c]!;
          letters = ch >= 97 && ch <= 122;
        }
        if (!letters) continue;
        let known = true;
        for (let t = 0; t < k; t++) {
          const id = this.dict.find(buf.chars, buf.tStart[t]!, buf.tEnd[t]!, false);
          let w = id >= 0 ? this.wordOfId[id] : undefined;
          if (w === undefined) {
            w = memo.word(tokenText(buf, t));
            if (id >= 0) {
              w.id = id;
              this.wordOfId[id] = w;
            }
          }
          src[t] = w;
          ids[t] = id;
          if (id < 0) known = false;
        }
        // a context-requiring given name that another person has too ("Dimyati" of two races): its
        // variants are as shared as the name itself, and each race's evidence decides which one counts
        this.sharedWith = this.ctx && known ? this.ownerOfForm(k) : -1;
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
    if (aux === 0 && kind < 256 && flags < 4) {
      const k = kind * 4 + flags;
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
    // views, not copies: the compiler copies every section into the one buffer
    const tokOff = dict.off.subarray(0, nTok + 1);
    const tokChars = dict.chars.subarray(0, tokOff[nTok]!);
    let maxTokLen = 0;
    let size = 16;
    while (size < nTok * 2) size *= 2;
    const tokHash = new Int32Array(size);
    const prefixBits = new Uint8Array(8192);
    for (let id = 0; id < nTok; id++) {
      const o = tokOff[id]!;
      const len = tokOff[id + 1]! - o;
      if (len > maxTokLen) maxTokLen = len;
      if (len >= 3) {
        const h3 = hashStep(hashStep(hashStep(HASH_INIT, tokChars[o]!), tokChars[o + 1]!), tokChars[o + 2]!);
        prefixBits[(h3 >>> 3) & 8191]! |= 1 << (h3 & 7);
      }
      let slot = dict.hash[id]! & (size - 1);
      while (tokHash[slot] !== 0) slot = (slot + 1) & (size - 1);
      tokHash[slot] = id + 1;
    }
    const nPat = this.patCount;
    const patKind = this.patKind.subarray(0, nPat);
    const patEntity = this.patEntity.subarray(0, nPat);
    const patFlags = this.patFlags.subarray(0, nPat);
    const patAux = this.patAux.subarray(0, nPat);
    const rootChild = new Int32Array(nTok);
    rootChild.set(trie.rootChild.subarray(0, Math.min(nTok, trie.rootChild.length)));
    return {
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
    const trie = this.trie;
    const nodes = trie.nodes;
    const edges = trie.edges;
    // a counting sort by parent (most nodes have one edge), then each node's few edges by token:
    // a node's tokens are distinct, so the order is the one a sort by (parent, token) gives
    edgeStart.fill(0);
    for (let e = 0; e < edges; e++) edgeStart[trie.eParent[e]! + 1]!++;
    for (let n = 0; n < nodes; n++) edgeStart[n + 1]! += edgeStart[n]!;
    const fill = edgeStart.slice(0, nodes);
    for (let e = 0; e < edges; e++) {
      const at = fill[trie.eParent[e]!]!++;
      edgeTok[at] = trie.eTok[e]!;
      edgeNode[at] = trie.eChild[e]!;
    }
    for (let n = 0; n < nodes; n++) {
      const s = edgeStart[n]!;
      const e = edgeStart[n + 1]!;
      if (e - s > 32 && e - s < 4194304) {
        // a first word shared by thousands of names: a real sort
        // (token × 2^22 + place, exact in a double: a numeric typed-array sort, no comparator)
        const kids = edgeNode.slice(s, e);
        const keys = new Float64Array(e - s);
        for (let i = s; i < e; i++) keys[i - s] = edgeTok[i]! * 4194304 + (i - s);
        keys.sort();
        for (let i = 0; i < keys.length; i++) {
          const place = keys[i]! % 4194304;
          edgeTok[s + i] = (keys[i]! - place) / 4194304;
          edgeNode[s + i] = kids[place]!;
        }
        continue;
      }
      for (let i = s + 1; i < e; i++) {
        const tok = edgeTok[i]!;
        const child = edgeNode[i]!;
        let j = i - 1;
        while (j >= s && edgeTok[j]! > tok) {
          edgeTok[j + 1] = edgeTok[j]!;
          edgeNode[j + 1] = edgeNode[j]!;
          j--;
        }
        edgeTok[j + 1] = tok;
        edgeNode[j + 1] = child;
      }
    }
    let outs = 0;
    for (let n = 0; n < nodes; n++) {
      outStart[n] = outs;
      for (let o = trie.outHead[n]!; o >= 0; o = trie.outNext[o]!) outPat[outs++] = trie.outPat[o]!;
    }
    outStart[nodes] = outs;
  }
}
