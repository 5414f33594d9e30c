import { describe, expect, it } from 'vitest';
import { severityOn, warns } from './helpers.ts';

// Invented headlines. "Buruh" (worker) is also the short name of Partai Buruh, flagged ambiguous: an election
// word nearby confirms it as the party, unless a word before it makes it the common noun.
const at = '2024-01-15';
const sev = severityOn(at);

describe('a party name that is an everyday word, used as the common noun, is no party', () => {
  it.each([
    ['a demonstration of workers', 'Demo buruh di depan gedung KPU jelang pemilu'],
    ['a demonstration, Title Case headline', 'Demo Buruh Berakhir Ricuh - Pilpres 2024'],
    ['May Day', 'Hari Buruh jatuh sebelum pilkada'],
    ['a plural marker', 'para buruh pabrik ikut pemilu'],
    ['workers\' wages', 'upah buruh naik setelah pemilu'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(false));
});

describe('…while the party named with election words still counts', () => {
  it.each([
    ['the short name beside an election body', 'Buruh lolos verifikasi KPU untuk pemilu 2024'],
    ['the full name', 'Partai Buruh siap ikut pemilu'],
    ['the full name after "demo"', 'demo Partai Buruh jelang pemilu'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
});

describe('an ambiguous party acronym in capitals after such a word stays the party', () => {
  it('"aksi PKB" with an election word', () => expect(warns(sev('Aksi PKB jelang pemilu bagi sembako'))).toBe(true));
});

// Paraphrased, written for the project (development news sentences, 2026-12-07): "elektabilitas", a poll's
// measure of how electable a candidate or party is, is election vocabulary; it confirms a party name that is
// an everyday word as it confirms any other.
describe('"elektabilitas" is election vocabulary', () => {
  it('confirms "Demokrat" beside it', () => expect(warns(sev('Kata pengamat, kasus itu bikin elektabilitas Demokrat turun'))).toBe(true));
  it('alone it is low: an election is discussed, nobody named', () => expect(sev('Survei terbaru soal elektabilitas dirilis pekan depan')).toBe('low'));
  it('"demokrat" as the common noun, without it, stays none', () => expect(sev('Dia seorang demokrat sejati sejak muda')).toBe('none'));
});
