/**
 * Labels for the public eval sets, decided outside the engine (issue #17): regular expressions of the
 * 2024 contestants' and parties' names, written by hand from the official candidate lists, never
 * generated from rules/data, so the engine cannot agree with itself.
 */

import { ANNOTATIONS, type Annotation, textKey } from './annotations.ts';

/**
 * The 2024 contests and their candidates, by contest: the Pilpres pairs, then the governor pairs of the
 * provinces the sets cover (KPU candidate lists). A regional candidate counts by full name or by a
 * surname that is no everyday word; short names that are everyday words or common given names (Surya,
 * Hendi, Seno, Jihan, Mian) stay out, as "amin" does.
 */
const CONTESTS: Record<string, string[]> = {
  pilpres: ['prabowo', 'gibran', 'anies', 'muhaimin', 'cak ?imin', 'ganjar', 'mahfud', 'mahfudz?'],
  jakarta: ['ridwan kamil', 'suswono', 'pramono', 'rano karno', 'bang doel', 'dharma pongrekun', 'kun wardana'],
  'jawa timur': ['khofifah', 'emil dardak', 'risma', 'rismaharini', 'gus hans', 'luluk', 'lukmanul khakim'],
  banten: ['airin', 'ade sumardi', 'andra soni', 'dimyati'],
  'jawa tengah': ['andika perkasa', 'hendrar prihadi', 'ahmad luthfi', 'taj yasin'],
  'jawa barat': [
    'dedi mulyadi', 'erwan setiawan', 'syaikhu', 'ilham habibie', 'jeje wiradinata', 'ronal surapradja',
    'acep adang', 'gitalis dwi',
  ],
  'sumatera utara': ['bobby nasution', 'edy rahmayadi', 'hasan basri sagala'],
  'sumatera barat': ['mahyeldi', 'vasko ruseimy', 'epyardi asda', 'ekos albar'],
  riau: ['syamsuar', 'sf hariyanto'],
  lampung: ['rahmat mirzani', 'mirzani djausal', 'jihan nurlela', 'arinal djunaidi'],
  aceh: ['muzakir manaf', 'bustami hamzah'],
  bali: ['wayan koster', 'giri prasta', 'muliawan arya', 'agus suradnyana'],
  'nusa tenggara barat': ['lalu (?:muhamad )?iqbal', 'indah dhamayanti', 'zulkieflimansyah', 'rohmi djalilah'],
  'nusa tenggara timur': ['laka lena', 'ansy lema', 'simon petrus kamlasi', 'johni asadoma'],
  'kalimantan barat': ['ria norsan', 'krisantus kurniawan', 'sutarmidji', 'didi haryono', 'muda mahendrawan'],
  'kalimantan tengah': ['agustiar sabran', 'nadalsyah', 'willy midel'],
  'kalimantan timur': ['isran noor', 'hadi mulyadi', "rudy mas['’]?ud", 'seno aji'],
  'sulawesi selatan': ['danny pomanto', 'azhar arsyad', 'andi sudirman', 'fatmawati rusdi'],
  'sulawesi tengah': ['anwar hafid', 'rusdy mastura'],
  'sulawesi utara': ['yulius selvanus', 'elly lasut', 'steven kandouw'],
};
const PARTIES = [
  // PDI-P is written with a hyphen as often as without; Golkar and PDI-P by their full names too
  'gerindra', 'pdi[- ]?p', 'pdi[- ]perjuangan', 'partai demokrasi indonesia perjuangan', 'golkar', 'partai golongan karya', 'nasdem', 'demokrat', 'perindo', 'hanura', 'gelora',
  'partai keadilan sejahtera', 'partai kebangkitan bangsa', 'partai amanat nasional', 'partai solidaritas indonesia',
  'partai persatuan pembangunan', 'partai buruh', 'partai ummat',
  // the rest of the 18 national parties of the 2024 ballot (KPU): their acronyms are everyday words
  // (PBB is also the UN and the land tax), so only the full names count
  'partai bulan bintang', 'partai garuda', 'partai kebangkitan nusantara',
  // the six Aceh parties of the 2024 ballot (KPU), by their full names
  'partai aceh', 'partai nanggroe aceh', 'partai darul aceh', 'partai adil sejahtera aceh', 'partai sira',
  'partai generasi atjeh beusaboh',
  // PKB, PKS and PPP are no Indonesian words, so in lower case they are the parties too (news written in
  // lower case: "fraksi pks", "kader ppp"); "pan" and "psi" are words, so they count in capitals only
  'pkb', 'pks', 'ppp',
];
const words = (alternatives: string[]) => new RegExp(`(?<![a-z])(?:${alternatives.join('|')})(?![a-z])`, 'i');
const CONTEST_NAMES = Object.entries(CONTESTS).map(([contest, names]) => [contest, words(names)] as const);
const PARTY_NAMES = words(PARTIES);
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
  /** the contests it names: a key of CONTESTS, or "party" */
  contests: string[];
  /** "names" comes from a human annotation (annotations.ts), not from the name list */
  annotated: boolean;
  /** carries a campaign hashtag */
  hashtag: boolean;
  /** uses election vocabulary */
  electionWords: boolean;
}

export function label(text: string, annotations: Map<string, Annotation> = ANNOTATIONS): Labels {
  const human = annotations.get(textKey(text));
  const contests = CONTEST_NAMES.filter(([, re]) => re.test(text)).map(([contest]) => contest);
  const pairAcronym = PAIR_ACRONYM.test(text) && /[a-z]/.test(text);
  if (pairAcronym && !contests.includes('pilpres')) contests.unshift('pilpres');
  if (PARTY_NAMES.test(text) || ACRONYMS.test(text)) contests.push('party');
  if (human?.names && human.contest) {
    // checked here, not in the schema: annotations.ts cannot import this file (it imports that one)
    if (!Object.hasOwn(CONTESTS, human.contest)) throw new Error(`annotation contest: no contest "${human.contest}"`);
    if (!contests.includes(human.contest)) contests.push(human.contest);
  }
  return {
    names: human ? human.names : contests.length > 0,
    contests: human && !human.names ? [] : contests,
    annotated: human !== undefined,
    hashtag: CAMPAIGN_HASHTAG.test(text),
    electionWords: ELECTION_WORDS.test(text),
  };
}
