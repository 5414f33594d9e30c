/**
 * The rules a tab holds (docs/engine.md, "The rule set at scale"): a *tab set* — the national contests,
 * plus the region's when a region is set — compiled on its own, with an escalation filter
 * (rules/full-set-filter.ts) over everything the full set knows and the tab set does not. The background
 * builds it from the active bundle and its full compiled rules; a content script loads it, judges every
 * action locally, and asks the background's full engine only when the filter says the full verdict could
 * differ. Not for the content script (it compiles).
 */
import { compileBundle, regionalBundle } from './compile.ts';
import { PF_VARIANTS, VAR_ALONE, VAR_PAIR, packBytes, type CompiledRules, type SectionName } from './compiled.ts';
import { bloomBits, type FullSetFilterData } from './full-set-filter.ts';
import { HASH_INIT } from './normalize.ts';
import * as PK from './pattern-kinds.ts';
import type { RuleBundle } from './schema.ts';
import { decodeRules, entityTables, type DecodedRules } from './tables.ts';


/**
 * The national part of a bundle, what a tab without a region holds: every contest stays (naming a race
 * tells the policy whose ballot number it is), a regional contest without its contestants; the persons
 * the remaining contestants need and those in no contest; the parties of no region.
 */
export function nationalBundle(bundle: RuleBundle): RuleBundle {
  const contests = bundle.contests.map((c) => (c.region ? { ...c, contestants: [] } : c));
  const needed = new Set(contests.flatMap((c) => c.contestants.flatMap((k) => k.persons)));
  const inAnyContest = new Set(bundle.contests.flatMap((c) => c.contestants.flatMap((k) => k.persons)));
  return {
    ...bundle,
    persons: bundle.persons.filter((p) => needed.has(p.id) || !inAnyContest.has(p.id)),
    parties: bundle.parties.filter((p) => !p.region),
    contests,
  };
}

