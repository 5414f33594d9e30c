/**
 * `npx tsx scripts/eval/build.ts [DIR]`: turns the public sources kept under DIR/raw/<owner+name>/<path>
 * (default DIR: $JAGA_EVAL_DATA or .local/eval-data in the checkout; fetched from the commits listed in sources.ts, never
 * committed) into DIR/jsonl/<source>.jsonl lines `{text, at, source, split, platform, kind, names,
 * hashtag, electionWords}`. A missing file is reported and skipped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { label } from './label.ts';
import { CAMPAIGN, MAX_PER_SOURCE, SOURCES, type Source } from './sources.ts';
import { evalDataDir } from '../local-data.ts';

export const DEFAULT_EVAL_DIR = evalDataDir();

export interface EvalLine {
  text: string;
  at: string;
  source: string;
  split: Source['split'];
  platform: Source['platform'];
  kind: Source['kind'];
  names: boolean;
  /** the contests it names (scripts/eval/label.ts); absent in lines built before they were recorded */
  contests?: string[];
  /** names was decided by a human annotation (scripts/eval/annotations.ts) */
  annotated?: boolean;
  hashtag: boolean;
  electionWords: boolean;
}

function campaignDay(source: Source, own: string | undefined): string {
  const race = CAMPAIGN[source.race ?? 'pilpres'];
  return own && own >= race.from && own <= race.to ? own : race.day;
}

export function buildSource(dir: string, source: Source): { lines: EvalLine[]; missing: string[] } {
  const seen = new Set<string>();
  const lines: EvalLine[] = [];
  const missing: string[] = [];
  for (const f of source.files) {
    const path = join(dir, 'raw', source.repo.replace('/', '+'), f.path);
    if (!existsSync(path)) {
      missing.push(path);
      continue;
    }
    for (const r of f.read(readFileSync(path, 'utf8'))) {
      const text = r.text.trim();
      const key = text.toLowerCase().replace(/\s+/g, ' ');
      if (text.length < 3 || seen.has(key) || lines.length >= MAX_PER_SOURCE) continue;
      seen.add(key);
      lines.push({
        text, at: campaignDay(source, r.date), source: source.id, split: source.split,
        platform: source.platform, kind: source.kind, ...label(text),
      });
    }
  }
  return { lines, missing };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? DEFAULT_EVAL_DIR;
  mkdirSync(join(dir, 'jsonl'), { recursive: true });
  for (const s of SOURCES) {
    const { lines, missing } = buildSource(dir, s);
    for (const m of missing) console.error(`missing: ${m}`);
    writeFileSync(join(dir, 'jsonl', `${s.id}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    console.log(`${s.id.padEnd(26)} ${s.split.padEnd(11)} ${String(lines.length).padStart(5)} texts, ${lines.filter((l) => l.names).length} naming a candidate or party`);
  }
}
