/**
 * The words around a context-requiring name that the content script's engine reads itself: honorifics, the
 * joiner of a pair's two names, a word of party organisation. The rest of the evidence words
 * (rules/evidence-cues.ts) are read only by the full engine (rules/evidence-beside.ts).
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
 * A word of a party's own organisation right before its acronym ("Ketua DPD PSI", "Ketum PAN", "kader
 * PKB"): the board, the chair, a cadre or faction of a party, so the acronym is the party. Not "sekjen"
 * (the UN's Secretary-General is "Sekjen PBB").
 */
export const PARTY_ORGAN_BEFORE = /(?:^|[^\p{L}])(?:dpp|dpd|dpw|dpc|ketum|ketua umum|waketum|kader|fraksi|caleg)\s*$/iu;