/** FNV-1a of a token's chars: the hash the dictionary is keyed on (rules/compiled.ts, tokHash) */
export function tokenHash(s: string): number {
  let h = HASH_INIT;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

const PERSON_KINDS = new Set([PK.PERSON, PK.ACCOUNT_PERSON]);
const PARTY_KINDS = new Set([PK.PARTY, PK.PARTY_SYMBOL, PK.PARTY_SLOGAN, PK.ACCOUNT_PARTY]);
const CONTESTANT_KINDS = new Set([PK.PAIR, PK.COALITION, PK.HASHTAG, PK.AGAINST, PK.SLOGAN, PK.SALUTE, PK.TEAM, PK.ACCOUNT_CONTESTANT]);

/** One compiled rule set read for the comparison: tokens as strings, every pattern's key by ids, not indices. */
class RuleView {
  readonly d: DecodedRules;
  /** every section read as numbers (the u8 and u16 ones index the same way) */
  readonly a: Record<SectionName, Int32Array>;
  readonly tokens: string[];
  private readonly personKeys: string[];
  private readonly partyKeys: string[];
  private readonly contestantKeys: string[];
  private readonly contestKeys: string[];

  constructor(c: CompiledRules) {
    this.d = decodeRules(c);
    this.a = this.d.sections as RuleView['a'];
    const { tokOff } = this.a;
    const tokChars = this.d.sections.tokChars as Uint16Array;
    this.tokens = [];
    for (let t = 0; t + 1 < tokOff.length; t++) this.tokens.push(String.fromCharCode(...tokChars.subarray(tokOff[t]!, tokOff[t + 1]!)));
    const tables = entityTables(this.d, c.contests, Number.POSITIVE_INFINITY);
    const kId = (k: number) => tables.contestants[k]!.id;
    const join = (xs: string[]) => xs.sort().join(',');
    const S = '\u0001';
    this.personKeys = tables.persons.map((p, i) => ['P', p.id, p.label, join(tables.personContestants[i]!.map(kId))].join(S));
    this.partyKeys = tables.parties.map((p) => ['Y', p.id, p.label, p.region ?? ''].join(S));
    this.contestantKeys = tables.contestants.map((k) =>
      ['K', k.id, c.contests[k.contest]!.id, k.number ?? '', k.persons.map((p) => tables.persons[p]!.id).join(','), k.parties.map((p) => tables.parties[p]!.id).join(','), k.label].join(S),
    );
    this.contestKeys = c.contests.map((k, i) => ['C', JSON.stringify(k), join(tables.contestContestants[i]!.map(kId))].join(S));
  }

  /** what pattern p's entity is, by ids ('' for none) */
  entityKey(p: number): string {
    const kind = this.a.patKind[p]!;
    const e = this.a.patEntity[p]!;
    if (e < 0) return '';
    if (PERSON_KINDS.has(kind)) return this.personKeys[e]!;
    if (PARTY_KINDS.has(kind)) return this.partyKeys[e]!;
    if (CONTESTANT_KINDS.has(kind)) return this.contestantKeys[e]!;
    if (kind === PK.CONTEST_TERM) return this.contestKeys[e]!;
    return `#${e}`;
  }

  entityKeys(): Set<string> {
    return new Set([...this.personKeys, ...this.partyKeys, ...this.contestantKeys, ...this.contestKeys]);
  }

  patternKey(path: string, p: number): string {
    return `${path}\u0002${this.a.patKind[p]}\u0002${this.a.patFlags[p]}\u0002${this.a.patAux[p]}\u0002${this.entityKey(p)}`;
  }

  /**
   * Every term of the trie by first token: visit(first token, node, path of token ids) for every node
   * that has patterns; `skip(first)` leaves a first token's terms out.
   */
  walk(visit: (first: number, node: number, path: number[]) => boolean | undefined, skip: (first: number) => boolean = () => false): void {
    const { rootChild, edgeStart, edgeTok, edgeNode, outStart } = this.a;
    const path: number[] = [];
    const down = (first: number, node: number): boolean => {
      if (outStart[node + 1]! > outStart[node]! && visit(first, node, path) === false) return false;
      for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
        path.push(edgeTok[e]!);
        const go = down(first, edgeNode[e]!);
        path.pop();
        if (!go) return false;
      }
      return true;
    };
    for (let t = 0; t < rootChild.length; t++) {
      if (!rootChild[t] || skip(t)) continue;
      path.push(t);
      down(t, rootChild[t]!);
      path.pop();
    }
  }

  /** each variant word's canonical words read alone (VAR_ALONE), sorted (rules/compiled.ts varStart, varWord) */
  aloneTable(): Map<string, string> {
    const { varStart, varWord } = this.a;
    const out = new Map<string, string>();
    for (let v = 0; v + 1 < varStart.length; v++) {
      const list: string[] = [];
      for (let e = varStart[v]!; e < varStart[v + 1]!; e++) if (varWord[e]! & VAR_ALONE) list.push(this.tokens[varWord[e]! >> 2]!);
      if (list.length) out.set(this.tokens[v]!, list.sort().join(','));
    }
    return out;
  }

  /** the variant words that stand for token t with the VAR_* bit `bit` */
  variantsOf(t: number, bit: number): string[] {
    const { varStart, varWord } = this.a;
    if (!this.byCanonical) {
      this.byCanonical = new Map();
      for (let v = 0; v + 1 < varStart.length; v++) {
        for (let e = varStart[v]!; e < varStart[v + 1]!; e++) {
          const list = this.byCanonical.get(varWord[e]! >> 2) ?? [];
          list.push([this.tokens[v]!, varWord[e]! & 3]);
          this.byCanonical.set(varWord[e]! >> 2, list);
        }
      }
    }
    return (this.byCanonical.get(t) ?? []).filter(([, bits]) => bits & bit).map(([w]) => w);
  }
  private byCanonical: Map<number, Array<[string, number]>> | null = null;

  pathString(path: number[]): string {
    return path.map((t) => this.tokens[t]).join(' ');
  }

  /** the region table's names as "province:tokens", each with its first token */
  regionNames(): Array<[name: string, first: string]> {
    const r = this.a.regions;
    const out: Array<[string, string]> = [];
    for (let o = 0; o < r.length; o += 2 + r[o]!) out.push([`${r[o + 1]}:${Array.from(r.subarray(o + 2, o + 2 + r[o]!), (t) => this.tokens[t]).join(' ')}`, this.tokens[r[o + 2]!]!]);
    return out;
  }
}

