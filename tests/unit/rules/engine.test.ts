import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { COMPILED_FORMAT, loadEngine, FIELD_CAP, type Severity } from '../../../rules/index.ts';
import { devBundle, devEngine, shippedEngine } from './helpers.ts';

const PILPRES_CAMPAIGN = '2024-01-10';
const PILKADA_CAMPAIGN = '2024-10-15';
const AFTER = '2025-06-01';

// [text, date, expected severity, optional region]
const TABLE: Array<[string, string, Severity, string?]> = [
  // false-positive traps: everyday words that are also acronyms, parties or salutes
  ['Amin ya Allah, semoga lekas sembuh', PILPRES_CAMPAIGN, 'none'],
  ['Amin amin amin 🤲', PILPRES_CAMPAIGN, 'none'],
  ['Selamat pagi semuanya, semangat kerja!', PILPRES_CAMPAIGN, 'none'],
  ['Jangan lupa bayar PBB sebelum jatuh tempo ya', PILPRES_CAMPAIGN, 'none'],
  ['Sidang umum PBB membahas krisis iklim', PILPRES_CAMPAIGN, 'none'],
  ['Pajak PKB kendaraan bisa dibayar online', PILPRES_CAMPAIGN, 'none'],
  ['Timnas Garuda menang 2-0 atas Vietnam!', PILPRES_CAMPAIGN, 'none'],
  ['Terbang pakai Garuda Indonesia ke Bali', PILPRES_CAMPAIGN, 'none'],
  ['anaknya gemoy banget sih', PILPRES_CAMPAIGN, 'none'],
  ['Pose salam 2 jari, check ✅', PILPRES_CAMPAIGN, 'none'],
  ['Salam 2 jari bang', PILPRES_CAMPAIGN, 'none'],
  ['Lagu Iwan Fals - Salam 2 Jari', PILPRES_CAMPAIGN, 'none'],
  ['Semangat gelora anak muda di GBK', PILPRES_CAMPAIGN, 'none'],
  ['Perubahan jadwal kereta hari ini', PILPRES_CAMPAIGN, 'none'],
  ['Foto bareng ✌️ di pantai', PILPRES_CAMPAIGN, 'none'],
  ['Dia bilang mau datang besok', PILKADA_CAMPAIGN, 'none'],
  ['Pengadilan Agama (PA) Surabaya', PILPRES_CAMPAIGN, 'none'],
  ['Pilih nomor 2 untuk warna merah ya kak', PILPRES_CAMPAIGN, 'none'],
  ['Kabinet Indonesia Maju rapat terbatas membahas Asta Cita', AFTER, 'none'],
  ['Presiden Prabowo meresmikan jembatan, Indonesia Maju!', AFTER, 'none'],
  ['Wapres Gibran meninjau sekolah di Solo', AFTER, 'none'],
  // true positives
  ['Ayo menangkan Prabowo-Gibran! #PrabowoGibran2024', PILPRES_CAMPAIGN, 'high'],
  ['#AminAjaDulu', PILPRES_CAMPAIGN, 'high'],
  ['aminajadulu bos', PILPRES_CAMPAIGN, 'high'],
  ['Salam satu jari! Anies-Muhaimin untuk Indonesia', PILPRES_CAMPAIGN, 'high'],
  ['AMIN menang! Anies presidenku', PILPRES_CAMPAIGN, 'high'],
  ['Coblos nomor 2 ya, Prabowo Gibran', PILPRES_CAMPAIGN, 'high'],
  ['Paslon 03 Ganjar Mahfud sat set', PILPRES_CAMPAIGN, 'high'],
  ['L3bihbaik', PILPRES_CAMPAIGN, 'high'],
  ['Pr4bowo gemoyyy ✌️', PILPRES_CAMPAIGN, 'high'],
  ['G4njar presiden rakyat, salam tiga jari!', PILPRES_CAMPAIGN, 'high'],
  ['#TolakAnies', PILPRES_CAMPAIGN, 'high'],
  ['Salam 4 jari!', PILPRES_CAMPAIGN, 'high'],
  ['Prabowo gemoy joget di Semarang', PILPRES_CAMPAIGN, 'medium'],
  ['Anies berkunjung ke pasar pagi ini', PILPRES_CAMPAIGN, 'medium'],
  ['Gerindra gelar konsolidasi kader', AFTER, 'medium'],
  ['PKB siapkan caleg muda', AFTER, 'medium'],
  ['Ayo coblos PDIP!', PILPRES_CAMPAIGN, 'high'],
  ['Khofifah-Emil dua periode! Coblos nomor 2', PILKADA_CAMPAIGN, 'high', '35'],
  ['RIDO untuk Jakarta, coblos nomor 1', PILKADA_CAMPAIGN, 'high', '31'],
  // a would-be candidate (not yet a contestant) with election vocabulary and a support cue
  ['Dukung Prabowo maju capres lagi di 2029', '2027-06-01', 'medium'],
  ['Prabowo dua periode!', '2027-06-01', 'high'],
  // election vocabulary and neutral news
  ['Jangan lupa datang ke TPS tanggal 14 Februari', PILPRES_CAMPAIGN, 'low'],
  ['Bawaslu ingatkan ASN jaga netralitas jelang pilkada', PILKADA_CAMPAIGN, 'low'],
  ['KPU tetapkan hasil rekapitulasi Pilpres 2024', '2024-03-20', 'low'],
  ['KPU: debat capres kedua digelar Minggu', PILPRES_CAMPAIGN, 'low'],
  // news that names a live pair still warns: a news cue takes high to medium, never medium to low
  ['Hasil rekapitulasi KPU: Anies-Muhaimin 24,95%', '2024-03-20', 'medium'],
  ['Hasil rekapitulasi KPU: Anies-Muhaimin 24,95%', '2024-06-01', 'low'], // finished: election vocabulary only
  ['KPU tetapkan Khofifah-Emil nomor urut 2 di Pilgub Jatim', '2024-09-23', 'medium'],
  ['Quick count: #PrabowoGibran2024 unggul', '2024-02-14', 'high'], // news under a live campaign hashtag is not stepped down
  // time: campaign material of a finished contest, officeholders after the election
  ['#PrabowoGibran2024', AFTER, 'low'],
  ['Khofifah meninjau banjir di Jember', '2025-06-01', 'none', '35'],
  ['Khofifah meninjau banjir di Jember', PILKADA_CAMPAIGN, 'medium', '35'],
  // region: a Jatim agency is not warned about Jakarta or Makassar races
  ['Appi-Aliyah menang! Coblos nomor 1', PILKADA_CAMPAIGN, 'low', '35'],
  ['Appi-Aliyah menang!', PILKADA_CAMPAIGN, 'none', '35'],
  ['Appi-Aliyah menang! Coblos nomor 1', PILKADA_CAMPAIGN, 'high', '73'],
  ['Khofifah-Emil menang!', PILKADA_CAMPAIGN, 'high', '35.78'],
  ['Khofifah-Emil menang!', PILKADA_CAMPAIGN, 'none', '31'],
];

