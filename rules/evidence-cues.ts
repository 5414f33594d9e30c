/**
 * The words and patterns around a context-requiring candidate name that count as evidence for it
 * (docs/engine.md, "Evidence"): honorifics, praise, cheering emoji, choice idioms, offices, words of the
 * race. Pure data and string helpers, read by `decide` (rules/severity.ts), which holds the weights.
 */
/**
 * Praise written beside a name ("Bu Airin keren", "mantap pak Dimyati"; repeated letters collapsed first).
 * Not words with an everyday sense beside a name: tetap (still), gas (LPG), juara (won a contest), top.
 */
export const PRAISE = new Set(
  [
    'terbaik', 'best', 'mantap', 'mantab', 'mantul', 'keren', 'hebat', 'cerdas', 'jos', 'semangat', 'menyala', 'gaskeun', 'gasken', 'sukses',
    // comment sections cheer in English too, and for the qualities a leader is praised for (2026-12-06, evening)
    'good', 'bravo', 'love', 'idola', 'idolaku', 'favorit', 'amanah', 'tegas', 'jujur', 'bijak', 'jago', 'pintar', 'pinter', 'jawara', 'jawaranya',
    'kren', 'mantaf', 'mantep', 'jenius', 'berwibawa', 'wibawa', 'lugas', 'salut', 'yes',
    // "go airin", "airin go" (2026-12-07, fifth pass): cheering in English, a friend gets it too
    'go',
  ].map((w) => w.replace(/(\p{L})\1+/gu, '$1')), // read as wordsAround reads the text ("good" → "god")
);
/** Praise counts only this close to the name (words): further away it is about something else. */
export const PRAISE_BESIDE = 2;
/**
 * Words that only intensify or link ("Airin is the best", "bu Airin memang paling hebat"): skipped when
 * looking for praise beside the name, so they do not push the praise out of reach.
 */
export const FILLER = new Set(['is', 'the', 'so', 'yg', 'yang', 'memang', 'emang', 'mmg', 'emg', 'paling', 'plg', 'lebih', 'sangat', 'sgt', 'banget', 'bgt', 'itu', 'sih', 'mah', 'trs', 'trus', 'terus', 'sekali', 'pokoknya', 'pokonya']);
/**
 * Cheering emoji written right beside the name ("Bu Airin ❤❤", "Tangsel ❤ Airin"): hearts, heart eyes,
 * fire, clapping, a raised fist, a party popper, thumbs up. Counted as praise (once): a comment section's
 * way of saying "keren". Not 🙏 (thanks, prayer) nor laughter.
 */
const CHEER = /[\u2764\u2665\u{1F493}-\u{1F49F}\u{1F9E1}\u{1F90D}\u{1F90E}\u{1F60D}\u{1F970}\u{1F618}\u{1F525}\u{1F44D}\u{1F44F}\u{1F4AA}\u{270A}\u{1F389}\u{1F64C}]/u;
export const CHEER_AFTER = new RegExp(`^[\\s.,!]*${CHEER.source}`, 'u');
export const CHEER_BEFORE = new RegExp(`${CHEER.source}\\ufe0f?[\\s.,!]*(?:(?:bu|ibu|pak|bapak|mas|mbak|mba|bang|kang|cak|teh|hj)\\.?\\s+)*$`, 'iu');
/**
 * Loyalty without a verb: "tetap X" closing a clause ("kalau saya tetap Airin", "tetap bu Airin, sudah
 * terbukti") is still choosing X, as strong as "pilih X"; "tetap Airin yang masak" (still Airin doing
 * something) goes on and is not, nor "namanya tetap Airin". "X di hati" ("ibu Airin di hati") is praise.
 */
export const LOYAL_BEFORE = /(?:^|[^\p{L}])(?:tetap|tetep|ttp|teteg)\s+(?:(?:bu|ibu|pak|bapak|mas|mbak|mba|bang|kang|cak|teh|hj)\.?\s+)*$/iu;
export const CLAUSE_END = /^\s*(?:$|[.,!?;\n]|\p{Extended_Pictographic})/u;
export const NAMED_BEFORE = /(?:^|[^\p{L}])nama(?:nya)?\s+\S*\s*$/iu;
export const IN_HEART = /^(?:\S+ )?di ?hati(?: |$)/;
/**
 * Choosing this person over the others: "X bukan yang lain", "gak ada yg lain", "pilihan saya X". As strong
 * as a support verb beside the name ("pilih X").
 */
export const CHOICE_AFTER = /^(?:\S+ )?(?:bukan|jangan|(?:tidak|tdk|gak|ga|nggak|tak)(?: ada)?) (?:yang|yg) lain/;
export const CHOICE_PHRASE = /(?:^| )pilihan ?(?:ku|saya|kami|gue|gw|aku)(?: |$)/;
/**
 * Written right before the name: its supporters ("pendukung X"), a misspelt vote verb ("toblos X"), the
 * colloquial "milih" (memilih without its prefix, as nyoblos is mencoblos) and the imperative "pilihlah", also
 * as comments spell them, without vowels or the final h ("plih", "pilihla"). Only before the name: "Airin lagi
 * milih baju" is choosing clothes.
 */
