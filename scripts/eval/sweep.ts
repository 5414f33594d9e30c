/**
 * `npx tsx scripts/eval/sweep.ts [--only NAME] [--show NAME]`: the operating-point sweep of docs/engine.md
 * ("The operating point"). For each setting of the evidence weights (which single cues confirm a
 * context-requiring name alone) it prints, on the DEVELOPMENT split only, named → medium or high, everyday
 * medium or high (all and per source) and process news above low (the sources measured before, and the
 * sixth batch apart). Report lines are never kept in memory: the split rule says their results are read
 * once, after the choice. `--show NAME` prints the development everyday and process-news texts that
 * setting turns medium or high, to read why. Reads $JAGA_EVAL_DATA/jsonl (or .local/eval-data/jsonl).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWordAutomaton } from '../../rules/automaton.ts';
import { compileBundle } from '../../rules/compile.ts';
import { loadDefaultBundle } from '../../rules/data/index.ts';
import { loadEngine } from '../../rules/engine.ts';
import { EVIDENCE } from '../../rules/severity.ts';
import type { EvalLine } from './build.ts';
import { evalDataDir } from '../local-data.ts';

/** Sources of the sixth batch, whose process news is reported apart from the 43 measured before. */
const SIXTH_BATCH = new Set(['alharkan7-hoax-headlines', 'jibranfawaid-hoax-headlines']);

type Weights = { -readonly [K in keyof typeof EVIDENCE]?: number };
/** The settings swept: the weights changed from the current ones (3 = that cue confirms alone). */
export const SETTINGS: Record<string, Weights> = {
  current: {},
  'honorific alone': { honorific: 3 },
  'praise alone': { praise: 3 },
  'region alone': { region: 3 },
  'office beside alone': { office: 3 },
  '"X aja" alone': { choiceLoose: 3 },
  'support in field alone': { supportField: 3 },
  'ballot number alone': { ballotNumber: 3 },
  'running mate in field alone': { runningMateField: 3 },
  'rival in field alone': { rivalField: 3 },
  'coalition party alone': { coalitionParty: 3 },
  'office further away 2': { officeField: 2 },
  'politics word 2': { politicsField: 2 },
  'threshold 2 (any one cue)': { threshold: 2 },
};

export interface SweepTally {
  named: number; namedHit: number;
  everyday: Map<string, [number, number]>;
  processBefore: [number, number]; processSixth: [number, number];
  shown: string[];
}

export function developmentLines(dir: string): EvalLine[] {
  const lines: EvalLine[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const l = JSON.parse(raw) as EvalLine;
      // the split rule: report texts are not even kept in memory here
      if (l.split === 'development') lines.push(l);
    }
  }
  return lines;
}

export function measure(lines: readonly EvalLine[], weights: Weights, show = false): SweepTally {
  const evidence = EVIDENCE as Record<string, number>;
  const saved = { ...evidence };
  // the policy reads EVIDENCE at each call: the sweep sets it in place and puts it back (never in the product)
  Object.assign(evidence, weights);
  try {
    const engine = loadEngine(compileBundle(loadDefaultBundle()), { wordAutomaton: buildWordAutomaton });
    const t: SweepTally = { named: 0, namedHit: 0, everyday: new Map(), processBefore: [0, 0], processSixth: [0, 0], shown: [] };
    for (const l of lines) {
      const v = engine.evaluate({ text: l.text }, { at: l.at });
      const hit = v.severity === 'medium' || v.severity === 'high';
      if (l.names) (t.named++, hit && t.namedHit++);
      else if (l.kind === 'everyday') {
        const e = t.everyday.get(l.source) ?? [0, 0];
        e[0]++;
        if (hit) e[1]++;
        t.everyday.set(l.source, e);
      }
      const isProcess = l.platform === 'news' && !l.names && l.electionWords;
      if (isProcess) {
        const p = SIXTH_BATCH.has(l.source) ? t.processSixth : t.processBefore;
        p[0]++;
        if (hit) p[1]++;
      }
      if (show && hit && !l.names && (l.kind === 'everyday' || isProcess)) {
        const why = v.reasons.filter((r) => r.severity === 'medium' || r.severity === 'high').map((r) => `${r.kind}:${r.matched}${r.evidence ? ` [${r.evidence.join('; ')}]` : ''}`);
        t.shown.push(`${l.source}\t${why.join(', ')}\t${l.text.replace(/\s+/g, ' ')}`);
      }
    }
    return t;
  } finally {
    Object.assign(evidence, saved);
  }
}

const pct = (a: number, b: number) => `${a}/${b} ${b ? ((100 * a) / b).toFixed(2) : '0'}%`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const dir = join(evalDataDir(), 'jsonl');
  if (!existsSync(dir)) throw new Error(`no eval data in ${dir}: run npx tsx scripts/eval/build.ts`);
  const lines = developmentLines(dir);
  const only = opt('--only');
  const showName = opt('--show');
  const extra = opt('--weights');
  const settings: Record<string, Weights> = extra ? { [extra]: JSON.parse(extra) as Weights } : SETTINGS;
  for (const [name, w] of Object.entries(settings)) {
    if (only && name !== only) continue;
    const t = measure(lines, w, showName === name || extra !== undefined);
    const ev = [...t.everyday.values()].reduce((a, [n, h]) => [a[0] + n, a[1] + h], [0, 0]);
    const worst = [...t.everyday].map(([s, [n, h]]) => [s, h / n] as const).sort((a, b) => b[1] - a[1])[0];
    console.log(
      `${name.padEnd(30)} named→med+ ${pct(t.namedHit, t.named).padEnd(20)} everyday ${pct(ev[1], ev[0]).padEnd(16)} ` +
        `worst source ${worst ? `${worst[0]} ${(100 * worst[1]).toFixed(2)}%` : '—'}  process before ${pct(t.processBefore[1], t.processBefore[0])}  sixth batch ${pct(t.processSixth[1], t.processSixth[0])}`,
    );
    for (const s of t.shown) console.log(`    ${s}`);
  }
}
