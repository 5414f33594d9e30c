import { describe, expect, it } from 'vitest';
import { conllSentences, SOURCES, toDay } from '../../../../scripts/eval/sources.ts';

describe('toDay reads the date formats of the sources', () => {
  it.each([
    ['Wed Mar 13 23:57:44 +0000 2024', '2024-03-13'],
    ['2024-10-12T08:00:00Z', '2024-10-12'],
    ['15/11/2023', '2023-11-15'],
    // Indonesian news dates, with the weekday and the month abbreviated in Indonesian
    ['Sabtu, 21 Des 2024 22:30 WIB', '2024-12-21'],
    ['Senin, 7 Okt 2024 09:05 WIB', '2024-10-07'],
    ['Kamis, 15 Agu 2024 10:00 WIB', '2024-08-15'],
    ['Rabu, 01 Mei 2024 07:12 WIB', '2024-05-01'],
  ])('%s → %s', (input, day) => expect(toDay(input)).toBe(day));

  it.each(['', 'kemarin', 'Sabtu, 21 Foo 2024'])('%j has no day', (input) => expect(toDay(input)).toBeUndefined());
});

describe('the source list', () => {
  it('has unique ids, and every source a split and at least one file', () => {
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(SOURCES.length);
    for (const s of SOURCES) expect(s.files.length).toBeGreaterThan(0);
  });

  it('holds the fourth batch with the split written down in docs/engine.md', () => {
    const split = Object.fromEntries(SOURCES.map((s) => [s.repo, s.split]));
    expect(split).toMatchObject({
      'Alammahadika/Gibran-Rebranding-Uncensored': 'report',
      'dennamandela/sentiment-analysis-dki-jakarta-2024': 'development',
      'dikirust/Sentiment-Analysis-of-DKI-Jakarta-2024-Gubernatorial-Election-Using-NLP': 'report',
      'luthfilkhairi/ABSA-Transformer-Pemilu2024': 'development',
      'restuibu17/streamlit-pilkada-jateng': 'report',
      'zidanefahrezi/Sentimen-Analisis-Pemilihan-Gubernur-Jakarta-2024': 'development',
      'DanzWzp/sentimen-komentar-tiktokLSTM': 'report',
      'tarissauwar/Analisa-Sentimen-Cyberbullying-Pada-Kolom-Komentar-Instagram': 'development',
    });
  });
});

describe('the sixth batch', () => {
  it('holds the fact-check headline sets as development news, as docs/engine.md registers them', () => {
    const bySource = Object.fromEntries(SOURCES.map((s) => [s.repo, [s.split, s.platform]]));
    expect(bySource).toMatchObject({
      'alharkan7/turnbackhoax-analysis': ['development', 'news'],
      'jibranfawaid/turnbackhoax-dataset': ['development', 'news'],
    });
  });
});

describe('the seventh batch', () => {
  it('holds the named-entity news sets as development everyday news, as docs/engine.md registers them', () => {
    const byId = Object.fromEntries(SOURCES.map((s) => [s.id, [s.repo, s.split, s.platform, s.kind]]));
    expect(byId).toMatchObject({
      'idner-news': ['khairunnisaor/idner-news-2k', 'development', 'news', 'everyday'],
      'indonlu-nergrit': ['IndoNLP/indonlu', 'development', 'news', 'everyday'],
      'indonlu-nerp': ['IndoNLP/indonlu', 'development', 'news', 'everyday'],
    });
  });
});

describe('conllSentences rebuilds the sentences of a CoNLL file', () => {
  it('joins tokens with spaces, none before closing or after opening punctuation, one record per sentence', () => {
    const conll = 'Kata\tNOUN\tO\nBudi\tPROPN\tB-PER\n(\tPUNCT\tO\nwarga\tNOUN\tO\nBogor\tPROPN\tB-LOC\n)\tPUNCT\tO\n,\tPUNCT\tO\nbaik\tADJ\tO\n.\tPUNCT\tO\n\n\nia O\npulang O\n!\tO\n';
    expect(conllSentences(conll)).toEqual([{ text: 'Kata Budi (warga Bogor), baik.' }, { text: 'ia pulang!' }]);
  });

  it('reads Windows line ends and a file without a final blank line', () => {
    expect(conllSentences('a\tO\r\nb\tO\r\n\r\nc\tO')).toEqual([{ text: 'a b' }, { text: 'c' }]);
  });
});

describe('the regional process-news pass', () => {
  it('holds the 2025 headline set as development news checked at the Pilkada day, as docs/engine.md registers it', () => {
    const src = SOURCES.find((s) => s.repo === 'zainoor/indo-news-scrapper');
    expect(src).toMatchObject({ split: 'development', platform: 'news', kind: 'political', race: 'pilkada' });
    expect(src?.files.map((f) => f.path)).toContain('result/raw_valid.csv');
  });
});
