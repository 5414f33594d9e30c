/**
 * Everyday Indonesian words (lower case, words separated by one space) that also occur as names,
 * acronyms, abbreviations, slogans or symbols in the rule set. `jaga validate` warns when one of them
 * is used as a term without `requiresContext: true` (or in an `ambiguous` party). Extend it whenever
 * a new acronym turns out to be an ordinary word — see docs/maintainers.md, "What makes a good alias".
 */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set([
  // pair acronyms, nicknames and slogans of the 2024 races that are also ordinary words
  'amin', 'pagi', 'dia', 'rido', 'ridho', 'mulia', 'pas', 'andalan hati', 'wali', 'abadi', 'sehati', 'gemoy',
  'perubahan', 'lanjutkan', 'sat set', 'ordal', 'wakanda', 'konoha', 'cawe cawe', 'samsul', 'slepet',
  'indonesia maju', 'asta cita', 'indonesia emas 2045', 'gerak cepat', 'indonesia unggul',
  'pbb', 'pkb', 'pkn', 'pa', 'buruh', 'demokrat', 'umat', 'ummat', 'gelora', 'garuda', 'sira', 'psi', 'pda',
  'banteng', 'beringin', 'pohon beringin', 'matahari terbit', 'bulan bintang', 'kabah', 'partai hijau',
  // governor and city race acronyms that are ordinary words
  'gas', 'sayang', 'nkri', 'berani', 'beramal', 'siaga', 'gaul', 'join', 'esa', 'arus', 'era', 'jones',
  'yess', 'yes', 'doamu', 'nawaitu', 'asih', 'mari yo', 'mariyo', 'matahati', 'mata hati', 'arjuno',
  'bersinar', 'jaguar', 'inimi', 'lawamena', 'sulton', 'hiro',
  // generic phrases that are also government slogans
  'jambi mantap', 'gratis pol', 'maluku baru', 'maluku maju', 'papua cerah', 'kalteng berkah',
  'bersama membangun riau', 'nangun sat kerthi loka bali', 'sulsel maju berkarakter', 'dua periode',
  'satu putaran', 'relawan', 'koalisi', 'kim', 'tkn', 'tpn', 'tkd', 'rk', 'gama', 'kuda hitam',
  // very common given names that appear alone
  'surya', 'sudirman', 'sulaiman', 'muhidin', 'fadhlullah', 'suratno', 'sutono', 'suswono', 'mian',
  'erwin', 'hidayatullah', 'baharuddin', 'budiyono', 'syahbudin', 'dimyati', 'saparudin', 'dharma',
  'andika', 'luthfi', 'bobby', 'edy', 'airin', 'risma', 'gita', 'anis',
  // found on everyday public text (IndoNLU SmSA/EmoT): "Appi" reads as "api" (fire); "dinda" is a
  // term of endearment and a given name
  'api', 'dinda',
]);

/** Lower-cased words of a term as a maintainer reads them ("Mari-Yo" → "mari yo"), as `jaga validate` does. */
export function plainWords(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The everyday word a term reads as, or undefined: the check `jaga validate` warns with, also
 * reading repeated letters collapsed ("Appi" → "api"), since the engine collapses them too.
 */
export function everydayReading(text: string): string | undefined {
  const words = plainWords(text);
  if (EVERYDAY_WORDS.has(words)) return words;
  const collapsed = words.replace(/(\p{L})\1+/gu, '$1');
  if (EVERYDAY_WORDS.has(collapsed)) return collapsed;
  return undefined;
}
