import { describe, expect, it } from 'vitest';
import { severityOn, warns } from './helpers.ts';

// Paraphrased, written for the project from development news sentences (2026-12-07, sixth pass): a party
// whose short name is an everyday word ("Demokrat" = democrat) or an acronym with an everyday sense is the
// party when a word of its own organisation stands right before it: its board, its officers, its
// politicians. Without such a word, or after an everyday head noun, it stays the common word.
const at = '2024-01-15';
const sev = severityOn(at);

describe('a word of the party\'s organisation before its name makes it the party', () => {
  it.each([
    ['a board of the party', 'Wakil ketua Dewan Pembina Demokrat itu memberi keterangan kemarin.'],
    ['its honour council', 'Lewat putusan Dewan Kehormatan Demokrat, bendaharanya dicopot.'],
    ['its officers', 'Beberapa pengurus Demokrat pernah berurusan dengan hukum.'],
    ['its politician, lower case', 'tapi politisi demokrat itu minta waktu untuk menjelaskan.'],
    ['a politician, the other spelling', 'Politikus Gelora itu menanggapi kritik warganet.'],
    ['its officers, an acronym', 'Para ketua dan pengurus PAN se-provinsi berkumpul di Makassar.'],
    ['candidates for its chair (caketum)', 'Tiga caketum PSI akan beradu gagasan pekan depan.'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
});

describe('…while the everyday word stays out', () => {
  it.each([
    ['a democratic state', 'Kita hidup di negara demokrat, bukan kerajaan.'],
    ['a democrat\'s stance', 'Sikap demokrat sejati itu menghargai perbedaan.'],
    ['a democrat by conviction', 'Dia seorang demokrat sejati sejak muda.'],
    ['the vehicle tax in lower case', 'bayar pkb motor sekarang bisa lewat aplikasi.'],
    ['the UN, not the party', 'Dewan Keamanan PBB bersidang soal Gaza.'],
    ['workers organising', 'pengurus serikat buruh menemui manajemen pabrik.'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(false));
});
