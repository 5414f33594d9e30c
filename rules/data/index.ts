/**
 * Loads the maintainers' source files (rules/data/*.yaml) into one validated RuleBundle.
 *
 * Each YAML file is a *partial bundle*: any of the top-level keys `persons`, `parties`, `contests`,
 * `regions` (arrays, concatenated in file-name order), `vocabulary` (lists concatenated per key) and the
 * bundle metadata `schemaVersion`, `version`, `issuedAt`, `expiresAt`, `sites` (each in exactly one
 * file, normally meta.yaml), and `accounts` (sourced accounts of owners other files define, merged into
 * those owners; AccountEntrySchema). Every error names the file, the path inside that file and its line:
 *   rules/data/pilpres-2024.yaml:42 contests[0].contestants[1].number: expected number, received string
 *
 * Node-only (fs). The CLI and tests use it; the extension ships the built bundle instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { AccountEntrySchema, parseRuleBundle, type RuleBundle } from '../schema.ts';

export const DEFAULT_DATA_DIR = dirname(fileURLToPath(import.meta.url));

const ARRAY_KEYS = ['persons', 'parties', 'contests', 'regions'] as const;
const META_KEYS = ['schemaVersion', 'version', 'issuedAt', 'expiresAt', 'sites'] as const;
const VOCABULARY_KEYS = ['electionTerms', 'supportCues', 'neutralCues', 'ambiguousTerms', 'handSigns', 'numberMarkers'] as const;
const TOP_KEYS = new Set<string>([...ARRAY_KEYS, ...META_KEYS, 'vocabulary', 'accounts']);

export class SourceBundleError extends Error {
  constructor(readonly errors: string[]) {
    super(`rule source has ${errors.length} error(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'SourceBundleError';
  }
}

interface SourceFile {
  path: string;
  label: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: Record<string, unknown>;
}

/** Where an element of the merged bundle came from. */
interface Origin {
  file: SourceFile;
  /** path prefix inside that file */
  prefix: (string | number)[];
}

export interface LoadedSource {
  bundle: RuleBundle;
  /** the merged, not yet validated value (what was validated) */
  raw: Record<string, unknown>;
  files: string[];
  /** maps a merged-bundle path such as "contests[3].contestants[0]" to "file:line path-in-file" */
  locate(path: string): string;
}

/** YAML files of a source directory (top level only, sorted), or the file itself. */
export function sourceFiles(pathOrDir: string): string[] {
  if (statSync(pathOrDir).isFile()) return [pathOrDir];
  return readdirSync(pathOrDir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(pathOrDir, f));
}

function labelOf(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Splits "contests[3].contestants[0].number" into ["contests", 3, "contestants", 0, "number"]. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

export function joinPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out || '(root)';
}

