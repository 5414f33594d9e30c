/**
 * The national rule sources (rules/national/*.yaml, with the overlays in rules/national/overlays/)
 * merged with rules/data and validated by the same loader and schema as `jaga validate`. Node-only
 * (reads files); the shipped default bundle does not include rules/national.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR, mergeSources } from '../data/index.ts';
import { parseRuleBundle, type RuleBundle } from '../schema.ts';
import { OverlaySchema, applyOverlay } from './overlay.ts';

export const NATIONAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'national');

export interface MergedLoad {
  bundle?: RuleBundle;
  errors: string[];
  files: string[];
}

/** rules/data + a national directory (+ its overlays), validated; errors name file and path. */
export function loadWithNational(dataDir: string = DEFAULT_DATA_DIR, nationalDir: string = NATIONAL_DIR): MergedLoad {
  const data = mergeSources(dataDir);
  const errors = [...data.errors];
  const files = [...data.files];
  const raw: Record<string, unknown> = { ...data.raw };
  const counts = { persons: 0, parties: 0, contests: 0 };
  let national: ReturnType<typeof mergeSources> | undefined;
  const hasYaml = existsSync(nationalDir) && readdirSync(nationalDir).some((f) => /\.ya?ml$/i.test(f));
  if (hasYaml) {
    national = mergeSources(nationalDir);
    errors.push(...national.errors);
    files.push(...national.files);
    for (const key of ['persons', 'parties', 'contests'] as const) {
      const base = (raw[key] as unknown[] | undefined) ?? [];
      counts[key] = base.length;
      raw[key] = [...base, ...((national.raw[key] as unknown[] | undefined) ?? [])];
    }
    for (const key of ['schemaVersion', 'version', 'issuedAt', 'expiresAt', 'sites', 'vocabulary'] as const) {
      const v = national.raw[key];
      if (key === 'vocabulary' ? v && Object.keys(v).length : v !== undefined) errors.push(`${nationalDir}: "${key}" belongs in rules/data, not in the national sources`);
    }
  }
  const overlayDir = join(nationalDir, 'overlays');
  if (existsSync(overlayDir)) {
    for (const f of readdirSync(overlayDir).filter((n) => /\.ya?ml$/i.test(n)).sort()) {
      const path = join(overlayDir, f);
      files.push(path);
      const parsed = OverlaySchema.safeParse(parse(readFileSync(path, 'utf8')) ?? {});
      if (!parsed.success) {
        errors.push(...parsed.error.issues.map((i) => `${path} ${i.path.join('.')}: ${i.message}`));
        continue;
      }
      errors.push(...applyOverlay(raw, parsed.data, path).map((e) => `${e.row}: ${e.message}`));
    }
  }
  if (errors.length) return { errors, files };
  const result = parseRuleBundle(raw);
  if (!result.ok) {
    // point an error at the file it comes from: indexes past rules/data's count are national
    const relocate = (e: string): string => {
      const m = /^(persons|parties|contests)\[(\d+)\]([^:]*): ([\s\S]*)$/.exec(e);
      if (!m) return e;
      const [, key, idx, rest, msg] = m as unknown as [string, 'persons' | 'parties' | 'contests', string, string, string];
      const i = Number(idx);
      const inNational = national && i >= counts[key];
      const where = inNational ? national!.locate(`${key}[${i - counts[key]}]${rest}`) : data.locate(`${key}[${i}]${rest}`);
      return `${where}: ${msg}`;
    };
    return { errors: result.errors.map(relocate), files };
  }
  return { bundle: result.bundle, errors: [], files };
}

/**
 * The base without what the file `path` defines (its persons, parties and contests, by id), when that
 * file is one of the base's own files: `jaga import --out F` rewrites F, and F's earlier output is not
 * its base (its contests were "already there" and skipped, its ids taken). The file is left out after
 * validation, not before: other files refer to its persons (a DPR list reuses a regent candidate who
 * also stood for the DPR), and without them the base would not validate. The importer only looks ids and
 * names up in the base, so those references need not resolve.
 */
export function leaveOut(bundle: RuleBundle, files: readonly string[], path: string): { bundle: RuleBundle; left: number } {
  if (!files.some((f) => resolve(f) === resolve(path))) return { bundle, left: 0 };
  const doc = (parse(readFileSync(path, 'utf8')) ?? {}) as Record<string, unknown>;
  const ids = (key: string) => new Set(((Array.isArray(doc[key]) ? doc[key] : []) as { id?: unknown }[]).map((e) => e?.id));
  const [persons, parties, contests] = [ids('persons'), ids('parties'), ids('contests')];
  return {
    bundle: {
      ...bundle,
      persons: bundle.persons.filter((p) => !persons.has(p.id)),
      parties: bundle.parties.filter((p) => !parties.has(p.id)),
      contests: bundle.contests.filter((c) => !contests.has(c.id)),
    },
    left: persons.size + parties.size + contests.size,
  };
}
