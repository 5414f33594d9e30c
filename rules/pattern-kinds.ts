/**
 * Pattern kinds: what a term of the compiled rules stands for (the `patKind` column, rules/compiled.ts)
 * and which entity table its `patEntity` indexes. Import the module as a namespace, `import * as PK from
 * './pattern-kinds.ts'`, and write `PK.PERSON`: one import line wherever the kinds are used, and bundlers
 * still see plain constants. The values are part of the compiled format: changing a value bumps
 * COMPILED_FORMAT.
 */
import type { SiteId } from './actions.ts';

export const PERSON = 1; // name/alias/nickname/misspelling → persons[entity]
export const PARTY = 2; // party name/abbreviation → parties[entity]
export const PARTY_SYMBOL = 3; // symbol words or emoji → parties[entity]
export const PARTY_SLOGAN = 4;
export const PAIR = 5; // pair name / acronym → contestants[entity]
export const COALITION = 6; // coalition name → contestants[entity]
export const HASHTAG = 7; // campaign hashtag → contestants[entity]
export const AGAINST = 8; // hashtag against a contestant → contestants[entity]
export const SLOGAN = 9; // campaign slogan → contestants[entity]
export const SALUTE = 10; // salute in words → contestants[entity]
export const TEAM = 11; // campaign team name → contestants[entity]
export const ACCOUNT_PERSON = 12;
export const ACCOUNT_PARTY = 13;
export const ACCOUNT_CONTESTANT = 14;
export const CONTEST_TERM = 15; // contest-wide partisan term → contests[entity]
export const ELECTION_TERM = 16;
export const SUPPORT_CUE = 17;
export const NEUTRAL_CUE = 18;
export const AMBIGUOUS = 19;
export const HAND_SIGN = 20; // aux = number shown (0 = none)
export const NUMBER_MARKER = 21;
export const NUMBER_WORD = 22; // aux = value
/**
 * "tahun" right after a number: a count of years, or a regulation's or letter's number ("Perpres Nomor 2
 * Tahun 2024", "UU Nomor 20 Tahun 2023"), never a ballot number. Added after format 1 without a bump: an
 * older engine ignores the kind (no contestant kind), so it only misses the fix.
 */
export const YEAR_WORD = 23;
/**
 * A noun whose own number follows it: a polling station, a neighbourhood, a district, a round, an article
 * ("TPS 04", "RT 02/RW 05", "dapil 2", "putaran 2", "pasal 2"), so that number is no ballot number, also
 * with a marker between ("TPS No. 04"). Added without a format bump, as PK.YEAR_WORD.
 */
export const NUMBERED_NOUN = 24;
/**
 * A place name of a province (the bundle's `regions`): aux = the 2-digit province code as a number
 * (36 = Banten). Evidence for a context-requiring candidate name of a contest there, never a match of its
 * own. Added without a format bump, as PK.YEAR_WORD: an older engine ignores the kind (it carries its own
 * table), and this engine given older compiled rules only lacks the region evidence.
 */
export const REGION = 25;

/** PK.ACCOUNT_*: `patAux` is a bitmask of the platforms the handle belongs to, a bit per site. */
export const PLATFORM_BIT: Partial<Record<SiteId, number>> = { facebook: 1, instagram: 2, x: 4, tiktok: 8, youtube: 16, threads: 32 };
