/**
 * The compile bench's comparison mode (`--against=DIR`): two compilers by turns on the same input, and
 * whether their outputs are the same bytes (a speed change must not change them).
 */
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../../rules/compile.ts';
import { compareCompilers } from '../../../../scripts/bench/compile-profile.ts';

describe('compile bench: compareCompilers', () => {
  it('runs each compiler once a round and finds the same compiler the same', () => {
    const line = compareCompilers(compileBundle, compileBundle, 40, 3);
    expect(line.same).toBe(true);
    expect(line.sha).toHaveLength(1);
    expect(line.against.cpu).toHaveLength(3);
    expect(line.now.cpu).toHaveLength(3);
    expect(Object.keys(line.now.phasesCpuMs)).toEqual(expect.arrayContaining(['terms', 'variants', 'buffer', 'pack']));
    expect(line.now.cpuMs).toBeGreaterThan(0);
  });

  it('tells a compiler whose output differs', () => {
    const other: typeof compileBundle = (bundle, report, options) => {
      const c = compileBundle(bundle, report, options);
      return { ...c, data: c.data.slice(0, -1) + String.fromCharCode(c.data.charCodeAt(c.data.length - 1) ^ 1) };
    };
    const line = compareCompilers(other, compileBundle, 40, 2);
    expect(line.same).toBe(false);
    expect(line.sha).toHaveLength(2);
  });

  it('leaves performance.now the wall clock afterwards', () => {
    const before = performance.now;
    compareCompilers(compileBundle, compileBundle, 10, 1);
    expect(performance.now).toBe(before);
  });
});
