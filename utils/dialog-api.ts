/**
 * The contract between the content script and the lazily injected dialog script. Both run in the
 * extension's isolated world of the page, so the dialog publishes itself on `globalThis`.
 */
import type { ActionContent, ActionDetail, ActionKind, ContentField, SiteId } from '@/rules/actions';
import type { Severity } from '@/rules/verdict';
import type { GestureId } from '@/rules/gestures';
import type { Language } from '@/utils/settings';

/** One thing the engine matched, as the dialog shows it (structurally a subset of the engine's Reason). */
export interface DialogReason {
  kind: string;
  label: string;
  field: ContentField;
  index?: number;
  span: [number, number];
  matched: string;
  severity: Severity;
  contest?: { id: string; name: string; number?: number };
}

export type DialogMode = 'warn' | 'warn_reason' | 'block';

export interface DialogRequest {
  site: SiteId;
  action: ActionKind;
  detail?: ActionDetail;
  mode: DialogMode;
  severity: Exclude<Severity, 'none'>;
  reasons: DialogReason[];
  content: ActionContent;
  language: Language;
  /** the user has read the full explanation several times: show the short form */
  compact: boolean;
  /** an attached photo in which the photo check found a hand gesture */
  photo?: DialogPhoto;
}

/** One hand pose found in the photo; box and points are fractions of the photo's width and height. */
export interface DialogGesture {
  /** the dialog shows the pose's emoji, name and meaning from rules/gestures.ts in its own language */
  id: Exclude<GestureId, 'none'>;
  box: [number, number, number, number];
  points?: [number, number][];
}

export interface DialogPhoto {
  /** the downscaled photo as a data URL (it never leaves the browser) */
  thumbnail: string;
  gestures: DialogGesture[];
  /** how many attached photos showed a pose (the thumbnail is the first) */
  photos: number;
}

export interface DialogResult {
  choice: 'proceed' | 'cancel';
  /** the reason given before proceeding, in warn_reason mode */
  reason?: string;
}

export interface DialogApi {
  /**
   * Resolves with the user's answer; rejects when the dialog failed (it crashed while rendering,
   * or the page removed it). `onError` hears about every failure, and about a dialog closed as
   * Batal because nobody answered within DIALOG_ANSWER_MS.
   */
  show(request: DialogRequest, onError?: (error: unknown) => void): Promise<DialogResult>;
}

/**
 * How long the dialog waits for an answer before it closes itself as Batal (the default answer).
 * 10 minutes: reading the full explanation and the rules page it links to takes a few, and while
 * the dialog shows the page behind it is inert anyway. Never a proceed: an action nobody
 * confirmed is not replayed minutes later.
 */
export const DIALOG_ANSWER_MS = 10 * 60_000;

/** The host element's tag: the content script never intercepts events that come from it. */
export const DIALOG_HOST_TAG = 'jaga-netral-dialog';

declare global {
  // eslint-disable-next-line no-var
  var __jagaDialog: DialogApi | undefined;
}
