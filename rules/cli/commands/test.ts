/** `jaga test [PATH]`: runs every entry's example sentences through the engine and lists failures. */
import { runExamples } from '../../data/tools.ts';
import { parseArgs, usageError } from '../args.ts';
import { loadValidSource } from '../source.ts';

export const summary = "run every entry's positive/negative examples through the engine (at a day in its campaign) and list failures";

const USAGE = 'usage: jaga test [PATH] [--json]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'] });
  if (args.error) return usageError(args.error, USAGE);
  if (args.positional.length > 1) return usageError('at most one PATH', USAGE);
  const loaded = loadValidSource('jaga test', args.positional[0], 'the source does not validate; run `jaga validate` first');
  if (!loaded) return 1;
  const result = runExamples(loaded.bundle, undefined, loaded.locate);
  if (args.flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const f of result.failures) {
      process.stdout.write(
        `FAIL ${f.polarity} ${f.where} (${f.entry}, at ${f.at}${f.region ? `, region ${f.region}` : ''})\n` +
          `     "${f.text}"\n     got: ${f.got}\n`,
      );
    }
    process.stdout.write(`${result.passed}/${result.total} examples passed, ${result.failures.length} failed\n`);
  }
  return result.failures.length ? 1 : 0;
}
