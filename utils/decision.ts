/**
 * The decision step of the pipeline: a verdict's severity, through the user's settings and the
 * agency's policy already merged into them, to what happens (off, log, warn, warn with a reason,
 * block). Pure: no storage, no browser APIs; the content script calls it for every action.
 */
import type { ActionKind, SiteId } from '@/rules/actions';
import type { Severity } from '@/rules/verdict';
import type { Mode, Settings } from '@/utils/settings';

/** Every severity, in rising order (the type is the engine's, rules/verdict.ts). */
export const SEVERITIES = ['none', 'low', 'medium', 'high'] as const satisfies readonly Severity[];
/** The severities that can warn: a setting, a threshold or a log entry never names "none". */
export const WARNING_SEVERITIES = ['low', 'medium', 'high'] as const satisfies readonly Severity[];
export type WarningSeverity = (typeof WARNING_SEVERITIES)[number];

/** Fails to compile unless SEVERITIES names every severity the engine can answer (no run-time cost). */
type NoneMissing<T extends never> = T;
export type SeveritiesMissingFromList = NoneMissing<Exclude<Severity, (typeof SEVERITIES)[number]>>;

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

export interface Decision {
  mode: Mode;
  /** why nothing is shown, for the log and tests */
  because?: 'disabled' | 'paused' | 'site-off' | 'no-match' | 'below-threshold';
}

/** A verdict's severity, through the settings, to a mode. */
export function decide(severity: Severity, action: ActionKind, site: SiteId, settings: Settings, now: number): Decision {
  if (!settings.enabled) return { mode: 'off', because: 'disabled' };
  if (settings.pausedUntil > now) return { mode: 'off', because: 'paused' };
  if (settings.sites[site] === false) return { mode: 'off', because: 'site-off' };
  if (severity === 'none') return { mode: 'off', because: 'no-match' };
  const min = settings.minSeverityByAction[action] ?? 'low';
  if (severityRank(severity) < severityRank(min)) return { mode: 'off', because: 'below-threshold' };
  return { mode: settings.actionBySeverity[severity] };
}
