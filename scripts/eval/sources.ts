/**
 * The public eval sources of issue #17 and how each file becomes `{text, date}` records. The split
 * (development / report) was fixed in docs/engine.md ("Evaluation split", 2026-12-06) before any
 * result was seen; it is repeated here only so that the table can print the two apart.
 */
import { csvObjects } from './csv.ts';

export type Split = 'development' | 'report';
export type Platform = 'x' | 'youtube' | 'tiktok' | 'instagram' | 'news' | 'web';

export interface RawRecord {
  text: string;
  /** the post's own date, if the file has one (YYYY-MM-DD) */
  date?: string;
  /**
   * The title or caption of the video or post the comment is under, when the file records it: what the
   * adapters pass as `quoted` for a like on a comment (docs/engine.md, "Comments as met").
   */
  context?: string;
}

export interface SourceFile {
  path: string;
  read(content: string): RawRecord[];
}

export interface Source {
  id: string;
  repo: string;
  commit: string;
  licence: string;
  split: Split;
  platform: Platform;
  kind: 'political' | 'everyday';
  /** the race the posts are about: decides the campaign day they are checked at */
  race?: 'pilpres' | 'pilkada';
  /**
   * The texts span both 2024 races and carry no date: each is checked at the campaign day of the race it
   * names (a Pilkada candidate and no Pilpres one: the Pilkada day), else at the source's race day.
   */
  raceByLabel?: boolean;
  /** records kept, when not MAX_PER_SOURCE (a headline set whose process news would be cut off) */
  max?: number;
  files: SourceFile[];
}

const MONTHS: Record<string, string> = {
  Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06',
  Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12',
};

/** Indonesian month abbreviations where they differ from the English ones (news sites' dates). */
const BULAN: Record<string, string> = { ...MONTHS, Mei: '05', Agu: '08', Okt: '10', Des: '12' };

/**
 * "Wed Mar 13 23:57:44 +0000 2024", ISO date-times, "15/11/2023" and Indonesian news dates ("Sabtu, 21 Des
 * 2024 22:30 WIB", the site's local day) → YYYY-MM-DD (UTC day for the others).
 */
