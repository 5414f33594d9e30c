/**
 * The compiler packs its buffer through Node's latin1 encoder where there is one (the CLI, the
 * benches), through a UTF-16LE TextDecoder where there is no Buffer (the extension's background), and
 * with packBytes where there is neither: each must give packBytes' string exactly, for every byte value,
 * in one piece or several (the decoder's pieces are 2^18 bytes).
 */
import { describe, expect, it } from 'vitest';
import { packCompiled, shiftBytes } from '../../../rules/compile.ts';
import { packBytes, unpackBytes } from '../../../rules/compiled.ts';

function bytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let seed = 11;
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out[i] = i < 256 ? i : seed >>> 24;
  }
  return out;
}

describe('packCompiled', () => {
  const utf16 = new TextDecoder('utf-16le');
  it.each([0, 1, 255, 256, 8193, 100_003, 262_144, 262_145, 600_001])('gives packBytes’ string for %i bytes, every byte value among them', (n) => {
    const b = bytes(n);
    const want = packBytes(b);
    expect(packCompiled(b.slice())).toBe(want);
    expect(packCompiled(b.slice(), null)).toBe(want);
    expect(packCompiled(b.slice(), null, utf16)).toBe(want);
    expect(packCompiled(b.slice(), null, null)).toBe(want);
    expect(unpackBytes(packCompiled(b.slice(), null))).toEqual(b);
  });

  it('decodes through the decoder it is given where there is no Buffer, and never when there is one', () => {
    const pieces: number[] = [];
    const counting = { decode: (u: Uint16Array) => (pieces.push(u.length), utf16.decode(u)) };
    const b = bytes(600_001);
    expect(packCompiled(b.slice(), null, counting)).toBe(packBytes(b));
    expect(pieces).toEqual([262_144, 262_144, 75_713]);
    pieces.length = 0;
    expect(packCompiled(b.slice(), undefined, counting)).toBe(packBytes(b));
    expect(pieces).toEqual([]);
  });

  it('packs a view into a larger buffer, not the whole buffer', () => {
    const whole = bytes(1000);
    const view = whole.subarray(100, 300);
    expect(packCompiled(view.slice())).toBe(packBytes(view));
    expect(packCompiled(new Uint8Array(whole.buffer.slice(0), 100, 200))).toBe(packBytes(view));
    expect(packCompiled(new Uint8Array(whole.buffer.slice(0), 100, 200), null)).toBe(packBytes(view));
  });
});

describe('shiftBytes', () => {
  it.each([
    [0, 0],
    [1, 7],
    [2, 9],
    [3, 256],
    [0, 1001],
  ])('adds the shift to every byte mod 256 in a view at offset %i of %i bytes, four at a time where aligned', (offset, n) => {
    const whole = bytes(offset + n + 5);
    const before = whole.slice();
    for (const shift of [0, 1, 32, 127]) {
      const copy = whole.slice();
      shiftBytes(copy.subarray(offset, offset + n), shift);
      for (let i = 0; i < copy.length; i++) {
        const want = i >= offset && i < offset + n ? (before[i]! + shift) & 255 : before[i]!;
        if (copy[i] !== want) expect({ i, shift, got: copy[i] }).toEqual({ i, shift, got: want });
      }
    }
  });
});
