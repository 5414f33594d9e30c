import { describe, expect, it } from 'vitest';
import { severityOn, warns } from './helpers.ts';

// Invented sentences paraphrasing two development classes of the ninth pass (docs/engine.md, "Development
// misses, ninth pass"). (a) A party's short name right after a word of the party's own organisation names
// the party as an organisation, a 2024 contestant: also in lower case ("fraksi pkb", as news copied in lower
// case writes it) and after "Legislator", "Elite", "anggota dewan". (b) Informal writing puts the figure 2
// for a reduplicated plural ("perubahan2" = changes): the common noun, not AMIN's slogan or the Labour party.
const pilkada = severityOn('2024-10-15');
const pilpres = severityOn('2024-01-15');

describe('a party\'s short name after a word of its organisation', () => {
  it.each([
    ['faction chair, lower case', 'ketua fraksi pkb bilang rapat paripurna diundur pekan depan'],
    ['a cadre, lower case', 'aku dulu kader pkb di kampung, sekarang sudah pensiun'],
    ['a legislator', 'Legislator PKB minta pemerintah tambah kuota guru honorer'],
    ['the elite', 'Presiden makan malam dengan Elite PSI di Bali'],
    ['a member of the council', 'sumbangan gotong royong anggota dewan PKB untuk korban banjir'],
  ])('%s: %s → medium or high', (_why, text) => expect(warns(pilkada(text))).toBe(true));
  it.each([
    ['the motor tax in lower case', 'pemutihan pkb diperpanjang sampai akhir tahun'],
    ['the UN\'s member states', 'negara anggota PBB sepakat soal gencatan senjata'],
    ['the UN\'s secretary-general', 'Sekjen PBB kunjungi pengungsi di perbatasan'],
    ['democratic, lower case', 'negara demokrat harus menghormati hak warganya'],
  ])('stays none: %s: %s', (_why, text) => expect(pilkada(text)).toBe('none'));
});

describe('a plural written with the figure 2 is not the campaign term', () => {
  it.each([
    ['changes, beside an election word', 'Menjelang pemilu ada perubahan2 kecil di jadwal kantor'],
    ['workers, not the party', 'buruh2 pabrik diliburkan waktu pemilu nanti'],
  ])('%s: %s', (_why, text) => expect(warns(pilpres(text))).toBe(false));
  it.each([
    ['the slogan beside an election word', 'Pemilu kali ini saatnya perubahan, AMIN!'],
    ['the pair\'s hashtag with the year', '#AMIN2024 pasti menang'],
  ])('stays: %s: %s', (_why, text) => expect(warns(pilpres(text))).toBe(true));
});
