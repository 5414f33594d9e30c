/**
 * The words around a context-requiring name that the content script's engine reads itself: honorifics, the
 * joiner of a pair's two names, a word of party organisation, a head noun that makes a party's short name
 * the common word. The rest of the evidence words (rules/evidence-cues.ts) are read only by the full engine
 * (rules/evidence-beside.ts).
 */
/**
 * How Indonesians address a candidate: the honorific written directly before the name ("Bu Airin"), also
 * with the pilgrim's title between ("ibu Hj. Airin"), or that title alone ("Hj Airin"); "buk" is how
 * comment sections write "bu".
 */
export const HONORIFIC_BEFORE =
  /(?:^|[^\p{L}])(bu|buk|ibu|ibunda|bunda|pak|pa|bapak|mas|mbak|mba|bang|abang|kang|cak|uda|teh|abah|kyai|kiai|gus|ning|neng|om|ustadz|hj|haji)\.?(?:\s*(?:hj|haji|h)\.?)?\s*$/iu;
/** The honorific as part of the matched name ("Pak Pram" compiled from "Mas Pram", rules/compile.ts). */
export const HONORIFIC_START = /^(bu|ibu|pak|bapak|mas|mbak|bang|kang|cak|gus)[^\p{L}]+\p{L}/iu;
/**
 * Two names of one ballot pair written as a pair: nothing between them but a joiner and honorifics ("Airin
 * dan Ade", "Bu Airin & Pak Ade", "Airin-Ade"). Further apart, or with other words between ("Airin lagi
 * main, terus ade nangis"), they may be two neighbours.
 */
export const PAIR_JOIN = /^[^\p{L}\p{N}]*(?:(?:dan|and|n|bersama|dengan|dgn|dg)[^\p{L}\p{N}]+)?(?:(?:bu|ibu|pak|pa|bapak|mas|mbak|mba|bang|kang|cak|gus|teh|hj|haji|h)\b\.?[^\p{L}\p{N}]*)*$/iu;
/**
 * A word of a party's own organisation right before its name ("Ketua DPD PSI", "Ketum PAN", "kader PKB",
 * "Dewan Pembina Demokrat", "pengurus Demokrat", "politisi Demokrat", "Caketum PSI", "Legislator PKB", "Elite
 * PSI", "anggota dewan PKB"): the board, the chair or a candidate for it, an officer, a cadre, faction,
 * legislator or politician of a party, so the name is the party and not the everyday word ("negara demokrat"),
 * also when an acronym is written in lower case ("fraksi pkb"). Not "sekjen" nor a bare "ketua" or "anggota"
 * (the UN's "Sekjen PBB", "negara anggota PBB", the religious court's "Ketua PA"), nor "petinggi" ("petinggi PBB").
 */
export const PARTY_ORGAN_BEFORE =
  /(?:^|[^\p{L}])(?:dpp|dpd|dpw|dpc|ketum|caketum|ketua umum|waketum|kader|fraksi|caleg|pengurus|politisi|politikus|legislator|elite?|anggota dewan|dewan (?:pembina|kehormatan|pakar|syuro|syura|pimpinan(?: pusat| wilayah| daerah| cabang)?))\s*$/iu;
/** Does a word of the party's own organisation (PARTY_ORGAN_BEFORE) stand right before the match? */
export function partyOrganBefore(h: { src: string; off: number; span: readonly [number, number] }): boolean {
  return PARTY_ORGAN_BEFORE.test(textBefore(h, 28));
}
/**
 * A word that makes the next one a common noun: a plural marker or the head of a noun phrase ("para buruh",
 * "demo buruh", "Hari Buruh", "upah buruh"). A party whose short name is an everyday word ("Buruh") is never
 * written so; its full name ("demo Partai Buruh") is matched plainly and needs no confirming.
 */
export const COMMON_NOUN_BEFORE = /(?:^|[^\p{L}])(?:para|kaum|sesama|ribuan|ratusan|puluhan|demo|aksi|upah|gaji|nasib|hari)\s+$/iu;
/**
 * Is src[a, b) one half of a reduplicated word ("perubahan-perubahan", "buruh-buruh"), or the word with the
 * figure 2 that informal writing puts for the repeat ("perubahan2", "buruh2", "amin2"; not "AMIN2024")? That
 * is how Indonesian writes a plural: the common noun, never a name or a campaign term, whatever the word.
 */
export function reduplicated(src: string, a: number, b: number): boolean {
  const w = src.slice(a, b).toLowerCase();
  return src.slice(b, b + w.length + 1).toLowerCase() === `-${w}` || src.slice(Math.max(0, a - w.length - 1), a).toLowerCase() === `${w}-` || /^2(?![\p{L}\p{N}])/u.test(src.slice(b, b + 2));
}
/** The `n` characters of a match's field before it: where a cue right before the name is looked for. */
export function textBefore(h: { src: string; off: number; span: readonly [number, number] }, n: number): string {
  return h.src.slice(Math.max(0, h.span[0] + h.off - n), h.span[0] + h.off);
}
/**
 * An acronym in capitals of at most four letters with a letter doubled inside it ("PSSI", the football
 * association): a word of its own that the normaliser's repeat collapsing turns into a party's acronym
 * ("PSI"). Stretching, which the collapsing is for, repeats the last letter ("PSIII") and is kept.
 */
export function doubledInside(raw: string): boolean {
  return /^\p{Lu}{3,4}$/u.test(raw) && /(\p{Lu})\1/u.test(raw.replace(/(\p{Lu})\1+$/u, '$1'));
}
