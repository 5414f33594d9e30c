/**
 * The memoised generator the compiler uses (VariantMemo) gives exactly nameVariants' list, built from
 * variants kept once per distinct word: names repeat words heavily (synthetic and real candidate lists),
 * so 300,000 names cost the variants of far fewer words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VariantMemo, nameVariants, normalizedLetters, wordVariants } from '../../../rules/variants.ts';

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

  it('can leave out the doubled letters, which a word of 2+ letters without repeated ones gets back when normalised', () => {
    // a tenth of the compile at 300,000 names made, normalised and looked up raw variants one by one;
    // the doubled letters were about 40% of them and every one normalised back to the word itself
    expect(wordVariants('prabowo', false)).toEqual(wordVariants('prabowo').filter((v) => v.length === 'prabowo'.length - 1 || !/(.)\1/.test(v)));
    expect(wordVariants('prabowo', false).some((v) => /(.)\1/.test(v))).toBe(false);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (w) => {
        // (one letter doubled is "aa", a word of one repeated letter: the tokeniser keeps it)
        if (/(.)\1/.test(w) || w.length < 2) return;
        const all = wordVariants(w).map(normalizedLetters);
        const without = wordVariants(w, false).map(normalizedLetters);
        expect([...new Set(without.filter((v) => v !== w))]).toEqual([...new Set(all.filter((v) => v !== w))]);
      }),
      { numRuns: 500 },
    );
  });
});
