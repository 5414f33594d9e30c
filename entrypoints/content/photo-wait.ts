/**
 * The status bar at the bottom of the page, for the photo check and for the rules at start:
 * - while a send is held for a photo check still running (after PHOTO_NOTICE_AFTER_MS), so a held
 *   send does not look like a frozen page; it goes when the result arrives or the hold times out;
 * - when a photo went out unchecked (the analysis could not run), once per browser session per
 *   site, for PHOTO_UNCHECKED_SHOW_MS: the check fails open, but not silently;
 * - while an action is held until the policy and the rules are in (a fresh install builds them), and
 *   once on a page where an action went through because they never came.
 * Not a dialog: nothing to click, no focus taken (screen readers hear it through role="status").
 * Plain DOM in a closed shadow root, so it costs the content script a few hundred bytes.
 */
import { PHOTO_TIMEOUT_MS } from './pipeline';
import { RULES_BUILD_WAIT_MS } from './state';
import type { Language } from '@/utils/settings';

export const PHOTO_STATUS_TAG = 'jaga-netral-status';
/** How long the "not checked" notice stays. */
export const PHOTO_UNCHECKED_SHOW_MS = 6000;

const TEXT = {
  id: {
    title: 'Jaga Netral sedang memeriksa foto sebelum dikirim…',
    note: `Paling lama ${PHOTO_TIMEOUT_MS / 1000} detik.`,
    unchecked: 'Jaga Netral tidak dapat memeriksa foto ini; foto dikirim tanpa pemeriksaan.',
    rulesWait: 'Jaga Netral sedang menyiapkan aturan pemeriksaan…',
    rulesNote: `Tindakan Anda ditahan sebentar, paling lama ${RULES_BUILD_WAIT_MS / 1000} detik.`,
    rulesUnchecked: 'Aturan Jaga Netral belum siap; tindakan ini dilanjutkan tanpa pemeriksaan.',
  },
  en: {
    title: 'Jaga Netral is checking the photo before it is sent…',
    note: `At most ${PHOTO_TIMEOUT_MS / 1000} seconds.`,
    unchecked: 'Jaga Netral could not check this photo; it was sent unchecked.',
    rulesWait: 'Jaga Netral is preparing its rules…',
    rulesNote: `Your action is held for a moment, at most ${RULES_BUILD_WAIT_MS / 1000} seconds.`,
    rulesUnchecked: "Jaga Netral's rules are not ready; this action went ahead unchecked.",
  },
} as const;

const STYLE = `
:host{all:initial}
.bar{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:2147483646;pointer-events:none;
display:flex;align-items:center;gap:10px;max-width:calc(100vw - 32px);box-sizing:border-box;padding:10px 16px;
border-radius:8px;background:#1f2937;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)}
.spin{flex:none;width:14px;height:14px;border:2px solid rgba(255,255,255,.35);border-top-color:#fff;border-radius:50%;animation:r .9s linear infinite}
.note{opacity:.8}
@keyframes r{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spin{animation:none}}`;

/** A status bar: a spinner (while waiting) and its texts; returns the function that removes it. */
function showBar(doc: Document, testId: string, spin: boolean, ...texts: string[]): () => void {
  const host = doc.createElement(PHOTO_STATUS_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'status');
  bar.setAttribute('aria-live', 'polite');
  bar.setAttribute('data-testid', testId);
  const span = (className: string, text = ''): HTMLSpanElement => {
    const el = doc.createElement('span');
    el.className = className;
    el.textContent = text;
    return el;
  };
  if (spin) {
    const spinner = span('spin');
    spinner.setAttribute('aria-hidden', 'true');
    bar.append(spinner);
  }
  bar.append(...texts.map((text, i) => span(i ? 'note' : '', text)));
  root.append(style, bar);
  (doc.body ?? doc.documentElement).append(host);
  return () => host.remove();
}

/** Show the "checking the photo" notice in `doc`; returns the function that removes it. */
export function showPhotoWait(doc: Document, language: Language): () => void {
  const text = TEXT[language] ?? TEXT.id;
  return showBar(doc, 'jaga-photo-wait', true, text.title, text.note);
}

/** A bar without a spinner, gone after PHOTO_UNCHECKED_SHOW_MS; returns the function that removes it sooner. */
function showBriefly(doc: Document, testId: string, text: string): () => void {
  const hide = showBar(doc, testId, false, text);
  setTimeout(hide, PHOTO_UNCHECKED_SHOW_MS);
  return hide;
}

/** Show "the photo was not checked" for PHOTO_UNCHECKED_SHOW_MS; returns the function that removes it sooner. */
export function showPhotoUnchecked(doc: Document, language: Language): () => void {
  return showBriefly(doc, 'jaga-photo-unchecked', (TEXT[language] ?? TEXT.id).unchecked);
}

/** Show "preparing the rules" while an action waits for them; returns the function that removes it. */
export function showRulesWait(doc: Document, language: Language): () => void {
  const text = TEXT[language] ?? TEXT.id;
  return showBar(doc, 'jaga-rules-wait', true, text.rulesWait, text.rulesNote);
}

/** Show "went ahead unchecked" for PHOTO_UNCHECKED_SHOW_MS; returns the function that removes it sooner. */
export function showRulesUnchecked(doc: Document, language: Language): () => void {
  return showBriefly(doc, 'jaga-rules-unchecked', (TEXT[language] ?? TEXT.id).rulesUnchecked);
}

export interface UncheckedNoticeOptions {
  /** whether this is the first unchecked one on this site in this browser session (for photos the background knows) */
  first: () => Promise<boolean>;
  show: () => void;
  /** count it in the site health, every time */
  count: () => void;
}

/**
 * The pipeline's `photoUnchecked` and `rulesUnchecked`: counts every unchecked action, shows the notice
 * at most once on this page, and only when `first` says this site was not told this session (for
 * photos the background answers; for the rules, every page is told once). When `first` fails, this
 * page shows it once (the per-tab fallback).
 */
export function uncheckedNotice(options: UncheckedNoticeOptions): () => void {
  let asked = false;
  return () => {
    options.count();
    if (asked) return;
    asked = true;
    options.first().then(
      (first) => first && options.show(),
      () => options.show(),
    );
  };
}