/** What the escalation filter is made of, and how big the difference is. */
export interface Escalation {
  /** the full set's tokens (all of them go into the dictionary bits) */
  dictionary: string[];
  /** the tokens whose presence in the full engine's token stream asks for the full verdict */
  escalate: string[];
  /** the full set's tokens the tab set lacks (escalation pieces: they matter as pieces of a cut) */
  missing: string[];
  maxTokLen: number;
}

/**
 * The escalation tokens of a tab set against its full set: the full dictionary's tokens the tab set
 * lacks; one token (the first, unless the tab set has it) of every term whose pattern (kind, flags, number, entity by
 * ids with its contests and contestants) the two sets do not share, either way; the first token of every region name
 * only the full set has (not the tokens whose role in the word filter differs: see below). Null when the tab set's
 * dictionary is not inside the full one (the tab set could then see words the full set does not: the
 * caller keeps the full set).
 */
export function escalation(full: CompiledRules, tab: CompiledRules): Escalation | null {
  const f = new RuleView(full);
  const t = new RuleView(tab);
  const fullIds = new Map(f.tokens.map((s, i) => [s, i]));
  if (t.tokens.some((s) => !fullIds.has(s))) return null;
  const tabIds = new Map(t.tokens.map((s, i) => [s, i]));
  const flagged = new Set<string>();
  // A token both sets have, with another role in the word filter (keepToken: starts a term, only continues
  // terms, in none), is no escalation token by itself: a token kept in one stream and dropped from the
  // other can change only matches of terms through it that one set has and the other lacks, and a
  // token of every such term is flagged below; a term both sets share is matched alike, since each
  // of its tokens is kept (the first starts a term in both; each next one follows a kept token). Flagging
  // them made every post naming a place escalate: place names continue some regional term of the full set.
  const missing = f.tokens.filter((s) => !tabIds.has(s));
  // the tab set's terms, by path and pattern
  const tabKeys = new Set<string>();
  const tabEntities = t.entityKeys();
  t.walk((_first, node, path) => {
    const where = t.pathString(path);
    for (let o = t.a.outStart[node]!; o < t.a.outStart[node + 1]!; o++) tabKeys.add(t.patternKey(where, t.a.outPat[o]!));
    return true;
  });
  // A term one set has and the other lacks flags one of its tokens: every token of a match is in the
  // stream the filter reads (whole, or a piece of a cut), so any one of them will do. The first is taken
  // unless the tab set has it too or it is shorter than 3 chars: the tab set holds the vocabulary, the
  // honorifics and the national names, the words posts are full of ("pak pram" flags "pram", not "pak",
  // which begins the honorific form of every short name; "jakarta baru" flags "baru"; before, every post
  // with "pak", "bu" or "jakarta" went to the background).
  // A token shorter than 3 chars ("di", "ri", "i") costs more than one the tab set has: any token of the term
  // will do, and the short ones are in nearly every post. The qualified names of the DPR and DPD lists
  // ("Hapsari (DPR RI 2024 DI Yogyakarta I)") made "di" the only token a Jawa Timur tab lacked in hundreds of
  // terms, and every post went to the background.
  const cost = (s: string) => (tabIds.has(s) ? 2 : 0) + (s.length < 3 ? 3 : 0);
  const flagToken = (tokens: string[]): string => {
    let best = tokens[0]!;
    for (const s of tokens) if (cost(s) < cost(best)) best = s;
    return best;
  };
  // A term with spelling variants (PF_VARIANTS) is also matched with one word changed, through the
  // variant table: a one-word term's text is then only the variant word, so those are flagged; of a
  // two-word term "A B" with B flagged, "A' B" holds B and "A B'" holds B' (and the other way round):
  // the flagged token's variant words are flagged too (misspellings, seldom in everyday text)
  const flagVariants = (v: RuleView, p: number, path: number[], token: string): void => {
    if (!(v.a.patFlags[p]! & PF_VARIANTS)) return;
    const at = path.length === 1 ? path[0]! : path.find((x) => v.tokens[x] === token);
    if (at !== undefined) for (const w of v.variantsOf(at, path.length === 1 ? VAR_ALONE : VAR_PAIR)) flagged.add(w);
  };
  // A variant word read alone as other one-word names by the two sets (a form another term holds in one
  // set only is not read alone there) is flagged. Its VAR_PAIR entries need no flag: they follow from
  // the words of the two-word PF_VARIANTS terms alone, and a word's are the same in both sets unless
  // every such term with it is one the sets do not share, which flags them (above)
  const fullVariants = f.aloneTable();
  const tabVariants = t.aloneTable();
  for (const [w, list] of fullVariants) if (tabVariants.get(w) !== list) flagged.add(w);
  for (const [w, list] of tabVariants) if (fullVariants.get(w) !== list) flagged.add(w);
  // the full set's terms: one of an entity the tab set lacks (or has with other contests), or whose
  // pattern the tab set does not have, flags one of its tokens
  const shared = new Set<string>();
  f.walk((_first, node, path) => {
    const where = f.pathString(path);
    for (let o = f.a.outStart[node]!; o < f.a.outStart[node + 1]!; o++) {
      const p = f.a.outPat[o]!;
      const entity = f.entityKey(p);
      const key = f.patternKey(where, p);
      if ((entity && !entity.startsWith('#') && !tabEntities.has(entity)) || !tabKeys.has(key)) {
        const token = flagToken(path.map((x) => f.tokens[x]!));
        flagged.add(token);
        flagVariants(f, p, path, token);
      } else shared.add(key);
    }
    return true;
  });
  // a tab term the full set does not have the same way (its tokens are full tokens too)
  t.walk((_first, node, path) => {
    const where = t.pathString(path);
    for (let o = t.a.outStart[node]!; o < t.a.outStart[node + 1]!; o++) {
      if (!shared.has(t.patternKey(where, t.a.outPat[o]!))) {
        const token = flagToken(path.map((x) => t.tokens[x]!));
        flagged.add(token);
        flagVariants(t, t.a.outPat[o]!, path, token);
      }
    }
    return true;
  });
  // region names: the tab's must be among the full set's; a name only the full set has flags its first
  // token (it is region evidence the tab cannot see, and may be a longer name than the tab finds there)
  const fullRegions = new Set(f.regionNames().map(([name]) => name));
  const tabRegions = new Set(t.regionNames().map(([name]) => name));
  if ([...tabRegions].some((name) => !fullRegions.has(name))) return null;
  for (const [name, first] of f.regionNames()) if (!tabRegions.has(name)) flagged.add(first);
  return { dictionary: f.tokens, escalate: [...flagged], missing, maxTokLen: f.d.maxTokLen };
}

/** The escalation filter's data (CompiledRules.fullSet) for an escalation. */
export function filterData(e: Escalation): FullSetFilterData {
  const pieces = [...e.escalate, ...e.missing];
  return {
    maxTokLen: e.maxTokLen,
    dict: packBytes(bloomBits(e.dictionary.map(tokenHash), e.dictionary.length)),
    escalate: packBytes(bloomBits(pieces.map(tokenHash), pieces.length)),
    whole: packBytes(bloomBits(e.escalate.map(tokenHash), e.escalate.length)),
  };
}

/**
 * The rules a tab holds for `bundle` (compiled in full as `full`) where `region` applies (none: the
 * national part): the tab set with its escalation filter; the full set itself when the tab set would not
 * be smaller or cannot be compared.
 */
export function tabRules(bundle: RuleBundle, full: CompiledRules, region?: string): CompiledRules {
  const tab = compileBundle(region ? regionalBundle(bundle, region) : nationalBundle(bundle));
  if (tab.data.length >= full.data.length) return full;
  const e = escalation(full, tab);
  if (!e) return full;
  return e.escalate.length || e.missing.length ? { ...tab, fullSet: filterData(e) } : tab;
}
