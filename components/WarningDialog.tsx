/**
 * The warning dialog: what was matched and where, why it matters, and Batal (default) or
 * Tetap lanjutkan. Rendered by entrypoints/dialog.tsx into a closed shadow root; it receives the
 * engine's reasons and never re-derives them.
 *
 * Contract kept by every version: role="alertdialog", aria-modal="true",
 * data-testid="jaga-cancel" / "jaga-proceed", and buttons that act only on trusted input.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { GESTURES } from '@/rules/gestures';
import type { DialogPhoto, DialogRequest, DialogResult } from '@/utils/dialog-api';
import { excerptFor } from './excerpt';
import { uniqueReasons } from './reasons';
import { falsePositiveReportText, reportMailto } from './report';
import { STRINGS, headline } from './strings';
import type { Language } from '@/utils/settings';

export interface WarningDialogProps {
  request: DialogRequest;
  onDone: (result: DialogResult) => void;
  /** where "Pelajari aturannya" points (an extension page) */
  rulesUrl?: string;
  /**
   * Whether an event came from the user rather than from a script. Defaults to `event.isTrusted`;
   * injectable only because test DOMs cannot create trusted events.
   */
  isTrusted?: (event: Event) => boolean;
  /**
   * Asked before a proceed click is accepted: false when the dialog was not really visible to the
   * user (a page hid or covered it). The dialog script checks the page; Batal needs no check.
   */
  confirmProceed?: (event: MouseEvent, button: HTMLButtonElement) => boolean;
}

const nativeTrusted = (event: Event): boolean => event.isTrusted;

const PHOTO_TEXT = {
  id: { caption: 'Foto yang dilampirkan', alt: 'Foto yang akan dikirim, dengan pose tangan yang terdeteksi ditandai', more: 'foto lain juga' },
  en: { caption: 'Attached photo', alt: 'The photo about to be sent, with the detected hand pose marked', more: 'more photos too' },
} as const;

/** Landmark pairs drawn as the hand's skeleton (MediaPipe's hand connections). */
const HAND_LINKS: [number, number][] = [
  [0, 1], [1, 2], [2, 3], [3, 4], [0, 5], [5, 6], [6, 7], [7, 8], [5, 9], [9, 10], [10, 11], [11, 12],
  [9, 13], [13, 14], [14, 15], [15, 16], [13, 17], [0, 17], [17, 18], [18, 19], [19, 20],
];

/** The attached photo with each detected pose boxed and its landmarks drawn, and what it can mean. */
function PhotoFigure({ photo, lang }: { photo: DialogPhoto; lang: Language }) {
  const t = PHOTO_TEXT[lang];
  return (
    <figure className="photo" data-testid="jaga-photo">
      <div className="photo-frame">
        <img src={photo.thumbnail} alt={t.alt} />
        <svg viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {photo.gestures.map((g, i) => (
            <g key={i} className="gesture-mark">
              <rect x={g.box[0]} y={g.box[1]} width={g.box[2]} height={g.box[3]} vectorEffect="non-scaling-stroke" />
              {g.points?.length === 21 &&
                HAND_LINKS.map(([a, b]) => (
                  <line key={`${a}-${b}`} x1={g.points![a]![0]} y1={g.points![a]![1]} x2={g.points![b]![0]} y2={g.points![b]![1]} vectorEffect="non-scaling-stroke" />
                ))}
            </g>
          ))}
        </svg>
      </div>
      <figcaption>
        <span className="sr-only">{t.caption}: </span>
        {photo.gestures.map((g, i) => {
          const info = GESTURES[g.id];
          return (
            <span key={i} className="gesture" data-gesture={g.id}>
              <span aria-hidden="true">{info.emoji}</span> <strong>{info[lang].name}</strong> — {info[lang].meaning}
            </span>
          );
        })}
        {photo.photos > 1 && <span className="where"> (+{photo.photos - 1} {t.more})</span>}
      </figcaption>
    </figure>
  );
}

