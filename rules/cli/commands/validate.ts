/** `jaga validate [PATH]`: schema, cross-references, duplicates and lint warnings of the rule source. */
import { compileBundle, type VariantReport } from '../../compile.ts';
import { DEFAULT_DATA_DIR, loadSourceBundle } from '../../data/index.ts';
import { validateSource } from '../../data/tools.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'check the rule source (default rules/data): schema, references, duplicates, lint warnings';

const USAGE = 'usage: jaga validate [PATH] [--strict] [--quiet]   (PATH: a directory of .yaml files or one file)';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['strict', 'quiet'] });
  if (args.error) return usageError(args.error, USAGE);
  if (args.positional.length > 1) return usageError('at most one PATH', USAGE);
  const path = args.positional[0] ?? DEFAULT_DATA_DIR;
  const report = validateSource(path);
  for (const e of report.errors) process.stderr.write(`error: ${e}\n`);
  if (!args.flags.quiet) for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  if (!report.errors.length) {
    // the spelling-variant generator (rules/variants.ts): what it dropped, so a maintainer can add or veto
    const variants: VariantReport = { compiled: 0, dropped: [] };
    try {
      compileBundle(loadSourceBundle(path), variants);
      if (!args.flags.quiet) {
        for (const d of variants.dropped) process.stderr.write(`note: persons "${d.person}": variant "${d.variant}" of "${d.from}" dropped (${d.why}); keep it with variants.add\n`);
      }
      process.stdout.write(`variants: ${variants.compiled} compiled, ${variants.dropped.length} dropped\n`);
    } catch (error) {
      process.stderr.write(`error: compiling the variants failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  const failed = report.errors.length > 0 || (args.flags.strict === true && report.warnings.length > 0);
  process.stdout.write(
    `${failed ? 'FAILED' : 'OK'}: ${report.files.length} file(s), ${report.errors.length} error(s), ${report.warnings.length} warning(s)\n`,
  );
  return failed ? 1 : 0;
}
