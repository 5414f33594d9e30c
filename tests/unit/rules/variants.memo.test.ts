/**
 * The memoised generator the compiler uses (VariantMemo) gives exactly nameVariants' list, built from
 * variants kept once per distinct word: names repeat words heavily (synthetic and real candidate lists),
 * so 300,000 names cost the variants of far fewer words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VariantMemo, nameVariants } from '../../../rules/variants.ts';

/** one of the shapes names come in: letters with old spellings, y/i, kh and f, repeats, one repeated letter, honorific starts */
const word = fc.oneof(
  fc.stringMatching(/^[A-Z]?[a-z]{1,10}$/),
  fc.stringMatching(/^(oe|u|dj|j|tj|c|ch|kh|sj|sy|y|i|a|e|o|pak|bu|mas|k|n|r|s|f|p)+$/),
  fc.stringMatching(/^(a+|b+|aa|pak|bu|mas|mbak|cak|kang|bang)[a-z]{0,5}$/),
);
const name = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a} ${b}`), fc.tuple(word, word, word).map((w) => w.join(' ')), fc.constantFrom('Paslon 02', '@anies', '', 'Pak-Anies!!', 'AMIN', 'Ma’ruf Amin'));

describe('VariantMemo', () => {
  it('gives nameVariants(name) for any name, whatever was asked before', () => {
    const memo = new VariantMemo();
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 8 }), (names) => {
        for (const n of names) expect(memo.nameVariants(n).map((v) => v.map((w) => w.text).join(' '))).toEqual(nameVariants(n));
      }),
      { numRuns: 400 },
    );
  });

  it('hands out one object per distinct word, so a caller can keep facts about it', () => {
    const memo = new VariantMemo();
    const a = memo.nameVariants('Prabowo Subianto');
    const b = memo.nameVariants('Prabowo Gibran');
    // "prbowo gibran" and "prbowo subianto" share the word object of "prbowo"
    const first = (vs: ReturnType<VariantMemo['nameVariants']>) => vs.find((v) => v[0]!.text === 'prbowo')![0];
    expect(first(a)).toBe(first(b));
    expect(memo.word('prabowo')).toBe(memo.word('prabowo'));
  });
});
