/**
 * The notice shown while a send is held for a photo check that is still running (after
 * PHOTO_NOTICE_AFTER_MS): a small status bar at the bottom of the page, so a held send does not
 * look like a frozen page. Not a dialog: nothing to click, no focus taken (screen readers hear it
 * through role="status"); it goes away when the result arrives (dialog or send) or the hold times
 * out. Plain DOM in a closed shadow root, so it costs the content script a few hundred bytes.
 */
import { PHOTO_TIMEOUT_MS } from './pipeline';
import type { Language } from '@/utils/settings';

export const PHOTO_WAIT_TAG = 'jaga-netral-status';

const TEXT = {
  id: { title: 'Jaga Netral sedang memeriksa foto sebelum dikirim…', note: `Paling lama ${PHOTO_TIMEOUT_MS / 1000} detik.` },
  en: { title: 'Jaga Netral is checking the photo before it is sent…', note: `At most ${PHOTO_TIMEOUT_MS / 1000} seconds.` },
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

/** Show the notice in `doc`; returns the function that removes it. */
export function showPhotoWait(doc: Document, language: Language): () => void {
  const text = TEXT[language] ?? TEXT.id;
  const host = doc.createElement(PHOTO_WAIT_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'status');
  bar.setAttribute('aria-live', 'polite');
  bar.setAttribute('data-testid', 'jaga-photo-wait');
  const spin = doc.createElement('span');
  spin.className = 'spin';
  spin.setAttribute('aria-hidden', 'true');
  const title = doc.createElement('span');
  title.textContent = text.title;
  const note = doc.createElement('span');
  note.className = 'note';
  note.textContent = text.note;
  bar.append(spin, title, note);
  root.append(style, bar);
  (doc.body ?? doc.documentElement).append(host);
  return () => host.remove();
}
