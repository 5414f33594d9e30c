/**
 * What the engine answers and the limits it works within: the public types of an evaluation
 * (shared by the matcher, the warning policy, the content script and the CLI) and the caps on how
 * much text one evaluation reads. Types and constants only.
 */
import type { ActionContent, ActionKind, ContentField, SiteId } from './actions.ts';

export type Severity = 'none' | 'low' | 'medium' | 'high';

export interface EvaluateContext {
  /** the moment of the action: a Date, an ISO date (YYYY-MM-DD, a calendar day) or date-time */
  at: Date | string;
  /** Kemendagri region code of the user's agency ("35", "35.78"); narrows local contests */
  region?: string;
  site?: SiteId;
  action?: ActionKind;
}

export interface Reason {
  /** 'candidate' | 'pair' | 'party' | 'coalition' | 'hashtag' | 'slogan' | 'salute' | 'team' | 'account' |
   * 'campaign-term' | 'ballot-number' | 'person' | 'election-term' | 'support-cue' | 'neutral-cue' | 'ambiguous' */
  kind: string;
  entityId: string;
  /** human label, Indonesian */
  label: string;
  contest?: { id: string; name: string; number?: number };
  field: ContentField;
  /** index into an array field (hashtags, imageAlt) */
  index?: number;
  /** [start, end) in the original field string */
  span: [number, number];
  matched: string;
  /** this reason's own contribution (before the neutral-news step down of the verdict) */
  severity: Severity;
  /**
   * for a name that counts only with context (a common given name): what counted, in the engine's words
   * ('honorific "Bu"', 'region "Serang"', 'election word "pilkada"'). Optional: older engines omit it.
   */
  evidence?: string[];
}

export interface Verdict {
  severity: Severity;
  reasons: Reason[];
  /**
   * An engine loaded without the words-beside-the-name evidence (the content script's, rules/engine-core.ts)
   * left a context-requiring name unconfirmed that those words might confirm: the full engine decides.
   */
  incomplete?: true;
}

export interface Engine {
  readonly bundleVersion: number;
  evaluate(content: ActionContent, ctx: EvaluateContext): Verdict;
}

/** At most this many UTF-16 code units of each field (or array item) are examined. */
export const FIELD_CAP = 20_000;
/** At most this many items of an array field (hashtags, imageAlt) are examined. */
export const ARRAY_ITEMS_CAP = 50;
/** At most this many code units are examined per evaluation, over all fields. */
export const TOTAL_CAP = 100_000;
/** At most this many reasons are returned. */
export const MAX_REASONS = 64;

/** The content fields in the order they are examined; reasons are sorted in this order too. */
export const CONTENT_FIELDS: readonly ContentField[] = ['text', 'quoted', 'author', 'handle', 'hashtags', 'linkTitle', 'linkUrl', 'imageAlt', 'draft', 'group'];
