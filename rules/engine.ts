/**
 * The rule engine as everything but the content script loads it: rules/engine-core.ts with the words
 * beside a context-requiring name as evidence (rules/evidence-beside.ts). The content script loads the
 * core alone and leaves those names to the background's full engine (`Verdict.incomplete`).
 */
import type { CompiledRules } from './compiled.ts';
import { loadEngine as loadCoreEngine, type LoadOptions } from './engine-core.ts';
import { besideNameEvidence } from './evidence-beside.ts';
import type { Engine } from './verdict.ts';

export * from './engine-core.ts';

/** Load compiled rules (rules/engine-core.ts, `loadEngine`) with every kind of evidence. */
export function loadEngine(compiled: CompiledRules, options: LoadOptions = {}): Engine {
  return loadCoreEngine(compiled, { besideName: besideNameEvidence, ...options });
}
