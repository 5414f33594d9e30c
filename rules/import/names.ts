/**
 * Names as data sets write them ("Prof. Dr. H. M. MAHFUD MD", "DASWATI, S.H., M.H.") turned into the
 * forms people write ("M. Mahfud MD", "Mahfud MD", "Daswati"). Pure; no browser or Node APIs.
 */

/**
 * Titles written before a name: academic (Dr., Drs., Ir., Prof.), religious (H., Hj., Hi. as Lampung and
 * North Maluku write haji, K.H., Tgk., Pt./Pdt. pendeta, Pnt. penatua), nobility and adat (Rd. raden,
 * Dt. datuk), ranks (Capt. for a ship's captain).
 */
const PREFIX_TITLE_RE =
  /^(?:\(\s*h\.?\s*c\.?\s*\)|\(\s*purn\.?\s*\)|(?:prof|capt|drs|dra|drg|dr|ir|hj|hi|h|k\.?\s?h|tgk|pdt|pnt|pt|rd|dt|ust|ustadz|ny|tn|jenderal|jend|letjen|mayjen|brigjen|marsdya|marsda|marsma|laksdya|laksda|laksma|komjen|irjen|kombes|kolonel|letkol|purn|tni|polri|pol)\.?)(?=[\s,.]|$)/i;

/** Degrees written after a name without dots (with dots they are recognised by shape). */
const UNDOTTED_DEGREES = new Set([
  'sh', 'se', 'mm', 'msi', 'mh', 'ma', 'mba', 'mt', 'st', 'sp', 'mp', 'spd', 'mpd', 'sag', 'mag', 'ssos', 'sip',
  'skom', 'mkom', 'lc', 'phd', 'mkes', 'skm', 'skep', 'ners', 'apt', 'ak', 'akt', 'cpa', 'mhum', 'shum', 'ssi',
  'spsi', 'mpsi', 'sth', 'mth', 'sked', 'mked', 'mars', 'mec', 'msc', 'bsc', 'llm', 'mpa', 'map', 'sikom', 'mikom',
  'spdi', 'shi', 'sei', 'mei', 'stp', 'sptk', 'sfarm', 'sstp', 'ipu', 'ipm', 'asean eng',
  // seen after the comma in the KPU Sirekap Pilkada 2024 files: a doctorate written last, foreign and
  // professional degrees (BSBA, DPT, CA, CFI, AP "ahli pemerintahan", MSA, MAppCom)
  'dr', 'drs', 'ir', 'bsba', 'dpt', 'ca', 'cfi', 'ap', 'msa', 'mappcom', 'mkp', 'kp', 'ns',
]);

/** Dotted degrees with a part longer than the shape below allows. */
const LONG_DOTTED_DEGREES = new Set(['m.biomed']);

/** A medical specialist written without dots: "SpOG", "SpM", "SpB", "SpPD" (the capital after "Sp" tells it from a word). */
const SPECIALIST_RE = /^Sp[A-Z]{1,3}\.?$/;

/** Words in parentheses that are titles, not nicknames: (Purn), (P), (H.C), (K) consultant, (C) candidate, (Hons), (Acc), (Han), (PD). */
const PARENTHESISED_TITLES = new Set(['purn', 'p', 'hc', 'k', 'c', 'hons', 'acc', 'han', 'pd']);

/** An adat title written after the name ("…, Dt. Tan Batuah", "…, Datuk Bilang"): a title, not the name people write. */
const ADAT_TITLE_SEGMENT_RE = /^(?:dt\.?|datuk)\s/i;

/** Abbreviations that keep their dot ("Mohd. Amin"); a dot after any other word of four letters or more is a typo. */
const DOTTED_ABBREVIATIONS = new Set(['mohd', 'muhd']);

/** Initials joined by dots: "Y.A.T", "A.M.", "H.B.L.". */
const JOINED_INITIALS_RE = /^(?:\p{L}\.)+\p{L}?\.?$/u;

/** "S.H.", "M.Si.", "Sp.OG", "S.Pd.I.", "Ph.D.", "M.I.Kom.": letter groups joined by dots. */
const DOTTED_DEGREE_RE = /^[A-Za-z]{1,5}(?:\.[A-Za-z]{1,5})+\.?$/;

function isDegree(token: string): boolean {
  const t = token.replace(/[,;]+$/, '');
  if (!t) return false;
  if (DOTTED_DEGREE_RE.test(t) || SPECIALIST_RE.test(t)) return true;
  const bare = t.replace(/\.$/, '').toLowerCase();
  return UNDOTTED_DEGREES.has(bare) || LONG_DOTTED_DEGREES.has(bare);
}

export interface StrippedName {
  /** the name without titles, capitals untouched */
  name: string;
  /** the titles removed, in the order they appeared */
  titles: string[];
  /** what the data set wrote in parentheses that is no title: a nickname ("RUSLI (TAMBI)" → "TAMBI") */
  nicknames: string[];
}

