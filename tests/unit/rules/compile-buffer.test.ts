/**
 * The compiler's output buffer (rules/compile-buffer.ts): laid out once, the entities' metadata
 * written into it in place. At 300,000 names the metadata is ~21 MB; made in a buffer of its own and
 * copied, it was one more large ArrayBuffer, and V8 answers such allocations with a full collection
 * that marks the whole input bundle again (one more per compile, in about half the runs).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { decodeRules } from '../../../rules/tables.ts';
import type { RuleBundle } from '../../../rules/schema.ts';
import { devBundle } from './helpers.ts';

function bundleOf(n: number, name: (i: number) => string): RuleBundle {
  const base = devBundle();
  const persons = Array.from({ length: n }, (_, i) => ({ id: `buf-${i}`, name: name(i) }));
  return {
    ...base,
    persons: [...base.persons, ...persons],
    contests: [
      ...base.contests,
      {
        id: 'buf-contest',
        name: 'Pileg uji',
        kind: 'pileg',
        region: '35',
        phases: [{ kind: 'kampanye', from: '2023-11-28', to: '2024-02-10' }],
        contestants: persons.map((p, i) => ({ id: `k-${p.id}`, number: i % 7 === 0 ? undefined : i, persons: [p.id] })),
      },
    ],
  } as RuleBundle;
}

/** the lengths of the Uint8Arrays made from a length while `f` runs */
function uint8Allocations(f: () => void): number[] {
  const sizes: number[] = [];
  const Real = Uint8Array;
  vi.stubGlobal(
    'Uint8Array',
    new Proxy(Real, {
      construct(target, args, newTarget) {
        if (typeof args[0] === 'number') sizes.push(args[0]);
        return Reflect.construct(target, args, newTarget === undefined ? target : newTarget);
      },
    }),
  );
  try {
    f();
  } finally {
    vi.unstubAllGlobals();
  }
  return sizes;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const NAMES = ['Sutarman', 'Wibowo', 'Lestari', 'Handayani', 'Pratama', 'Nugroho', 'Kusuma', 'Saputra'];
const latin = (i: number) => `${NAMES[i % 8]}${i.toString(36)} ${NAMES[(i >> 3) % 8]}`;

describe('compileBundle output buffer', () => {
  it('makes one large Uint8Array, the metadata written into it', () => {
    const b = bundleOf(3000, latin);
    let out = '';
    const sizes = uint8Allocations(() => {
      out = compileBundle(b).data;
    });
    const large = sizes.filter((n) => n >= out.length / 10);
    expect(large).toHaveLength(1);
  });

  it('keeps every row when the metadata outgrows its estimate (non-ASCII: 2–4 bytes a char)', () => {
    // names of CJK and emoji: the estimate counts a byte per char, the writer must grow and the rows stay exact
    const b = bundleOf(400, (i) => `${'名前😀'.repeat(12)}${i} ${'Ñoño'.repeat(3)}`);
    const d = decodeRules(compileBundle(b));
    const metaOff = d.sections.metaOff as Int32Array;
    const metaBytes = d.sections.metaBytes as Uint8Array;
    expect(metaOff[metaOff.length - 1]).toBe(metaBytes.length);
    const rows = new TextDecoder().decode(metaBytes);
    for (const p of b.persons) expect(rows).toContain(JSON.stringify([p.id, p.name]));
    const utf8 = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    b.persons.forEach((p, i) => {
      expect(metaBytes.subarray(metaOff[i]!, metaOff[i + 1]!), p.id).toEqual(utf8([p.id, p.name]));
    });
  });
});
