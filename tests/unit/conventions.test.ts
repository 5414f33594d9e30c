/**
 * Tests are found by path (docs/design.md, Testing): `tests/<project>/<source path>.test.ts(x)`
 * tests the module at `<source path>.ts(x)`, and `<source path>.<aspect>.test.ts(x)` one aspect of
 * it. End-to-end tests (tests/e2e) are named after the site or feature they drive; the few unit
 * tests that span modules are listed below with the reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Tests that cover several modules at once, so no single source file names them. */
const CROSS_MODULE_TESTS: Record<string, string> = {
  'tests/unit/rules/eval.test.ts': 'quality targets over tests/fixtures/eval, the whole engine and the shipped rules',
  'tests/unit/rules/fastpath.test.ts': 'the fast path (normalize, automaton, engine) against the reference engine',
  'tests/unit/rules/imports.test.ts': 'the import graph of rules/ and the content script',
  'tests/unit/conventions.test.ts': 'the layout of the tests folder itself',
};

/** The project folders whose tests must mirror the source tree. */
const MIRRORED_PROJECTS = ['tests/unit', 'tests/dom'];

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => `${dir}/${f.split(sep).join('/')}`);
}

/** `tests/dom/components/options/Options.training-mode.test.tsx` → `components/options/Options`, then shorter stems. */
function sourceCandidates(testPath: string): string[] {
  const project = MIRRORED_PROJECTS.find((p) => testPath.startsWith(`${p}/`));
  if (!project) return [];
  const mirrored = testPath.slice(project.length + 1).replace(/\.test\.tsx?$/, '');
  const slash = mirrored.lastIndexOf('/');
  const dir = mirrored.slice(0, slash + 1);
  const parts = mirrored.slice(slash + 1).split('.');
  const stems: string[] = [];
  for (let n = parts.length; n >= 1; n--) stems.push(dir + parts.slice(0, n).join('.'));
  return stems.flatMap((stem) => [`${stem}.ts`, `${stem}.tsx`]);
}

describe('tests are found by path', () => {
  it('maps a test to its module, with or without an aspect', () => {
    expect(sourceCandidates('tests/unit/rules/signing.test.ts')).toEqual(['rules/signing.ts', 'rules/signing.tsx']);
    expect(sourceCandidates('tests/dom/components/options/Options.update-channel.test.tsx')).toContain('components/options/Options.tsx');
    expect(sourceCandidates('tests/e2e/x.test.ts')).toEqual([]);
  });

  it('every unit and DOM test sits at the mirrored path of an existing source file', () => {
    const misplaced = MIRRORED_PROJECTS.flatMap(testFiles).filter(
      (test) => !(test in CROSS_MODULE_TESTS) && !sourceCandidates(test).some((source) => existsSync(join(ROOT, source))),
    );
    expect(misplaced, 'move each to tests/<project>/<source path>.test.ts, or list it in CROSS_MODULE_TESTS with why').toEqual([]);
  });

  it('lists only cross-module tests that exist', () => {
    for (const test of Object.keys(CROSS_MODULE_TESTS)) expect(existsSync(join(ROOT, test)), test).toBe(true);
  });

  it('keeps end-to-end tests in tests/e2e and nowhere else', () => {
    const projects = readdirSync(join(ROOT, 'tests'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'fixtures');
    expect(projects.map((d) => `tests/${d.name}`).sort()).toEqual(['tests/dom', 'tests/e2e', 'tests/unit']);
  });
});

describe('rule tests share one engine of the shipped rules', () => {
  it('compile rules/data through tests/unit/rules/helpers.ts (shippedEngine, severityOn), not each on its own', () => {
    // Each private compile of rules/data costs seconds per file and repeats the same setup lines;
    // helpers.ts compiles it once per file, at the top level (outside any test's timeout).
    const own = testFiles('tests/unit').filter((test) =>
      /loadEngine\(\s*compileBundle\(\s*loadDefaultBundle\(\)\s*\)\s*\)/.test(readFileSync(join(ROOT, test), 'utf8')),
    );
    expect(own, 'use shippedEngine() or severityOn(at) from tests/unit/rules/helpers.ts').toEqual([]);
  });
});