function lineOf(file: SourceFile, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = file.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return file.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function where(file: SourceFile, path: (string | number)[]): string {
  const line = lineOf(file, path);
  return `${file.label}${line ? `:${line}` : ''} ${joinPath(path)}`;
}

function readSource(path: string): { file?: SourceFile; errors: string[] } {
  const label = labelOf(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { errors: [`${label}: cannot read (${error instanceof Error ? error.message : String(error)})`] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((e) => {
        const pos = e.pos?.[0] !== undefined ? lines.linePos(e.pos[0]) : undefined;
        const at = pos ? `:${pos.line}:${pos.col}` : '';
        return `${label}${at}: YAML syntax error: ${e.message.split('\n')[0]}`;
      }),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return { errors: [] }; // empty file
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { errors: [`${label}: (root): expected a mapping with keys such as persons, parties, contests, vocabulary`] };
  }
  const file: SourceFile = { path, label, doc, lines, data: data as Record<string, unknown> };
  const errors: string[] = [];
  for (const key of Object.keys(file.data)) {
    if (!TOP_KEYS.has(key)) {
      errors.push(`${where(file, [key])}: unknown top-level key (expected one of ${[...TOP_KEYS].join(', ')})`);
    }
  }
  for (const key of [...ARRAY_KEYS, 'accounts']) {
    if (key in file.data && !Array.isArray(file.data[key])) errors.push(`${where(file, [key])}: expected a list`);
  }
  if ('vocabulary' in file.data) {
    const v = file.data.vocabulary;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) errors.push(`${where(file, ['vocabulary'])}: expected a mapping`);
    else
      for (const [k, list] of Object.entries(v)) {
        if (!(VOCABULARY_KEYS as readonly string[]).includes(k)) {
          errors.push(`${where(file, ['vocabulary', k])}: unknown vocabulary key (expected one of ${VOCABULARY_KEYS.join(', ')})`);
        } else if (!Array.isArray(list)) errors.push(`${where(file, ['vocabulary', k])}: expected a list`);
      }
  }
  return { file, errors };
}

/**
 * Reads and merges the source files without validating the schema. Returns the merged value, an
 * origin map for error reporting, and structural errors (YAML syntax, unknown keys, duplicated meta).
 */
export function mergeSources(pathOrDir: string = DEFAULT_DATA_DIR): {
  raw: Record<string, unknown>;
  errors: string[];
  files: string[];
  locate(path: string): string;
} {
  let paths: string[];
  try {
    paths = sourceFiles(pathOrDir);
  } catch (error) {
    return { raw: {}, errors: [`${pathOrDir}: ${error instanceof Error ? error.message : String(error)}`], files: [], locate: (p) => p };
  }
  const errors: string[] = [];
  if (!paths.length) errors.push(`${labelOf(pathOrDir)}: no .yaml files found`);
  const raw: Record<string, unknown> = {};
  const arrays: Record<string, unknown[]> = { persons: [], parties: [], contests: [], regions: [] };
  const arrayOrigins: Record<string, Origin[]> = { persons: [], parties: [], contests: [], regions: [] };
  const vocabulary: Record<string, unknown[]> = {};
  const vocabularyOrigins: Record<string, Origin[]> = {};
  const metaOrigin = new Map<string, SourceFile>();
  let firstVocabularyFile: SourceFile | undefined;
  const accountEntries: { entry: unknown; file: SourceFile; index: number }[] = [];

  for (const path of paths) {
    const { file, errors: fileErrors } = readSource(path);
    errors.push(...fileErrors);
    if (!file) continue;
    for (const key of ARRAY_KEYS) {
      const list = file.data[key];
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        arrays[key]!.push(item);
        arrayOrigins[key]!.push({ file, prefix: [key, i] });
      });
    }
    for (const key of META_KEYS) {
      if (!(key in file.data)) continue;
      const prev = metaOrigin.get(key);
      if (prev) errors.push(`${where(file, [key])}: "${key}" is already set in ${prev.label}`);
      else {
        metaOrigin.set(key, file);
        raw[key] = file.data[key];
      }
    }
    if (Array.isArray(file.data.accounts)) file.data.accounts.forEach((entry, index) => accountEntries.push({ entry, file, index }));
    const v = file.data.vocabulary;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      firstVocabularyFile ??= file;
      for (const [k, list] of Object.entries(v as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        list.forEach((item, i) => {
          (vocabulary[k] ??= []).push(item);
          (vocabularyOrigins[k] ??= []).push({ file, prefix: ['vocabulary', k, i] });
        });
      }
    }
  }
  errors.push(...mergeAccounts(arrays, accountEntries));
  Object.assign(raw, arrays, { vocabulary });
  // optional in the schema: a source without region files gives the same bundle (and source hash) as before
  if (!arrays.regions!.length) delete raw.regions;

  const locate = (path: string): string => {
    const segs = splitPath(path);
    const [head, second, third] = segs;
    if (typeof head === 'string' && (ARRAY_KEYS as readonly string[]).includes(head) && typeof second === 'number') {
      const origin = arrayOrigins[head]?.[second];
      if (origin) return where(origin.file, [...origin.prefix, ...segs.slice(2)]);
    }
    if (head === 'vocabulary' && typeof second === 'string') {
      if (typeof third === 'number') {
        const origin = vocabularyOrigins[second]?.[third];
        if (origin) return where(origin.file, [...origin.prefix, ...segs.slice(3)]);
      }
      if (firstVocabularyFile) return where(firstVocabularyFile, segs);
    }
    if (typeof head === 'string') {
      const file = metaOrigin.get(head);
      if (file) return where(file, segs);
      if ((META_KEYS as readonly string[]).includes(head)) return `${labelOf(pathOrDir)} ${path} (set it in meta.yaml)`;
    }
    return `${labelOf(pathOrDir)} ${path}`;
  };
  return { raw, errors, files: paths, locate };
}

