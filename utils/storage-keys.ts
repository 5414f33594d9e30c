/**
 * Every storage.local key, in one place. Values are validated where they are read.
 * - settings: the user's Settings (utils/settings.ts)
 * - engine: the active compiled rules for content scripts {bundleVersion, compiled, sites}
 * - dialogStats: how often the full explanation was shown (for the short form)
 * - decisionLog: the local decision log (background-owned, capped)
 * - errors: the last errors seen by content scripts and the background (capped)
 * - policy: the background's validated copy of the enterprise policy (Policy, utils/policy.ts),
 *   so content scripts and pages need no access to storage.managed
 * - policyWarnings: policy keys that were ignored, and why
 * - updateStatus: the last rule-update attempt (time, result, reason) for the popup and options
 * - activeBundle: the active bundle's validated source and compiled form (background only; what
 *   agency extraRules are merged into)
 * The agency enrolment's keys (enrolment, enrolledPolicy, policySource) are in
 * utils/enrolment-store.ts, the one module that reads and writes them.
 */
export const STORAGE_KEYS = {
  settings: 'settings',
  engine: 'engine',
  dialogStats: 'dialogStats',
  decisionLog: 'decisionLog',
  errors: 'errors',
  policy: 'policy',
  policyWarnings: 'policyWarnings',
  updateStatus: 'updateStatus',
  activeBundle: 'activeBundle',
} as const;