const FOCUSABLE = 'button, a[href], input, textarea, select, [tabindex]:not([tabindex="-1"])';

/** The reason text given in warn_reason mode must have at least this many characters. */
export const MIN_REASON_LENGTH = 3;

function SeverityIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M12 2 3 5.5v6.2c0 5.1 3.8 9.4 9 10.3 5.2-.9 9-5.2 9-10.3V5.5L12 2Z" fill="currentColor" />
      <path d="M12 7v6" stroke="var(--on-accent)" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="12" cy="16.6" r="1.3" fill="var(--on-accent)" />
    </svg>
  );
}

export function WarningDialog({ request, onDone, rulesUrl, isTrusted = nativeTrusted, confirmProceed }: WarningDialogProps) {
  const lang = request.language;
  const t = STRINGS[lang];
  const titleId = useId();
  const bodyId = useId();
  const reasonHintId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const [reasonChoice, setReasonChoice] = useState<number | null>(null);
  const [reasonText, setReasonText] = useState('');
  const [showReport, setShowReport] = useState(false);
  const [copied, setCopied] = useState(false);

  const excerpt = useMemo(() => excerptFor(request.content, request.reasons), [request]);
  const matches = useMemo(() => uniqueReasons(request.reasons, lang, request.compact ? 1 : 4), [request, lang]);
  const moreMatches = request.compact ? new Set(request.reasons.map((r) => r.label)).size - matches.length : 0;
  const [report, setReport] = useState(() => falsePositiveReportText(request));

  const trusted = (e: SyntheticEvent): boolean => isTrusted(e.nativeEvent);

  // Batal takes focus without scrolling the dialog: on a small screen the headline stays in view
  // (the buttons are pinned to the dialog's bottom edge).
  useEffect(() => {
    cancelRef.current?.focus({ preventScroll: true });
  }, []);

  const otherIndex = t.reasons.length - 1;
  const otherTooShort = reasonChoice === otherIndex && reasonText.trim().length < MIN_REASON_LENGTH;
  const reasonReady = request.mode !== 'warn_reason' || (reasonChoice !== null && !otherTooShort);
  const givenReason =
    reasonChoice === null ? undefined : reasonChoice === otherIndex ? reasonText.trim() : t.reasons[reasonChoice];

  const cancel = () => onDone({ choice: 'cancel' });
  const proceed = () => {
    if (!reasonReady || request.mode === 'block') return;
    onDone(givenReason ? { choice: 'proceed', reason: givenReason } : { choice: 'proceed' });
  };

  // Esc cancels; Tab stays inside the dialog (focus trap).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!trusted(e)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
      return;
    }
    if (e.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = (dialogRef.current.getRootNode() as Document | ShadowRoot).activeElement;
    if (e.shiftKey && (active === first || !dialogRef.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !dialogRef.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  const rulesLink = rulesUrl ? (
    <a href={rulesUrl} target="_blank" rel="noreferrer">
      {t.more}
      <span className="sr-only"> {t.moreNew}</span>
    </a>
  ) : null;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop only keeps focus in the dialog; it is no control.
    <div
      className="backdrop"
      // A click beside the dialog keeps focus inside it (the page behind is inert while it shows).
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) e.preventDefault();
      }}
    >
      <div
        ref={dialogRef}
        className={`dialog severity-${request.severity}${request.compact ? ' compact' : ''}`}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        lang={lang}
        onKeyDown={onKeyDown}
      >
        <header>
          <span className="brand">
            <SeverityIcon />
            {t.brand}
          </span>
          <span className="badge">{t.severity[request.severity]}</span>
        </header>
        <h2 id={titleId}>{headline(lang, request.action, request.detail)}</h2>
        <div id={bodyId}>
          {excerpt && (
            <blockquote className="excerpt">
              <span className="sr-only">
                {t.excerpt} ({t.where[excerpt.field]}):{' '}
              </span>
              {excerpt.before && '…'}
              {excerpt.segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
              {excerpt.after && '…'}
            </blockquote>
          )}
          {request.photo && <PhotoFigure photo={request.photo} lang={lang} />}
          {request.compact ? (
            <>
              <p className="matched-short">
                <span className="label">{t.matched}:</span>{' '}
                <strong>{matches[0]?.text ?? (request.photo?.gestures[0] && GESTURES[request.photo.gestures[0].id][lang].name)}</strong>
                {moreMatches > 0 && <span className="where"> (+{moreMatches})</span>}
              </p>
              <p className="why">
                {t.whyShort} {rulesLink}
              </p>
            </>
          ) : (
            <>
              <h3>{t.matched}</h3>
              <ul className="matches">
                {matches.map(({ text, reason }) => (
                  <li key={text}>
                    <strong>{text}</strong>{' '}
                    <span className="where">
                      ({t.detectedIn} {t.where[reason.field]}: “{reason.matched}”)
                    </span>
                  </li>
                ))}
              </ul>
              <h3>{t.why}</h3>
              <p className="why">{t.whyText}</p>
              <p className="why sanction">
                <strong>{t.sanctionLabel}:</strong> {t.sanctionText} {rulesLink}
              </p>
            </>
          )}
        </div>

        {request.mode === 'block' && <p className="blocked">{t.blocked}</p>}

        {request.mode === 'warn_reason' && (
          <fieldset className="reasons">
            <legend>{t.reasonPrompt}</legend>
            {t.reasons.map((label, i) => (
              <label key={label}>
                <input
                  type="radio"
                  name="jaga-reason"
                  value={String(i)}
                  checked={reasonChoice === i}
                  onChange={(e) => trusted(e) && setReasonChoice(i)}
                />
                {label}
              </label>
            ))}
            {reasonChoice === otherIndex && (
              <input
                  type="text"
                  className="reason-text"
                  aria-label={t.reasonOther}
                  aria-invalid={otherTooShort}
                  aria-describedby={reasonHintId}
                  placeholder={t.reasonOther}
                  value={reasonText}
                  maxLength={200}
                  onChange={(e) => trusted(e) && setReasonText(e.target.value)}
                />
            )}
            <p className="hint" id={reasonHintId}>
              {reasonChoice === otherIndex && otherTooShort ? t.reasonTooShort : reasonReady ? '' : t.reasonHint}
            </p>
          </fieldset>
        )}

        <div className="actions main-actions">
          <button
            type="button"
            className="link"
            aria-expanded={showReport}
            onClick={(e) => trusted(e) && setShowReport((v) => !v)}
          >
            {t.falsePositive}
          </button>
          <span className="spacer" />
          {request.mode !== 'block' && (
            <button
              type="button"
              className="secondary"
              data-testid="jaga-proceed"
              disabled={!reasonReady}
              aria-describedby={request.mode === 'warn_reason' ? reasonHintId : undefined}
              onClick={(e) => trusted(e) && (!confirmProceed || confirmProceed(e.nativeEvent, e.currentTarget)) && proceed()}
            >
              {t.proceed}
            </button>
          )}
          <button
            type="button"
            className="primary"
            data-testid="jaga-cancel"
            ref={cancelRef}
            onClick={(e) => trusted(e) && cancel()}
          >
            {request.mode === 'block' ? t.close : t.cancel}
          </button>
        </div>

        {showReport && (
          <section className="report" aria-label={t.falsePositive}>
            <p>{t.reportIntro}</p>
            <textarea
              value={report}
              rows={6}
              aria-label={t.reportEdit}
              maxLength={4000}
              onChange={(e) => trusted(e) && setReport(e.target.value)}
            />
            <div className="actions">
              <button
                type="button"
                className="secondary"
                onClick={(e) => {
                  if (!trusted(e)) return;
                  void navigator.clipboard?.writeText(report).then(() => setCopied(true), () => setCopied(false));
                }}
              >
                {copied ? t.reportCopied : t.reportCopy}
              </button>
              <a className="secondary button" href={reportMailto(report)} target="_blank" rel="noreferrer">
                {t.reportEmail}
              </a>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
