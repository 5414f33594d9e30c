/**
 * The contract between the content script and the lazily injected dialog script. Both run in the
 * extension's isolated world of the page, so the dialog publishes itself on `globalThis`.
 */
import type { ActionContent, ActionDetail, ActionKind, ContentField, SiteId } from '@/rules/actions';
import type { Severity } from '@/utils/settings';

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
  language: 'id' | 'en';
  /** the user has read the full explanation several times: show the short form */
  compact: boolean;
}

export interface DialogResult {
  choice: 'proceed' | 'cancel';
  /** the reason given before proceeding, in warn_reason mode */
  reason?: string;
}

export interface DialogApi {
  show(request: DialogRequest): Promise<DialogResult>;
}

/** The host element's tag: the content script never intercepts events that come from it. */
export const DIALOG_HOST_TAG = 'jaga-netral-dialog';

declare global {
  // eslint-disable-next-line no-var
  var __jagaDialog: DialogApi | undefined;
}
