import { describe, expect, it } from 'vitest';
import { label } from '../../../../scripts/eval/label.ts';

// Paraphrased headlines and comments, written for the project. The labels decide which texts count as
// "naming a 2024 candidate or party" and which as "process news that names nobody" (docs/engine.md).
describe("a pair acronym in capitals, or a party's full name, names them", () => {
  it.each([
    'AMIN janji perbaiki nasib guru honorer kalau menang pilpres',
    'Relawan deklarasi dukung paslon AMIN di alun-alun',
    'Partai Bulan Bintang buka posko kampanye di kecamatan',
    // seen in the seventh batch (development news): lower case, hyphens, full names, Aceh's own parties
    'fraksi pks menolak revisi aturan itu',
    'kader ppp berharap ketua umum maju',
    'rapat pkb membahas pemenangan',
    'Ketua DPD PDI-P hadir di acara itu',
    'pengurus pdi-perjuangan menggelar rapat',
    'Partai Demokrasi Indonesia Perjuangan menggelar rakernas',
    'Partai Golongan Karya mengusung kadernya',
    'partai aceh meraih kursi terbanyak di DPRA',
  ])('%s', (text) => expect(label(text).names).toBe(true));
});

describe('the everyday word stays unnamed', () => {
  it.each([
    'Amin, semoga kampanye hari ini lancar dan aman',
    'amin ya allah, semoga pemilu damai',
    'KPU umumkan jadwal kampanye terbuka',
    'SEMOGA PEMILU DAMAI DAN LANCAR, AMIN',
    // "pan" and "psi" are words: only in capitals do they name the parties
    'pan nya udah panas, masukin telurnya',
    'tekanan ban 32 psi sebelum mudik',
  ])('%s', (text) => expect(label(text).names).toBe(false));
});

// The governor pairs of the provinces the fourth batch covers (KPU candidate lists), written the way
// headlines and comments write them; each text also records which contest it names.
describe('a 2024 governor candidate of a further province names that contest', () => {
  it.each([
    ['Ahmad Luthfi dan Taj Yasin kampanye di Semarang', 'jawa tengah'],
    ['Andika Perkasa janji perbaiki jalan desa', 'jawa tengah'],
    ['Dedi Mulyadi blusukan ke pasar Purwakarta', 'jawa barat'],
    ['Syaikhu-Ilham Habibie daftar ke KPU Jabar', 'jawa barat'],
    ['Bobby Nasution dan Edy Rahmayadi debat soal jalan rusak', 'sumatera utara'],
    ["Rudy Mas'ud unggul hitung cepat", 'kalimantan timur'],
    ['Wayan Koster sapa warga Buleleng', 'bali'],
    ['Danny Pomanto kunjungi pasar Makassar', 'sulawesi selatan'],
    ['Ria Norsan dan Sutarmidji saling sindir', 'kalimantan barat'],
    ['Mahyeldi lanjutkan program di Padang', 'sumatera barat'],
  ])('%s → %s', (text, contest) => {
    const l = label(text);
    expect(l.names).toBe(true);
    expect(l.contests).toContain(contest);
  });

  it('a Pilpres name and a party are contests of their own', () => {
    expect(label('Prabowo hadiri rapat Gerindra').contests).toEqual(['pilpres', 'party']);
    expect(label('Pramono dan Rano Karno menang').contests).toEqual(['jakarta']);
  });
});

describe('short names that are everyday words or common given names stay unnamed', () => {
  it.each([
    'surya tenggelam di pantai kuta sore ini',
    'Jihan lagi masak rendang buat lebaran',
    'Mas Hendi tukang las depan rumah',
    'seno main bola sama teman',
    'KPU Jateng umumkan jadwal debat cagub',
  ])('%s', (text) => {
    expect(label(text).names).toBe(false);
    expect(label(text).contests).toEqual([]);
  });
});