export const CHOICE_BEFORE = new Set(['pendukung', 'toblos', 'nyoblos', 'nyoblosin', 'anti', 'tolak', 'milih', 'pilihlah', 'plih', 'pilihla']);
/**
 * Words of the race itself, counted like the contest's office: candidate, the debate, the programme. Each
 * is everyday alone ("calon mahasiswa", "debat sama adik"); beside a candidate's name with one more cue
 * they point at the race.
 */
export const RACE_WORD = /^(?:calon|kandidat|debat|debatnya|visi|misi|janji|janjinya|terpilih)$/;
/**
 * "Hidup X!": the rally cry, only at the start of the text or of a sentence ("kisah hidup X" is a life); "maju"
 * also stretched as comments shout it ("Majuuu bu Airin"; read from the raw text, so repeats are not collapsed).
 */
export const RALLY_BEFORE = /(?:^|[.!?\n]\s*)(?:hidup|maju+|majulah)\s+(?:(?:bu|ibu|pak|bapak|mas|mbak|bang|kang|cak)\s+)?$/iu;
/**
 * "X aja" / "X saja" closing a clause ("Pandeglang mah Airin aja."): just X, a loose choice; "Airin aja
 * belum datang" goes on and is not. Weaker than a support verb (an everyday "who goes? Airin aja").
 * Also the particles that make the same answer (2026-12-07, seventh pass, Banten comments): "bae", the
 * "saja" of Banten and Cirebon Javanese and of Sundanese speech ("Airin bae"), and the emphatic "lah"/"lh"
 * and "dong", also stretched ("gubernur mah Airin lahh", "Airin dong") — each closing a clause, never enough
 * alone.
 */
export const ONLY_AFTER = /^\s*(?:saja|aja|ajah|sj|bae|la+h+|lh|do+ng+)\s*(?:$|[.,!?;\n]|\p{Extended_Pictographic})/iu;
/**
 * Words of politics read anywhere in the field (corruption, dynasty, the people, officials): how comment
 * sections argue about a candidate, but also the news of any day; never enough alone.
 */
export const POLITICS_WORD = /^(?:korupsi|koruptor|korup|dinasti|rakyat|pejabat)$/;
/**
 * Words of governing (2026-12-07, seventh pass): ruling (berkuasa, pemerintahan, menjabat) and a regent's or
 * mayor's office, which governor candidates held before ("Dimyati … istrinya bupati Pandeglang"). Not the words
 * of leading (pimpin, memimpin, pemimpin): "Pak Dimyati memimpin doa" leads a prayer. Counted as a
 * word of politics for a governor or Pilpres name only (few, and known across their province): the ordinary
 * names of some 1,500 regency and city pairs and 10,000 list candidates are also the officials whose careers
 * news tells ("sebelum menjabat gubernur Lampung, X pernah jadi bupati").
 */
export const GOVERNING_WORD = /^(?:berkuasa|pemerintahan|menjabat|bupati|walikota)$/;
/** "X maju terus" ("go on, X"): the rally cry written after the name. */
export const RALLY_AFTER = /^(?:maju|majulah) (?:terus|trus|trs)(?: |$)/;
/**
 * "X for Banten", "X for president": the English campaign formula right after the name, counted as praise (2):
 * "makasih Airin for coming" says it too, so it is never enough alone.
 */
export const FOR_AFTER = /^for [\p{L}\p{N}]/u;
/** "luar biasa" (extraordinary), two words, as praise beside the name. */
export const PRAISE_PHRASE = /(?:^| )luar biasa(?: |$)/;
/** The office a contest fills, written beside the name ("Airin gubernur", "capres Anies"). */
export const OFFICE: Record<string, RegExp> = {
  'pilkada-provinsi': /^(?:gubernur|gubenur|gub|gubernurku|wagub|cagub|cawagub|wakil gubernur)$/,
  'pilkada-kabupaten': /^(?:bupati|wabup|cabup|cawabup|wakil bupati)$/,
  'pilkada-kota': /^(?:walikota|wali|wawali|cawali|cawalkot)$/,
  pilpres: /^(?:presiden|wapres|capres|cawapres|presidenku)$/,
};
/** Up to `n` lower-case words before and after a match in its field (repeated letters collapsed). */
export function wordsAround(h: { src: string; off: number; span: readonly [number, number] }, n: number): { before: string[]; after: string[] } {
  const at = h.span[0] + h.off;
  const end = h.span[1] + h.off;
  const words = (t: string) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.replace(/(\p{L})\1+/gu, '$1'));
  return { before: words(h.src.slice(Math.max(0, at - 16 * n), at)).slice(-n), after: words(h.src.slice(end, end + 16 * n)).slice(0, n) };
}
