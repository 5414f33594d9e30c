import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOK_CAMEL, TOK_CAPS, TOK_EMOJI, TOK_HANDLE, TOK_HASHTAG, TOK_KEYCAP, TOK_NUMBER, normalize, termTokens } from '../../../rules/normalize.ts';

const words = (s: string) => normalize(s).tokens.map((t) => t.text);
const orig = (s: string) => normalize(s).tokens.map((t) => s.slice(t.orig[0], t.orig[1]));

describe('normalize', () => {
  it('folds case, width, diacritics and styled letters', () => {
    expect(words('PRABOWO Ｇｉｂｒａｎ 𝐀𝐧𝐢𝐞𝐬 Café Ⓖanjar')).toEqual(['prabowo', 'gibran', 'anies', 'cafe', 'ganjar']);
  });
  it('drops zero-width and invisible characters without splitting words', () => {
    expect(words('Pra\u200Bbo\u00ADwo Gi\u200Dbran\uFEFF')).toEqual(['prabowo', 'gibran']);
    expect(orig('Pra\u200Bbowo')).toEqual(['Pra\u200Bbowo']);
  });
  it('undoes leetspeak inside words but keeps edge digits as numbers', () => {
    expect(words('Pr4bowo G4njar L3bihbaik')).toEqual(['prabowo', 'ganjar', 'lebihbaik']);
    expect(words('mahfudlebihbaik3 paslon02')).toEqual(['mahfudlebihbaik', '3', 'paslon', '02']);
  });
  it('collapses stretched letters, but keeps one-letter runs such as PPP', () => {
    expect(words('prabowooooo gemoyyy PPP')).toEqual(['prabowo', 'gemoy', 'ppp']);
    expect(orig('prabowooooo!')).toEqual(['prabowooooo']);
  });
  it('reads keycap digits and marks them', () => {
    const n = normalize('coblos 2️⃣ ya');
    expect(n.tokens.map((t) => t.text)).toEqual(['coblos', '2', 'ya']);
    expect(n.tokens[1]!.flags & TOK_KEYCAP).toBeTruthy();
    expect(n.tokens[1]!.flags & TOK_NUMBER).toBeTruthy();
  });
  it('makes hand-sign emoji tokens of their own, skin tones and VS16 included in the span', () => {
    const s = 'salam✌🏽️Prabowo';
    const n = normalize(s);
    expect(n.tokens.map((t) => t.text)).toEqual(['salam', '✌', 'prabowo']);
    expect(n.tokens[1]!.flags & TOK_EMOJI).toBeTruthy();
    expect(s.slice(...n.tokens[1]!.orig)).toBe('✌🏽️');
  });
  it('marks hashtags and CamelCase, splits trailing years', () => {
    const n = normalize('#PrabowoGibran2024');
    expect(n.tokens.map((t) => t.text)).toEqual(['prabowogibran', '2024']);
    expect(n.tokens[0]!.flags & TOK_HASHTAG).toBeTruthy();
    expect(n.tokens[0]!.flags & TOK_CAMEL).toBeTruthy();
  });
  it('keeps @handles whole and extracts profile handles from social URLs', () => {
    const s = 'cek @TKN.PrabowoGibran. dan https://www.instagram.com/aniesbaswedan/?hl=id';
    const n = normalize(s);
    const handles = n.tokens.filter((t) => t.flags & TOK_HANDLE);
    expect(handles.map((t) => t.text)).toEqual(['@tkn.prabowogibran', '@aniesbaswedan']);
    expect(s.slice(...handles[0]!.orig)).toBe('@TKN.PrabowoGibran');
    expect(s.slice(...handles[1]!.orig)).toBe('aniesbaswedan');
  });
  it('flags all-caps words only', () => {
    const [a, b] = normalize('AMIN Amin').tokens;
    expect(a!.flags & TOK_CAPS).toBeTruthy();
    expect(b!.flags & TOK_CAPS).toBeFalsy();
  });
  it('normalises terms the same way as text', () => {
    expect(termTokens('Prabowo-Gibran')).toEqual(words('prabowo gibran'));
    expect(termTokens('#AminAjaDulu')).toEqual(words('aminajadulu'));
  });
  it('maps every char of the normalised text into the original', () => {
    const s = 'Ａ Ｐr4bowooo ✌️ #GanjarMahfud';
    const n = normalize(s);
    for (let i = 0; i < n.text.length; i++) {
      expect(n.start[i]).toBeGreaterThanOrEqual(0);
      expect(n.end[i]).toBeLessThanOrEqual(s.length);
      expect(n.start[i]).toBeLessThanOrEqual(n.end[i]!);
    }
  });
});

describe('normalize properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    // fast-check 4: 'binary' = any code point (the former fullUnicodeString); plus raw UTF-16 units (lone surrogates)
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
    fc.stringMatching(/^[#@ a-zA-Z0-9._\u200B✌️⃣]{0,40}$/),
  );
  it('never throws on arbitrary Unicode (lone surrogates included)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        normalize(s);
      }),
      { numRuns: 2000 },
    );
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalize(s).text;
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
  it('maps every token and char inside the original string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = normalize(s);
        expect(n.start.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(0 <= n.start[i]! && n.start[i]! <= n.end[i]! && n.end[i]! <= s.length).toBe(true);
        }
        for (const t of n.tokens) {
          expect(0 <= t.orig[0] && t.orig[0] < t.orig[1] && t.orig[1] <= s.length).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
