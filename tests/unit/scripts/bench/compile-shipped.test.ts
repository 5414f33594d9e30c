/**
 * The scale bench's compile figure comes from the shipped compiler (a minified Vite bundle) in a fresh
 * process without Node's Buffer, as the background runs it: it must really run there without Buffer,
 * and compile to the same packed string as this process (where Buffer packs it).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../../rules/compile.ts';
import { shippedCompile } from '../../../../scripts/bench/compile-shipped.ts';
import { devBundle, scaledBundle } from '../../../../scripts/bench/scale.ts';

describe('compile bench: shippedCompile', () => {
  it('compiles in a child without Buffer to the bytes this process compiles', async () => {
    const bundle = scaledBundle(devBundle(), 300);
    const here = compileBundle(bundle).data;
    const child = await shippedCompile(JSON.stringify(bundle), 2);
    expect(child.withoutBuffer).toBe(true);
    expect(child.wall).toHaveLength(2);
    expect(child.cpu).toHaveLength(2);
    expect(Object.keys(child.phases[0]!)).toEqual(expect.arrayContaining(['terms', 'variants', 'buffer', 'pack']));
    expect(child.bytes).toBe(here.length);
    expect(child.sha).toBe(createHash('sha256').update(here, 'latin1').digest('hex').slice(0, 16));
    expect(Buffer).toBeDefined();
  }, 120_000);
});
