import { describe, expect, it } from 'vitest';
import { severityOn, shippedEngine, warns } from './helpers.ts';

// Paraphrased, written for the project. "AMIN" (Anies–Muhaimin, Pilpres 2024 no. 1) is also "amen": it
// needs context. Written in capitals in mixed-case text, with that pair's ballot number or its one-finger
// hand sign beside it, it is the pair (docs/engine.md, "Evidence").
const engine = shippedEngine();
const at = '2024-01-15';
const sev = severityOn(at);

describe('AMIN in capitals with its ballot number or hand sign beside it is the pair', () => {
  it.each([
    ['the one-finger sign after it', 'Bismillah AMIN ☝️'],
    ['the one-finger sign a few words on', 'insyaallah AMIN pemimpin kita nanti ☝☝'],
    ['the zero-padded ballot number before it', 'yang terbaik tetap 01 AMIN'],
    ['the ballot number as a hashtag', '#AMIN #01 selalu di hati'],
    ['the keycap number', 'pilihan keluarga kami AMIN 1️⃣'],
    ['the plain number right after it', 'dari dulu sudah mantap AMIN 1'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));

  it('names the evidence in the reason', () => {
    const r = engine.evaluate({ text: 'Bismillah AMIN ☝️' }, { at }).reasons.find((x) => x.kind === 'pair');
    expect(r?.matched).toBe('AMIN');
  });
});

describe('"amin" the prayer word stays none', () => {
  it.each([
    ['capitals without a number or sign', 'Semoga lekas sembuh ya, AMIN'],
    ['capitals with a prayer emoji', 'Ya Allah lindungi keluarga kami AMIN 🙏'],
    ['lower case with the one-finger sign', 'semoga masuk surga amin ☝'],
    ['the two-finger sign is not this pair\'s', 'Doa terbaik untukmu AMIN ✌'],
    ['another number, not zero-padded', 'rezeki lancar berlipat 2 kali AMIN'],
    ['a prayer all in capitals', 'SEMOGA SEHAT SELALU AMIN ☝'],
    ['a plain number that is not beside it', 'AMIN ya Allah, semoga anak kami jadi juara 1 lomba'],
  ])('%s: %s', (_why, text) => expect(sev(text)).toBe('none'));

  it('outside the Pilpres campaign the sign is no evidence', () => {
    expect(engine.evaluate({ text: 'Bismillah AMIN ☝️' }, { at: '2025-03-01' }).severity).toBe('none');
  });
});
