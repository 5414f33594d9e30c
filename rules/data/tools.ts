/**
 * The maintainers' toolchain logic behind `jaga validate | test | build | diff | stats`, kept out of
 * the command files so tests can call it directly. Node-only where it touches files.
 */
import { deviceBundle } from '../bundle-payload.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { compileBundle } from '../compile.ts';
import type { CompiledRules } from '../compiled.ts';
import { loadEngine, type Engine, type Verdict } from '../engine.ts';
import { parseRuleBundle, termNeedsContext, termText, type RuleBundle, type Term } from '../schema.ts';
import { parseEnvelope } from '../signing.ts';
import { DEFAULT_DATA_DIR, SourceBundleError, loadSource, mergeSources } from './index.ts';
import { EVERYDAY_WORDS } from './lint.ts';

// ---------------------------------------------------------------------------------------------
// Payload of a built bundle

export interface BundlePayload {
  bundle: RuleBundle;
  compiled: CompiledRules;
}

/** The exact payload string `jaga build` signs: JSON of {bundle, compiled}. */
export function buildPayload(bundle: RuleBundle): string {
  const payload: BundlePayload = { bundle, compiled: compileBundle(bundle) };
  return JSON.stringify(payload);
}

/**
 * Loads a rule set from a source directory / YAML file, or from a built bundle (envelope JSON, signed
 * or not — this does NOT verify signatures; use `jaga verify`). Throws with readable errors.
 */
