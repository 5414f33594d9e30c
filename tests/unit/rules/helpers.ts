import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileBundle } from '../../../rules/compile.ts';
import { loadEngine, type Engine, type Severity } from '../../../rules/engine.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { parseRuleBundle, type RuleBundle } from '../../../rules/schema.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function devBundle(): RuleBundle {
  const r = parseRuleBundle(parse(readFileSync(join(ROOT, 'tests/fixtures/dev-bundle.yaml'), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bundle;
}

let cached: Engine | undefined;
export function devEngine(): Engine {
  return (cached ??= loadEngine(JSON.parse(JSON.stringify(compileBundle(devBundle())))));
}

let shipped: Engine | undefined;
/** The engine of the shipped rules (rules/data), compiled once per test file (vitest isolates files). */
export function shippedEngine(): Engine {
  return (shipped ??= loadEngine(compileBundle(loadDefaultBundle())));
}

/**
 * The shipped rules' severity for a text on a day: the table tests' one question. Compiles when
 * called (at a file's top level, so the seconds of compiling fall outside any test's timeout).
 */
export function severityOn(at: string): (text: string) => Severity {
  const engine = shippedEngine();
  return (text) => engine.evaluate({ text }, { at }).severity;
}

/** What the product warns on by default: medium or high. */
export const warns = (severity: string): boolean => severity === 'medium' || severity === 'high';

/**
 * The shipped rules as a base for the importer's tests: without the DPR and DPD lists (10,000 candidates,
 * rules/data/dp[rd]-2024-*.yaml; the samples need none of them, and compiling them and running their 50,000
 * example sentences took longer than a test may), and with every person whose name or alias holds one of the
 * samples' names (a whole word run) renamed "… (rules/data)" and such aliases dropped, so that a sample is not
 * imported as a namesake of a real candidate.
 */
export function importBase(sampleNames: readonly string[]): RuleBundle {
  const holdsSample = (name: string) => sampleNames.some((n) => ` ${name.toLowerCase()} `.includes(` ${n} `));
  const termOf = (a: string | { term: string }) => (typeof a === 'string' ? a : a.term);
  const shipped = loadDefaultBundle();
  const listContests = new Set(shipped.contests.filter((c) => /^dp[rd]-2024-/.test(c.id)).map((c) => c.id));
  const personsOf = (contests: RuleBundle['contests']) => new Set(contests.flatMap((c) => c.contestants.flatMap((k) => k.persons)));
  const elsewhere = personsOf(shipped.contests.filter((c) => !listContests.has(c.id)));
  const listed = personsOf(shipped.contests.filter((c) => listContests.has(c.id)));
  return {
    ...shipped,
    contests: shipped.contests.filter((c) => !listContests.has(c.id)),
    persons: shipped.persons
      .filter((p) => !listed.has(p.id) || elsewhere.has(p.id))
      .map((p) =>
        holdsSample(p.name) || p.aliases?.some((a) => holdsSample(termOf(a)))
          ? { ...p, name: `${p.name} (rules/data)`, aliases: p.aliases?.filter((a) => !holdsSample(termOf(a))) }
          : p,
      ),
  };
}
