import { describe, expect, it } from 'vitest';
import { severityOn } from './helpers.ts';

// Invented headlines, at a Pilpres campaign day. A ballot number with election words and no contest named is
// low ("TPS 02" is a polling station); after a word that names a pair ("paslon 02", "kubu 01") it is the pair.
const at = '2024-01-15';
const sev = severityOn(at);

describe('a pair named by its ballot number', () => {
  it.each([
    ['"paslon" before the number', 'Hasil real count paslon 01 unggul'],
    ['"cawapres" before the number', 'Demo cawapres 02 minta didiskualifikasi'],
    ['"kubu" before the number, an election word', 'Kecurangan pemilu oleh kubu 02 terbongkar'],
    ['"kampanye" before the number', 'Foto kampanye 01 di stadion hari ini'],
    ['"paslon nomor" before the number', 'Pendukung paslon nomor 03 kumpul di alun-alun'],
  ])('%s: %s → medium', (_why, text) => expect(sev(text)).toBe('medium'));
});

describe('…while other numbers beside election words stay low', () => {
  it.each([
    ['a polling station', 'TPS 02 di kelurahan ini buka jam 7, pemilu lancar'],
    ['a neighbourhood', 'Warga RT 02 siap sukseskan pemilu'],
    ['a number far from the pair word', 'Paslon datang ke TPS 02 untuk kampanye'],
  ])('%s: %s', (_why, text) => expect(sev(text)).toBe('low'));
});