export function loadAnyBundle(path: string): RuleBundle {
  if (!existsSync(path)) throw new Error(`${path}: no such file or directory`);
  if (statSync(path).isDirectory() || /\.ya?ml$/i.test(path)) return loadSource(path).bundle;
  const envelope = parseEnvelope(readFileSync(path, 'utf8'));
  let payload: unknown;
  try {
    payload = JSON.parse(envelope.payload);
  } catch {
    throw new Error(`${path}: payload is not JSON`);
  }
  const parsed = parseRuleBundle((payload as { bundle?: unknown })?.bundle);
  if (!parsed.ok) throw new Error(`${path}: bundle is invalid:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.bundle;
}

// ---------------------------------------------------------------------------------------------
// Validation (schema + references via the loader) and lint

export interface ValidationReport {
  errors: string[];
  warnings: string[];
  files: string[];
}

interface TermSite {
  term: Term;
  /** merged-bundle path, e.g. "contests[3].contestants[0].acronyms[1]" */
  path: string;
}

/** Every matchable term with its path, for lint and duplicate checks. */
function termSites(bundle: RuleBundle): TermSite[] {
  const out: TermSite[] = [];
  const push = (terms: Term[] | undefined, path: string) => terms?.forEach((term, i) => out.push({ term, path: `${path}[${i}]` }));
  bundle.persons.forEach((p, i) => {
    out.push({ term: p.name, path: `persons[${i}].name` });
    push(p.aliases, `persons[${i}].aliases`);
    push(p.nicknames, `persons[${i}].nicknames`);
    push(p.misspellings, `persons[${i}].misspellings`);
  });
  bundle.parties.forEach((p, i) => {
    // abbreviations of an `ambiguous` party already require context
    const abbr = p.ambiguous ? p.abbreviations?.map((t) => ({ term: termText(t), requiresContext: true })) : p.abbreviations;
    out.push({ term: p.name, path: `parties[${i}].name` });
    push(abbr, `parties[${i}].abbreviations`);
    push(p.symbols, `parties[${i}].symbols`);
    push(p.slogans, `parties[${i}].slogans`);
  });
  bundle.contests.forEach((c, ci) => {
    push(c.campaignTerms, `contests[${ci}].campaignTerms`);
    c.contestants.forEach((k, ki) => {
      const base = `contests[${ci}].contestants[${ki}]`;
      push(k.acronyms, `${base}.acronyms`);
      push(k.coalition?.names, `${base}.coalition.names`);
      push(k.hashtags, `${base}.hashtags`);
      push(k.againstHashtags, `${base}.againstHashtags`);
      push(k.slogans, `${base}.slogans`);
      push(k.salutes, `${base}.salutes`);
      push(k.teams, `${base}.teams`);
    });
  });
  return out;
}

/** Lower-cased words of a term as a maintainer would read them ("Mari-Yo" → "mari yo"). */
function plainWords(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lint warnings: everyday words without requiresContext, duplicates, missing sources/examples. */
export function lintBundle(bundle: RuleBundle, locate: (path: string) => string = (p) => p): string[] {
  const warnings: string[] = [];
  const sites = termSites(bundle);
  for (const { term, path } of sites) {
    if (termNeedsContext(term)) continue;
    const words = plainWords(termText(term));
    // the engine collapses repeated letters ("prabowooo"), so "Appi" reads as "api" (fire)
    const collapsed = words.replace(/(\p{L})\1+/gu, '$1');
    if (EVERYDAY_WORDS.has(words)) {
      warnings.push(`${locate(path)}: "${termText(term)}" is an everyday Indonesian word; mark it { requiresContext: true }`);
    } else if (EVERYDAY_WORDS.has(collapsed)) {
      warnings.push(`${locate(path)}: "${termText(term)}" reads as the everyday word "${collapsed}" (repeated letters collapse); mark it { requiresContext: true }`);
    } else if (/^\d+$/.test(words)) {
      warnings.push(`${locate(path)}: "${termText(term)}" is only a number; mark it { requiresContext: true }`);
    }
  }
  // the same term owned by two different entities (ambiguous attribution)
  const owners = new Map<string, { owner: string; path: string; gatedPerson: boolean }>();
  for (const { term, path } of sites) {
    const key = plainWords(termText(term));
    const owner = path.replace(/\.(name|aliases|nicknames|misspellings|abbreviations|symbols|slogans|campaignTerms|acronyms|coalition|hashtags|againstHashtags|salutes|teams)\b.*$/, '');
    // a context-requiring given name of two persons ("Dimyati" in Banten and in Malang) is meant to match
    // both: the evidence of each one's own contest (region, running mate…) decides which one counts
    // So is a person's context-requiring name that another person has as a plain name (two candidates called
    // "Lukman Hakim"): a plain mention counts for the plain one, and the gated one only with its own race
    const person = path.startsWith('persons[');
    const gatedPerson = person && typeof term === 'object' && term.requiresContext === true;
    const prev = owners.get(key);
    if (!prev) owners.set(key, { owner, path, gatedPerson });
    else if ((prev.gatedPerson && person) || (gatedPerson && prev.path.startsWith('persons['))) continue;
    else if (prev.owner !== owner && !path.includes('coalition.names') && !prev.path.includes('coalition.names')) {
      warnings.push(`${locate(path)}: "${termText(term)}" also belongs to ${locate(prev.owner)}; matches will be attributed to both`);
    }
  }
  const entityChecks: { path: string; sources?: string[]; examples?: { positive: string[]; negative: string[] } }[] = [
    ...bundle.persons.map((p, i) => ({ path: `persons[${i}]`, sources: p.sources, examples: p.examples })),
    ...bundle.parties.map((p, i) => ({ path: `parties[${i}]`, sources: p.sources, examples: p.examples })),
    ...bundle.contests.flatMap((c, ci) => [
      { path: `contests[${ci}]`, sources: c.sources, examples: c.examples },
      ...c.contestants.map((k, ki) => ({ path: `contests[${ci}].contestants[${ki}]`, sources: k.sources, examples: k.examples })),
    ]),
  ];
  for (const e of entityChecks) {
    if (!e.sources?.length) warnings.push(`${locate(e.path)}: no sources (cite the page each fact comes from)`);
    if (!e.examples?.positive.length) warnings.push(`${locate(e.path)}: no positive example`);
    if (!e.examples?.negative.length) warnings.push(`${locate(e.path)}: no negative example`);
  }
  bundle.persons.forEach((p, i) => {
    if (!/\s/.test(p.name.trim()) && EVERYDAY_WORDS.has(plainWords(p.name))) {
      warnings.push(`${locate(`persons[${i}].name`)}: single-word name "${p.name}" always counts alone; qualify it and add the bare name as an alias with requiresContext`);
    }
  });
  return warnings;
}

/** Validates a source directory or file: structure, schema, references, then lint. */
export function validateSource(pathOrDir: string = DEFAULT_DATA_DIR): ValidationReport {
  const merged = mergeSources(pathOrDir);
  if (merged.errors.length) return { errors: merged.errors, warnings: [], files: merged.files };
  try {
    const { bundle, locate, files } = loadSource(pathOrDir);
    return { errors: [], warnings: lintBundle(bundle, locate), files };
  } catch (error) {
    if (error instanceof SourceBundleError) return { errors: error.errors, warnings: [], files: merged.files };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Examples

export interface ExampleFailure {
  /** where the entry is (file:line path) */
  where: string;
  entry: string;
  polarity: 'positive' | 'negative';
  text: string;
  at: string;
  region?: string;
  got: string;
}

export interface ExampleRun {
  total: number;
  passed: number;
  failures: ExampleFailure[];
}

const CAMPAIGN_KINDS = new Set(['kampanye', 'pilkada-ulang', 'psu']);

/** A day inside the contest's campaign (middle of the first campaign-like phase), else its first phase. */
export function exampleDay(contest: RuleBundle['contests'][number]): string {
  const phase = contest.phases.find((p) => CAMPAIGN_KINDS.has(p.kind)) ?? contest.phases[0]!;
  const from = Date.parse(`${phase.from}T00:00:00Z`);
  const to = Date.parse(`${phase.to}T00:00:00Z`);
  return new Date(from + Math.floor((to - from) / 86_400_000 / 2) * 86_400_000).toISOString().slice(0, 10);
}

function describe(verdict: Verdict): string {
  if (!verdict.reasons.length) return `severity ${verdict.severity}, no reasons`;
  const reasons = verdict.reasons
    .slice(0, 6)
    .map((r) => `${r.kind}:${r.entityId}${r.severity === 'none' ? '(no weight)' : ''} "${r.matched}"`)
    .join(', ');
  return `severity ${verdict.severity}; ${reasons}${verdict.reasons.length > 6 ? ', …' : ''}`;
}

interface ExampleEntry {
  path: string;
  entry: string;
  /** entity ids whose reasons count as "this entry matched" */
  ids: Set<string>;
  examples?: { positive: string[]; negative: string[] };
  at: string;
  region?: string;
}

function exampleEntries(bundle: RuleBundle): ExampleEntry[] {
  const out: ExampleEntry[] = [];
  const personContest = new Map<string, RuleBundle['contests'][number]>();
  const fallbackContest = bundle.contests.find((c) => c.kind === 'pileg') ?? bundle.contests.find((c) => c.kind === 'pilpres');
  const nationalDay = fallbackContest ? exampleDay(fallbackContest) : bundle.issuedAt.slice(0, 10);
  bundle.contests.forEach((c, ci) => {
    const day = exampleDay(c);
    const contestIds = new Set<string>([c.id]);
    // a contest without contestants (Pileg): the parties numbered for it count as its entries
    for (const p of bundle.parties) if (p.ballotNumbers?.some((b) => b.election === c.id)) contestIds.add(p.id);
    c.contestants.forEach((k, ki) => {
      const ids = new Set<string>([k.id, ...k.persons]);
      ids.forEach((id) => contestIds.add(id));
      // a person on a DPR/DPD list and in another race (Rano Karno: DPR Banten III, then Jakarta's vice
      // governor) has examples written for the other race: a list race is taken only when there is no other
      const list = (x: RuleBundle['contests'][number]) => x.kind === 'pileg' && x.region !== undefined;
      for (const p of k.persons) if (!personContest.has(p) || (list(personContest.get(p)!) && !list(c))) personContest.set(p, c);
      out.push({ path: `contests[${ci}].contestants[${ki}]`, entry: k.id, ids, examples: k.examples, at: day, region: c.region });
    });
    out.push({ path: `contests[${ci}]`, entry: c.id, ids: contestIds, examples: c.examples, at: day, region: c.region });
  });
  // each person's pairs, in one pass: asking every contestant of every contest per person was
  // quadratic (13,000 persons × 11,700 contestants took most of `jaga test`'s time)
  const pairsOf = new Map<string, string[]>();
  for (const contest of bundle.contests) {
    for (const k of contest.contestants) for (const id of k.persons) pairsOf.set(id, [...(pairsOf.get(id) ?? []), k.id]);
  }
  bundle.persons.forEach((p, i) => {
    const c = personContest.get(p.id);
    const ids = new Set<string>([p.id, ...(pairsOf.get(p.id) ?? [])]);
    out.push({ path: `persons[${i}]`, entry: p.id, ids, examples: p.examples, at: c ? exampleDay(c) : nationalDay, region: c?.region });
  });
  bundle.parties.forEach((p, i) => {
    out.push({ path: `parties[${i}]`, entry: p.id, ids: new Set([p.id]), examples: p.examples, at: nationalDay, region: p.region });
  });
  return out;
}

/**
 * Runs every entry's examples through the engine. A positive passes when the verdict is not "none"
 * and a weighted reason points at the entry (for a pair: the pair or one of its persons; for a
 * contest: the contest or any of its pairs/persons). A negative passes when no weighted reason points
 * at the entry. Each example is evaluated on a day inside the entry's campaign and in its region.
 */
export function runExamples(bundle: RuleBundle, engine?: Engine, locate: (path: string) => string = (p) => p): ExampleRun {
  const eng = engine ?? loadEngine(compileBundle(bundle));
  const failures: ExampleFailure[] = [];
  let total = 0;
  for (const e of exampleEntries(bundle)) {
    for (const polarity of ['positive', 'negative'] as const) {
      for (const text of e.examples?.[polarity] ?? []) {
        total++;
        const ctx = e.region ? { at: e.at, region: e.region } : { at: e.at };
        const verdict = eng.evaluate({ text }, ctx);
        const hit = verdict.reasons.some((r) => r.severity !== 'none' && (e.ids.has(r.entityId) || (r.contest && e.ids.has(r.contest.id))));
        const ok = polarity === 'positive' ? hit && verdict.severity !== 'none' : !hit;
        if (!ok) {
          failures.push({ where: locate(e.path), entry: e.entry, polarity, text, at: e.at, ...(e.region ? { region: e.region } : {}), got: describe(verdict) });
        }
      }
    }
  }
  return { total, passed: total - failures.length, failures };
}

// ---------------------------------------------------------------------------------------------
// Stats

export interface BundleStats {
  version: number;
  parties: number;
  nationalParties: number;
  localParties: number;
  contests: number;
  contestsByKind: Record<string, number>;
  governorContests: number;
  contestants: number;
  persons: number;
  personsWithOffices: number;
  hashtags: number;
  accounts: number;
  examples: number;
  sources: number;
}

function countAccounts(a: Partial<Record<string, string[] | undefined>> | undefined): number {
  return a ? Object.values(a).reduce((n, list) => n + (list?.length ?? 0), 0) : 0;
}

export function bundleStats(bundle: RuleBundle): BundleStats {
  const contestsByKind: Record<string, number> = {};
  let contestants = 0;
  let hashtags = 0;
  let accounts = 0;
  let examples = 0;
  const sources = new Set<string>();
  const ex = (e?: { positive: string[]; negative: string[] }) => (e ? e.positive.length + e.negative.length : 0);
  const src = (s?: string[]) => s?.forEach((u) => sources.add(u));
  for (const c of bundle.contests) {
    contestsByKind[c.kind] = (contestsByKind[c.kind] ?? 0) + 1;
    contestants += c.contestants.length;
    examples += ex(c.examples);
    src(c.sources);
    for (const k of c.contestants) {
      hashtags += (k.hashtags?.length ?? 0) + (k.againstHashtags?.length ?? 0);
      accounts += countAccounts(k.accounts);
      examples += ex(k.examples);
      src(k.sources);
    }
  }
  for (const p of bundle.persons) {
    accounts += countAccounts(p.accounts);
    examples += ex(p.examples);
    src(p.sources);
  }
  for (const p of bundle.parties) {
    accounts += countAccounts(p.accounts);
    examples += ex(p.examples);
    src(p.sources);
  }
  const localParties = bundle.parties.filter((p) => p.region).length;
  return {
    version: bundle.version,
    parties: bundle.parties.length,
    nationalParties: bundle.parties.length - localParties,
    localParties,
    contests: bundle.contests.length,
    contestsByKind,
    governorContests: contestsByKind['pilkada-provinsi'] ?? 0,
    contestants,
    persons: bundle.persons.length,
    personsWithOffices: bundle.persons.filter((p) => p.offices?.length).length,
    hashtags,
    accounts,
    examples,
    sources: sources.size,
  };
}

// ---------------------------------------------------------------------------------------------
// Diff

export interface BundleDiff {
  version: { old: number; new: number };
  persons: EntityDiff;
  parties: EntityDiff;
  contests: EntityDiff;
  contestants: EntityDiff;
  accounts: { added: string[]; removed: string[] };
}

export interface EntityDiff {
  added: string[];
  removed: string[];
  /** id → the top-level fields that differ */
  changed: Record<string, string[]>;
}

/**
 * Fields a diff does not report: contestants (diffed on their own), and provenance and example sentences,
 * which only maintainers' tools read on the source and which a built bundle leaves out (jaga build).
 */
const NOT_DIFFED = new Set(['contestants', 'provenance', 'examples']);

function diffById<T extends { id: string }>(a: T[], b: T[]): EntityDiff {
  const oldMap = new Map(a.map((x) => [x.id, x]));
  const newMap = new Map(b.map((x) => [x.id, x]));
  const changed: Record<string, string[]> = {};
  for (const [id, n] of newMap) {
    const o = oldMap.get(id);
    if (!o) continue;
    const keys = new Set([...Object.keys(o), ...Object.keys(n)]);
    const fields = [...keys].filter(
      (k) => !NOT_DIFFED.has(k) && JSON.stringify((o as Record<string, unknown>)[k]) !== JSON.stringify((n as Record<string, unknown>)[k]),
    );
    if (fields.length) changed[id] = fields.sort();
  }
  return {
    added: [...newMap.keys()].filter((id) => !oldMap.has(id)).sort(),
    removed: [...oldMap.keys()].filter((id) => !newMap.has(id)).sort(),
    changed,
  };
}

function accountKeys(bundle: RuleBundle): Set<string> {
  const out = new Set<string>();
  const add = (owner: string, a?: Partial<Record<string, string[] | undefined>>) => {
    for (const [platform, handles] of Object.entries(a ?? {})) {
      for (const h of handles ?? []) out.add(`${platform}:@${h.replace(/^@/, '')} (${owner})`);
    }
  };
  bundle.persons.forEach((p) => add(p.id, p.accounts));
  bundle.parties.forEach((p) => add(p.id, p.accounts));
  bundle.contests.forEach((c) => c.contestants.forEach((k) => add(k.id, k.accounts)));
  return out;
}

export function diffBundles(source: RuleBundle, other: RuleBundle): BundleDiff {
  // as devices get them: a built bundle leaves out what only maintainers read (rules/bundle-payload.ts)
  const a = deviceBundle(source);
  const b = deviceBundle(other);
  const contestants = (x: RuleBundle) => x.contests.flatMap((c) => c.contestants);
  const oldAcc = accountKeys(a);
  const newAcc = accountKeys(b);
  return {
    version: { old: a.version, new: b.version },
    persons: diffById(a.persons, b.persons),
    parties: diffById(a.parties, b.parties),
    contests: diffById(a.contests, b.contests),
    contestants: diffById(contestants(a), contestants(b)),
    accounts: {
      added: [...newAcc].filter((k) => !oldAcc.has(k)).sort(),
      removed: [...oldAcc].filter((k) => !newAcc.has(k)).sort(),
    },
  };
}

export function diffIsEmpty(d: BundleDiff): boolean {
  const e = (x: EntityDiff) => !x.added.length && !x.removed.length && !Object.keys(x.changed).length;
  return e(d.persons) && e(d.parties) && e(d.contests) && e(d.contestants) && !d.accounts.added.length && !d.accounts.removed.length;
}

export function formatDiff(d: BundleDiff): string {
  const lines: string[] = [`version: ${d.version.old} → ${d.version.new}`];
  const section = (name: string, x: EntityDiff) => {
    for (const id of x.added) lines.push(`+ ${name} ${id}`);
    for (const id of x.removed) lines.push(`- ${name} ${id}`);
    for (const [id, fields] of Object.entries(x.changed)) lines.push(`~ ${name} ${id}: ${fields.join(', ')}`);
  };
  section('person', d.persons);
  section('party', d.parties);
  section('contest', d.contests);
  section('contestant', d.contestants);
  for (const k of d.accounts.added) lines.push(`+ account ${k}`);
  for (const k of d.accounts.removed) lines.push(`- account ${k}`);
  if (diffIsEmpty(d)) lines.push('(no entity, contest or account changes)');
  return lines.join('\n');
}
