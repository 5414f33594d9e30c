/** Tiny argument parser shared by the `jaga` subcommands: `--name value`, `--name=value`, `--flag`. */

export interface ParsedArgs {
  values: Record<string, string | undefined>;
  flags: Record<string, boolean>;
  positional: string[];
  error?: string;
}

export function parseArgs(argv: string[], spec: { values?: string[]; flags?: string[] }): ParsedArgs {
  const values: Record<string, string | undefined> = {};
  const flags: Record<string, boolean> = {};
  const positional: string[] = [];
  const valueNames = new Set(spec.values ?? []);
  const flagNames = new Set(spec.flags ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (flagNames.has(name) && eq === -1) {
      flags[name] = true;
    } else if (valueNames.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { values, flags, positional, error: `--${name} needs a value` };
      values[name] = value;
    } else {
      return { values, flags, positional, error: `unknown option --${name}` };
    }
  }
  return { values, flags, positional };
}

export function usageError(message: string, usage: string): number {
  process.stderr.write(`jaga: ${message}\n${usage}\n`);
  return 2;
}
