/**
 * `npm run bench -- quality`: the engine on the public eval sets of issue #17 (built by
 * scripts/eval/build.ts into $JAGA_EVAL_DATA/jsonl or .local/eval-data/jsonl; never committed). Prints per
 * source, per platform and per split (development and report apart): recall of posts naming a 2024
 * candidate or party (medium or high), the everyday medium-or-high rate, the high rate of posts with a
 * campaign hashtag, and process news (naming nobody) above low; then recall per contest named (the
 * Pilpres, each province's governor race, parties) and how many Pilkada provinces the sets cover; then, per
 * split, what decided the everyday medium-or-high hits and the process-news above-low hits (kind of entity
 * and evidence, scripts/eval/breakdown.ts; counts only, never texts); last, the same lines checked as met
 * (scripts/eval/as-met.ts: liked, with the video title a comment is under). Skips with a message when no data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWordAutomaton } from '../../rules/automaton.ts';
import { compileBundle } from '../../rules/compile.ts';
import { loadDefaultBundle } from '../../rules/data/index.ts';
import { loadEngine } from '../../rules/engine.ts';
import { AsMetReport, pct, warns } from '../eval/as-met.ts';
import type { EvalLine } from '../eval/build.ts';
import { DeciderTally } from '../eval/breakdown.ts';
import { evalDataDir } from '../local-data.ts';

export const name = 'quality';

/** A province counts as covered when at least this many posts name one of its candidates. */
const MIN_PER_PROVINCE = 20;

interface Tally {
  named: number; namedHit: number;
  everyday: number; everydayHit: number;
  tagged: number; taggedHigh: number;
  process: number; processAboveLow: number;
}
const empty = (): Tally => ({ named: 0, namedHit: 0, everyday: 0, everydayHit: 0, tagged: 0, taggedHigh: 0, process: 0, processAboveLow: 0 });

/** process news: a news text that names nobody (by the labels) and uses election vocabulary */
const isProcess = (l: EvalLine) => l.platform === 'news' && !l.names && l.electionWords;

function add(t: Tally, l: EvalLine, severity: string): void {
  const hit = warns(severity);
  if (l.names) (t.named++, hit && t.namedHit++);
  else if (l.kind === 'everyday') (t.everyday++, hit && t.everydayHit++);
  if (l.hashtag) (t.tagged++, severity === 'high' && t.taggedHigh++);
  if (isProcess(l)) (t.process++, severity !== 'none' && severity !== 'low' && t.processAboveLow++);
}

function row(label: string, t: Tally): string {
  return `  ${label.padEnd(34)} named→med+ ${pct(t.namedHit, t.named).padEnd(20)} everyday med+ ${pct(t.everydayHit, t.everyday).padEnd(16)} hashtag high ${pct(t.taggedHigh, t.tagged).padEnd(16)} process>low ${pct(t.processAboveLow, t.process)}`;
}

export async function run(): Promise<void> {
  const dir = join(evalDataDir(), 'jsonl');
  if (!existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.jsonl'))) {
    console.log(`  no eval data in ${dir}: fetch the sources listed in docs/engine.md ("Evaluation split") and run npx tsx scripts/eval/build.ts`);
    return;
  }
  const engine = loadEngine(compileBundle(loadDefaultBundle()), { wordAutomaton: buildWordAutomaton });
  const bySource = new Map<string, Tally>();
  const byPlatform = new Map<string, Tally>();
  const bySplit = new Map<string, Tally>();
  const byContest = new Map<string, Tally>();
  const asMet = new AsMetReport(engine);
  const everydayBy = new Map<string, DeciderTally>();
  const processBy = new Map<string, DeciderTally>();
  const get = <T,>(m: Map<string, T>, k: string, make: () => T = empty as () => T) => m.get(k) ?? (m.set(k, make()), m.get(k)!);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const l = JSON.parse(raw) as EvalLine;
      const verdict = engine.evaluate({ text: l.text }, { at: l.at });
      const { severity } = verdict;
      if (!l.names && l.kind === 'everyday' && warns(severity)) get(everydayBy, l.split, () => new DeciderTally()).add(verdict);
      if (isProcess(l) && severity !== 'none' && severity !== 'low') get(processBy, l.split, () => new DeciderTally()).add(verdict);
      add(get(bySource, `${l.split === 'report' ? 'R' : 'D'} ${l.source}`), l, severity);
      add(get(byPlatform, `${l.split} · ${l.platform}`), l, severity);
      add(get(bySplit, l.split), l, severity);
      for (const c of l.contests ?? []) add(get(byContest, `${l.split} · ${c}`), l, severity);
      asMet.add(l, severity);
    }
  }
  for (const [title, m] of [['per source (D development, R report)', bySource], ['per platform', byPlatform], ['per split', bySplit]] as const) {
    console.log(`  ${title}:`);
    for (const k of [...m.keys()].sort()) console.log(row(k, m.get(k)!));
  }
  console.log('  per contest named (posts naming it → medium or high):');
  for (const k of [...byContest.keys()].sort()) console.log(`  ${k.padEnd(34)} ${pct(byContest.get(k)!.namedHit, byContest.get(k)!.named)}`);
  for (const split of ['development', 'report']) {
    const provinces = [...byContest.entries()]
      .filter(([k, t]) => k.startsWith(`${split} · `) && t.named >= MIN_PER_PROVINCE)
      .map(([k]) => k.slice(split.length + 3))
      .filter((c) => c !== 'pilpres' && c !== 'party');
    console.log(`  Pilkada provinces with ≥ ${MIN_PER_PROVINCE} posts naming a candidate, ${split}: ${provinces.length} (${provinces.join(', ') || '—'})`);
  }
  for (const [title, m] of [['everyday medium or high', everydayBy], ['process news above low', processBy]] as const) {
    for (const split of ['development', 'report']) {
      const t = m.get(split);
      console.log(`  what decided the ${title}, ${split} (${t?.total ?? 0}):`);
      for (const line of t?.lines() ?? ['—']) console.log(`    ${line}`);
    }
  }
  for (const line of asMet.lines()) console.log(line);
}
