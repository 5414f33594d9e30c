/** `jaga validate [PATH]`: schema, cross-references, duplicates and lint warnings of the rule source. */
import { DEFAULT_DATA_DIR } from '../../data/index.ts';
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
  const failed = report.errors.length > 0 || (args.flags.strict === true && report.warnings.length > 0);
  process.stdout.write(
    `${failed ? 'FAILED' : 'OK'}: ${report.files.length} file(s), ${report.errors.length} error(s), ${report.warnings.length} warning(s)\n`,
  );
  return failed ? 1 : 0;
}
