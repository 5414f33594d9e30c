import { describe, expect, it } from 'vitest';
import { severityOn, shippedEngine, warns } from './helpers.ts';

// Invented headlines paraphrasing two classes of the eighth pass (docs/engine.md, "Development misses,
// eighth pass"), at a Pilkada campaign day, when the Pilpres is over: political news names a party by
// its context-requiring short name beside a 2024 contestant named plainly ("PKB bela Anies"), and the
// football association PSSI, which the normaliser's repeat collapsing reads as the party PSI.
const at = '2024-10-15';
const sev = severityOn(at);

describe('a party\'s short name beside a contestant named plainly, after his race', () => {
  it.each([
    ['PKB and Anies', 'PKB membela Anies soal kritik banjir Jakarta'],
    ['Demokrat and Prabowo', 'Demokrat sambut rencana Prabowo bertemu Megawati'],
    ['PAN and Prabowo', 'Kata PAN soal pertemuan para ketum dengan Prabowo'],
    ['Cak Imin and PKB', 'Cak Imin: PKB tetap solid di pemerintahan'],
    ['PSI and Gibran', 'Gibran mundur dari Solo, PSI: fokus jadi wapres'],
  ])('%s: %s → medium or high', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['the tax, no one named', 'Pemutihan denda PKB diperpanjang sampai Desember'],
    ['the pressure unit, no one named', 'Tekanan ban mobil yang ideal sekitar 32 psi'],
    ['Demokrat as the US party, no one named', 'Demokrat AS umumkan calon baru'],
  ])('stays none: %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('an acronym with a letter doubled inside is not the party\'s acronym stretched', () => {
  it.each([
    ['the chair of PSSI', 'Ketua Umum PSSI Erick Thohir temui suporter'],
    ['PSSI with a support word', 'Timnas PSSI menang lagi malam ini'],
    ['PSSI beside a contestant', 'Prabowo nonton timnas, Ketum PSSI ikut mendampingi'],
  ])('no party: %s: %s', (_why, text) => {
    const { reasons } = shippedEngine().evaluate({ text }, { at });
    expect(reasons.filter((r) => r.kind === 'party')).toEqual([]);
  });
  it.each([
    ['the party\'s chair', 'Ketum PSI temui relawan di Jakarta'],
    ['the last letter stretched', 'Ketum PSIII temui relawan di Jakarta'],
  ])('stays the party: %s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
});
