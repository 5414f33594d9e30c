/**
 * The rule engine the content script runs: `loadEngine` reads CompiledRules (rules/tables.ts: decode,
 * structural checks, derived filters), and `evaluate` scans each field of an action's content
 * (rules/matcher.ts) into hits and numbers, which the warning policy (rules/severity.ts) turns into a
 * verdict. This is the content-script path: it must not import zod, rules/schema.ts or rules/compile.ts
 * (tests/unit/rules/imports.test.ts checks it).
 */
import type { ActionContent, ContentField } from './actions.ts';
import type { CompiledRules } from './compiled.ts';
import { Matcher } from './matcher.ts';
import { decide, type BesideName, type Hit, type Num, type PolicyTables } from './severity.ts';
import { decodeRules, entityTables, type DecodedRules, type WordAutomatonBuilder } from './tables.ts';
import { ARRAY_ITEMS_CAP, CONTENT_FIELDS, FIELD_CAP, TOTAL_CAP, type Engine, type EvaluateContext, type Verdict } from './verdict.ts';

export type { Engine, EvaluateContext, Reason, Severity, Verdict } from './verdict.ts';
export { FIELD_CAP, ARRAY_ITEMS_CAP, TOTAL_CAP, MAX_REASONS } from './verdict.ts';

/** Options of loadEngine. */
export interface LoadOptions {
  /**
   * The words beside a context-requiring name as evidence (rules/evidence-beside.ts). rules/engine.ts
   * passes it; the content script loads without it, to carry no word lists, and where those words could
   * confirm a name its verdict says `incomplete` and the background's full engine decides.
   */
  besideName?: BesideName;
  /**
   * Builds a fast path for plain words from the dictionary (pass `buildWordAutomaton` from
   * rules/automaton.ts): worth it for bulk scanning (`jaga check`, benchmarks); the content script,
   * which checks one post per action, loads without it. Verdicts are the same either way.
   */
  wordAutomaton?: WordAutomatonBuilder;
  /**
   * Up to this many persons, parties and contestants the entity metadata is decoded at load; above,
   * only for the hits of a warning (rules/tables.ts, entityTables). Default EAGER_ENTITIES (4,096).
   * Verdicts are the same either way.
   */
  eagerEntities?: number;
}

class RuleEngine extends Matcher implements Engine {
  /** the entity tables and their indexes, for the warning policy */
  private readonly tables: PolicyTables;
  private readonly besideName: BesideName | undefined;

  constructor(c: CompiledRules, d: DecodedRules, options: LoadOptions) {
    super(d, c.bundleVersion, options.wordAutomaton);
    this.tables = entityTables(d, c.contests, options.eagerEntities);
    this.besideName = options.besideName;
  }

  evaluate(content: ActionContent, ctx: EvaluateContext): Verdict {
    try {
      return this.evaluateUnsafe(content ?? {}, ctx ?? { at: new Date() });
    } catch {
      return { severity: 'none', reasons: [] };
    }
  }

  private evaluateUnsafe(content: ActionContent, ctx: EvaluateContext): Verdict {
    const hits: Hit[] = [];
    const nums: Num[] = [];
    let budget = TOTAL_CAP;
    let seq = 0;
    // the fields as scanned, for the region names (scanned only if a context-requiring name needs them)
    const scanned: Array<[string, ContentField, number | undefined, number, number, number]> = [];
    const run = (value: unknown, field: ContentField, index: number | undefined, prefix: string) => {
      if (typeof value !== 'string' || value.length === 0 || budget <= 0) return;
      let str = value;
      let shift = 0;
      if (prefix && !str.startsWith(prefix)) {
        str = prefix + str;
        shift = 1;
      }
      const limit = Math.min(str.length, FIELD_CAP, budget);
      budget -= limit;
      // shift: offsets are reported in the caller's string, without our prefix
      scanned.push([str, field, index, seq, shift, limit]);
      this.matchField(str, field, index, seq++, shift, limit, hits, nums);
    };
    for (const field of CONTENT_FIELDS) {
      const v = (content as Record<string, unknown>)[field];
      if (Array.isArray(v)) {
        const n = Math.min(v.length, ARRAY_ITEMS_CAP);
        for (let i = 0; i < n; i++) run(v[i], field, i, field === 'hashtags' ? '#' : '');
      } else run(v, field, undefined, field === 'handle' ? '@' : '');
    }
    if (hits.length === 0 && nums.length === 0) return { severity: 'none', reasons: [] };
    let regions: Hit[] | undefined;
    const regionHits = () => {
      if (!regions) {
        regions = [];
        for (const [str, field, index, sq, shift, limit] of scanned) this.scanRegions(str, field, index, sq, shift, limit, regions);
      }
      return regions;
    };
    return decide(hits, nums, ctx, this.tables, this.regionTable ? regionHits : undefined, this.besideName);
  }
}

/** Normalise + match only (no severity): number of raw matches. For the benchmark. */
export function countMatches(engine: Engine, text: string): number {
  // a function, not a method, so that the content script, which never calls it, does not carry it:
  // bundlers drop unused functions, never unused methods of a class that is used
  const matcher = engine as RuleEngine;
  const nums: Num[] = [];
  matcher.matchField(text, 'text', undefined, 0, 0, Math.min(text.length, FIELD_CAP), null, nums);
  return matcher.matchCount + nums.length;
}

/**
 * Load compiled rules (from `compileBundle`, possibly after JSON or structured-clone transport; `data`
 * may also be the buffer itself, a Uint8Array or ArrayBuffer). Unpacks the buffer once, makes every
 * array a view on it and runs cheap structural checks; throws StructuralError on a wrong format or
 * corrupt data. Entity metadata is decoded later, only for the hits of a warning.
 */
export function loadEngine(compiled: CompiledRules, options: LoadOptions = {}): Engine {
  return new RuleEngine(compiled, decodeRules(compiled), options);
}
