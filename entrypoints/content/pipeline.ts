/**
 * The middle of the pipeline for one detected action: rule engine → decision → dialog → log.
 * Synchronous up to the decision, so the click path never waits when nothing matches.
 */
import type { ActionContent } from '@/rules/actions';
import type { Engine, Verdict } from '@/rules/engine-core';
import type { DialogMode, DialogRequest, DialogResult } from '@/utils/dialog-api';
import type { Severity } from '@/rules/verdict';
import { decide, severityRank } from '@/utils/decision';
import { evaluationTime, type Language } from '@/utils/settings';
import type { LogEntry } from '@/utils/messages';
import type { Assessment } from './intercept';
import type { DetectedAction } from './sites/types';
import type { ContentState } from './state';
import type { PhotoCheck, PhotoTracker } from './photo';
import type { PhotoResult } from '@/utils/messages';

/** After this many full explanations the dialog shows its short form. */
export const FULL_EXPLANATIONS_BEFORE_SHORT = 3;

export interface PipelineEffects {
  showDialog: (request: DialogRequest) => Promise<DialogResult>;
  log: (entry: LogEntry) => void;
  countFullExplanation: () => void;
  now: () => number;
  /** attached photos waiting to be published (entrypoints/content/photo.ts) */
  photos?: PhotoTracker;
  /** how long a send waits for a photo analysis still running before it lets the action through */
  photoTimeoutMs?: number;
  /**
   * Tell the user a send is held for the photo check (shown once the wait passes
   * PHOTO_NOTICE_AFTER_MS); returns the function that takes the notice away.
   */
  showPhotoWait?: (language: Language) => () => void;
  /** a photo goes out unchecked (the analysis could not run, or the hold ran out): tell the user */
  photoUnchecked?: () => void;
  /**
   * The background's full rule set's verdict, for an action the tab set cannot judge alone
   * (ContentState.fullSet says which); `at` is an ISO date-time.
   */
  fullVerdict?: (content: ActionContent, context: FullVerdictContext) => Promise<Verdict>;
  /** how long an escalated action waits for the full verdict before the tab's own verdict decides */
  fullVerdictTimeoutMs?: number;
  /** the full verdict did not come (error, timeout): the tab's own verdict decided; counted, never silent */
  fullSetUnchecked?: () => void;
  /**
   * Tell the user an action is held until the policy and the rules are in (shown once the wait
   * passes PHOTO_NOTICE_AFTER_MS: a fresh install builds the rules first); returns its remover.
   */
  showRulesWait?: (language: Language) => () => void;
  /** an action went through without rules (they did not come within the wait): counted and told, never silent */
  rulesUnchecked?: () => void;
}

export interface FullVerdictContext {
  at: string;
  region?: string;
  site: DetectedAction['site'];
  action: DetectedAction['action'];
}

/**
 * The longest wait for the background's full verdict. The background keeps the full engine once
 * loaded; its first load after a browser start (reading and unpacking the full set) is what this
 * bounds. Only actions naming something the tab set does not hold wait at all.
 */
export const FULL_VERDICT_TIMEOUT_MS = 2_000;

/** Actions that publish what is attached to the composer. */
const PUBLISHING = new Set<DetectedAction['action']>(['post', 'comment', 'share']);
/**
 * Longest hold of a send for a running photo check, then it fails open. 20 s, not less: on a CPU-only
 * office PC one analysis takes 2–10 s and the first (model load) longer; the wait notice tells the user.
 */
export const PHOTO_TIMEOUT_MS = 20_000;
/** A send held longer than this for a photo check shows a notice, so the page does not seem frozen. */
export const PHOTO_NOTICE_AFTER_MS = 1_000;

/**
 * `work`, with a notice (`show`, which returns its remover) on screen from PHOTO_NOTICE_AFTER_MS until it
 * settles: a held action that waits longer does not look like a frozen page.
 */
async function withNotice<T>(work: Promise<T>, show: (() => () => void) | undefined): Promise<T> {
  let hide: (() => void) | undefined;
  const timer = show ? setTimeout(() => (hide = show()), PHOTO_NOTICE_AFTER_MS) : undefined;
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    hide?.();
  }
}

const maxSeverity = (a: Severity, b: Severity): Severity => (severityRank(a) >= severityRank(b) ? a : b);

/** Results of the attached photos, waiting at most `timeoutMs` for the ones still running (fail open). */
async function settle(checks: readonly PhotoCheck[], timeoutMs: number): Promise<(PhotoResult | null)[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    return await Promise.all(checks.map((c) => (c.settled !== undefined ? c.settled : Promise.race([c.result, timeout]))));
  } finally {
    clearTimeout(timer);
  }
}

function photoRequest(checks: readonly PhotoCheck[], results: readonly (PhotoResult | null)[]): DialogRequest['photo'] {
  const i = results.findIndex((r) => r && r.gestures.length > 0);
  const result = results[i];
  const thumbnail = checks[i]?.thumbnail;
  if (!result || !thumbnail) return undefined;
  return {
    thumbnail,
    photos: results.filter((r) => r && r.gestures.length > 0).length,
    // names and meanings come from the dialog's own copy of the gesture table
    gestures: result.gestures.map((g) => ({ id: g.gesture, box: g.box, points: g.points })),
  };
}

