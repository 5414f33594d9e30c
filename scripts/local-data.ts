/**
 * Where the third-party material that never goes into git is kept on this machine: the evaluation
 * texts (docs/engine.md, "Evaluation split"), the real-page captures (docs/real-pages.md) and the
 * real photographs of the photo check (docs/photo-check.md, "Evaluation"). All
 * default to folders under `.local/` in the checkout, which .gitignore keeps out of commits; an
 * environment variable points elsewhere (an empty one counts as unset).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

type Env = Record<string, string | undefined>;

/** The evaluation texts: `raw/<owner+name>/<path>` as fetched, `jsonl/` as built by scripts/eval/build.ts. */
export function evalDataDir(env: Env = process.env): string {
  return env.JAGA_EVAL_DATA || join(REPO_ROOT, '.local', 'eval-data');
}

/** The real-page captures: `<site>/<id>.html` plus the corpus manifest.json. */
export function realPagesDir(env: Env = process.env): string {
  return env.JAGA_REAL_PAGES || join(REPO_ROOT, '.local', 'real-pages');
}

/** The photo evaluation: `photos/` as copied by scripts/photos/real-eval.ts, `landmarks/` as cached. */
export function photoEvalDir(env: Env = process.env): string {
  return env.JAGA_PHOTO_EVAL || join(REPO_ROOT, '.local', 'photo-eval');
}
