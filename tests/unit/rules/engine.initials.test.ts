import { describe, expect, it } from 'vitest';
import { severityOn, warns } from './helpers.ts';

// Paraphrased, written for the project. "RK" (Ridwan Kamil, Pilgub Jakarta no. 1) is a context-requiring
// alias in the rules; "Mas Pram" (Pramono Anung, no. 3) a known short name.
const at = '2024-10-15';
const sev = severityOn(at);

describe('initials used as a name are gated by the same evidence', () => {
  it.each([
    ['a support verb beside them', 'warga sini dukung RK'],
    ['an honorific and the region', 'Kang RK cocok buat Jakarta'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['written in lower case, an abbreviation', 'warga sini dukung rk'],
    ['in lower case with a region', 'no rk jakarta sudah saya kirim'],
    ['alone', 'RK sudah saya kirim tadi'],
  ])('%s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('an honorific before a known short name counts as that short name', () => {
  it.each(['Pak Pram paling siap', 'bang pram mantap'])('%s', (text) => expect(warns(sev(text))).toBe(true));
  it('the short name alone still needs context', () => expect(sev('pram lagi di rumah')).toBe('none'));
});

describe('a short name that is itself a common given name gets the other honorifics only with evidence', () => {
  it('"Pak Pramono" alone is a teacher', () => expect(sev('Pak Pramono guru matematika kami pensiun')).toBe('none'));
  it('"Ibu Risma" (known as "Bu Risma") with the province counts, the honorific inside the match', () =>
    expect(warns(sev('yg saya tau ibu risma tegas, cocok buat jatim'))).toBe(true));
});
