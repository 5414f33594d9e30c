/**
 * `npx tsx scripts/data/mine-hashtags.ts [--min N] [--column NAME] [--sep C] LABEL=FILE[,FILE…] …`: counts every
 * `#tag` per data set, so the campaign-hashtag passes of docs/coverage.md ("Campaign hashtags") can be
 * repeated. A data set is one public repository's files (kept under `.local/`, never committed); a post
 * that occurs more than once in it (retweets, the same row in two files) counts once, so a tag's count is
 * the number of distinct posts that carry it. Tags are grouped without regard to case; the most frequent
 * spelling is shown. Prints one tab-separated line per tag seen at least `--min` (default 2) times:
 * data set, count, tag, other spellings, and `known` when the shipped rules already have it; the number of
 * distinct posts of each data set goes to stderr.
 *
 * Which of the printed tags are admitted is decided by hand, on the wording, by the rules H1–H6 and C1.
 */
import { readFileSync } from 'node:fs';
import { csvObjects } from '../eval/csv.ts';

/** A hashtag: `#` not glued to a preceding word (so URL fragments and "C#" are not tags), then letters, digits or `_`. */
const HASHTAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_]{2,100})/gu;

/** The hashtags of one text, each once, as written (without `#`); tags of digits only are skipped. */
export function extractHashtags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const m of text.matchAll(HASHTAG)) {
    const tag = m[1]!;
    const key = tag.toLowerCase();
    if (!/\p{L}/u.test(tag) || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export interface TagCount {
  /** the spelling seen most often (the first seen on a tie) */
  tag: string;
  /** distinct posts carrying it */
  count: number;
  /** every spelling, most frequent first */
  forms: string[];
}

/** The key a post is de-duplicated by: case and runs of white space do not make a post new. */
function postKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The posts of a data set, each once (first spelling kept); empty posts are dropped. */
export function distinctPosts(texts: Iterable<string>): string[] {
  const seen = new Set<string>();
  const posts: string[] = [];
  for (const text of texts) {
    const key = postKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    posts.push(text);
  }
  return posts;
}

/** Counts the hashtags of one data set's posts; a post repeated in the set counts once. Sorted by count, then tag. */
export function countHashtags(texts: Iterable<string>): TagCount[] {
  const byKey = new Map<string, { count: number; forms: Map<string, number>; order: string[] }>();
  for (const text of distinctPosts(texts)) {
    for (const tag of extractHashtags(text)) {
      const k = tag.toLowerCase();
      let entry = byKey.get(k);
      if (!entry) byKey.set(k, (entry = { count: 0, forms: new Map(), order: [] }));
      entry.count++;
      if (!entry.forms.has(tag)) entry.order.push(tag);
      entry.forms.set(tag, (entry.forms.get(tag) ?? 0) + 1);
    }
  }
  return [...byKey.values()]
    .map((e) => {
      const forms = [...e.order].sort((a, b) => e.forms.get(b)! - e.forms.get(a)! || e.order.indexOf(a) - e.order.indexOf(b));
      return { tag: forms[0]!, count: e.count, forms };
    })
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/**
 * The posts of one file: with `column`, that column of a CSV (the separator guessed from the header line
 * when not given); without, each line of the file is a post.
 */
export function readPosts(text: string, column?: string, sep?: string): string[] {
  if (!column) return text.split(/\r?\n/);
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const separator = sep ?? ([';', '\t', ','] as const).find((c) => header.split(c).length > 1) ?? ',';
  const rows = csvObjects(text, separator);
  if (rows.length && !(column in rows[0]!)) {
    throw new Error(`no column "${column}" in the header: ${Object.keys(rows[0]!).join(', ')}`);
  }
  return rows.map((r) => r[column] ?? '');
}

export interface MineOptions {
  min: number;
  column?: string;
  sep?: string;
}

/** Parses `--min N`, `--column NAME`, `--sep C` and `LABEL=FILE[,FILE…]` arguments. */
export function parseArgs(argv: readonly string[]): { options: MineOptions; sets: { label: string; files: string[] }[] } {
  const options: MineOptions = { min: 2 };
  const sets: { label: string; files: string[] }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--min' || a === '--column' || a === '--sep') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      if (a === '--min') {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new Error(`--min must be a whole number ≥ 1, not "${value}"`);
        options.min = n;
      } else if (a === '--column') options.column = value;
      else options.sep = value === '\\t' ? '\t' : value;
    } else {
      const eq = a.indexOf('=');
      if (eq <= 0 || eq === a.length - 1) throw new Error(`expected LABEL=FILE[,FILE…], not "${a}"`);
      sets.push({ label: a.slice(0, eq), files: a.slice(eq + 1).split(',') });
    }
  }
  if (!sets.length) throw new Error('no data set given (LABEL=FILE[,FILE…])');
  return { options, sets };
}

async function knownHashtags(): Promise<Set<string>> {
  const { loadDefaultBundle } = await import('../../rules/data/index.ts');
  const known = new Set<string>();
  for (const contest of loadDefaultBundle().contests) {
    for (const c of contest.contestants ?? []) {
      for (const t of [...(c.hashtags ?? []), ...(c.againstHashtags ?? [])]) {
        known.add((typeof t === 'string' ? t : t.term).toLowerCase());
      }
    }
  }
  return known;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { options, sets } = parseArgs(process.argv.slice(2));
    const known = await knownHashtags();
    for (const set of sets) {
      const posts = distinctPosts(set.files.flatMap((f) => readPosts(readFileSync(f, 'utf8'), options.column, options.sep)));
      console.error(`${set.label}: ${posts.length} distinct posts`);
      for (const t of countHashtags(posts)) {
        if (t.count < options.min) break;
        const others = t.forms.slice(1).join(' ');
        console.log([set.label, t.count, t.tag, others, known.has(t.tag.toLowerCase()) ? 'known' : ''].join('\t'));
      }
    }
  } catch (e) {
    console.error(`mine-hashtags: ${(e as Error).message}`);
    process.exit(1);
  }
}
