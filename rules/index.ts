/**
 * Public API of the rule engine. Content scripts should import from here (or from './engine.ts'):
 * this module re-exports only types from schema/compile, and `compileBundle` lazily… no: see below.
 *
 * Size note: `compileBundle` lives in ./compile.ts, which does not import zod; `parseRuleBundle`
 * (zod) is NOT re-exported here, so importing this module never pulls zod into a bundle.
 */
export type { ActionContent, ActionKind, ContentField, SiteId } from './actions.ts';
export type { RuleBundle } from './schema.ts';
export type { CompiledRules } from './compiled.ts';
export { COMPILED_FORMAT } from './compiled.ts';
export { compileBundle } from './compile.ts';
export { buildWordAutomaton } from './automaton.ts';
export {
  loadEngine,
  FIELD_CAP,
  ARRAY_ITEMS_CAP,
  TOTAL_CAP,
  MAX_REASONS,
  type Engine,
  type EvaluateContext,
  type LoadOptions,
  type Reason,
  type Severity,
  type Verdict,
} from './engine.ts';
