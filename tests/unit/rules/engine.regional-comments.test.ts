import { describe, expect, it } from 'vitest';
import { shippedEngine } from './helpers.ts';

// Invented comments, at a Pilkada campaign day, paraphrasing the development set of regional comments
// (docs/engine.md, "Regional comments, development"): comment sections call a governor candidate by his
// given name alone ("pak Boby", "bobby … gubernur sumut"), as the press does ("Debat Kedua Bobby vs Edy di
// Sumut"; the source is in the persons file). The given name is everyday, so it counts only with evidence
// of the race, as Airin and Luluk do.
const engine = shippedEngine();
const at = '2024-10-15';
const check = (text: string) => engine.evaluate({ text }, { at });
const contests = (text: string) => check(text).reasons.flatMap((r) => (r.contest ? [r.contest.id] : []));

describe('a governor candidate by his given name, in a comment about his province', () => {
  it.each([
    ['office and province beside the name', 'baru sebentar jadi gubernur sumut kok pak boby sudah bikin ribut'],
    ['honorific and province', 'pak bobby urus saja sumut jangan ngurus pulau orang'],
    ['support cue and province', 'saya dukung sumut dan bobby'],
    ['the press short form, both rivals', 'debat bobby vs edy di sumut malam ini seru'],
  ])('%s: %s → medium or high, Pilgub Sumut', (_why, text) => {
    expect(['medium', 'high']).toContain(check(text).severity);
    expect(contests(text)).toContain('pilgub-sumatera-utara-2024');
  });
});

describe('…while the given name alone, or in everyday text, stays none', () => {
  it.each([
    ['the name alone', 'bobby modus'],
    ['a classmate', 'Bobby teman sekelas saya sudah menikah'],
    ['a pet', 'edy kucing saya hilang dari kemarin'],
  ])('%s: %s', (_why, text) => expect(check(text).severity).toBe('none'));
});
