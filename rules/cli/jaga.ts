#!/usr/bin/env node
/**
 * `jaga`: the rule maintainers' command-line tool. One file per subcommand under ./commands,
 * each exporting `run(argv: string[]): Promise<number>` (the exit code) and `summary`.
 * Run as `npm run --silent jaga -- <subcommand> [args]`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<Command> {
  return (await import(join(commandsDir, `${name}.ts`))) as Command;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = commandNames();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = await Promise.all(names.map(async (n) => `  ${n.padEnd(10)} ${(await load(n)).summary}`));
    process.stdout.write(`Usage: jaga <subcommand> [options]\n\nSubcommands:\n${lines.join('\n')}\n`);
    return name ? 0 : 2;
  }
  if (!names.includes(name)) {
    process.stderr.write(`jaga: unknown subcommand "${name}". Try: ${names.join(', ')}\n`);
    return 2;
  }
  return (await load(name)).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`jaga: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
