/**
 * User settings and their schema (the decision they drive is utils/decision.ts). Validated with zod/mini rather than
 * classic zod because this module is in the content script, which runs on every social page
 * and must stay small.
 */
import * as z from 'zod/mini';
import { ACTION_KINDS, SITE_IDS } from '@/rules/actions';
import { WARNING_SEVERITIES } from '@/utils/decision';

/** The languages of the interface and the dialog. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * What happens to an action at a severity: nothing, a local log entry, a warning, a warning that
 * asks for a reason before proceeding, or a block (the dialog has no proceed button).
 */
export const MODES = ['off', 'log', 'warn', 'warn_reason', 'block'] as const;
export type Mode = (typeof MODES)[number];

const modeSchema = z.enum(MODES);
/** per action kind, the lowest severity that counts (shared with the policy key of that name) */
export const ThresholdsSchema = z.partialRecord(z.enum(ACTION_KINDS), z.enum(WARNING_SEVERITIES));

export const SettingsSchema = z.object({
  /** master switch */
  enabled: z._default(z.boolean(), true),
  /** per-site switch; a missing site is on */
  sites: z._default(z.partialRecord(z.enum(SITE_IDS), z.boolean()), {}),
  /** what each severity does */
  actionBySeverity: z._default(
    z.object({ high: modeSchema, medium: modeSchema, low: modeSchema }),
    { high: 'warn', medium: 'warn', low: 'log' },
  ),
  /** per action kind, the lowest severity that counts at all; a missing kind counts from low */
  minSeverityByAction: z._default(ThresholdsSchema, {}),
  language: z._default(z.enum(LANGUAGES), 'id'),
  /** Kemendagri region code that narrows local contests (e.g. "35" Jawa Timur) */
  region: z.optional(z.string().check(z.regex(/^\d{2}(\.\d{2}){0,3}$/))),
  /** epoch ms until which warnings are paused; 0 = not paused */
  pausedUntil: z._default(z.number(), 0),
  /** keep the matched post text in the local log (off by default: entities only) */
  logContent: z._default(z.boolean(), false),
  /**
   * Training mode ("mode latihan"): judge content as if today were this date (YYYY-MM-DD), e.g. a
   * day of the 2024 campaign, so an agency can show staff what gets flagged during an election.
   * Absent = today. The popup shows when it is on.
   */
  simulatedDate: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Read stored settings; anything invalid falls back to the defaults rather than breaking the page. */
export function parseSettings(value: unknown): Settings {
  const parsed = SettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The moment content is judged at: the training date when one is set, else now. */
export function evaluationTime(settings: Settings, now: number): Date {
  return settings.simulatedDate ? new Date(`${settings.simulatedDate}T12:00:00+07:00`) : new Date(now);
}
