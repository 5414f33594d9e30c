/**
 * Enterprise policy: the keys agencies set through Chrome/Edge managed storage or Firefox's
 * policies.json (3rdparty → Extensions), and how they override the user's settings.
 *
 * Every key is optional and parsed on its own: an invalid value is dropped with a warning, and
 * the valid keys still apply (a typo in one key must not unlock everything else).
 */
import * as z from 'zod/mini';
import { SITE_IDS, type SiteId } from '@/rules/actions';
import { DEFAULT_SETTINGS, LANGUAGES, MODES, ThresholdsSchema, type Settings } from './settings';

const modeSchema = z.enum(MODES);

/** Each policy key with its schema. The managed_schema.json shipped in the package mirrors this. */
export const POLICY_KEYS = {
  updateUrls: z.array(z.url({ protocol: /^https$/ })),
  trustedPublicKeys: z.array(z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/))),
  /** update URLs, each with the only keys trusted to sign what it serves (a key tied to its URL) */
  updateSources: z.array(
    z.object({
      url: z.url({ protocol: /^https$/ }),
      publicKeys: z.array(z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/))),
    }),
  ),
  updateIntervalHours: z.number().check(z.gte(1), z.lte(168)),
  enabledSites: z.array(z.enum(SITE_IDS)),
  actionBySeverity: z.object({
    high: z.optional(modeSchema),
    medium: z.optional(modeSchema),
    low: z.optional(modeSchema),
  }),
  region: z.string().check(z.regex(/^\d{2}(\.\d{2}){0,3}$/)),
  language: z.enum(LANGUAGES),
  allowPause: z.boolean(),
  allowUserDisable: z.boolean(),
  /** per action kind, the lowest severity that counts; under a policy the user's own are ignored */
  minSeverityByAction: ThresholdsSchema,
  /** true: the user may set thresholds (when the policy sets none itself) */
  allowUserThresholds: z.boolean(),
  /** true: the user may set a training date (training mode); otherwise content is judged as of today */
  allowTrainingMode: z.boolean(),
  /** agency rules in the rule bundle's own format (validated by the rules schema in the background) */
  extraRules: z.unknown(),
} as const;

export type PolicyKey = keyof typeof POLICY_KEYS;
export type Policy = { [K in PolicyKey]?: z.infer<(typeof POLICY_KEYS)[K]> };

export interface ParsedPolicy {
  policy: Policy;
  /** one line per ignored key, e.g. `updateIntervalHours: expected number` */
  warnings: string[];
}

export function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: Policy = {};
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return { policy, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy, warnings: ['policy: expected an object'] };
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in POLICY_KEYS)) {
      warnings.push(`${key}: unknown policy key, ignored`);
      continue;
    }
    const schema = POLICY_KEYS[key as PolicyKey];
    const parsed = schema.safeParse(value);
    if (parsed.success) (policy as Record<string, unknown>)[key] = parsed.data;
    else warnings.push(`${key}: ${parsed.error.issues.map((i) => i.message).join('; ')} — ignored`);
  }
  return { policy, warnings };
}

export interface EffectiveSettings {
  settings: Settings;
  /** settings the user cannot change (shown read-only with a lock) */
  locked: ReadonlySet<keyof Settings>;
  allowPause: boolean;
  allowUserDisable: boolean;
  /** true when any policy applies ("dikelola oleh instansi") */
  managed: boolean;
}

/**
 * The user's settings with the policy laid over them. Under any policy the user may not weaken it:
 * thresholds and the training date follow the policy unless it allows them (allowUserThresholds,
 * allowTrainingMode); severities the policy's actionBySeverity leaves out take the defaults; and
 * where switching off is forbidden, so is its equivalent (every site off, every severity "off").
 */
export function applyPolicy(user: Settings, policy: Policy): EffectiveSettings {
  const settings: Settings = { ...user, sites: { ...user.sites }, actionBySeverity: { ...user.actionBySeverity } };
  const locked = new Set<keyof Settings>();
  const managed = Object.keys(policy).length > 0;
  const allowUserDisable = policy.allowUserDisable ?? true;
  if (policy.enabledSites || !allowUserDisable) {
    const on = new Set<SiteId>(policy.enabledSites ?? SITE_IDS);
    settings.sites = Object.fromEntries(SITE_IDS.map((s) => [s, on.has(s)]));
    locked.add('sites');
  }
  const defaults = DEFAULT_SETTINGS.actionBySeverity;
  if (policy.actionBySeverity) {
    settings.actionBySeverity = { ...defaults, ...policy.actionBySeverity };
    locked.add('actionBySeverity');
  } else if (!allowUserDisable) {
    // a severity may be made stricter than its default, not weaker
    for (const k in defaults) {
      const s = k as keyof typeof defaults;
      if (MODES.indexOf(settings.actionBySeverity[s]) < MODES.indexOf(defaults[s])) settings.actionBySeverity[s] = defaults[s];
    }
  }
  if (managed && (policy.minSeverityByAction || !policy.allowUserThresholds)) {
    settings.minSeverityByAction = { ...policy.minSeverityByAction };
    locked.add('minSeverityByAction');
  }
  if (managed && !policy.allowTrainingMode) {
    delete settings.simulatedDate;
    locked.add('simulatedDate');
  }
  if (policy.region !== undefined) {
    settings.region = policy.region;
    locked.add('region');
  }
  if (policy.language !== undefined) {
    settings.language = policy.language;
    locked.add('language');
  }
  if (!allowUserDisable) {
    settings.enabled = true;
    locked.add('enabled');
  }
  const allowPause = policy.allowPause ?? true;
  if (!allowPause) {
    settings.pausedUntil = 0;
    locked.add('pausedUntil');
  }
  return { settings, locked, allowPause, allowUserDisable, managed };
}