function logEntry(
  detected: DetectedAction,
  verdict: Verdict,
  decision: LogEntry['decision'],
  state: ContentState,
  now: number,
  reason?: string,
  extraEntities: readonly string[] = [],
): LogEntry {
  const entry: LogEntry = {
    time: now,
    site: detected.site,
    action: detected.action,
    severity: verdict.severity as LogEntry['severity'],
    entities: [...new Set([...verdict.reasons.map((r) => r.label), ...extraEntities])].slice(0, 5),
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

/**
 * Show the dialog for a held action, count the full explanation and log the outcome. A blocked
 * action never proceeds, whatever the dialog returns.
 */
async function warn(
  detected: DetectedAction,
  verdict: Verdict,
  mode: DialogMode,
  state: ContentState,
  effects: PipelineEffects,
  photo?: DialogRequest['photo'],
  extraEntities: readonly string[] = [],
): Promise<'proceed' | 'cancel'> {
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
    ...(photo ? { photo } : {}),
  };
  let result: DialogResult;
  try {
    result = await effects.showDialog(request);
  } catch (error) {
    // A dialog that failed (not loaded, crashed, removed by the page): in warn modes the caller
    // fails open and records it; a block stays a block.
    if (mode !== 'block') throw error;
    result = { choice: 'cancel', reason: String(error) };
  }
  if (!compact) effects.countFullExplanation();
  const outcome = mode === 'block' ? 'blocked' : result.choice === 'proceed' ? 'proceeded' : 'cancelled';
  effects.log(logEntry(detected, verdict, outcome, state, effects.now(), result.reason, extraEntities));
  return mode === 'block' ? 'cancel' : result.choice;
}

/** The attachments this action would publish, when the photo check could still change the outcome. */
function photosToCheck(detected: DetectedAction, state: ContentState, effects: PipelineEffects, now: number): PhotoCheck[] {
  if (!effects.photos || !PUBLISHING.has(detected.action)) return [];
  // Only the photos attached in this action's composer (all of them when the adapter cannot tell).
  const pending = effects.photos.pending(now, detected.composer);
  if (pending.length === 0) return [];
  // Settings that switch everything off for this site or action also switch off the photo check.
  if (decide('high', detected.action, detected.site, state.settings, now).mode === 'off') return [];
  // Finished checks that found nothing need no hold: the click path stays synchronous.
  if (pending.every((c) => c.settled !== undefined && !c.settled?.gestures.length)) {
    effects.photos.consume(pending);
    if (pending.some((c) => c.settled === null)) effects.photoUnchecked?.();
    return [];
  }
  return pending;
}

/**
 * A publishing action with photos attached: hold it, wait for the analyses (bounded), then decide
 * on the text and the photos together. Nothing found and nothing in the text: replayed silently.
 */
function assessWithPhotos(
  detected: DetectedAction,
  state: ContentState,
  effects: PipelineEffects,
  verdict: Verdict,
  checks: PhotoCheck[],
): Assessment {
  return {
    hold: true,
    present: async () => {
      const showWait = effects.showPhotoWait;
      const results = await withNotice(
        settle(checks, effects.photoTimeoutMs ?? PHOTO_TIMEOUT_MS),
        showWait && checks.some((c) => c.settled === undefined) ? () => showWait(state.settings.language) : undefined,
      );
      const choice = await decideWithPhotos(detected, state, effects, verdict, checks, results);
      // a photo without a result (its analysis failed, or still ran when the hold ran out) went out
      if (choice === 'proceed' && results.includes(null)) effects.photoUnchecked?.();
      return choice;
    },
  };
}

/** The decision on the text and the photos' results together: dialog, log, or straight through. */
async function decideWithPhotos(
  detected: DetectedAction,
  state: ContentState,
  effects: PipelineEffects,
  verdict: Verdict,
  checks: PhotoCheck[],
  results: (PhotoResult | null)[],
): Promise<DialogResult['choice']> {
  const now = effects.now();
  const photo = photoRequest(checks, results);
  let severity = verdict.severity as Severity;
  const photoLabels: string[] = [];
  for (const r of results) {
    for (const g of r?.gestures ?? []) {
      severity = maxSeverity(severity, g.severity);
      photoLabels.push(`Foto: ${g.label}`);
    }
  }
  const decision = decide(severity, detected.action, detected.site, state.settings, now);
  const withPhoto: Verdict = { ...verdict, severity: severity as Verdict['severity'] };
  if (decision.mode === 'off' || decision.mode === 'log') {
    effects.photos?.consume(checks);
    if (decision.mode === 'log') effects.log(logEntry(detected, withPhoto, 'logged', state, effects.now(), undefined, photoLabels));
    return 'proceed';
  }
  const choice = await warn(detected, withPhoto, decision.mode, state, effects, photo, photoLabels);
  // A cancelled post keeps its photo in the composer: check it again on the next send.
  if (choice === 'proceed') effects.photos?.consume(checks);
  return choice;
}

function context(detected: DetectedAction, state: ContentState, now: number): FullVerdictContext {
  return {
    at: evaluationTime(state.settings, now).toISOString(),
    site: detected.site,
    action: detected.action,
    ...(state.settings.region ? { region: state.settings.region } : {}),
  };
}

function evaluate(engine: Engine, detected: DetectedAction, state: ContentState, now: number): Verdict {
  return engine.evaluate(detected.content, { ...context(detected, state, now), at: evaluationTime(state.settings, now) });
}

/** The tab set cannot judge this action alone (a filter error counts as yes: ask rather than miss). */
function needsFullSet(detected: DetectedAction, state: ContentState): boolean {
  if (!state.fullSet) return false;
  try {
    return state.fullSet.needsFullSet(detected.content);
  } catch {
    return true;
  }
}

/** Nothing found, and nothing the full engine could find that this tab's cannot: passes at once. */
function judgedHere(verdict: Verdict, detected: DetectedAction, state: ContentState): boolean {
  return verdict.severity === 'none' && !verdict.incomplete && !needsFullSet(detected, state);
}

/**
 * The full rule set's verdict, bounded by the timeout; on an error or timeout the tab's own verdict,
 * and `fullSetUnchecked` says so.
 */
async function fullVerdictOf(detected: DetectedAction, state: ContentState, effects: PipelineEffects, local: Verdict, now: number): Promise<Verdict> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (!effects.fullVerdict) throw new Error('no background to ask');
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('full verdict timed out')), effects.fullVerdictTimeoutMs ?? FULL_VERDICT_TIMEOUT_MS);
    });
    const verdict = await Promise.race([effects.fullVerdict(detected.content, context(detected, state, now)), timeout]);
    if (!verdict || typeof verdict.severity !== 'string' || !Array.isArray(verdict.reasons)) throw new Error('not a verdict');
    return verdict;
  } catch {
    effects.fullSetUnchecked?.();
    return local;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Until the agency policy is known and the rules are loaded (bounded by the state, READY_WAIT_MS)
 * an action is held, then decided: never from the user's settings alone, never unchecked. Only an
 * action the rules find nothing in, with no photo attached, passes at once: no policy makes
 * "nothing matched" a warning.
 */
export function assessAction(detected: DetectedAction, state: ContentState, effects: PipelineEffects): Assessment {
  const engine = state.engine;
  if (
    state.ready ||
    (engine &&
      !detected.attachmentsOnly &&
      !effects.photos?.pending(effects.now(), detected.composer).length &&
      judgedHere(evaluate(engine, detected, state, effects.now()), detected, state))
  ) {
    return assessNow(detected, state, effects);
  }
  return {
    hold: true,
    present: async () => {
      const showWait = effects.showRulesWait;
      await withNotice(state.whenReady, showWait && (() => showWait(state.settings.language)));
      const assessment = assessNow(detected, state, effects);
      return assessment.hold ? assessment.present() : 'proceed';
    },
  };
}

function assessNow(detected: DetectedAction, state: ContentState, effects: PipelineEffects): Assessment {
  const engine = state.engine;
  if (!engine) {
    // no rules within the wait for them (the state recorded why): fail open, but not silently
    effects.rulesUnchecked?.();
    return { hold: false };
  }
  const now = effects.now();
  const photos = photosToCheck(detected, state, effects, now);
  // Nothing typed and no photo attached in this composer: nothing is published that we can check.
  if (detected.attachmentsOnly && photos.length === 0) return { hold: false };
  const local = evaluate(engine, detected, state, now);
  // A name the tab set does not hold, or a context-requiring name that only the words beside it could
  // confirm (the tab's engine carries no word lists): the action waits (bounded) for the full verdict.
  // Nothing such named (almost every action): decided here, synchronously, as before.
  if (!detected.attachmentsOnly && (local.incomplete || needsFullSet(detected, state))) {
    return {
      hold: true,
      present: async () => {
        const verdict = await fullVerdictOf(detected, state, effects, local, now);
        const assessment = assessWith(detected, state, effects, verdict, photos, now);
        return assessment.hold ? assessment.present() : 'proceed';
      },
    };
  }
  return assessWith(detected, state, effects, local, photos, now);
}

function assessWith(detected: DetectedAction, state: ContentState, effects: PipelineEffects, verdict: Verdict, photos: PhotoCheck[], now: number): Assessment {
  if (photos.length > 0) return assessWithPhotos(detected, state, effects, verdict, photos);
  const decision = decide(verdict.severity, detected.action, detected.site, state.settings, now);
  if (decision.mode === 'off') return { hold: false };
  if (decision.mode === 'log') {
    effects.log(logEntry(detected, verdict, 'logged', state, now));
    return { hold: false };
  }
  const mode = decision.mode;
  return { hold: true, present: () => warn(detected, verdict, mode, state, effects) };
}
