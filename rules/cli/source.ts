/** Loading the rule source for the `jaga` subcommands that need it to validate first. */
import { DEFAULT_DATA_DIR, SourceBundleError, loadSource, type LoadedSource } from '../data/index.ts';

/**
 * The rule source at `path` (default: rules/data), or null when it does not validate: then every error
 * (a missing path included) is printed as `error: …` and a last line `<command>: <failure>` says what
 * did not happen. Anything else is thrown as it is.
 */
export function loadValidSource(command: string, path: string | undefined, failure: string): LoadedSource | null {
  try {
    return loadSource(path ?? DEFAULT_DATA_DIR);
  } catch (error) {
    if (!(error instanceof SourceBundleError)) throw error;
    for (const e of error.errors) process.stderr.write(`error: ${e}\n`);
    process.stderr.write(`${command}: ${failure}\n`);
    return null;
  }
}
