/**
 * `npx tsx scripts/eval/build.ts [DIR]`: turns the public sources kept under DIR/raw/<owner+name>/<path>
 * (default DIR: $JAGA_EVAL_DATA or .local/eval-data in the checkout; fetched from the commits listed in sources.ts, never
 * committed) into DIR/jsonl/<source>.jsonl lines `{text, at, source, split, platform, kind, names,
 * hashtag, electionWords}`. A missing file is reported and skipped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { label } from './label.ts';
import { CAMPAIGN, MAX_PER_SOURCE, type RawRecord, SOURCES, type Source } from './sources.ts';
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
  /** the title or caption of the video or post the text is under (sources.ts `RawRecord.context`) */
  context?: string;
}

function campaignDay(source: Source, own: string | undefined, contests: readonly string[]): string {
  const pilkada = contests.some((c) => c !== 'pilpres' && c !== 'party') && !contests.includes('pilpres');
  const race = CAMPAIGN[source.raceByLabel && pilkada ? 'pilkada' : source.race ?? 'pilpres'];
  return own && own >= race.from && own <= race.to ? own : race.day;
}

/** The de-duplication key of a text: case and runs of white space ignored. */
const dedupKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The records of a source's files that are present, and the paths of those that are not. */
function records(dir: string, source: Source): { texts: RawRecord[]; missing: string[] } {
  const texts: RawRecord[] = [];
  const missing: string[] = [];
  for (const f of source.files) {
    const path = join(dir, 'raw', source.repo.replace('/', '+'), f.path);
    if (!existsSync(path)) missing.push(path);
    else for (const r of f.read(readFileSync(path, 'utf8'))) texts.push({ ...r, text: r.text.trim() });
  }
  return { texts, missing };
}

/**
 * The de-duplication keys of every report text present: a development source drops a text that a report
 * source also holds (two sets of one fact-checker's headlines), so no report text is ever studied. Only keys
 * are kept here; the texts are neither printed nor returned.
 */
export function reportKeys(dir: string, sources: readonly Source[]): Set<string> {
  const keys = new Set<string>();
  for (const s of sources) if (s.split === 'report') for (const r of records(dir, s).texts) keys.add(dedupKey(r.text));
  return keys;
}

export function buildSource(
  dir: string,
  source: Source,
  report: ReadonlySet<string> = new Set(),
): { lines: EvalLine[]; missing: string[]; overlap: number } {
  const seen = new Set<string>();
  const lines: EvalLine[] = [];
  const { texts, missing } = records(dir, source);
  let overlap = 0;
  for (const r of texts) {
    const text = r.text;
    const key = dedupKey(text);
    if (text.length < 3 || seen.has(key) || lines.length >= (source.max ?? MAX_PER_SOURCE)) continue;
    seen.add(key);
    if (source.split === 'development' && report.has(key)) {
      overlap++;
      continue;
    }
    const labels = label(text);
    lines.push({
      text, at: campaignDay(source, r.date, labels.contests), source: source.id, split: source.split,
      platform: source.platform, kind: source.kind, ...labels, ...(r.context ? { context: r.context } : {}),
    });
  }
  return { lines, missing, overlap };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? DEFAULT_EVAL_DIR;
  mkdirSync(join(dir, 'jsonl'), { recursive: true });
  const report = reportKeys(dir, SOURCES);
  for (const s of SOURCES) {
    const { lines, missing, overlap } = buildSource(dir, s, report);
    if (overlap) console.log(`${s.id}: ${overlap} texts dropped, also held by a report source`);
    for (const m of missing) console.error(`missing: ${m}`);
    writeFileSync(join(dir, 'jsonl', `${s.id}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    console.log(`${s.id.padEnd(26)} ${s.split.padEnd(11)} ${String(lines.length).padStart(5)} texts, ${lines.filter((l) => l.names).length} naming a candidate or party`);
  }
}