type Owner = Record<string, unknown> & { accounts?: Record<string, string[]>; sources?: unknown };

/**
 * Merges the `accounts:` entries into their owners (persons, parties, pairs of the merged lists), in
 * place. An entry that does not parse, names an unknown owner or a contest, or repeats an account the
 * owner already has is an error at the entry (file, line, path), so the owner's own file stays as written.
 */
function mergeAccounts(arrays: Record<string, unknown[]>, entries: readonly { entry: unknown; file: SourceFile; index: number }[]): string[] {
  if (!entries.length) return [];
  const errors: string[] = [];
  const owners = new Map<string, { kind: string; entity: Owner }>();
  const isEntity = (x: unknown): x is Owner => typeof x === 'object' && x !== null && !Array.isArray(x);
  for (const p of arrays.persons!) if (isEntity(p)) owners.set(String(p.id), { kind: 'person', entity: p });
  for (const p of arrays.parties!) if (isEntity(p)) owners.set(String(p.id), { kind: 'party', entity: p });
  for (const c of arrays.contests!) {
    if (!isEntity(c)) continue;
    owners.set(String(c.id), { kind: 'contest', entity: c });
    for (const k of Array.isArray(c.contestants) ? c.contestants : []) if (isEntity(k)) owners.set(String(k.id), { kind: 'contestant', entity: k });
  }
  for (const { entry, file, index } of entries) {
    const at = (...path: (string | number)[]) => where(file, ['accounts', index, ...path]);
    const parsed = AccountEntrySchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`${at(...(issue.path as (string | number)[]))}: ${issue.message}`);
      continue;
    }
    const { owner, platform, handle, sources } = parsed.data;
    const found = owners.get(owner);
    if (!found || found.kind === 'contest') {
      errors.push(`${at('owner')}: ${found ? `"${owner}" is a contest; accounts belong to persons, parties or pairs` : `unknown owner id "${owner}"`}`);
      continue;
    }
    const accounts = (found.entity.accounts ??= {});
    const list = (accounts[platform] ??= []);
    const bare = handle.replace(/^@/, '').toLowerCase();
    if (list.some((h) => String(h).replace(/^@/, '').toLowerCase() === bare)) {
      errors.push(`${at('handle')}: ${found.kind} "${owner}" already has the ${platform} account "${handle}"`);
      continue;
    }
    list.push(handle);
    const cited = Array.isArray(found.entity.sources) ? (found.entity.sources as unknown[]) : [];
    found.entity.sources = [...cited, ...sources.filter((u) => !cited.includes(u))];
  }
  return errors;
}

/** Rewrites "contests[3].contestants[0]: message" into "file:line contests[0].contestants[0]: message". */
function relocate(error: string, locate: (path: string) => string): string {
  const m = /^([^:\s]+): ([\s\S]*)$/.exec(error);
  if (!m?.[1]) return error;
  return `${locate(m[1])}: ${m[2]}`;
}

/** Loads, merges and validates; throws SourceBundleError listing every error with file and path. */
export function loadSource(pathOrDir: string = DEFAULT_DATA_DIR): LoadedSource {
  const { raw, errors, files, locate } = mergeSources(pathOrDir);
  if (errors.length) throw new SourceBundleError(errors);
  const parsed = parseRuleBundle(raw);
  if (!parsed.ok) throw new SourceBundleError(parsed.errors.map((e) => relocate(e, locate)));
  return { bundle: parsed.bundle, raw, files, locate };
}

/** The merged, validated bundle of a source directory (default: rules/data). */
export function loadSourceBundle(dir: string = DEFAULT_DATA_DIR): RuleBundle {
  return loadSource(dir).bundle;
}

/** The production rule set shipped with the extension. */
export function loadDefaultBundle(): RuleBundle {
  return loadSourceBundle(DEFAULT_DATA_DIR);
}

export function isSourceDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() || /\.ya?ml$/i.test(basename(path));
  } catch {
    return false;
  }
}
