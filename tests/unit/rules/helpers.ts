import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileBundle } from '../../../rules/compile.ts';
import { loadEngine, type Engine } from '../../../rules/engine.ts';
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
