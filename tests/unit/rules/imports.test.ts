import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

/** Every module the given file imports (transitively), following relative imports only. */
function importGraph(entry: string, seen = new Set<string>(), bare = new Set<string>()): { files: Set<string>; bare: Set<string> } {
  if (seen.has(entry)) return { files: seen, bare };
  seen.add(entry);
  const src = readFileSync(entry, 'utf8');
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue; // type-only imports vanish at build time
    const spec = m[3]!;
    if (spec.startsWith('.')) importGraph(resolve(dirname(entry), spec), seen, bare);
    else bare.add(spec);
  }
  return { files: seen, bare };
}

/** Every .ts file below dir (relative to ROOT), skipping the given subfolders. */
function sources(dir: string, skip: string[] = []): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => `${dir}/${f.split(sep).join('/')}`)
    .filter((f) => f.endsWith('.ts') && !skip.some((s) => f.startsWith(`${s}/`)));
}

describe('module size', () => {
  it('no source or test file of the rule engine is over 600 lines (the rule data aside)', () => {
    const files = [...sources('rules', ['rules/data']), ...sources('tests/unit/rules'), ...sources('scripts/bench')];
    expect(files.length).toBeGreaterThan(30);
    const long = files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > 600);
    expect(long, 'split these by purpose').toEqual([]);
  });
});

describe('content-script boundary', () => {
  it("engine-core.ts (the content script's load + evaluate) imports neither zod, the schema, the compiler nor the evidence word lists", () => {
    const { files, bare } = importGraph(join(ROOT, 'rules/engine-core.ts'));
    const rel = [...files].map((f) => f.slice(ROOT.length + 1)).sort();
    expect(rel).toEqual([
      'rules/chars.ts',
      'rules/compiled.ts',
      'rules/engine-core.ts',
      'rules/evidence-kinds.ts',
      'rules/matcher.ts',
      'rules/name-cues.ts',
      'rules/normalize.ts',
      'rules/pattern-kinds.ts',
      'rules/phase.ts',
      'rules/severity.ts',
      'rules/tables.ts',
      'rules/verdict.ts',
      'rules/word-filter.ts',
    ]);
    expect([...bare]).toEqual([]);
  });
  it('engine.ts (everything but the content script) adds only the words beside a name', () => {
    const core = importGraph(join(ROOT, 'rules/engine-core.ts')).files;
    const { files, bare } = importGraph(join(ROOT, 'rules/engine.ts'));
    const added = [...files].filter((f) => !core.has(f)).map((f) => f.slice(ROOT.length + 1)).sort();
    expect(added).toEqual(['rules/engine.ts', 'rules/evidence-beside.ts', 'rules/evidence-cues.ts']);
    expect([...bare]).toEqual([]);
  });
  it('the content script loads the core engine, never the full one', () => {
    const contentDir = join(ROOT, 'entrypoints/content');
    const sources = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    for (const f of sources) expect(readFileSync(join(contentDir, f), 'utf8'), f).not.toMatch(/rules\/(?:engine|evidence-beside|evidence-cues)['.]/);
  });
  it('index.ts never pulls in zod', () => {
    const { files, bare } = importGraph(join(ROOT, 'rules/index.ts'));
    expect([...bare]).toEqual([]);
    expect([...files].some((f) => f.endsWith('schema.ts'))).toBe(false);
  });
  it('the word automaton (bulk scanning only) imports only the tokeniser, and the content script never loads it', () => {
    const { files, bare } = importGraph(join(ROOT, 'rules/automaton.ts'));
    expect([...files].map((f) => f.slice(ROOT.length + 1)).sort()).toEqual([
      'rules/automaton.ts',
      'rules/chars.ts',
      'rules/normalize.ts',
      'rules/word-filter.ts',
    ]);
    expect([...bare]).toEqual([]);
    const contentDir = join(ROOT, 'entrypoints/content');
    const sources = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) expect(readFileSync(join(contentDir, f), 'utf8'), f).not.toMatch(/automaton/);
  });
  it('rules/ uses relative imports only (no @/ alias)', () => {
    for (const f of ['engine.ts', 'matcher.ts', 'tables.ts', 'pattern-kinds.ts', 'severity.ts', 'evidence-cues.ts', 'evidence-beside.ts', 'name-cues.ts', 'engine-core.ts', 'verdict.ts', 'normalize.ts', 'word-filter.ts', 'chars.ts', 'compiled.ts', 'compile.ts', 'schema.ts', 'index.ts', 'automaton.ts']) {
      expect(readFileSync(join(ROOT, 'rules', f), 'utf8')).not.toMatch(/from\s+['"]@\//);
    }
  });
});
