/**
 * Reading a rule term's tokens without the tokeniser, for the compiler (rules/compile-terms.ts):
 * most names are ASCII letters and spaces. Build-time only.
 */
/**
 * The tokens of a term of ASCII letters and spaces (most names), read without the tokeniser: words
 * split at spaces, lower-cased, repeated letters collapsed to one (the tokeniser's rules for such
 * text). `read` refuses anything else, and a word of one repeated letter ("PPP", which the tokeniser
 * keeps as it is), and the caller tokenises those. The same fields as a TokenBuffer's.
 */
export class LetterTokens {
  chars = new Uint16Array(256);
  tStart = new Int32Array(64);
  tEnd = new Int32Array(64);
  nt = 0;

  /** whether `text` was read (its tokens are then chars[tStart[t], tEnd[t]), t < nt) */
  read(text: string): boolean {
    const n = text.length;
    if (n > this.chars.length || n > 2 * this.tStart.length) return false;
    const chars = this.chars;
    let at = 0;
    let nt = 0;
    let start = -1;
    let oneLetter = true;
    for (let i = 0; i <= n; i++) {
      let c = i < n ? text.charCodeAt(i) : 32;
      if (c === 32) {
        if (start >= 0) {
          if (oneLetter && at - start < i - this.wordFrom) return false; // one letter repeated
          this.tStart[nt] = start;
          this.tEnd[nt++] = at;
          start = -1;
        }
        continue;
      }
      if (c >= 65 && c <= 90) c += 32;
      else if (c < 97 || c > 122) return false;
      if (start < 0) {
        start = at;
        this.wordFrom = i;
        oneLetter = true;
        chars[at++] = c;
      } else if (chars[at - 1] !== c) {
        oneLetter = false;
        chars[at++] = c;
      }
    }
    this.nt = nt;
    return true;
  }
  /** where the word at hand starts in the text */
  private wordFrom = 0;
}

/** The tokens of a term: a TokenBuffer or LetterTokens (the fields the compiler reads). */
export interface Tokens {
  chars: Uint16Array;
  tStart: Int32Array;
  tEnd: Int32Array;
  nt: number;
}