describe('severity table (dev bundle)', () => {
  const engine = devEngine();
  it.each(TABLE)('%s @%s → %s', (text, at, expected, region) => {
    const v = engine.evaluate({ text }, region ? { at, region } : { at });
    expect(v.severity, JSON.stringify(v.reasons.map((r) => [r.kind, r.entityId, r.matched, r.severity]))).toBe(expected);
  });
});

describe('reasons', () => {
  const engine = devEngine();
  it('names contest, number and the exact original span', () => {
    const text = 'Ayo dukung Pr4bowo-Gibran 🙏';
    const v = engine.evaluate({ text }, { at: PILPRES_CAMPAIGN });
    const pair = v.reasons.find((r) => r.kind === 'pair');
    expect(pair?.contest).toEqual({ id: 'pilpres-2024', name: 'Pilpres 2024', number: 2 });
    expect(pair?.label).toBe('Pilpres 2024, nomor urut 02: Prabowo Subianto – Gibran Rakabuming Raka');
    expect(text.slice(...pair!.span)).toBe('Pr4bowo-Gibran');
    expect(pair?.matched).toBe('Pr4bowo-Gibran');
  });
  it('reports array fields with their index and handle/hashtag offsets without the added prefix', () => {
    const v = engine.evaluate({ hashtags: ['kuliner', 'AminAjaDulu'], handle: 'timnasamin' }, { at: PILPRES_CAMPAIGN, site: 'instagram' });
    const tag = v.reasons.find((r) => r.kind === 'hashtag');
    expect(tag).toMatchObject({ field: 'hashtags', index: 1, span: [0, 11], matched: 'AminAjaDulu', severity: 'high' });
    const acc = v.reasons.find((r) => r.kind === 'account');
    expect(acc).toMatchObject({ field: 'handle', span: [0, 10], matched: 'timnasamin' });
  });
  it('an account only counts on its own platform when the site is known', () => {
    expect(engine.evaluate({ handle: 'timnasamin' }, { at: PILPRES_CAMPAIGN, site: 'tiktok' }).severity).toBe('none');
    expect(engine.evaluate({ handle: 'timnasamin' }, { at: PILPRES_CAMPAIGN }).severity).toBe('high');
  });
  it('uses context from another field (draft "AMIN" under a candidate post)', () => {
    const v = engine.evaluate({ text: 'Anies-Muhaimin kampanye akbar di JIS', draft: 'AMIN!' }, { at: PILPRES_CAMPAIGN, action: 'comment' });
    expect(v.severity).toBe('medium');
    expect(v.reasons.some((r) => r.field === 'draft' && r.kind === 'pair')).toBe(true);
  });
  it('accepts Date and date-time for `at`', () => {
    expect(engine.evaluate({ text: 'Anies ke Medan' }, { at: new Date('2024-01-10T03:00:00Z') }).severity).toBe('medium');
    expect(engine.evaluate({ text: 'Anies ke Medan' }, { at: '2026-01-10T08:00:00+07:00' }).severity).toBe('none');
  });
});