/** Removes titles before and after a name, with or without dots and commas. Never returns an empty name. */
export function stripTitles(raw: string): StrippedName {
  const titles: string[] = [];
  const nicknames: string[] = [];
  let s = raw
    .replace(/\s+/g, ' ')
    .replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
      const letters = inner.replace(/[^\p{L}]/gu, '').toLowerCase();
      if (PARENTHESISED_TITLES.has(letters)) titles.push(whole.trim());
      else if (letters) nicknames.push(inner.trim());
      return '';
    })
    // "B.Sc. (Hons)., M.T." without its parentheses leaves two dots
    .replace(/\.{2,}/g, '.')
    .trim();
  // "(Purn.)" may stand anywhere among the prefix titles
  for (;;) {
    const m = PREFIX_TITLE_RE.exec(s);
    if (!m) break;
    const rest = s.slice(m[0].length).replace(/^[\s,.]+/, '');
    if (!rest) break; // nothing but a title: keep it rather than empty the name
    titles.push(m[0].trim());
    s = rest;
  }
  // after the first comma: degree segments ("S.H., M.Si.", "Sp.OG", "SH")
  const [head = '', ...segments] = s.split(/[,;]/).map((x) => x.trim());
  const kept: string[] = [];
  for (const seg of segments) {
    if (!seg) continue;
    const tokens = seg.split(' ');
    // "M. Si" is "M.Si" with a stray space
    if (tokens.every(isDegree) || isDegree(tokens[0]!) || isDegree(seg.replace(/\s+/g, '')) || ADAT_TITLE_SEGMENT_RE.test(seg))
      titles.push(...tokens);
    else kept.push(seg);
  }
  // trailing degrees without a comma ("BUDI SANTOSO S.H. M.H.", "BUDI SANTOSO SH MSi")
  const words = head.split(' ');
  const tail: string[] = [];
  while (words.length > 1 && isDegree(words[words.length - 1]!)) tail.unshift(words.pop()!);
  // "MAWARDI. R", "DANI. M. NURSALAM", "TOTOK.": a dot after a whole word is no initial's
  const undotted = words.map((w) => {
    const m = /^(\p{L}{4,})\.$/u.exec(w);
    return m && !DOTTED_ABBREVIATIONS.has(m[1]!.toLowerCase()) ? m[1]! : w;
  });
  const name = [undotted.join(' '), ...kept].join(', ').replace(/[\s,;]+$/, '');
  return { name, titles: [...titles, ...tail], nicknames };
}

const PARTICLES = new Set(['bin', 'binti', 'van', 'der', 'den', 'de', 'von', 'da']);
const ROMAN_RE = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;

function titleCaseWord(word: string): string {
  // capital after a hyphen ("Abdul-Rahman"), lower case after an apostrophe ("As'ad")
  return word
    .toLowerCase()
    .replace(/(^|-)(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** ALL-CAPS words to Title Case; particles (bin, van…) lower case; roman numerals and vowel-less acronyms (MD) kept. */
export function fixCapitals(name: string): string {
  return name
    .split(' ')
    .map((token, i) => {
      const letters = token.replace(/[^\p{L}]/gu, '');
      if (!letters || letters !== letters.toUpperCase()) return token; // mixed case: the source knew better
      if (i > 0 && PARTICLES.has(letters.toLowerCase())) return token.toLowerCase();
      if (i > 0 && ROMAN_RE.test(letters)) return token;
      if (letters.length > 1 && JOINED_INITIALS_RE.test(token)) return token;
      if (letters.length >= 2 && letters.length <= 3 && !/[AEIOUY]/.test(letters)) return token; // MD, HM
      return titleCaseWord(token);
    })
    .join(' ');
}

export interface CleanName {
  /** the name as people write it: titles removed, capitals fixed */
  name: string;
  /** what was removed */
  titles: string[];
  /** nicknames the data set wrote in parentheses, capitals fixed */
  nicknames: string[];
}

export function cleanName(raw: string): CleanName {
  const stripped = stripTitles(raw);
  return { name: fixCapitals(stripped.name), titles: stripped.titles, nicknames: stripped.nicknames.map(fixCapitals) };
}

/** Splits "HEAD - DEPUTY" (spaced hyphen or dash); a hyphen inside a name ("Abdul-Rahman") does not split. */
export function splitPair(raw: string): string[] {
  return raw
    .split(/\s+[-–—](?:\s+|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Other forms of a cleaned name people write: without initials ("M. Mahfud MD" → "Mahfud MD"). */
export function nameVariants(name: string): string[] {
  const words = name.split(' ');
  const withoutInitials = words.filter((w) => !/^\p{L}\.?$/u.test(w));
  if (withoutInitials.length < 2 || withoutInitials.length === words.length) return [];
  return [withoutInitials.join(' ')];
}
