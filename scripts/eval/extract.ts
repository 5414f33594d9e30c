/**
 * `npx tsx scripts/eval/extract.ts MIRROR_ROOT [DIR]`: copies every file that scripts/eval/sources.ts
 * lists, at the commit it lists, out of the repository snapshots under MIRROR_ROOT
 * (`<owner>+<name>/repo`, bare or with a .git) into DIR/raw/<owner>+<name>/<path> (default DIR:
 * $JAGA_EVAL_DATA or .local/eval-data), and writes DIR/README.md with each file's repository, path,
 * commit, licence and split. Run scripts/eval/build.ts after it. A snapshot that lacks the listed
 * commit is an error (the split and the figures in docs/engine.md are for those commits), unless
 * --head is given, which takes the snapshot's HEAD and says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { evalDataDir } from '../local-data.ts';
import { SOURCES, type Source } from './sources.ts';

function git(dir: string, ...args: string[]): Buffer {
  return execFileSync('git', [`--git-dir=${dir}`, ...args], { maxBuffer: 1 << 29, stdio: ['ignore', 'pipe', 'ignore'] });
}

function has(dir: string, ref: string): boolean {
  try {
    git(dir, 'cat-file', '-e', ref);
    return true;
  } catch {
    return false;
  }
}

export interface ExtractResult {
  /** one README table row per copied file */
  rows: string[];
  /** what could not be copied, one line each */
  missing: string[];
}

/** Copies each listed file of `sources` at its commit (or the snapshot's HEAD with `head`) into `out`/raw. */
export function extract(mirrors: string, out: string, sources: readonly Source[], head = false): ExtractResult {
  const rows: string[] = [];
  const missing: string[] = [];
  for (const src of sources) {
    const bare = join(mirrors, src.repo.replace('/', '+'), 'repo');
    const dir = existsSync(join(bare, '.git')) ? join(bare, '.git') : bare;
    if (!existsSync(dir)) {
      missing.push(`${src.id}: no snapshot of ${src.repo} under ${mirrors}`);
      continue;
    }
    let commit = src.commit;
    if (!has(dir, `${commit}^{commit}`)) {
      if (!head) {
        missing.push(`${src.id}: the snapshot of ${src.repo} lacks commit ${commit} (--head takes its HEAD)`);
        continue;
      }
      commit = git(dir, 'rev-parse', 'HEAD').toString().trim();
      console.warn(`${src.id}: commit ${src.commit} absent, HEAD ${commit} taken`);
    }
    for (const f of src.files) {
      if (!has(dir, `${commit}:${f.path}`)) {
        missing.push(`${src.id}: ${f.path} absent at ${commit}`);
        continue;
      }
      const target = join(out, 'raw', src.repo.replace('/', '+'), f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, git(dir, 'show', `${commit}:${f.path}`));
      rows.push(`| \`${src.id}\` | \`${src.repo}\` | \`${f.path}\` | \`${commit}\` | ${src.licence} | ${src.split} |`);
    }
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'README.md'),
    `# Evaluation texts (not in git: they carry user names)\n\nCopied by scripts/eval/extract.ts; split fixed in docs/engine.md ("Evaluation split").\n\n| source | repository | path | commit | licence | split |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
  return { rows, missing };
}

function main(): void {
  const args = process.argv.slice(2);
  const head = args.includes('--head');
  const [mirrors, out = evalDataDir()] = args.filter((a) => a !== '--head');
  if (!mirrors) throw new Error('usage: extract.ts MIRROR_ROOT [DIR] [--head]');
  const { rows, missing } = extract(mirrors, out, SOURCES, head);
  console.log(`${rows.length} files → ${join(out, 'raw')}`);
  if (missing.length) {
    console.error(missing.join('\n'));
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
