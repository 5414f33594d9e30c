/**
 * The warning dialog: what was matched and where, why it matters, and Batal (default) or
 * Tetap lanjutkan. Rendered by entrypoints/dialog.tsx into a closed shadow root; it receives the
 * engine's reasons and never re-derives them.
 *
 * Contract kept by every version: role="alertdialog", aria-modal="true",
 * data-testid="jaga-cancel" / "jaga-proceed", and buttons that act only on trusted input.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { DialogReason, DialogRequest, DialogResult } from './dialog-api';
import { excerptFor } from './excerpt';
import { falsePositiveReport } from './report';
import { STRINGS, headline } from './strings';

export interface WarningDialogProps {
  request: DialogRequest;
  onDone: (result: DialogResult) => void;
  /** where "Pelajari aturannya" points (an extension page) */
  rulesUrl?: string;
}

const trusted = (e: SyntheticEvent): boolean => e.nativeEvent.isTrusted;

function uniqueLabels(reasons: DialogReason[]): DialogReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => (seen.has(r.label) ? false : (seen.add(r.label), true))).slice(0, 4);
}

export function WarningDialog({ request, onDone, rulesUrl }: WarningDialogProps) {
  const t = STRINGS[request.language];
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const [reasonChoice, setReasonChoice] = useState<number | null>(null);
  const [reasonText, setReasonText] = useState('');
  const [showReport, setShowReport] = useState(false);
  const [copied, setCopied] = useState(false);

  const excerpt = useMemo(() => excerptFor(request.content, request.reasons), [request]);
  const labels = useMemo(() => uniqueLabels(request.reasons), [request]);
  const report = useMemo(() => falsePositiveReport(request), [request]);

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  const otherIndex = t.reasons.length - 1;
  const reasonReady =
    request.mode !== 'warn_reason' ||
    (reasonChoice !== null && (reasonChoice !== otherIndex || reasonText.trim().length >= 3));
  const givenReason =
    reasonChoice === null ? undefined : reasonChoice === otherIndex ? reasonText.trim() : t.reasons[reasonChoice];

  const cancel = () => onDone({ choice: 'cancel' });
  const proceed = () => {
    if (!reasonReady) return;
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
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('button, a[href], input, textarea, select')].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = (dialogRef.current.getRootNode() as ShadowRoot).activeElement;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="backdrop">
      <div
        ref={dialogRef}
        className={`dialog severity-${request.severity}`}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
      >
        <header>
          <span className="brand">{t.brand}</span>
          <span className="badge">{t.severity[request.severity]}</span>
        </header>
        <h2 id={titleId}>{headline(request.language, request.action, request.detail)}</h2>
        <div id={bodyId}>
          {excerpt && (
            <blockquote className="excerpt" aria-label={t.where[excerpt.field]}>
              {excerpt.before && '…'}
              {excerpt.segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
              {excerpt.after && '…'}
            </blockquote>
          )}
          <h3>{t.matched}</h3>
          <ul className="matches">
            {labels.map((r) => (
              <li key={r.label}>
                <strong>{r.label}</strong> <span className="where">({t.where[r.field]}: “{r.matched}”)</span>
              </li>
            ))}
          </ul>
          {request.compact ? (
            <p className="why">
              {t.whyShort}{' '}
              {rulesUrl && (
                <a href={rulesUrl} target="_blank" rel="noreferrer">
                  {t.more}
                </a>
              )}
            </p>
          ) : (
            <>
              <h3>{t.why}</h3>
              <p className="why">
                {t.whyText}{' '}
                {rulesUrl && (
                  <a href={rulesUrl} target="_blank" rel="noreferrer">
                    {t.more}
                  </a>
                )}
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
                placeholder={t.reasonOther}
                value={reasonText}
                maxLength={200}
                onChange={(e) => trusted(e) && setReasonText(e.target.value)}
              />
            )}
          </fieldset>
        )}

        <div className="actions">
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
              onClick={(e) => trusted(e) && proceed()}
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
            {t.cancel}
          </button>
        </div>

        {showReport && (
          <section className="report">
            <p>{t.reportIntro}</p>
            <textarea readOnly value={report.text} rows={6} aria-label={t.falsePositive} />
            <div className="actions">
              <button
                type="button"
                className="secondary"
                onClick={(e) => {
                  if (!trusted(e)) return;
                  void navigator.clipboard?.writeText(report.text).then(() => setCopied(true), () => setCopied(false));
                }}
              >
                {copied ? t.reportCopied : t.reportCopy}
              </button>
              <a className="secondary button" href={report.mailto} target="_blank" rel="noreferrer">
                {t.reportEmail}
              </a>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
