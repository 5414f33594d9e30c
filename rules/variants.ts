/**
 * Spelling variants of person names, generated at compile time (issue #17, item 2): the ways Indonesians
 * write a candidate's name in comments, derived from each name and alias instead of typed by hand.
 * Build-time only (rules/compile.ts, `jaga validate`); the content script never imports it: variants
 * reach the engine as ordinary terms of the matcher's tables.
 *
 * Rules, each applied at one place at a time (combined only as said below, so the count stays linear in the name):
 * - a vowel dropped ("prabowo" → "prbowo"), in words of ≥ 5 letters, never the first letter;
 * - a vowel or consonant doubled: generated, but the normaliser collapses repeated letters, so they
 *   match already and vanish when variants are de-duplicated by their normalised form;
 * - old (pre-1972) spellings both ways: oe/u, dj/j, tj/c, ch/kh, sj/sy;
 * - y/i both ways ("airin" → "ayrin");
 * - Arabic-derived kh → k and f → p, one way ("khofifah" → "kofifah", "khopipah", "kopipah"): each place
 *   alone, every place of one rule, and both rules at every place (at most places + 3 per word);
 * - an honorific glued in front of a one-word alias ("pakanies", "buairin");
 * - a suffix glued to a one-word alias: -nya, -ku, -lah, -mu ("prabowonya", "aniesku").
 * Only names and aliases of one or two words get variants.
 * At most MAX_VARIANTS_PER_TERM per name, in the order above. A variant that reads as an everyday word,
 * or as another entity's term (unless both come from a context-requiring given name the two share), is
 * dropped and reported (`jaga validate`); maintainers add or veto
 * variants per person (`variants: { add, veto }` in the rule source).
 */
import { TokenBuffer, tokenText } from './normalize.ts';

export const MAX_VARIANTS_PER_TERM = 24;
/** names and aliases of more words than this get no variants */
const MAX_WORDS = 2;
/** old spellings and their modern forms (both directions are generated) */
const OLD_SPELLINGS: ReadonlyArray<readonly [string, string]> = [['oe', 'u'], ['dj', 'j'], ['tj', 'c'], ['ch', 'kh'], ['sj', 'sy']];
/** Arabic-derived spellings and how commenters write them (one way: kh → k, f → p) */
const ARABIC_SPELLINGS: ReadonlyArray<readonly [string, string]> = [['kh', 'k'], ['f', 'p']];
const HONORIFICS = ['pak', 'bu', 'mas', 'mbak', 'bang', 'kang', 'cak'];
const SUFFIXES = ['nya', 'ku', 'lah', 'mu'];
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** words shorter than this get no dropped vowel (a 4-letter name loses too much: "budi" → "bdi") */
const MIN_DROP_LEN = 5;
/** words shorter than this get no suffix or glued honorific ("edy" + "ku") */
const MIN_GLUE_LEN = 4;

const buf = new TokenBuffer();

/** The matcher's reading of a text: its normalised tokens joined by one space ("Pak-Anies!!" → "pak anies"). */
export function normalizedForm(text: string): string {
  buf.tokenize(text);
  const out: string[] = [];
  for (let t = 0; t < buf.nt; t++) out.push(tokenText(buf, t));
  return out.join(' ');
}

/**
 * normalizedForm(raw) without making a string when the tokens are raw itself (one token, the same
 * chars): most raw variants of a normalised word (a vowel dropped, y for i) are normalised already.
 */
function normalizedVariant(raw: string): string {
  buf.tokenize(raw);
  if (buf.nt === 1) {
    const s = buf.tStart[0]!;
    let same = buf.tEnd[0]! - s === raw.length;
    for (let i = 0; same && i < raw.length; i++) same = buf.chars[s + i] === raw.charCodeAt(i);
    if (same) return raw;
  }
  const out: string[] = [];
  for (let t = 0; t < buf.nt; t++) out.push(tokenText(buf, t));
  return out.join(' ');
}

/**
 * normalizedForm of a word of a–z without the tokeniser (it is one token, with repeated letters
 * collapsed to one): raw itself when no letter repeats. Anything else, and a word of one letter
 * repeated (which the tokeniser keeps as it is), goes through the tokeniser. Every variant of a
 * word is read so, about 20 per distinct word: at 300,000 names the tokeniser's passes over them
 * cost more than tokenising the names.
 */
export function normalizedLetters(raw: string): string {
  const n = raw.length;
  if (n === 0) return normalizedVariant(raw);
  const first = raw.charCodeAt(0);
  let repeats = false;
  let oneLetter = true;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 97 || c > 122) return normalizedVariant(raw);
    if (c === prev) repeats = true;
    if (c !== first) oneLetter = false;
    prev = c;
  }
  if (!repeats) return raw;
  if (oneLetter) return normalizedVariant(raw);
  let out = '';
  let from = 0;
  for (let i = 1; i < n; i++) {
    if (raw.charCodeAt(i) !== raw.charCodeAt(i - 1)) continue;
    out += raw.slice(from, i);
    from = i + 1;
  }
  return out + raw.slice(from);
}

