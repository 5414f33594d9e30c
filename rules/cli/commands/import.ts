/** `jaga import`: public structured data (KPU JSON, CSV, seeders) into rule sources with provenance. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_DATA_DIR } from '../../data/index.ts';
import { IMPORT_FORMATS, runImport, type ImportFormat } from '../../import/index.ts';
import { NATIONAL_DIR, leaveOut, loadWithNational } from '../../import/national.ts';
import { ImportOriginSchema } from '../../import/provenance.ts';
import { parseCsvRows } from '../../import/csv.ts';
import { IMPORT_KINDS, normalizeRegion, type ImportKind } from '../../import/records.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'turn public candidate data (kpu-json | csv | seeder) into rule sources with provenance';

const USAGE = `usage: jaga import --format <${IMPORT_FORMATS.join('|')}> --kind <${IMPORT_KINDS.join('|')}> FILE
         --source <url | owner/name:path@commit> --licence <licence> --fetched <YYYY-MM-DD>
         [--out FILE.yaml] [--district CODE [--district-name NAME]] [--regions regions.csv] [--base DIR] [--national DIR] [--strict] [--names-need-context] [--json]
  --out       write the YAML there (default: standard output); accounts and hashtags are overlays
              (rules/national/overlays/), candidates are rule sources (rules/national/)
  --district  DPR: the electoral district (kode dapil) of a file that holds one district
  --regions   CSV of Kemendagri codes and names ("kode,nama") to name contests whose records carry none
  --base      rules the output is merged with (default rules/data plus rules/national): contests
              already there are skipped, ids stay unique; what the --out file defines is left out of it
  --strict    any broken row fails the import and nothing is written (default: broken rows are reported
              and skipped)
  csv columns of a news transcription (one row per pair): kode_wilayah, nama_wilayah, nomor_urut,
              nama_calon, nama_wakil, koalisi ("PKB; Gerindra"), akronim, instagram, tiktok, x, youtube,
              facebook, threads, and sumber (the row's article URLs; they become its sources)`;

function readRegionNames(path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { cells } of parseCsvRows(readFileSync(path, 'utf8'))) {
    const code = normalizeRegion(cells[0] ?? '');
    if (code && cells[1]) out.set(code, cells[1].trim());
  }
  return out;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['format', 'kind', 'source', 'licence', 'fetched', 'out', 'district', 'district-name', 'regions', 'base', 'national'],
    flags: ['strict', 'json', 'names-need-context'],
  });
  if (args.error) return usageError(args.error, USAGE);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) return usageError('give exactly one input FILE', USAGE);
  const format = args.values.format as ImportFormat | undefined;
  const kind = args.values.kind as ImportKind | undefined;
  if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format)) return usageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`, USAGE);
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) return usageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`, USAGE);
  const origin = ImportOriginSchema.safeParse({ source: args.values.source, licence: args.values.licence, fetchedAt: args.values.fetched });
  if (!origin.success) {
    const flag: Record<string, string> = { source: '--source', licence: '--licence', fetchedAt: '--fetched' };
    return usageError(origin.error.issues.map((i) => `${flag[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`).join('\n'), USAGE);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`jaga: ${file}: cannot read (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  const base = loadWithNational(args.values.base ?? DEFAULT_DATA_DIR, args.values.national ?? NATIONAL_DIR);
  if (!base.bundle) {
    process.stderr.write(`jaga: the base rule set does not validate:\n  ${base.errors.join('\n  ')}\n`);
    return 1;
  }
  // the file being rewritten is not its own base (leaveOut says why)
  const own = args.values.out ? leaveOut(base.bundle, base.files, args.values.out) : { bundle: base.bundle, left: 0 };
  if (own.left) process.stderr.write(`note: ${own.left} entries of ${args.values.out} left out of the base: the import rewrites them\n`);
  const result = runImport({
    format,
    kind,
    text,
    origin: origin.data,
    base: own.bundle,
    ...(args.values.district ? { district: args.values.district } : {}),
    ...(args.values['district-name'] ? { districtName: args.values['district-name'] } : {}),
    ...(args.flags['names-need-context'] ? { namesNeedContext: true } : {}),
    ...(args.values.regions ? { regionNames: readRegionNames(args.values.regions) } : {}),
    // the input by its file name only: where it lies on this machine means nothing to a reader
    command: `jaga import ${argv.map((a) => (a === file ? basename(a) : a)).map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`,
  });
  const r = result.report;
  for (const e of r.errors) process.stderr.write(`error: ${file} ${e.row}: ${e.message}\n`);
  for (const c of r.collisions) process.stderr.write(`everyday: ${c}\n`);
  for (const s of r.skipped) process.stderr.write(`skipped: ${s}\n`);
  for (const n of r.notes) process.stderr.write(`note: ${n}\n`);
  if (args.flags.strict && r.errors.length) {
    process.stdout.write(`FAILED (--strict): ${r.errors.length} broken row(s); nothing written\n`);
    return 1;
  }
  if (args.values.out) writeFileSync(args.values.out, result.yaml);
  else if (!args.flags.json) process.stdout.write(result.yaml);
  const counts = { contests: r.contests, contestants: r.contestants, persons: r.persons, accounts: r.accounts, hashtags: r.hashtags, skippedContests: r.skipped.length, collisions: r.collisions.length, brokenRows: r.errors.length };
  if (args.flags.json) process.stdout.write(`${JSON.stringify(counts)}\n`);
  else process.stderr.write(`imported: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}${args.values.out ? ` → ${args.values.out}` : ''}\n`);
  return 0;
}
