import { describe, expect, it } from 'vitest';
import { packBytes, unpackBytes } from '../../../rules/compiled.ts';

describe('packing the compiled buffer into a string', () => {
  it('round-trips every byte value, in and out of JSON', () => {
    const bytes = new Uint8Array(70_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 255;
    const packed = packBytes(bytes);
    expect(packed.length).toBe(bytes.length);
    expect(unpackBytes(JSON.parse(JSON.stringify(packed)) as string)).toEqual(bytes);
  });
  it('stores the commonest byte, 0, as a plain ASCII char', () => {
    expect(packBytes(new Uint8Array(4))).toBe('    ');
    expect(JSON.stringify(packBytes(new Uint8Array([0, 1, 3, 10, 90])))).toHaveLength(7);
  });
  it('refuses a string with a char that is no byte', () => {
    expect(unpackBytes('ab\u0100')).toBeNull();
  });
});
