import { describe, expect, it } from 'vitest';
import { label } from '../../../../scripts/eval/label.ts';

// Paraphrased headlines and comments, written for the project. The labels decide which texts count as
// "naming a 2024 candidate or party" and which as "process news that names nobody" (docs/engine.md).
describe("a pair acronym in capitals, or a party's full name, names them", () => {
  it.each([
    'AMIN janji perbaiki nasib guru honorer kalau menang pilpres',
    'Relawan deklarasi dukung paslon AMIN di alun-alun',
    'Partai Bulan Bintang buka posko kampanye di kecamatan',
  ])('%s', (text) => expect(label(text).names).toBe(true));
});

describe('the everyday word stays unnamed', () => {
  it.each([
    'Amin, semoga kampanye hari ini lancar dan aman',
    'amin ya allah, semoga pemilu damai',
    'KPU umumkan jadwal kampanye terbuka',
    'SEMOGA PEMILU DAMAI DAN LANCAR, AMIN',
  ])('%s', (text) => expect(label(text).names).toBe(false));
});
