// The kinds of evidence for a context-requiring name, and which point at a race (docs/engine.md,
// "Evidence"): apart from rules/severity.ts so that the policy and the words beside a name
// (rules/evidence-beside.ts) share one typed vocabulary.

/**
 * Evidence that names no race ("Pak", "mantap", "korupsi"): an honorific, praise, a word of politics. Only
 * beside evidence of some other kind does an election word count for a regency or city name.
 */
export type GenericEvidenceKind = 'honorific' | 'praise' | 'politics';
/** Evidence that points at a race: its place, its people, its number, its office, choosing it. */
export type RaceEvidenceKind =
  | 'support-near' | 'support-field' | 'ballot-number' | 'hand-sign' | 'region' | 'running-mate' | 'rival' | 'coalition-party'
  | 'choice' | 'choice-loose' | 'office' | 'office-field' | 'election-word' | 'same-person' | 'same-contest';
/** What an item of evidence for a context-requiring name is (docs/engine.md, "Evidence"): one of the two. */
export type EvidenceKind = GenericEvidenceKind | RaceEvidenceKind;
/** One item of evidence: the policy decides on `kind`; `label` is what the reason shows ('honorific "Bu"'). */
export interface Evidence {
  kind: EvidenceKind;
  label: string;
}
/** the generic kinds, as a Record so that a kind added to GenericEvidenceKind must be added here */
const GENERIC_KINDS: Readonly<Record<GenericEvidenceKind, 1>> = { honorific: 1, praise: 1, politics: 1 };
/** Does evidence of this kind point at a race (RaceEvidenceKind)? Decided on the kind, never on the label. */
export const raceSpecific = (kind: EvidenceKind): kind is RaceEvidenceKind => !(kind in GENERIC_KINDS);
