/**
 * The compiler reads terms of ASCII letters and spaces (most names) without the tokeniser
 * (LetterTokens); for every text it accepts it must give exactly the tokeniser's tokens, and it
 * must refuse anything it cannot read so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LetterTokens } from '../../../rules/compile-terms.ts';
import { TokenBuffer, tokenText } from '../../../rules/normalize.ts';

function tokeniser(text: string): string[] {
  const buf = new TokenBuffer().tokenize(text);
  return Array.from({ length: buf.nt }, (_, t) => tokenText(buf, t));
}

function letters(text: string): string[] | null {
  const l = new LetterTokens();
  if (!l.read(text)) return null;
  return Array.from({ length: l.nt }, (_, t) => String.fromCharCode(...l.chars.subarray(l.tStart[t]!, l.tEnd[t]!)));
}

describe('LetterTokens', () => {
  it('gives the tokeniser’s tokens for every text it accepts', () => {
    const word = fc.oneof(fc.stringMatching(/^[A-Z]?[a-z]{1,12}$/), fc.stringMatching(/^[A-Za-z]{1,12}$/), fc.stringMatching(/^(a|A|aa|b|B|bb|n|N|oe)+$/), fc.constantFrom('PPP', 'aa', 'Aa', 'AMIN', 'PrabowoGibran', 'McDonald', 'x'));
    const text = fc.tuple(fc.array(word, { minLength: 0, maxLength: 4 }), fc.constantFrom(' ', '  ')).map(([ws, sep]) => ws.join(sep));
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(text, fc.stringMatching(/^[ A-Za-z]{0,30}$/), fc.string({ maxLength: 12 })), (t) => {
        const got = letters(t);
        if (got === null) return;
        accepted++;
        expect(got).toEqual(tokeniser(t));
      }),
      { numRuns: 4000 },
    );
    expect(accepted).toBeGreaterThan(1000);
  });

  it('reads plain names, and refuses digits, marks, punctuation and one repeated letter', () => {
    expect(letters('Budi Santoso')).toEqual(['budi', 'santoso']);
    expect(letters('  Maaf  Anies ')).toEqual(tokeniser('  Maaf  Anies '));
    for (const t of ['Pr4bowo', 'Ma’ruf Amin', 'Pak-Anies', 'Zoë', '@anies', '#amin', 'PPP', 'Paslon 02', 'A\u200Bb']) expect(letters(t)).toBeNull();
  });
});