function replaceAt(w: string, i: number, len: number, by: string): string {
  return w.slice(0, i) + by + w.slice(i + len);
}

/**
 * One-place variants of one lower-case word (without the word itself), in rule order. `doubled`: with
 * the doubled letters, which the normaliser collapses again (for a word of two or more letters without
 * repeated ones, back to the word itself: VariantMemo leaves them out then).
 */
export function wordVariants(w: string, doubled = true): string[] {
  const out: string[] = [];
  if (w.length >= MIN_DROP_LEN) {
    for (let i = 1; i < w.length; i++) if (VOWELS.has(w[i]!)) out.push(replaceAt(w, i, 1, ''));
  }
  if (doubled) for (let i = 0; i < w.length; i++) out.push(replaceAt(w, i, 1, w[i]! + w[i]!)); // doubled: collapses
  for (const [a, b] of OLD_SPELLINGS) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      for (let i = w.indexOf(from); i >= 0; i = w.indexOf(from, i + 1)) out.push(replaceAt(w, i, from.length, to));
    }
  }
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 'y') out.push(replaceAt(w, i, 1, 'i'));
    else if (w[i] === 'i' && i > 0) out.push(replaceAt(w, i, 1, 'y'));
  }
  // Arabic-derived kh and f as commenters write them, k and p ("akhir"/"akir", "fikir"/"pikir"): one way
  // only (a k or p of a name is rarely written kh or f); each place alone, every place, both rules at once
  let everyPlace = w;
  for (const [from, to] of ARABIC_SPELLINGS) {
    const at: number[] = [];
    for (let i = w.indexOf(from); i >= 0; i = w.indexOf(from, i + 1)) at.push(i);
    for (const i of at) out.push(replaceAt(w, i, from.length, to));
    if (at.length > 1) out.push(w.split(from).join(to));
    everyPlace = everyPlace.split(from).join(to);
  }
  if (everyPlace !== w) out.push(everyPlace); // the same as one rule's every place when the other has none: de-duplicated later
  return out;
}

/**
 * Variants of a name or alias as the matcher reads them (normalised, de-duplicated, without the name's
 * own form), at most MAX_VARIANTS_PER_TERM: spelling variants of each word, then glued honorifics (one-word
 * names only), then suffixes on the last word.
 */
export function nameVariants(name: string): string[] {
  const words = normalizedForm(name).split(' ').filter(Boolean);
  // digits, emoji, handles: none; a full name of three or more words is rarely typed whole, and its
  // variants would only grow the tables (its one- and two-word aliases get theirs)
  if (!words.length || words.length > MAX_WORDS || words.some((w) => !/^[a-z]+$/.test(w))) return [];
  const own = words.join(' ');
  const raw: string[] = [];
  words.forEach((w, i) => {
    for (const v of wordVariants(w)) raw.push([...words.slice(0, i), v, ...words.slice(i + 1)].join(' '));
  });
  const last = words[words.length - 1]!;
  if (words.length === 1 && last.length >= MIN_GLUE_LEN && !HONORIFICS.some((h) => last.startsWith(h))) {
    for (const h of HONORIFICS) raw.push(h + last);
  }
  if (words.length === 1 && last.length >= MIN_GLUE_LEN) for (const s of SUFFIXES) raw.push(last + s);
  const seen = new Set<string>([own]);
  const out: string[] = [];
  for (const r of raw) {
    const v = normalizedLetters(r);
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
    if (out.length >= MAX_VARIANTS_PER_TERM) break;
  }
  return out;
}

/** Why a generated variant was not compiled. */
export interface DroppedVariant {
  person: string;
  /** the name or alias it came from */
  from: string;
  variant: string;
  why: 'everyday word' | 'another term' | 'vetoed';
}

export interface PersonVariants {
  /** compiled variants: text and whether it needs context (as the alias it came from) */
  keep: Array<{ text: string; ctx: boolean }>;
  dropped: DroppedVariant[];
}

export interface VariantPerson {
  id: string;
  name: string;
  aliases?: Array<string | { term: string; requiresContext?: boolean }>;
  variants?: { add?: Array<string | { term: string; requiresContext?: boolean }>; veto?: string[] };
}

/**
 * The variants to compile for one person. `everyday`: normalised everyday words and phrases (a variant
 * equal to one is dropped); `taken`: normalised form of every term of the bundle → its owner ("person:<id>",
 * "party:<id>", "vocabulary"…): a variant equal to another owner's term would mean two things.
 * Maintainers' `add` entries are kept even when everyday; `veto` removes.
 */