describe('robustness', () => {
  const engine = devEngine();
  it('never throws on arbitrary content', () => {
    fc.assert(
      fc.property(
        fc.record({ text: fc.string({ unit: 'binary' }), hashtags: fc.array(fc.string()), handle: fc.string(), draft: fc.string({ unit: 'grapheme' }) }, { requiredKeys: [] }),
        fc.oneof(fc.constant('2024-01-10'), fc.string(), fc.date({ noInvalidDate: false }).map((d) => d as Date | string)),
        (content, at) => {
          const v = engine.evaluate(content, { at });
          expect(['none', 'low', 'medium', 'high']).toContain(v.severity);
          for (const r of v.reasons) {
            const f = r.field === 'hashtags' ? content.hashtags![r.index!]! : (content as Record<string, string>)[r.field]!;
            expect(r.span[0] >= 0 && r.span[0] <= r.span[1] && r.span[1] <= f.length).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
    // hostile shapes
    expect(engine.evaluate(null as never, null as never).severity).toBe('none');
    expect(engine.evaluate({ text: 42 as never, hashtags: 'x' as never }, { at: 'garbage' }).severity).toBe('none');
  });
  it(`examines only the first ${FIELD_CAP} chars of a field`, () => {
    const pad = 'lorem ipsum '.repeat(Math.ceil(FIELD_CAP / 12));
    expect(engine.evaluate({ text: '#AminAjaDulu ' + pad }, { at: PILPRES_CAMPAIGN }).severity).toBe('high');
    expect(engine.evaluate({ text: pad + ' #AminAjaDulu' }, { at: PILPRES_CAMPAIGN }).severity).toBe('none');
    const huge = 'x'.repeat(5_000_000);
    expect(engine.evaluate({ text: huge, draft: huge }, { at: PILPRES_CAMPAIGN }).severity).toBe('none');
  });
});

describe('compiled form', () => {
  it('is JSON- and structured-clone-able and loads to the same verdicts', () => {
    const compiled = compileBundle(devBundle());
    expect(compiled.format).toBe(COMPILED_FORMAT);
    const a = loadEngine(JSON.parse(JSON.stringify(compiled)));
    const b = loadEngine(structuredClone(compiled));
    for (const [text, at] of TABLE) expect(a.evaluate({ text }, { at })).toEqual(b.evaluate({ text }, { at }));
    expect(a.bundleVersion).toBe(devBundle().version);
  });
  it('refuses another format version', () => {
    const compiled = compileBundle(devBundle());
    expect(() => loadEngine({ ...compiled, format: COMPILED_FORMAT + 1 })).toThrow(/format/);
  });
});

describe('a pair written as a hashtag is a campaign hashtag (real rules)', () => {
  const engine = shippedEngine();
  const sev = (text: string, at: string) => engine.evaluate({ text }, { at }).severity;
  it('#KhofifahEmil (no hashtag listed in the data) → high in the campaign, low after', () => {
    const v = engine.evaluate({ text: '#KhofifahEmil untuk Jatim berlari lebih kencang' }, { at: PILKADA_CAMPAIGN });
    expect(v.severity).toBe('high');
    expect(v.reasons.find((r) => r.kind === 'hashtag')).toMatchObject({ entityId: 'pilgub-jawa-timur-2024-02', matched: 'KhofifahEmil', span: [1, 13] });
    expect(sev('#KhofifahEmil untuk Jatim berlari lebih kencang', AFTER)).toBe('low');
  });
  it('the same pair as plain text stays a mention (medium), and one name as a hashtag is not a pair', () => {
    expect(sev('Khofifah-Emil untuk Jatim berlari lebih kencang', PILKADA_CAMPAIGN)).toBe('medium');
    // one live contestant's name as a hashtag is campaign material of its own (engine.campaign-tags.test.ts)
    const v = engine.evaluate({ text: '#Khofifah meninjau banjir di Jember' }, { at: PILKADA_CAMPAIGN });
    expect(v.severity).toBe('high');
    expect(v.reasons.map((r) => r.kind)).not.toContain('hashtag');
    expect(v.reasons[0]).toMatchObject({ kind: 'candidate', matched: 'Khofifah' });
  });
  it('also in the hashtags field', () => {
    expect(engine.evaluate({ hashtags: ['AniesMuhaimin'] }, { at: PILPRES_CAMPAIGN }).severity).toBe('high');
  });
});

// Found by checking the engine against public Indonesian text (docs/engine.md, "Measured on public data"):
// government text cites regulations as "Nomor N Tahun YYYY", and N looked like a ballot number that gave
// everyday words ("perubahan", "pagi") election context; lower-case "era", "pas", "pan" are everyday words.
describe('numbers that are no ballot number or hand sign (real rules)', () => {
  const engine = shippedEngine();
  const verdict = (text: string) => engine.evaluate({ text }, { at: PILPRES_CAMPAIGN });
  // the keycap "2️⃣" is a hand sign and normalises to the digit "2": a plain 2 in news about a candidate
  // was read as that hand sign, naming another pair's number ("kunjungi 3 desa" → Ganjar's "3 jari")
  it.each([
    ['Prabowo kunjungi 3 desa di Jawa Tengah', 'prabowo-subianto'],
    ['Debat ke-2 pilpres malam ini, Ganjar tampil tenang', 'ganjar-pranowo'],
    ['Ganjar makan siang bersama 2 anaknya', 'ganjar-pranowo'],
    ['Anies menyapa warga di 1 kampung nelayan', 'anies-baswedan'],
  ])('%s → medium, the candidate only', (text, person) => {
    const v = verdict(text);
    expect(v.severity, JSON.stringify(v.reasons)).toBe('medium');
    expect(v.reasons.filter((r) => r.severity === 'medium' || r.severity === 'high').map((r) => [r.kind, r.entityId])).toEqual([['candidate', person]]);
    expect(v.reasons.some((r) => r.kind === 'salute' || r.kind === 'ballot-number')).toBe(false);
  });
  it('a keycap, a hand-sign emoji, a salute phrase and a number beside the name still count', () => {
    const salutes = (text: string) => verdict(text).reasons.filter((r) => r.kind === 'salute' || r.kind === 'ballot-number').map((r) => r.entityId);
    expect(salutes('Debat capres: Ganjar 3️⃣ paling siap')).toContain('pilpres-2024-03');
    expect(salutes('Debat capres: Prabowo ✌ paling siap')).toContain('pilpres-2024-02');
    expect(salutes('Salam 3 jari untuk Ganjar')).toContain('pilpres-2024-03');
    expect(verdict('Dukung Prabowo 2 putaran? Tidak, satu saja').severity).toBe('high');
  });
  // a time, a date, a polling station, a neighbourhood: zero-padded like "02", and everywhere in news and
  // in the KPU and village posts ASN share; "Ganjar tiba pukul 03.15" was HIGH as ballot number 03
  it.each([
    ['Ganjar tiba pukul 03.15 di Solo untuk kampanye', 'medium'],
    ['Anies kampanye di Medan tanggal 01/01/2024', 'medium'],
    ['Prabowo hadir di TPS 02 Hambalang', 'medium'],
    ['Rekap suara pemilu jam 09:05 di kecamatan', 'low'],
    ['Jangan lupa gunakan hak pilih di TPS 03, pemilu tinggal sebulan', 'low'],
    ['KPPS TPS No. 04 siap untuk pemilu', 'low'],
    ['Warga RT 02/RW 05 siap sukseskan pemilu', 'low'],
    ['Caleg dapil 02 ikut debat pemilu', 'low'],
  ] as const)('%s → %s, no ballot number', (text, expected) => {
    const v = verdict(text);
    expect(v.severity, JSON.stringify(v.reasons)).toBe(expected);
    expect(v.reasons.some((r) => r.kind === 'ballot-number' || r.kind === 'salute')).toBe(false);
  });
  it('a ballot number next to those words, or ending a sentence, still counts', () => {
    const numbers = (text: string) => verdict(text).reasons.filter((r) => r.kind === 'ballot-number').map((r) => r.matched);
    expect(numbers('Dari TPS kita coblos nomor 02, Prabowo-Gibran!')).toEqual(['02']);
    expect(numbers('Pukul berapa pun, pilih 03 Ganjar-Mahfud.')).toEqual(['03']);
    expect(numbers('Ganjar-Mahfud, coblos nomor 03.')).toEqual(['03']);
    expect(numbers('#01 Anies-Muhaimin, 14/02 ke TPS')).toEqual(['01']); // the hashtag's number, not the date's
  });
});

// paraphrases of the #JakartaMenyala posts of October 2024 that came out none before the campaign's tagline,
// "Pramono" and "Bang Rano" were in the rules (docs/engine.md, "Measured on public data")
describe('Pilkada Jakarta 2024 campaign posts (real rules)', () => {
  const engine = shippedEngine();
  const verdict = (text: string, at = '2024-10-12') => engine.evaluate({ text }, { at });
  it.each([
    'Pramono janji perbaiki pendataan KJP di setiap kecamatan #JakartaMenyala',
    'Mantap, Mas Pramono dan Bang Rano turun ke Cipinang! #jakartamenyala',
    // news under the campaign's hashtag is the campaign's: the neutral cue "menurut data" does not step it down
    'Menurut data PPATK perputaran uang judi online capai Rp 600 T #JakartaMenyala',
  ])('a post under the campaign hashtag is high: %s', (text) => {
    const v = verdict(text);
    expect(v.severity, JSON.stringify(v.reasons)).toBe('high');
    expect(v.reasons.some((r) => r.kind === 'hashtag' && r.entityId === 'pilgub-dki-jakarta-2024-03')).toBe(true);
  });
  it('the nicknames count in the campaign, the bare given name with context only', () => {
    expect(verdict('Mas Pramono dan Bang Rano blusukan ke pasar').severity).toBe('medium');
    expect(verdict('Pramono blusukan ke pasar jelang pilgub').reasons.some((r) => r.entityId === 'pramono-anung')).toBe(true);
    expect(verdict('Pak Pramono, guru matematika kami, pensiun bulan depan').severity).toBe('none');
    // the tagline as a phrase needs context too (the hashtag does not)
    expect(verdict('Ayo bikin Jakarta Menyala bersama Mas Pramono!').severity).toBe('high');
  });
  it.each(['Urus KTP di kelurahan sekarang kagak ribet deh', 'Jakarta baru saja diguyur hujan deras', 'Lampu kota bikin malam Jakarta menyala terang'])(
    'everyday Jakarta text stays none: %s',
    (text) => expect(verdict(text).severity).toBe('none'),
  );
  it('after the election the governor named alone is not partisan, the tagline no longer high', () => {
    expect(verdict('Gubernur Pramono meresmikan taman kota', '2025-06-01').severity).toBe('none');
    expect(verdict('#JakartaMenyala', '2025-06-01').severity).toBe('low');
  });
});

describe('traps found in public data (real rules)', () => {
  const engine = shippedEngine();
  const verdict = (text: string) => engine.evaluate({ text }, { at: PILPRES_CAMPAIGN });
  it.each([
    'Sesuai PP Nomor 1 Tahun 2024, perubahan jadwal apel pagi berlaku Senin',
    'UU Nomor 20 Tahun 2023 tentang ASN mengatur perubahan sistem kepegawaian',
    'Keputusan Gubernur Nomor 3 Tahun 2024 tentang perubahan tarif parkir',
    'Perpres nomor dua tahun 2024 membawa perubahan besar bagi guru honorer',
    'Sudah 2 tahun tidak ada perubahan di kantor kami',
  ])('a regulation number or a count of years is no ballot number: %s', (text) => {
    const v = verdict(text);
    expect(v.severity, JSON.stringify(v.reasons)).toBe('none');
    expect(v.reasons.some((r) => r.kind === 'ballot-number')).toBe(false);
  });
  it('a marked ballot number still counts, and "tahun" elsewhere changes nothing', () => {
    expect(verdict('Coblos nomor 1 untuk perubahan!').severity).toBe('high');
    expect(verdict('Coblos nomor 1 untuk perubahan tahun ini!').severity).toBe('high');
    expect(verdict('Tahun ini coblos nomor 3, Ganjar-Mahfud!').reasons.some((r) => r.kind === 'ballot-number')).toBe(true);
  });
  it.each([
    ['janji manis cuma pas pilkada, habis itu lupa sama rakyat', 'low'],
    ['Pan sini belajar bayar pajak yang benar di kantor pajak', 'none'],
    ['di era pilpres dulu semua orang ribut di media sosial', 'low'],
  ] as const)('an acronym that is an everyday word counts only in capitals: %s', (text, expected) => {
    const v = verdict(text);
    expect(v.severity, JSON.stringify(v.reasons)).toBe(expected);
    expect(v.reasons.some((r) => ['party', 'pair'].includes(r.kind) && r.severity !== 'none')).toBe(false);
  });
  it.each([
    'Sukseskan pemilu, jangan sampai hilang hak pilih https://t.co/j04gtch7y8',
    'Ayo ke TPS, pilih sesuai hati nurani di pemilu https://bit.ly/3x02Kq',
    'Jadwal debat pilpres https://example.com/berita/2024/01/02/debat-capres',
    'Debat capres semalam, Ganjar bicara soal pendidikan https://bit.ly/3xyzQ',
  ])('digits inside a link are no ballot number or hand sign: %s', (text) => {
    const v = verdict(text);
    expect(v.severity, JSON.stringify(v.reasons)).toBe(text.includes('Ganjar') ? 'medium' : 'low'); // a candidate with election vocabulary
    expect(v.reasons.filter((r) => /^\d+$/.test(r.matched)), JSON.stringify(v.reasons)).toEqual([]);
  });
  it('a link is no CamelCase words: "t.co/qeNciHSAvA" names nobody', () => {
    const v = engine.evaluate({ text: 'Ayo sukseskan pilkada 2024 https://t.co/qeNciHSAvA' }, { at: '2024-10-15' });
    expect(v.severity, JSON.stringify(v.reasons)).toBe('low');
  });
  it('a 3-letter glued piece is written as 3 letters: "#ppksayung" (PPK Sayung) is no PKS, "#pksayung" is', () => {
    const parties = (text: string) => engine.evaluate({ text }, { at: '2024-10-15' }).reasons.filter((r) => r.kind === 'party').map((r) => r.entityId);
    expect(parties('Pendaftaran pantarlih pilkada #ppksayung #kpudemak')).toEqual([]);
    expect(parties('Kader solid untuk pilkada #pksayung')).toEqual(['pks']);
  });
  it.each([
    ['Menang lagi di pilkada #PDIPmenang', 'party', 'pdi-perjuangan'],
    ['Kader solid #PKSjuara di pilkada', 'party', 'pks'],
    ['#LUMANuntukJatim', 'hashtag', 'pilgub-jawa-timur-2024-01'],
  ])('an acronym in capitals glued to a lower-case word is read whole: %s', (text, kind, entityId) => {
    const v = engine.evaluate({ text }, { at: '2024-10-15' });
    expect(v.reasons.some((r) => r.kind === kind && r.entityId === entityId), JSON.stringify(v.reasons)).toBe(true);
  });
  it('capitals then a capitalised word still split before the last capital: #KPUMelayani is KPU', () => {
    const v = engine.evaluate({ text: 'Pantarlih siap bertugas #KPUMelayani #Pilkada2024' }, { at: '2024-10-15' });
    expect(v.severity).toBe('low');
    expect(v.reasons.filter((r) => r.severity !== 'none').map((r) => r.kind)).toEqual(['election-term']);
  });
  it('a ballot number beside a link still counts', () => {
    const v = verdict('Ayo pilih 02 di pemilu! https://t.co/Ab12cd');
    expect(v.reasons.filter((r) => r.kind === 'ballot-number').map((r) => r.matched)).toEqual(['02']);
    expect(v.severity).toBe('medium');
  });
  it('an opinion ("menurut gue") is no news: it does not step a verdict down', () => {
    const v = engine.evaluate({ text: 'Menurut gue Pramono-Rano nomor 3 paling cocok buat Jakarta' }, { at: '2024-10-15' });
    expect(v.severity, JSON.stringify(v.reasons)).toBe('high');
    expect(engine.evaluate({ text: 'Menurut survei terbaru, Pramono-Rano nomor 3 unggul di Jakarta' }, { at: '2024-10-15' }).severity).toBe('medium');
  });
  it.each([
    ['dia katanya mau maju lagi di pilkada, jangan dipilih', 'DiA'],
    ['Dia bilang pilkada tahun ini seru', 'DiA'],
    ['doamu untuk pilkada damai sangat berarti', 'DoaMu'],
  ])('a mixed-case acronym written as the everyday word does not count: %s', (text, acronym) => {
    const v = engine.evaluate({ text }, { at: '2024-10-15' });
    expect(v.severity, JSON.stringify(v.reasons)).toBe('low');
    expect(v.reasons.some((r) => r.kind === 'pair'), acronym).toBe(false);
  });
  it.each(['Proses pemadaman api sudah berhasil dilakukan', 'Terima kasih kak, lukisan digitalnya cantik, Dinda juga ya'])(
    'a nickname that reads as an everyday word needs context: %s',
    (text) => expect(engine.evaluate({ text }, { at: '2024-10-15' }).severity).toBe('none'),
  );
  it('those nicknames still count in an election context', () => {
    expect(engine.evaluate({ text: 'Appi-Aliyah untuk Makassar!' }, { at: '2024-10-15' }).severity).not.toBe('none');
    expect(engine.evaluate({ text: 'Pilwalkot Makassar: Appi janji perbaiki drainase' }, { at: '2024-10-15' }).reasons.some((r) => r.entityId === 'munafri-arifuddin')).toBe(true);
  });
  it('the mixed-case acronym in its own case, or in capitals, counts', () => {
    const pairs = (text: string) => engine.evaluate({ text }, { at: '2024-10-15' }).reasons.filter((r) => r.kind === 'pair').map((r) => r.matched);
    expect(pairs('Coblos DiA di Pilgub Sulsel!')).toEqual(['DiA']);
    expect(pairs('Coblos DIA di Pilgub Sulsel!')).toEqual(['DIA']);
  });
  it('the same acronyms in capitals, with election context, still count', () => {
    expect(verdict('Coblos PAN nomor 12 di pileg!').reasons.some((r) => r.kind === 'party' && r.entityId === 'pan')).toBe(true);
    expect(verdict('Pilih PAS Aceh di pileg 2024, dukung partai lokal!').reasons.some((r) => r.kind === 'party' && r.entityId === 'pas-aceh')).toBe(true);
    expect(verdict('Ayo coblos AMIN, capres pilihan kita!').severity).toBe('high');
    // all-capitals text has no case to go by: the acronym counts with context as before
    expect(verdict('AYO COBLOS AMIN, CAPRES PILIHAN KITA!').severity).toBe('high');
  });
});
