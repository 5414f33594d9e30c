import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { loadEngine } from '../../../rules/engine.ts';
import { severityOn, shippedEngine, warns } from './helpers.ts';

// Paraphrased, written for the project: "Airin" (Pilgub Banten no. 1) is a context-requiring given name.
const engine = shippedEngine();
const at = '2024-10-15';
const sev = severityOn(at);

describe('evidence turns a context-requiring candidate name on', () => {
  it.each([
    ['a support verb right beside the name', 'kami sekeluarga pilih Airin'],
    ['a support verb right beside the name', 'warga sini dukung airin'],
    ['an honorific and the contest region', 'Bu Airin paling cocok buat Banten'],
    ['an honorific and a regency of the contest', 'bu airin sudah terbukti di tangerang selatan'],
    ['an honorific and a support verb in the field', 'Bu Airin ngomongnya jelas, saya mau pilih yang begitu'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
});

describe('an everyday homonym without election evidence stays none', () => {
  it.each([
    ['the name alone', 'Airin lagi masak di dapur'],
    ['an honorific alone', 'Bu Airin guru les piano anak saya'],
    ['a region alone', 'Airin baru pulang dari Tangerang'],
    ['a support verb far away in another sentence', 'Airin ulang tahun hari ini, kue coklat atau keju ya enaknya, aku sih pilih coklat'],
    ['a region that is an everyday word', 'bu airin hatinya lagi malang'],
  ])('%s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('region names are rule data, not engine code', () => {
  const bundle = loadDefaultBundle();
  const withRegions = (regions: typeof bundle.regions) => loadEngine(compileBundle({ ...bundle, regions }));
  const text = 'Bu Airin paling cocok buat Kota Contoh';
  it('a place name added to the bundle counts for its province', () => {
    const e = withRegions([...(bundle.regions ?? []).filter((r) => r.code !== '36'), { code: '36', names: ['kota contoh'] }]);
    expect(warns(e.evaluate({ text }, { at }).severity)).toBe(true);
    expect(e.evaluate({ text: 'Bu Airin paling cocok buat Banten' }, { at }).severity).toBe('none');
  });
  it('without regions in the bundle there is no region evidence', () => {
    expect(withRegions(undefined).evaluate({ text: 'Bu Airin paling cocok buat Banten' }, { at }).severity).toBe('none');
  });
  it('a place name of another province is no evidence', () => {
    expect(sev('Bu Airin paling cocok buat Surabaya')).toBe('none');
  });
  it('counts a place named in another field of the action', () => {
    expect(warns(engine.evaluate({ text: 'Bu Airin paling cocok', group: 'Warga Banten' }, { at }).severity)).toBe(true);
  });
});

describe('the reason lists which evidence counted', () => {
  const reason = (text: string, content: Record<string, string> = {}) =>
    engine.evaluate({ text, ...content }, { at }).reasons.find((r) => r.kind === 'candidate' && r.matched.toLowerCase() === 'airin');
  it.each([
    ['Bu Airin paling cocok buat Banten', ['honorific "Bu"', 'region "Banten"']],
    ['kami sekeluarga pilih Airin', ['support "pilih" beside the name']],
    ['Bu Airin ngomongnya jelas, saya mau pilih yang begitu', ['honorific "Bu"', 'support "pilih" in the field']],
    ['Airin ikut pilkada tahun ini', ['election word "pilkada"']],
  ])('%s', (text, evidence) => expect(reason(text)?.evidence).toEqual(evidence));
  it('names the place found in another field', () => {
    expect(reason('Bu Airin paling cocok', { group: 'Warga Tangerang Selatan' })?.evidence).toEqual(['honorific "Bu"', 'region "Tangerang Selatan"']);
  });
  it('a name that counts alone carries no evidence list', () => {
    const r = engine.evaluate({ text: 'Airin Rachmi Diany' }, { at }).reasons.find((x) => x.kind === 'candidate');
    expect(r).toBeDefined();
    expect(r?.evidence).toBeUndefined();
  });
});

// Failure classes of the development comment sources (docs/engine.md, "Development misses by class",
// 2026-12-06); every text paraphrased, written for the project.
describe('further evidence from how comment sections name a candidate', () => {
  it.each([
    ['an honorific and praise beside the name', 'Bu Airin memang keren sekali'],
    ['an honorific with "Hj" between and praise', 'ibu hj Airin mantap pokoknya'],
    ['a choice idiom beside the name', 'pokoknya airin bukan yang lain'],
    ['a choice idiom beside the name', 'tetap airin, gak ada yg lain'],
    ['a rally cry before the name', 'Hidup Airin!!'],
    ['the contest office beside the name and the region', 'semoga airin jadi gubernur banten'],
    ['the running mate named beside the name (both context-requiring)', 'luluk dan lukman cocok'],
    ['the running mate with honorifics', 'pak andra dan pak dimyati menyala'],
    ['praise before the honorific', 'Mantap bu hj Airin'],
    ['a word of the race and the region', 'dimyati itu calon yang paling pas buat pandeglang'],
    ['an honorific and the debate', 'pak dimyati di debat tadi lumayan'],
    ['supporters named beside the name', 'para pendukung airin kumpul di sini'],
    ['a misspelt vote verb beside the name', 'pasti gw toblos airin'],
    ['a party of the candidate\'s coalition and the region', 'Luluk PKB di Jatim kayaknya berat'],
    ['an honorific and a party of the candidate\'s coalition', 'mba Luluk dari PKB rajin turun ke desa'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
});

describe('…and the everyday homonym without such evidence stays none', () => {
  it.each([
    ['praise alone', 'Airin keren banget hari ini'],
    ['an honorific alone, praise far away', 'Bu Airin tadi datang ke sekolah, acaranya seru dan pentasnya anak-anak keren'],
    ['office word alone', 'Airin kerja di kantor gubernur'],
    ['a life story, not a rally cry', 'kisah hidup Airin bikin terharu'],
    ['two common given names far apart', 'Luluk lagi masak sayur lodeh di rumah nenek di desa sebelah yang jauh sekali dari kota, sorenya ketemu Lukman'],
    ['an honorific, praise for something three words on', 'Bu Airin bawa kue, rasanya keren'],
    ['a rally cry for something else', 'Hidup sehat ala Airin'],
    ['the debate alone', 'Airin debat sama adiknya soal film'],
    ['an honorific and a party outside the candidate\'s coalition', 'Bu Airin dari PKB datang ke arisan'],
    ['a coalition party alone', 'Luluk PKB ngomong soal kuota haji'],
    // the operating-point sweep (docs/engine.md, 2026-12-07): the candidate's own number alone would confirm these
    ['a time that reads as her ballot number', 'airin pulang jam 01.30'],
    ['a count that equals her ballot number', 'Airin beli 1 roti di warung'],
    ['an honorific and "tetap" (still), no praise', 'Bu Airin tetap di rumah hari ini'],
    ['an honorific and LPG gas', 'pak Andra antar gas ke warung'],
    ['an honorific and a cooking contest won', 'Bu Airin juara lomba masak'],
    ['a word of the race far from the name', 'Airin tadi cerita panjang soal kucingnya yang lucu, terus ada calon mahasiswa baru'],
  ])('%s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('the Pilgub Banten running mate is named by his short name', () => {
  it.each([
    ['an honorific and the region', 'Pak Dimyati bicara soal Banten'],
    ['a support verb beside it', 'saya pilih dimyati'],
  ])('%s: %s', (_why, text) => {
    const r = engine.evaluate({ text }, { at }).reasons.find((x) => x.kind === 'candidate');
    expect(r?.contest?.id).toBe('pilgub-banten-2024');
  });
  it('stays none alone', () => expect(sev('Dimyati baru beli motor')).toBe('none'));
});

// Failure classes of the development comment sources, second pass (docs/engine.md, "Comment-section
// misses by class", 2026-12-06, evening); every text paraphrased, written for the project.
describe('comment-section cheering and choosing count as evidence', () => {
  it.each([
    ['an honorific and a city abbreviation of the contest', 'bu airin sudah terbukti di tangsel'],
    ['an honorific and a Jakarta city abbreviation', 'Bang Pramono orang jaksel ya'],
    ['an honorific and hearts right after the name', 'Bu Airin ❤❤❤'],
    ['an honorific and a heart-eyes emoji glued to the name', 'ibu airin😍'],
    ['the region and a heart between it and the name', 'Tangsel ❤ Airin'],
    ['praise after filler words ("is the")', 'Bu Airin is the best'],
    ['praise after filler words ("memang paling")', 'ibu Airin memang paling hebat'],
    ['praise in English and an honorific', 'Ibu Airin good'],
    ['praise before the name and an honorific', 'bravo bu airin'],
    ['"tetap X" ending the comment: still choosing X', 'kalau saya tetap Airin'],
    ['"tetap X" before a comma', 'pokoknya tetap bu Airin, sudah terbukti'],
    ['"X di hati" and an honorific', 'Ibu Airin di hati selalu'],
    ['an honorific and the office further away in the field', 'Ibu airin itu perempuan yang sangat layak jadi gubernur'],
    ['opposition right before the name', 'anti dimyati pokoknya'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
});

describe('…and without them the everyday homonym stays none', () => {
  it.each([
    ['hearts alone', 'Airin ❤❤'],
    ['an honorific, a heart for something else', 'Bu Airin bawa kue enak banget ❤'],
    ['praise alone after a filler', 'Airin is the best'],
    ['"tetap X" inside a sentence: still X doing something', 'tetap Airin yang masak hari ini'],
    ['"di hati" alone', 'Airin di hati'],
    ['the office far away, no honorific', 'Airin cerita soal kantornya yang jauh dari rumah, dekat kantor gubernur'],
    ['opposition for something else', 'Airin anti gula sekarang'],
    ['an honorific and leading a prayer (no office)', 'Pak Dimyati memimpin doa di masjid'],
  ])('%s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('the Pilgub Banten running mate "Ade", as the press writes the pair ("Airin-Ade")', () => {
  it.each([
    ['joined to the candidate by "dan"', 'airin dan ade mantap'],
    ['both with honorifics', 'Bu Airin dan Pak Ade sudah terbukti'],
  ])('%s: %s', (_why, text) => {
    const r = engine.evaluate({ text }, { at }).reasons.find((x) => x.kind === 'candidate');
    expect(r?.contest?.id).toBe('pilgub-banten-2024');
  });
  it.each([
    ['the everyday word (a younger sibling) alone', 'ade lagi tidur di kamar'],
    ['an honorific alone', 'pak ade tukang sayur datang pagi'],
    ['a given name and the sibling words apart', 'Airin lagi main, terus ade nangis minta susu'],
  ])('stays none: %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('comment-section style, second step: stops, rally cries, signs', () => {
  it.each([
    ['an honorific with a full stop after it, and hearts', 'IBU. AIRIN. ❤❤'],
    ['an honorific with a full stop, and the region', 'ayo bu. airin buat banten'],
    ['"maju" opening the comment as a rally cry, and an honorific', 'Maju bu Airin'],
    ['"maju terus" after the name, and an honorific', 'ibu airin maju terus'],
    ['"tidak yg lain" (no "ada") after the name', 'Bu Airin tidak yg lain'],
    ['"luar biasa" before the name, and an honorific', 'sungguh luar biasa bu Airin'],
    ['praise for how a leader speaks, and an honorific', 'Bu Airin memang sangat berwibawa'],
    ['elected beside the name, and an honorific', 'semoga bu airin terpilih'],
    ['the pair\'s own hand sign beside the name, and an honorific', '☝️ Bu Airin'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['"maju" inside a sentence: stepping forward', 'giliran Airin maju ke depan kelas'],
    ['"luar biasa" alone beside the name', 'luar biasa Airin hari ini'],
    ['another pair\'s hand sign beside the name', '✌️ Bu Airin'],
    ['elected for something else, no honorific', 'Airin terpilih jadi ketua kelas'],
  ])('stays none: %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('comment-section style, third step: "yes", "X aja", political words', () => {
  it.each([
    ['"yes" after the name and the region', 'buat banten airin yes'],
    ['"X aja" closing a clause and the region', 'Pandeglang mah Airin aja.'],
    ['"X saja" closing the comment and an honorific', 'sudah bu Airin saja'],
    ['a word of politics in the field, the region', 'dinasti dimyati bikin pandeglang tertinggal'],
    ['a word of politics in the field, an honorific', 'pak dimyati dulu pernah kena kasus korupsi'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['"yes" alone', 'Airin yes, aku ikut'],
    ['"X aja" alone', 'yang berangkat Airin aja.'],
    ['"X aja" going on', 'bu Airin aja belum datang'],
    ['a word of politics alone', 'Dimyati nonton berita korupsi'],
    ['a word of politics and a far office word only', 'Dimyati baca berita korupsi, katanya ada pejabat kantor gubernur ditangkap'],
  ])('stays none: %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('a rival of the same contest named in the same field', () => {
  it.each([
    ['the rival by a context-requiring name and an honorific', 'bu airin jauh lebih jelas dari andra'],
    ['the rival and praise beside the name', 'dimyati muter muter, airin mantap'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['two given names in a list, nothing else', 'Airin, Andra dan Budi ulang tahun bulan ini'],
  ])('stays none: %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

// Headline style (development Pilpres and party headlines): a context-requiring party acronym right
// after a word of the party's own organisation names the party.
describe('a party acronym after a word of party organisation', () => {
  it.each([
    ['a regional board', 'Ketua DPD PSI Kota Contoh dilantik hari ini'],
    ['the party chair', 'Hari ini Ketum PAN datang ke pasar'],
    ['a party cadre', 'kader PKB bagi sembako di desa'],
  ])('%s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['the acronym alone', 'PSI Kota Contoh dilantik hari ini'],
    ['the everyday word in lower case', 'ketua kelas pan sini dong'],
    ['the UN\'s Secretary-General ("Sekjen PBB")', 'Sekjen PBB minta perang segera dihentikan'],
  ])('stays none: %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

// Paraphrased, written for the project: "Sanusi" (Pilbup Malang 2024 no. 1) is a one-word, context-requiring
// name of a regency race. With some 1,500 local pairs, such names are shared by election officials, council
// members and commentators who appear in the same election news, so an election word says that a Pilkada is
// discussed, not that this regency's candidate is.
describe('a one-word name of a regency or city race needs evidence of that race, not only an election word', () => {
  it.each([
    ['its office and region', 'Bupati Malang Sanusi maju lagi di pilkada'],
    ['a support verb beside the name', 'pilkada nanti saya pilih Sanusi'],
    ['its own ballot number', 'Sanusi nomor urut 1 di pilkada'],
    ['its region in another field', 'ikut pilkada, Sanusi lagi', { group: 'Warga Kab Malang' }],
  ])('on with %s: %s', (_why: string, text: string, more: Record<string, string> = {}) => expect(warns(engine.evaluate({ text, ...more }, { at }).severity)).toBe(true));
  it.each([
    ['an election word of another race', 'Mantan anggota dewan Sanusi menilai pilkada Jakarta bakal ketat'],
    ['an election official quoted', 'Ketua panitia Sanusi: tahapan pilkada berjalan lancar'],
    ['an election word in another field', 'Pak Sanusi sudah datang ke rapat', { group: 'Relawan Pemilu Kampus' }],
  ])('not on with %s: %s', (_why: string, text: string, more: Record<string, string> = {}) => expect(warns(engine.evaluate({ text, ...more }, { at }).severity)).toBe(false));
  it('counts the election word as evidence, and says so', () => {
    const r = engine.evaluate({ text: 'Sanusi jadi bupati lagi habis pilkada' }, { at }).reasons.find((x) => x.matched === 'Sanusi');
    expect(r?.evidence).toEqual(['office or race "bupati" beside the name', 'election word "pilkada"']);
  });
  it('a governor candidate named with an election word still counts (few, and known across the province)', () => {
    expect(warns(sev('Airin ikut pilkada tahun ini'))).toBe(true);
  });
});

// Paraphrased, written for the project. A regency race is one of 38 in Jawa Timur: the province, or another
// regency of it, beside a one-word name does not point at the Malang race the way "Kab Malang" does.
describe('the region that counts for a regency or city race is that regency or city', () => {
  it('its own regency counts', () => expect(warns(sev('Bu Sanusi paling cocok buat Kab Malang'))).toBe(true));
  it.each([
    ['the province', 'Bu Sanusi paling cocok buat Jatim'],
    ['another regency of the province', 'Bu Sanusi paling cocok buat Lamongan'],
  ])('%s does not: %s', (_why, text) => expect(warns(sev(text))).toBe(false));
  it('a governor race still counts any place of its province', () => expect(warns(sev('bu airin sudah terbukti di tangerang selatan'))).toBe(true));
});

// Paraphrased, written for the project (development misses, 2026-12-07 morning): the colloquial vote verb
// "milih" (memilih without its prefix) and the imperative "pilihlah" right before the name, "trus" as
// comment sections spell "terus", and "gub" for gubernur.
describe('colloquial spellings of the choice, the rally cry and the office', () => {
  it.each([
    ['"milih" right before the name', 'saya sekeluarga pasti milih Bu Airin'],
    ['"milih" right before the name', 'aku milih dimyati, titik'],
    ['"pilihlah" right before the name', 'pilihlah ibu Airin'],
    ['"maju trus" after the name', 'Airin maju trus!'],
    ['"gub" beside the name, and the region', 'airin yg cocok jadi gub banten'],
  ])('on with %s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['"milih" after the name, with its own object', 'Airin lagi milih baju di pasar'],
    ['"milih" after the name, reduplicated', 'Airin lagi milih-milih kado buat ibunya'],
    ['"maju" without "trus"', 'Airin maju ke depan kelas'],
    ['"gub" beside the name, nothing else', 'Airin kerja di kantor gub'],
  ])('none with %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

// Paraphrased, written for the project: "buk" is how comment sections write the honorific "bu".
describe('"buk" is the honorific "bu"', () => {
  it.each([
    ['with praise beside the name', 'semangat buk airin'],
    ['with praise after the name', 'Buk airin cerdas banget'],
  ])('on %s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['the honorific alone', 'buk airin guru les piano anak saya'],
    ['"buku", a book', 'buku airin ketinggalan, semangat ya'],
  ])('none with %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

// Paraphrased, written for the project (development misses, 2026-12-07, fifth pass): comment sections write
// the vote verb without vowels or its final h ("plih", "pilihla"), stretch the rally cry ("majuuu"), and
// cheer in English ("go X", "X for <place>"). The English cheers count as praise (2): never enough alone.
describe('comment-section spellings of the choice, the rally cry and cheering', () => {
  it.each([
    ['"plih" right before the name', 'kami warga sini plih airin'],
    ['"pilihla" right before the name', 'dari cara bicaranya pilihla ibu airin'],
    ['"majuuu" opening the comment', 'Majuuu bu airin'],
    ['"go" beside the name, and the region', 'go airin, banten butuh pemimpin'],
    ['"X for" and the region', 'Airin for banten....'],
  ])('on with %s: %s', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['"plih" after the name', 'Airin lagi plih baju di pasar'],
    ['"go" alone', 'go airin, jangan lupa makan'],
    ['"X for" alone', 'makasih Airin for coming ya'],
    ['"majuuu" inside a sentence', 'giliran Airin majuuu ke depan kelas'],
  ])('none with %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});
