/**
 * Labels for the public eval sets, decided outside the engine (issue #17): regular expressions of the
 * 2024 contestants' and parties' names, written by hand from the official candidate lists, never
 * generated from rules/data, so the engine cannot agree with itself.
 */

/** Pilpres 2024 pairs and the governor races present in the sets (Jakarta, Jawa Timur, Banten). */
const CANDIDATES = [
  'prabowo', 'gibran', 'anies', 'muhaimin', 'cak ?imin', 'ganjar', 'mahfud', 'mahfudz?',
  'ridwan kamil', 'suswono', 'pramono', 'rano karno', 'bang doel', 'dharma pongrekun', 'kun wardana',
  'khofifah', 'emil dardak', 'risma', 'rismaharini', 'gus hans', 'luluk', 'lukmanul khakim',
  'airin', 'ade sumardi', 'andra soni', 'dimyati',
];
const PARTIES = [
  'gerindra', 'pdi ?p', 'pdi perjuangan', 'golkar', 'nasdem', 'demokrat', 'perindo', 'hanura', 'gelora',
  'partai keadilan sejahtera', 'partai kebangkitan bangsa', 'partai amanat nasional', 'partai solidaritas indonesia',
  'partai persatuan pembangunan', 'partai buruh', 'partai ummat',
  // the rest of the 18 national parties of the 2024 ballot (KPU): their acronyms are everyday words
  // (PBB is also the UN and the land tax), so only the full names count
  'partai bulan bintang', 'partai garuda', 'partai kebangkitan nusantara',
];
const NAMES = new RegExp(`(?<![a-z])(?:${[...CANDIDATES, ...PARTIES].join('|')})(?![a-z])`, 'i');
/** Short party acronyms count only in capitals: "pan", "pks" and "ppp" are also everyday words or slang. */
const ACRONYMS = /(?<![A-Za-z])(?:PKS|PKB|PAN|PPP|PSI|PDIP)(?![A-Za-z])/;
/**
 * The pair acronym of the ballot (AMIN, Anies–Muhaimin) counts in capitals in text that has lower case
 * too: "amin" is "amen", and a prayer written all in capitals ends with "AMIN".
 */
const PAIR_ACRONYM = /(?<![A-Za-z])AMIN(?![A-Za-z])/;

/** A hashtag of a pair or candidate, or a campaign tagline (the campaigns' own hashtags). */
const CAMPAIGN_HASHTAG =
  /#\w*(?:prabowo|gibran|anies|amin(?:aja|menang)|ganjar|mahfud|pramono|ridwan|rido|khofifah|risma|luluk|airin|andra|jakartamenyala|untungadapramdoel)\w*/i;

const ELECTION_WORDS =
  /(?<![a-z])(?:pemilu|pilpres|pilkada|pilgub|pileg|kpu|bawaslu|tps|kampanye|capres|cawapres|cagub|cawagub|paslon|surat suara|pencoblosan|quick count|hitung cepat|debat)(?![a-z])/i;

export interface Labels {
  /** names a 2024 candidate or party (independent list) */
  names: boolean;
  /** carries a campaign hashtag */
  hashtag: boolean;
  /** uses election vocabulary */
  electionWords: boolean;
}

export function label(text: string): Labels {
  return {
    names: NAMES.test(text) || ACRONYMS.test(text) || (PAIR_ACRONYM.test(text) && /[a-z]/.test(text)),
    hashtag: CAMPAIGN_HASHTAG.test(text),
    electionWords: ELECTION_WORDS.test(text),
  };
}
