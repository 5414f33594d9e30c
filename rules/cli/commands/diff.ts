/** `jaga diff OLD NEW`: persons, parties, contests, contestants and accounts added/removed/changed. */
import { diffBundles, diffIsEmpty, formatDiff, loadAnyBundle } from '../../data/tools.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'compare two rule sets (source dirs, YAML files or built bundles): what was added, removed, changed';

const USAGE = 'usage: jaga diff OLD NEW [--json]   (each a source directory, a .yaml file or a built bundle .json)';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'] });
  if (args.error) return usageError(args.error, USAGE);
  const [oldPath, newPath, ...rest] = args.positional;
  if (!oldPath || !newPath || rest.length) return usageError('OLD and NEW are required', USAGE);
  let a: ReturnType<typeof loadAnyBundle>;
  let b: ReturnType<typeof loadAnyBundle>;
  try {
    a = loadAnyBundle(oldPath);
    b = loadAnyBundle(newPath);
  } catch (error) {
    process.stderr.write(`jaga diff: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const d = diffBundles(a, b);
  process.stdout.write(args.flags.json ? `${JSON.stringify(d, null, 2)}\n` : `${formatDiff(d)}\n`);
  // like diff(1): 0 = no differences, 1 = differences; errors above also return 1, usage errors 2
  return diffIsEmpty(d) ? 0 : 1;
}
