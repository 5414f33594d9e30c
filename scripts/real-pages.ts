/**
 * Checks a local folder of real saved social-site pages against the committed manifest
 * (tests/fixtures/real-pages/manifest.json): which files are present, whether their sha256 still
 * matches, and what is missing. The pages themselves are third-party material and never live in
 * git; docs/real-pages.md says how to re-create the folder.
 *
 *   npx tsx scripts/real-pages.ts <folder> [--manifest <file>] [--split report|development]
 *
 * It also replays the split rule batch by batch (splitProblems) over the whole manifest.
 *
 * Exit code 0 when every listed page is present and unchanged and every split follows the rule,
 * 1 when something is missing or differs or a split breaks the rule, 2 when the arguments or the
 * manifest are unusable.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits');
/** A path inside the pages folder: relative, no "..", so a manifest cannot point outside it. */
const relativeFile = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'file must be a relative path inside the folder');

export const realPageSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  site: z.enum(['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'threads', 'whatsapp']),
  host: z.string().min(1),
  file: relativeFile,
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  path: z.string().min(1),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  capturedAt: z.string().regex(/^\d{4}(-\d{2})?$/),
  licence: z.string().min(1),
  language: z.string().min(2),
  kind: z.enum(['capture', 'reproduction']),
  layout: z.string(),
  actions: z.array(z.object({ action: z.string(), selector: z.string(), where: z.string() }).passthrough()),
  split: z.enum(['development', 'report']),
  /**
   * Which addition the page came with (1 = the first corpus). Splits are checked batch by batch:
   * see splitProblems. Absent means 1.
   */
  batch: z.number().int('batch must be a whole number').positive('batch must be 1 or more').optional(),
  sha256: sha256Hex,
  original: z.object({ file: relativeFile, sha256: sha256Hex }).passthrough(),
});
export type RealPage = z.infer<typeof realPageSchema>;
export const realPagesManifestSchema = z
  .array(realPageSchema)
  .refine((pages) => new Set(pages.map((p) => p.id)).size === pages.length, 'page ids must be unique');

export type FileStatus = 'ok' | 'missing' | 'changed';
export interface PageReport {
  id: string;
  site: RealPage['site'];
  split: RealPage['split'];
  served: FileStatus;
  original: FileStatus;
}

function fileStatus(folder: string, file: string, expected: string): FileStatus {
  const full = resolve(folder, file);
  if (!full.startsWith(resolve(folder) + sep) || !existsSync(full) || !statSync(full).isFile()) return 'missing';
  return createHash('sha256').update(readFileSync(full)).digest('hex') === expected ? 'ok' : 'changed';
}

/** Compares the folder with the manifest; reads files, never writes. */
export function checkRealPages(folder: string, pages: readonly RealPage[]): PageReport[] {
  return pages.map((p) => ({
    id: p.id,
    site: p.site,
    split: p.split,
    served: fileStatus(folder, p.file, p.sha256),
    original: fileStatus(folder, p.original.file, p.original.sha256),
  }));
}

export interface SplitProblem {
  id: string;
  batch: number;
  split: RealPage['split'];
  /** the split the rule gives the page at its position */
  rule: RealPage['split'];
  /** 0-based position among its site's pages of batches up to its own */
  position: number;
}

/**
 * The fixed split rule (docs/real-pages.md), replayed batch by batch: per site, the pages of
 * batches 1..k ordered by capturedAt descending, ties by id ascending (plain string order); a page
 * of batch k must have the split of its position (0, 2, 4, … report). Earlier pages are not checked
 * again at later batches: they keep their split (a page never moves), so adding pages can never
 * turn a report page into a development page. Returns the pages that break the rule.
 */
export function splitProblems(pages: readonly RealPage[]): SplitProblem[] {
  const problems: SplitProblem[] = [];
  const batchOf = (p: RealPage) => p.batch ?? 1;
  const batches = [...new Set(pages.map(batchOf))].sort((a, b) => a - b);
  const sites = [...new Set(pages.map((p) => p.site))];
  for (const site of sites) {
    for (const batch of batches) {
      const sofar = pages
        .filter((p) => p.site === site && batchOf(p) <= batch)
        .sort((a, b) => (a.capturedAt === b.capturedAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.capturedAt < b.capturedAt ? 1 : -1));
      sofar.forEach((p, position) => {
        if (batchOf(p) !== batch) return;
        const rule = position % 2 === 0 ? 'report' : 'development';
        if (p.split !== rule) problems.push({ id: p.id, batch, split: p.split, rule, position });
      });
    }
  }
  return problems;
}

/** Parses manifest text; throws an Error naming the first problem. */
export function parseManifest(text: string): RealPage[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`manifest is not JSON: ${(e as Error).message}`);
  }
  const parsed = realPagesManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`manifest is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown'}`);
  }
  return parsed.data;
}

const argsSchema = z.object({
  folder: z.string().min(1),
  manifest: z.string().min(1),
  split: z.enum(['development', 'report']).optional(),
});

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const here = dirname(fileURLToPath(import.meta.url));
  const raw: Record<string, string | undefined> = {
    manifest: join(here, '..', 'tests', 'fixtures', 'real-pages', 'manifest.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--manifest' || a === '--split') raw[a.slice(2)] = argv[++i];
    else if (!a.startsWith('--') && raw.folder === undefined) raw.folder = a;
    else throw new Error(`unknown argument: ${a}`);
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new Error('usage: real-pages.ts <folder> [--manifest <file>] [--split report|development]');
  return parsed.data;
}

function main(argv: string[]): number {
  let args: z.infer<typeof argsSchema>;
  let pages: RealPage[];
  try {
    args = parseArgs(argv);
    pages = parseManifest(readFileSync(args.manifest, 'utf8'));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const chosen = args.split ? pages.filter((p) => p.split === args.split) : pages;
  const reports = checkRealPages(args.folder, chosen);
  for (const r of reports) {
    const mark = r.served === 'ok' && r.original === 'ok' ? 'ok     ' : 'PROBLEM';
    console.log(`${mark} ${r.site.padEnd(9)} ${r.split.padEnd(11)} ${r.id}  page=${r.served} original=${r.original}`);
  }
  const bad = reports.filter((r) => r.served !== 'ok' || r.original !== 'ok');
  const sites = ['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'threads', 'whatsapp'] as const;
  const misplaced = splitProblems(pages);
  for (const m of misplaced)
    console.log(`SPLIT   ${m.id} (batch ${m.batch}) is ${m.split}; at position ${m.position} the rule gives ${m.rule}`);
  const perSite = sites.map((s) => `${s}=${reports.filter((r) => r.site === s && r.served === 'ok').length}`).join(' ');
  console.log(`\n${reports.length - bad.length}/${reports.length} pages present and unchanged (${perSite})`);
  if (bad.length) {
    console.log('missing or changed:');
    for (const r of bad) console.log(`  ${r.id}: page ${r.served}, original ${r.original}`);
  }
  return bad.length || misplaced.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
