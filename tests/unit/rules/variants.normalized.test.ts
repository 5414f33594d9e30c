/**
 * The variant generator reads a raw variant of a word of letters without the tokeniser
 * (normalizedLetters): it must give exactly the tokeniser's reading, normalizedForm, for any
 * word of a–z (repeated letters collapsed, a word of one repeated letter kept as the tokeniser keeps it),
 * and anything else goes to the tokeniser itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizedForm, normalizedLetters, wordVariants } from '../../../rules/variants.ts';

describe('normalizedLetters', () => {
  it('reads any word of a–z as the tokeniser does', () => {
    const letters = fc.oneof(fc.stringMatching(/^[a-z]{1,40}$/), fc.stringMatching(/^(a|b|aa|bbb|c|y|i|oe)+$/), fc.tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), fc.nat(5)).map(([c, n]) => c.repeat(n + 1)));
    fc.assert(
      fc.property(letters, (w) => {
        expect(normalizedLetters(w)).toBe(normalizedForm(w));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every raw variant of a normalised word as the tokeniser does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,14}$/), (raw) => {
        const w = normalizedForm(raw);
        for (const v of wordVariants(w)) expect(normalizedLetters(v)).toBe(normalizedForm(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('hands anything but a–z to the tokeniser', () => {
    for (const s of ['', 'Prabowo', 'pr4bowo', 'anies baswedan', 'é', 'pak-anies', 'ppp', 'aa', '@anies', '#amin']) expect(normalizedLetters(s)).toBe(normalizedForm(s));
  });
});
