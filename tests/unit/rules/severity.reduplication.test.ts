import { describe, expect, it } from 'vitest';
import { severityOn, warns } from './helpers.ts';

// Paraphrased, written for the project (a development news sentence, 2026-12-07, sixth pass): Indonesian
// writes a plural by reduplication ("perubahan-perubahan" = changes). A reduplicated word is the common
// noun, never a context-requiring campaign term, party short name or slogan, whatever the word; the word
// written once keeps its sense.
const at = '2024-01-15';
const sev = severityOn(at);

describe('a reduplicated plural is not the campaign term', () => {
  it.each([
    ['changes, beside an election word', 'Menjelang pemilihan umum ada perubahan-perubahan aturan kampanye.'],
    ['changes, Title Case headline', 'Perubahan-Perubahan Regulasi Pemilu 2024 yang Perlu Diketahui'],
    ['workers, not the party', 'buruh-buruh pabrik diliburkan saat pemilu'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(false));
});

describe('…while the word written once keeps its campaign sense', () => {
  it.each([
    ['the slogan beside an election word', 'Pemilu kali ini saatnya perubahan, AMIN!'],
    ['the party beside an election body', 'Buruh lolos verifikasi KPU untuk pemilu 2024'],
    ['two uses, one of them reduplicated', 'Banyak perubahan-perubahan kecil, tapi pemilu ini pilih perubahan!'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
});