export function toDay(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const id = /^\p{L}+, (\d{1,2}) (\p{L}{3}) (\d{4})\b/u.exec(s.trim());
  if (id) return BULAN[id[2]!] ? `${id[3]}-${BULAN[id[2]!]}-${id[1]!.padStart(2, '0')}` : undefined;
  const tw = /^\w{3} (\w{3}) (\d{2}) [\d:]{8} \+0000 (\d{4})$/.exec(s.trim());
  if (tw && MONTHS[tw[1]!]) return `${tw[3]}-${MONTHS[tw[1]!]}-${tw[2]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(s.trim());
  if (iso) return iso[1];
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return undefined;
}

const column =
  (textCol: string, dateCol?: string, sep = ',', contextCol?: string) =>
  (content: string): RawRecord[] =>
    csvObjects(content, sep).map((r) => {
      const context = contextCol ? r[contextCol]?.trim() : undefined;
      return { text: r[textCol] ?? '', date: dateCol ? toDay(r[dateCol]) : undefined, ...(context ? { context } : {}) };
    });

const file = (path: string, read: SourceFile['read']): SourceFile => ({ path, read });

/**
 * A CoNLL file (one token per line, its tags after a tab or space, a blank line between sentences) → one
 * record per sentence, rebuilt with a space between tokens and none before closing punctuation or after
 * an opening one, as the sentence was written.
 */
export function conllSentences(content: string): RawRecord[] {
  const out: RawRecord[] = [];
  let tokens: string[] = [];
  const flush = () => {
    if (tokens.length) out.push({ text: tokens.join(' ').replace(/ ([.,;:!?)\]}%])/g, '$1').replace(/([([{]) /g, '$1') });
    tokens = [];
  };
  for (const line of content.split(/\r?\n/)) {
    const token = line.split(/[\t ]/)[0] ?? '';
    if (!line.trim()) flush();
    else if (token) tokens.push(token);
  }
  flush();
  return out;
}

const tweets = (path: string, sep = ',') => file(path, column('full_text', 'created_at', sep));

const DETIK_TAGS = 'septindwikurnia/Klasifikasi-Kategori-Judul-Berita-LSTM-DISTILBERT-INDOBERT-';
const DETIK_TAGS_COMMIT = '9ffa3330a252351a4252c0073d53f70aa7dfd1d7';
const DETIK_TAGS_LICENCE = 'MIT (README badge; no licence file)';
const DETIK_TAGS_FILE = 'data/raw/berita_detik_5_kategori.csv';
/** The detik headlines whose tag (`KATEGORI`) `keep` accepts: one file holds politics and four everyday tags. */
const detikTags =
  (keep: (tag: string) => boolean) =>
  (content: string): RawRecord[] =>
    csvObjects(content)
      .filter((r) => keep(r.KATEGORI?.trim() ?? ''))
      .map((r) => ({ text: r.JUDUL ?? '' }));

export const SOURCES: Source[] = [
  {
    id: 'dhani-tweets', repo: 'achmaddhani/sentiment-webscrape', commit: 'e23965de3049480d68b107218f9495c42639cb38',
    licence: 'MIT', split: 'development', platform: 'x', kind: 'political', race: 'pilpres',
    files: ['01122023', '06122023', '12122023', '15122023', '20112023', '25112023'].map((d) =>
      tweets(`twitter_sentiment_analysis/Raw_Data/Prabowo-Gibran_${d}.csv`, ';'),
    ),
  },
  {
    id: 'dhani-headlines', repo: 'achmaddhani/sentiment-webscrape', commit: 'e23965de3049480d68b107218f9495c42639cb38',
    licence: 'MIT', split: 'development', platform: 'news', kind: 'political', race: 'pilpres',
    files: [file('media_sentiment_analysis/media_datasets/webscrape.csv', column('Headline', 'Date', ';'))],
  },
  {
    id: 'ekorahmat-tweets', repo: 'ekorahmattt/Sentiment_Analysis_Debat_Pilpres', commit: '520a3920e4d20bce441f3d7e62cac90a3e9844a4',
    licence: 'none stated', split: 'development', platform: 'x', kind: 'political', race: 'pilpres',
    files: [tweets('dataset/raw_dataset/pilpres.csv')],
  },
  {
    id: 'putuwistika-tweets', repo: 'putuwistika/Sentiment-Analysis-Capres2024', commit: '3efc56822d84eeb432e984b1e2d7bc630706b4ae',
    licence: 'none stated', split: 'development', platform: 'x', kind: 'political', race: 'pilpres',
    files: ['Anis', 'Ganjar', 'Mahfud', 'Prabowo'].map((n) => tweets(`Data_Train/Train_${n}.csv`)),
  },
  {
    id: 'andihisyam-pilkada', repo: 'andihisyam/Python-Project', commit: '8e324e089a8ff4446aa2e186e5917d553c9bb6af',
    licence: 'MIT (folder LICENSE)', split: 'development', platform: 'x', kind: 'political', race: 'pilkada',
    files: ['pilkada24.csv', 'pilkada.csv'].map((f) => tweets(`sentiment-analysis/Pilkada-2024/data/${f}`)),
  },
  {
    id: 'laras-jakarta', repo: 'LarasSetyadita/twitter-pilgub-jakarta-2024-sentiment-analysis', commit: '37f823413929f1061dbeeb42ce38685ee3e54696',
    licence: 'none stated', split: 'development', platform: 'x', kind: 'political', race: 'pilkada',
    files: [tweets('dataset/data_1.csv')],
  },
  {
    id: 'rahma-jatim', repo: 'RahmaPutriWidyaiswarii/analisis-sentimen-pilkada-jatim', commit: 'a4338aee13a6bb46864f7dca83889ee0760bf643',
    licence: 'none stated', split: 'development', platform: 'x', kind: 'political', race: 'pilkada',
    files: ['Luluk', 'Khofifah', 'Risma'].map((n) => file(`Data/ReLabeling - ${n}.csv`, column('full_text'))),
  },
  {
    id: 'er0s0re-youtube', repo: 'er0s0re/Analisis-Sentiment-Debat-Capres', commit: '4483fc03b848eae58233aff482d4bf6bb92a0c10',
    licence: 'none stated', split: 'development', platform: 'youtube', kind: 'political', race: 'pilpres',
    files: [file('youtube_comments.csv', column('text', 'published_at'))],
  },
  {
    id: 'salatid-banten-youtube', repo: 'SalatID/analisis-sentimen-pilkada-banten-2024', commit: '1bb8b43cbb9344465c93a382bcf8d6b5fa6d9d00',
    licence: 'none stated', split: 'development', platform: 'youtube', kind: 'political', race: 'pilkada',
    files: [file('data.csv', column('Comment', undefined, ',', 'Video Title'))],
  },
  {
    id: 'aptaarkana-headlines', repo: 'AptaArkana/hoax_pilpres_24', commit: '7f04f7c5dfe99d96f1ff4d758d3c50f35fec36a6',
    licence: 'none stated', split: 'report', platform: 'news', kind: 'political', race: 'pilpres',
    files: [file('data/data_berita.csv', column('Judul Artikel'))],
  },
  {
    id: 'kartikajls-tweets', repo: 'kartikajls/Analisis-Sentimen', commit: '38d1d1a409c8cea2718e8fbc2037f51b106c95ef',
    licence: 'none stated', split: 'report', platform: 'x', kind: 'political', race: 'pilpres',
    files: [tweets('Ganjar_Pranowo.csv')],
  },
  {
    id: 'tippoart-tiktok', repo: 'tippoart/Analisis-Sentimen-Komentar-Tiktok-Akun-Gerinda', commit: 'd5e1c235bc95f556b4c779579eb23ab485aa6120',
    licence: 'none stated', split: 'report', platform: 'tiktok', kind: 'political', race: 'pilpres',
    files: [file('komentar_prabowo.csv', column('komentar'))],
  },
  {
    // third batch (docs/engine.md, "Third batch"): YouTube comments on the TV One stream of a Pilpres debate
    id: 'rfaoktvian-youtube', repo: 'rfaoktvian/AnalisisSentimenDebatCapres2024', commit: '70ad20fdfe51d614b84788b114bcc58264329161',
    licence: 'none stated', split: 'report', platform: 'youtube', kind: 'political', race: 'pilpres',
    files: [file('youtube_comments_debat_capres2024.csv', column('comment_text', 'published_at'))],
  },
  // fourth batch (docs/engine.md, "Fourth batch")
  {
    id: 'alammahadika-youtube', repo: 'Alammahadika/Gibran-Rebranding-Uncensored', commit: 'e34a3da9db8fc24f57a894de2497a6a5ccff412a',
    licence: 'none stated', split: 'report', platform: 'youtube', kind: 'political', race: 'pilpres',
    files: [file('youtube_comments.csv', column('Comment'))],
  },
  {
    id: 'dennamandela-jakarta', repo: 'dennamandela/sentiment-analysis-dki-jakarta-2024', commit: 'cf2e79ff9b6dcf20d3cf65f9e5f3fa91f5f2f3d5',
    licence: 'none stated', split: 'development', platform: 'x', kind: 'political', race: 'pilkada',
    files: ['Dharma Pongrekun', 'Rano Karno', 'Ridwan Kamil'].map((n) => tweets(`data/raw/${n}.csv`)),
  },
  {
    id: 'dikirust-jakarta-youtube', repo: 'dikirust/Sentiment-Analysis-of-DKI-Jakarta-2024-Gubernatorial-Election-Using-NLP',
    commit: 'e722d73eef5262d384149ecb35d718e22aa29432', licence: 'MIT', split: 'report', platform: 'youtube', kind: 'political',
    race: 'pilkada', files: [file('Dataset Pilgub Jakarta.csv', column('comment', undefined, ',', 'title'))],
  },
  {
    id: 'luthfilkhairi-tweets', repo: 'luthfilkhairi/ABSA-Transformer-Pemilu2024', commit: '7506d3b76f0f83e7d76754162c2033a1fef6aad5',
    licence: 'MIT', split: 'development', platform: 'x', kind: 'political', race: 'pilpres',
    files: [tweets('crawling_zaki/data/data_mentah/crawling_4_25_desember/dataset_politik_10000.csv', '\t')],
  },
  {
    id: 'restuibu17-headlines', repo: 'restuibu17/streamlit-pilkada-jateng', commit: '15e1b74a2e54412ba50d9732d8bc10902327d6a6',
    licence: 'none stated', split: 'report', platform: 'news', kind: 'political', race: 'pilkada',
    files: [file('pilkada_jawa_tengah.csv', column('Judul', 'Tanggal'))],
  },
  {
    id: 'zidanefahrezi-jakarta', repo: 'zidanefahrezi/Sentimen-Analisis-Pemilihan-Gubernur-Jakarta-2024',
    commit: 'e7b89dfa4d258a203227d16510e62f90bf818c75', licence: 'none stated', split: 'development', platform: 'x',
    kind: 'political', race: 'pilkada', files: ['dharma', 'pramono', 'ridwan'].map((n) => tweets(`clean_${n}.csv`)),
  },
  {
    id: 'danzwzp-tiktok', repo: 'DanzWzp/sentimen-komentar-tiktokLSTM', commit: '88ff35854f50965a6c48fe060f5a211dfe4d2843',
    licence: 'none stated', split: 'report', platform: 'tiktok', kind: 'everyday',
    files: [file('komentar_tiktok.csv', column('comment'))],
  },
  {
    id: 'tarissauwar-instagram', repo: 'tarissauwar/Analisa-Sentimen-Cyberbullying-Pada-Kolom-Komentar-Instagram',
    commit: '3d9d76c7df8d3c7fff2f4f9b14f2b91d19d3f527', licence: 'none stated', split: 'development', platform: 'instagram',
    kind: 'everyday', files: [file('dataset_komentar_instagram_cyberbullying.csv', column('Instagram Comment Text'))],
  },
  {
    id: 'indonlu-everyday', repo: 'IndoNLP/indonlu', commit: 'ce728f6926a36174b9923dfe49d6a6839b6e9bb7',
    licence: 'MIT (repository)', split: 'development', platform: 'web', kind: 'everyday',
    files: [
      file('dataset/smsa_doc-sentiment-prosa/test_preprocess.tsv', (c) =>
        c.split('\n').filter(Boolean).map((l) => ({ text: l.split('\t')[0] ?? '' })),
      ),
      file('dataset/emot_emotion-twitter/test_preprocess.csv', column('tweet')),
    ],
  },
  {
    id: 'nusax-everyday', repo: 'IndoNLP/nusax', commit: '75b0be5d982348332509f296e10d9bf9cb66d60f',
    licence: 'CC BY-SA 4.0 (datasets/LICENSE)', split: 'development', platform: 'web', kind: 'everyday',
    files: ['train', 'valid', 'test'].map((f) => file(`datasets/sentiment/indonesian/${f}.csv`, column('text'))),
  },
  {
    id: 'ridife-everyday', repo: 'ridife/dataset-idsa', commit: 'ad6726eb22176338ff77819cb73d7088823e3183',
    licence: 'none stated', split: 'development', platform: 'x', kind: 'everyday',
    files: [file('Indonesian Sentiment Twitter Dataset Labeled.csv', column('Tweet', undefined, '\t'))],
  },
  {
    id: 'henhunhan-dpr-youtube', repo: 'henhunhan/tunjangan-dpr', commit: '3d9575441b7abe79bdc3094b1741734c76cf7075',
    licence: 'none stated', split: 'report', platform: 'youtube', kind: 'everyday',
    files: [file('clean_comments.csv', column('clean_comment'))],
  },
  {
    id: 'rizqi-rajaampat-youtube', repo: 'Muhammadrizqi11/analisisSentimen', commit: 'db4f2ab2052088a4035075532806097022143f90',
    licence: 'none stated', split: 'report', platform: 'youtube', kind: 'everyday',
    files: [file('komentar_raja_ampat.csv', column('comment'))],
  },
  // sixth batch (docs/engine.md, "Sixth batch"): fact-check headlines of turnbackhoax.id, for process news
  {
    id: 'alharkan7-hoax-headlines', repo: 'alharkan7/turnbackhoax-analysis', commit: 'd365e9a6bfdcff9cde7db35222c54ef71b957889',
    licence: 'none stated', split: 'development', platform: 'news', kind: 'political', race: 'pilpres', max: 4000, raceByLabel: true,
    files: [file('data_prep/categorized_hoaxes.csv', column('TITLE'))],
  },
  {
    id: 'jibranfawaid-hoax-headlines', repo: 'jibranfawaid/turnbackhoax-dataset', commit: '9f860bd3b672f55811631bb59dac7c8f7ce03d6c',
    licence: 'none stated', split: 'development', platform: 'news', kind: 'political', race: 'pilpres',
    files: [file('Scrapping.csv', column('Headline', undefined, ';'))],
  },
  // seventh batch (docs/engine.md, "Seventh batch"): news sentences chosen for their people's and places' names
  {
    id: 'idner-news', repo: 'khairunnisaor/idner-news-2k', commit: '625ff40f85b03c615c036ef11bc23cb70c79987a',
    licence: 'MIT', split: 'development', platform: 'news', kind: 'everyday',
    files: ['train', 'dev', 'test'].map((f) => file(`${f}.txt`, conllSentences)),
  },
  {
    id: 'indonlu-nergrit', repo: 'IndoNLP/indonlu', commit: 'ce728f6926a36174b9923dfe49d6a6839b6e9bb7',
    licence: 'MIT (repository)', split: 'development', platform: 'news', kind: 'everyday',
    files: ['test', 'valid', 'train'].map((f) => file(`dataset/nergrit_ner-grit/${f}_preprocess.txt`, conllSentences)),
  },
  {
    id: 'indonlu-nerp', repo: 'IndoNLP/indonlu', commit: 'ce728f6926a36174b9923dfe49d6a6839b6e9bb7',
    licence: 'MIT (repository)', split: 'development', platform: 'news', kind: 'everyday', max: 9000,
    files: ['test', 'valid', 'train'].map((f) => file(`dataset/nerp_ner-prosa/${f}_preprocess.txt`, conllSentences)),
  },
  // regional process news (docs/engine.md, "Regional process news, development"): 2025 headlines of four news
  // sites, with the ruling that separates national and regional elections and the Pilkada re-votes
  {
    id: 'zainoor-headlines', repo: 'zainoor/indo-news-scrapper', commit: '5392655364303679f476da56fd72c92a90a66207',
    licence: 'none stated', split: 'development', platform: 'news', kind: 'political', race: 'pilkada',
    files: ['result/raw_valid.csv', ...['cnnindonesia', 'detik', 'kompas', 'tempo'].map((s) => `result/${s}_scraped_03072025.csv`)].map(
      (f) => file(f, column('Title', 'Date')),
    ),
  },
  // regional comments (docs/engine.md, "Regional comments, development"): YouTube comments of June 2025 on the
  // Aceh–Sumatera Utara island dispute, naming the two provinces' 2024 winners
  {
    id: 'abas-acehsumut-youtube',
    repo: 'abas050504/Analisis-Sentimen-Komentar-Netizen-terhadap-Sengketa-Pulau-antara-Aceh-dan-Sumatera-Utara-di-YouTube',
    commit: '29914aaa07f8ae2a519ae440c8ea1295e88c0d33',
    licence: 'none stated', split: 'development', platform: 'youtube', kind: 'political', race: 'pilpres', raceByLabel: true,
    files: [file('komen.csv', column('comment', 'publishedAt', ';'))],
  },
  // third intake (docs/engine.md, "Third intake"): the Jakarta tweet files laras-jakarta did not read, and
  // detik.com headlines of 2025 by tag, the politics tag apart from the four everyday ones
  {
    id: 'laras-jakarta-more', repo: 'LarasSetyadita/twitter-pilgub-jakarta-2024-sentiment-analysis',
    commit: '37f823413929f1061dbeeb42ce38685ee3e54696', licence: 'none stated', split: 'development', platform: 'x',
    kind: 'political', race: 'pilkada', files: [2, 3, 4].map((n) => tweets(`dataset/data_${n}.csv`)),
  },
  {
    id: 'septindwi-politik-headlines', repo: DETIK_TAGS, commit: DETIK_TAGS_COMMIT, licence: DETIK_TAGS_LICENCE,
    split: 'development', platform: 'news', kind: 'political', race: 'pilkada',
    files: [file(DETIK_TAGS_FILE, detikTags((tag) => tag === 'Politik'))],
  },
  {
    id: 'septindwi-everyday-headlines', repo: DETIK_TAGS, commit: DETIK_TAGS_COMMIT, licence: DETIK_TAGS_LICENCE,
    split: 'development', platform: 'news', kind: 'everyday',
    files: [file(DETIK_TAGS_FILE, detikTags((tag) => tag !== 'Politik'))],
  },
];

/** Campaign periods (KPU): a post dated inside one is checked at its own day, any other at a campaign day. */
export const CAMPAIGN = {
  pilpres: { from: '2023-11-28', to: '2024-02-10', day: '2024-01-15' },
  pilkada: { from: '2024-09-25', to: '2024-11-23', day: '2024-10-15' },
} as const;

/** Records kept per source (first ones after de-duplication), so a run stays short. */
export const MAX_PER_SOURCE = 3000;
