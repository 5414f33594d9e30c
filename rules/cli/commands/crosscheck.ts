/** `jaga crosscheck PKWKK PKWKP`: the Pilkada 2024 races of the rules against KPU Sirekap's candidate files. */
import { readFileSync } from 'node:fs';
import { crosscheck, formatTable, readSirekapFile, SirekapFileError, type SirekapRace } from '../../../scripts/data/crosscheck-pilkada.ts';
import { DEFAULT_DATA_DIR } from '../../data/index.ts';
import { loadAnyBundle } from '../../data/tools.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary =
  'compare the Pilkada 2024 races with KPU Sirekap candidate files (pkwkk.json pkwkp.json) [--rules PATH] [--all] [--json]';

const USAGE = `usage: jaga crosscheck PKWKK.json PKWKP.json [--rules PATH] [--all] [--json]
  PKWKK.json, PKWKP.json  KPU Sirekap's regent/mayor and governor candidate files
  --rules  the rule set: a source directory, a YAML file or a built bundle (default rules/data)
  --all    list the races that agree too (default: only those that differ or are not in Sirekap)
  --json   the whole result as JSON
Exit code 1 when a race differs.`;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['rules'], flags: ['all', 'json'] });
  if (args.error) return usageError(args.error, USAGE);
  if (args.positional.length !== 2) return usageError('give the two Sirekap files, pkwkk.json and pkwkp.json', USAGE);
  const sirekap = new Map<string, SirekapRace>();
  try {
    for (const file of args.positional) {
      for (const [region, race] of readSirekapFile(readFileSync(file, 'utf8'), file)) sirekap.set(region, race);
    }
  } catch (error) {
    if (!(error instanceof SirekapFileError) && !(error instanceof Error && 'code' in error)) throw error;
    process.stderr.write(`jaga crosscheck: ${error.message}\n`);
    return 1;
  }
  let bundle: ReturnType<typeof loadAnyBundle>;
  try {
    bundle = loadAnyBundle(args.values.rules ?? DEFAULT_DATA_DIR);
  } catch (error) {
    process.stderr.write(`jaga crosscheck: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const result = crosscheck(bundle, sirekap);
  if (args.flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(formatTable(result, { all: args.flags.all }));
  return result.summary.racesDiffer ? 1 : 0;
}
