/**
 * Public API of the rule engine. The content script imports `loadEngine` from here or from
 * './engine.ts'; neither reaches zod: `parseRuleBundle` (rules/schema.ts, zod) is not re-exported,
 * and `compileBundle` (./compile.ts, no zod) is tree-shaken from a bundle that does not call it.
 */
export type { ActionContent, ActionKind, ContentField, SiteId } from './actions.ts';
export type { RuleBundle } from './schema.ts';
export type { CompiledRules } from './compiled.ts';
export { COMPILED_FORMAT } from './compiled.ts';
export { compileBundle } from './compile.ts';
export { buildWordAutomaton } from './automaton.ts';
export { loadEngine, type LoadOptions } from './engine.ts';
export {
  FIELD_CAP,
  ARRAY_ITEMS_CAP,
  TOTAL_CAP,
  MAX_REASONS,
  type Engine,
  type EvaluateContext,
  type Reason,
  type Severity,
  type Verdict,
} from './verdict.ts';
