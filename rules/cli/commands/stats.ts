/** `jaga stats [PATH] [--json] [--at YYYY-MM-DD]`: coverage counts of a rule set, and what is live that day. */
import { compileBundle } from '../../compile.ts';
import { DEFAULT_DATA_DIR } from '../../data/index.ts';
import { bundleStats, loadAnyBundle } from '../../data/tools.ts';
import { dayAt, phaseSummary } from '../../phase.ts';
import { IsoDateSchema } from '../../schema.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'coverage counts (parties, contests, contestants, persons, hashtags, accounts, examples…) and contests per phase [--json] [--at DAY]';

const USAGE = 'usage: jaga stats [PATH] [--json] [--at YYYY-MM-DD]  (--at: the day whose phases to count; default today, Western Indonesia time)';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], values: ['at'] });
  if (args.error) return usageError(args.error, USAGE);
  if (args.positional.length > 1) return usageError('at most one PATH', USAGE);
  const at = args.values.at;
  if (at !== undefined && !IsoDateSchema.safeParse(at).success) return usageError(`--at "${at}" is not a calendar day YYYY-MM-DD`, USAGE);
  let bundle: ReturnType<typeof loadAnyBundle>;
  try {
    bundle = loadAnyBundle(args.positional[0] ?? DEFAULT_DATA_DIR);
  } catch (error) {
    process.stderr.write(`jaga stats: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  // the same compiled day ranges the engine decides "in season" from
  const phases = phaseSummary(compileBundle(bundle).contests, dayAt(at));
  const s = { ...bundleStats(bundle), contestsByPhase: phases };
  if (args.flags.json) process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
  else {
    const kinds = Object.entries(s.contestsByKind).map(([k, n]) => `${k} ${n}`).join(', ');
    process.stdout.write(
      [
        `bundle version   ${s.version}`,
        `parties          ${s.parties} (${s.nationalParties} national, ${s.localParties} local)`,
        `contests         ${s.contests} (${kinds})`,
        `contestants      ${s.contestants}`,
        `persons          ${s.persons} (${s.personsWithOffices} with offices)`,
        `hashtags         ${s.hashtags}`,
        `accounts         ${s.accounts}`,
        `examples         ${s.examples}`,
        `sources          ${s.sources} distinct URLs`,
        `hari ini (${phases.date}) kampanye ${phases.campaign}, pemungutan ${phases.voting}, pemungutan ulang ${phases.revote} (${phases.inSeason} dari ${phases.contests} kontestasi dalam tahapan)`,
      ].join('\n') + '\n',
    );
  }
  return 0;
}
