/**
 * The middle of the pipeline for one detected action: rule engine → decision → dialog → log.
 * Synchronous up to the decision, so the click path never waits when nothing matches.
 */
import type { Verdict } from '@/rules/engine';
import type { DialogMode, DialogRequest, DialogResult } from '@/components/dialog-api';
import { decide, evaluationTime } from '@/utils/settings';
import type { LogEntry } from '@/utils/messages';
import type { Assessment } from './intercept';
import type { DetectedAction } from './sites/types';
import type { ContentState } from './state';

/** After this many full explanations the dialog shows its short form. */
export const FULL_EXPLANATIONS_BEFORE_SHORT = 3;

export interface PipelineEffects {
  showDialog: (request: DialogRequest) => Promise<DialogResult>;
  log: (entry: LogEntry) => void;
  countFullExplanation: () => void;
  now: () => number;
}

function logEntry(
  detected: DetectedAction,
  verdict: Verdict,
  decision: LogEntry['decision'],
  state: ContentState,
  now: number,
  reason?: string,
): LogEntry {
  const entry: LogEntry = {
    time: now,
    site: detected.site,
    action: detected.action,
    severity: verdict.severity as LogEntry['severity'],
    entities: [...new Set(verdict.reasons.map((r) => r.label))].slice(0, 5),
    decision,
  };
  if (detected.detail) entry.detail = detected.detail;
  if (reason) entry.reason = reason.slice(0, 200);
  if (state.settings.logContent) {
    const text = detected.content.draft ?? detected.content.text ?? detected.content.quoted;
    if (text) entry.text = text.slice(0, 500);
  }
  return entry;
}

export function assessAction(detected: DetectedAction, state: ContentState, effects: PipelineEffects): Assessment {
  const engine = state.engine;
  if (!engine) return { hold: false }; // no rules loaded yet: fail open
  const now = effects.now();
  const verdict = engine.evaluate(detected.content, {
    at: evaluationTime(state.settings, now),
    site: detected.site,
    action: detected.action,
    ...(state.settings.region ? { region: state.settings.region } : {}),
  });
  const decision = decide(verdict.severity, detected.action, detected.site, state.settings, now);
  if (decision.mode === 'off') return { hold: false };
  if (decision.mode === 'log') {
    effects.log(logEntry(detected, verdict, 'logged', state, now));
    return { hold: false };
  }
  const mode: DialogMode = decision.mode;
  const compact = state.fullExplanations >= FULL_EXPLANATIONS_BEFORE_SHORT;
  const request: DialogRequest = {
    site: detected.site,
    action: detected.action,
    mode,
    severity: verdict.severity as DialogRequest['severity'],
    reasons: verdict.reasons.filter((r) => r.severity !== 'none'),
    content: detected.content,
    language: state.settings.language,
    compact,
    ...(detected.detail ? { detail: detected.detail } : {}),
  };
  return {
    hold: true,
    present: async () => {
      const result = await effects.showDialog(request);
      if (!compact) effects.countFullExplanation();
      const outcome = mode === 'block' ? 'blocked' : result.choice === 'proceed' ? 'proceeded' : 'cancelled';
      effects.log(logEntry(detected, verdict, outcome, state, effects.now(), result.reason));
      return mode === 'block' ? 'cancel' : result.choice;
    },
  };
}
