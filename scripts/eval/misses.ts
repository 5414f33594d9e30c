/**
 * `npx tsx scripts/eval/misses.ts [--source ID] [--max N]`: lists the DEVELOPMENT posts that name a 2024
 * candidate or party (scripts/eval/label.ts) but come out none or low, per source, with the engine's
 * reasons, so their failure classes can be counted (docs/engine.md, "Evaluation split"). Report lines are
 * never printed: the split rule says their misses are not read, so `developmentMisses` filters them out
 * before the engine sees them. Reads $JAGA_EVAL_DATA/jsonl (or .local/eval-data/jsonl).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWordAutomaton } from '../../rules/automaton.ts';
import { compileBundle } from '../../rules/compile.ts';
import { loadDefaultBundle } from '../../rules/data/index.ts';
import { type Engine, loadEngine } from '../../rules/engine.ts';
import type { EvalLine } from './build.ts';
import { evalDataDir } from '../local-data.ts';

export interface Miss {
  source: string;
  text: string;
  severity: string;
  /** the reasons' kind and matched text ("ambiguous:airin"), to see what was found but not counted */
  found: string[];
}

/** The development lines naming someone that the engine leaves at none or low; report lines are skipped. */
export function developmentMisses(lines: Iterable<EvalLine>, engine: Pick<Engine, 'evaluate'>): Miss[] {
  const out: Miss[] = [];
  for (const l of lines) {
    if (l.split !== 'development' || !l.names) continue;
    const v = engine.evaluate({ text: l.text }, { at: l.at });
    if (v.severity === 'medium' || v.severity === 'high') continue;
    out.push({ source: l.source, text: l.text, severity: v.severity, found: v.reasons.map((r) => `${r.kind}:${r.matched}`) });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = opt('--source');
  const max = Number(opt('--max') ?? Infinity);
  const dir = join(evalDataDir(), 'jsonl');
  if (!existsSync(dir)) throw new Error(`no eval data in ${dir}: run npx tsx scripts/eval/build.ts`);
  const engine = loadEngine(compileBundle(loadDefaultBundle()), { wordAutomaton: buildWordAutomaton });
  const lines: EvalLine[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const l = JSON.parse(raw) as EvalLine;
      // the split rule: report texts are not even kept in memory here
      if (l.split === 'development' && (!only || l.source === only)) lines.push(l);
    }
  }
  const misses = developmentMisses(lines, engine);
  const bySource = new Map<string, Miss[]>();
  for (const m of misses) bySource.set(m.source, [...(bySource.get(m.source) ?? []), m]);
  for (const [source, ms] of [...bySource].sort()) {
    console.log(`== ${source}: ${ms.length} misses`);
    for (const m of ms.slice(0, max)) console.log(`${m.severity}\t${m.found.join(', ') || '-'}\t${m.text.replace(/\s+/g, ' ')}`);
  }
}
