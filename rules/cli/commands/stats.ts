/** `jaga stats [PATH] [--json]`: coverage counts of a rule set. */
import { DEFAULT_DATA_DIR } from '../../data/index.ts';
import { bundleStats, loadAnyBundle } from '../../data/tools.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'coverage counts (parties, contests, contestants, persons, hashtags, accounts, examples…) [--json]';

const USAGE = 'usage: jaga stats [PATH] [--json]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'] });
  if (args.error) return usageError(args.error, USAGE);
  if (args.positional.length > 1) return usageError('at most one PATH', USAGE);
  let bundle: ReturnType<typeof loadAnyBundle>;
  try {
    bundle = loadAnyBundle(args.positional[0] ?? DEFAULT_DATA_DIR);
  } catch (error) {
    process.stderr.write(`jaga stats: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const s = bundleStats(bundle);
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
      ].join('\n') + '\n',
    );
  }
  return 0;
}