export function personVariants(p: VariantPerson, everyday: ReadonlySet<string>, taken: ReadonlyMap<string, string>, self = `person:${p.id}`): PersonVariants {
  const veto = new Set((p.variants?.veto ?? []).map(normalizedForm));
  const added = new Set((p.variants?.add ?? []).map((a) => normalizedForm(typeof a === 'string' ? a : a.term)));
  const keep: Array<{ text: string; ctx: boolean }> = [];
  const dropped: DroppedVariant[] = [];
  const kept = new Set<string>();
  const sources: Array<{ text: string; ctx: boolean }> = [{ text: p.name, ctx: false }];
  for (const a of p.aliases ?? []) sources.push(typeof a === 'string' ? { text: a, ctx: false } : { text: a.term, ctx: a.requiresContext === true });
  for (const s of sources) {
    // a context-requiring given name that another person has too ("Dimyati" of two races): its variants
    // are as shared as the name itself, and each race's evidence decides which one counts
    const sharedWith = s.ctx ? taken.get(normalizedForm(s.text)) : undefined;
    for (const v of nameVariants(s.text)) {
      if (kept.has(v) || added.has(v)) continue; // a maintainer's addition decides its own context
      const owner = taken.get(v);
      const other = owner !== undefined && owner !== self && owner !== sharedWith;
      const why = veto.has(v) ? 'vetoed' : everyday.has(v) ? 'everyday word' : other ? 'another term' : undefined;
      if (why) {
        dropped.push({ person: p.id, from: s.text, variant: v, why });
        continue;
      }
      kept.add(v);
      keep.push({ text: v, ctx: s.ctx });
    }
  }
  for (const a of p.variants?.add ?? []) {
    const text = typeof a === 'string' ? a : a.term;
    const v = normalizedForm(text);
    if (!v || veto.has(v)) continue;
    keep.push({ text, ctx: typeof a !== 'string' && a.requiresContext === true });
  }
  return { keep, dropped };
}

/** A word of a name or of a variant, one object per distinct text (VariantMemo.word). */
export interface VariantWord {
  readonly text: string;
  /** free for the caller (the compiler keeps the word's dictionary id here); -1 until it sets it */
  id: number;
  /** free for the caller (the compiler keeps its everyday-word checks here); -1 until it sets it */
  flags: number;
}

/** A word as the memo keeps it: the lists made for it sit on it (a property read, not a map lookup). */
interface MemoWord extends VariantWord {
  /** its distinct one-place variants as normalised words, without the word itself, in rule order */
  alternatives: readonly VariantWord[] | undefined;
  /** its variants as a one-word name (nameVariants) */
  alone: readonly VariantWord[] | undefined;
}

/**
 * nameVariants, memoised per distinct word for the compiler: a variant changes one word of a one- or
 * two-word name, so the variants of "A B" are those of A beside B, then A beside those of B, and the
 * variants of a one-word name depend on that word only. Names repeat words heavily (synthetic and real
 * candidate lists alike): 300,000 names cost the variants of far fewer distinct words. A memo lives as
 * long as one compile.
 */
export class VariantMemo {
  private readonly words = new Map<string, MemoWord>();

  /** The one object of this (normalised) word. */
  word(text: string): VariantWord {
    let w = this.words.get(text);
    if (w === undefined) {
      w = { text, id: -1, flags: -1, alternatives: undefined, alone: undefined };
      this.words.set(text, w);
    }
    return w;
  }

  /** Whether a name's normalised words get variants at all (as nameVariants decides). */
  static eligible(words: readonly string[]): boolean {
    return words.length > 0 && words.length <= MAX_WORDS && words.every((w) => /^[a-z]+$/.test(w));
  }

  /** The variants of the one-word name `w` (w eligible), as nameVariants gives them. */
  oneWord(w: VariantWord): readonly VariantWord[] {
    const m = w as MemoWord;
    return (m.alone ??= nameVariants(w.text).map((v) => this.word(v)));
  }

  /** The distinct one-place variants of `w` inside a longer name (normalised, without w itself). */
  wordAlternatives(w: VariantWord): readonly VariantWord[] {
    const m = w as MemoWord;
    let out = m.alternatives;
    if (out === undefined) {
      const seen = new Set<string>([w.text]);
      const list: VariantWord[] = [];
      // a word of two or more letters without repeated ones (most) gets itself back from each doubled
      // letter: those are not made (~40% of the raw variants, each a string normalised and looked up).
      // One letter doubled ("aa") is a word of one repeated letter, which the tokeniser keeps
      let repeats = w.text.length < 2;
      for (let i = 1; i < w.text.length && !repeats; i++) repeats = w.text.charCodeAt(i) === w.text.charCodeAt(i - 1);
      for (const raw of wordVariants(w.text, repeats)) {
        // one word of letters stays one token: its normalised form is the name's word in place
        const v = normalizedLetters(raw);
        if (seen.has(v)) continue;
        seen.add(v);
        list.push(this.word(v));
      }
      out = m.alternatives = list;
    }
    return out;
  }

  /** nameVariants(name), each variant as its words (the tests' and any caller's view of the memo). */
  nameVariants(name: string): VariantWord[][] {
    const words = normalizedForm(name).split(' ').filter(Boolean);
    if (!VariantMemo.eligible(words)) return [];
    const ws = words.map((t) => this.word(t));
    if (ws.length === 1) return this.oneWord(ws[0]!).map((v) => [v]);
    // distinct already: two variants that change different words differ in both
    const out: VariantWord[][] = [];
    ws.forEach((w, i) => {
      for (const v of this.wordAlternatives(w)) out.push(ws.map((x, k) => (k === i ? v : x)));
    });
    return out.slice(0, MAX_VARIANTS_PER_TERM);
  }
}
