/**
 * The shapes of the values the background writes to storage.local and the content scripts and
 * extension pages read (the items in utils/storage-items.ts). One definition for every reader; each
 * reader still checks what it reads, since storage may hold a value an older version wrote.
 */
import type { RuleBundle } from '@/rules/schema';

/** storage.local `engine`: the compiled rules content scripts load (entrypoints/content/state.ts). */
export interface StoredEngine {
  bundleVersion: number;
  compiled: unknown;
  sites: NonNullable<RuleBundle['sites']>;
  source: 'default' | 'update';
  issuedAt: string;
  expiresAt: string;
  /** true when the policy's extraRules are merged into `compiled` */
  extraRules: boolean;
  /** the region `compiled` is narrowed to (rules/compile.ts, regionalBundle); absent: the national part */
  region?: string;
  /**
   * `compiled` is a tab set with its escalation filter (rules/tab-set.ts), of this version
   * (rules-store.ts TAB_SET_VERSION); absent in what older versions stored (the full set)
   */
  tabSet?: number;
}

/**
 * How one update attempt ended: `updated` (a newer bundle was verified and is now active),
 * `not-modified` (the server answered 304), `up-to-date` (a valid bundle, not newer than the active
 * one), `rejected` (refused: signature, schema, size, rollback, engine), `error` (the download
 * failed: network, HTTP status).
 */
export const UPDATE_RESULTS = ['updated', 'not-modified', 'up-to-date', 'rejected', 'error'] as const;
export type UpdateResult = (typeof UPDATE_RESULTS)[number];

export interface UpdateAttempt {
  time: number;
  url: string;
  result: UpdateResult;
  /** why, in one line (always set unless applied) */
  reason?: string;
  /** the version the server offered, when it could be read */
  version?: number;
}

/**
 * storage.local `updateStatus`. Its top-level time/url/result/reason/version are the headline
 * attempt of the latest check (with several URLs: an update if one was applied, else a refusal,
 * else an error, else the last), which the popup and options page show; `history` has every attempt.
 */
export interface UpdateStatus extends Partial<UpdateAttempt> {
  /** the latest attempts, newest first */
  history: UpdateAttempt[];
  /** last successful contact with each URL (applied, not-modified or up-to-date) */
  lastSuccess?: number;
  /** the active bundle */
  active: {
    version: number;
    source: 'default' | 'update';
    url?: string;
    keyId?: string;
    issuedAt: string;
    expiresAt: string;
    /** past expiresAt: still used, but the popup and options say so */
    expired: boolean;
  } | null;
  /** when the next automatic check is due (epoch ms) */
  nextCheck?: number;
  /** conditional-request validators per URL */
  validators: Record<string, { etag?: string; lastModified?: string }>;
}

export interface BundleOrigin {
  source: 'default' | 'update';
  /** the update URL it was downloaded from */
  url?: string;
  /** id of the trusted key that signed it */
  keyId?: string;
  /** when it became active (epoch ms) */
  appliedAt: number;
  /**
   * a downloaded bundle's signed file as received: it is verified again whenever the trusted keys
   * change, and the packaged bundle takes over when that fails (a revoked key)
   */
  envelope?: string;
}

/** storage.local `activeBundle`: the active bundle (validated source and its compiled rules) and where it came from. */
export interface ActiveBundle extends BundleOrigin {
  bundle: RuleBundle;
  compiled: unknown;
}
