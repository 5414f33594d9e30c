/**
 * "Coba teks": runs the active rule set on pasted text, in this page, and shows the severity and
 * each reason with the matched words highlighted. Nothing leaves the page.
 */
import { useId, useMemo, useState } from 'react';
import { loadEngine, type Engine, type Verdict } from '@/rules/engine';
import type { CompiledRules } from '@/rules/compiled';
import { highlightSegments } from '@/components/excerpt';
import { describeReason } from '@/components/reasons';
import type { EngineInfo } from '@/components/shared/store';
import type { UiStrings } from '@/components/shared/ui-strings';
import type { Language } from '@/utils/settings';

export interface TryTextProps {
  engine: EngineInfo | null;
  region: string | undefined;
  t: UiStrings;
  lang: Language;
  now?: () => number;
}

export function TryText({ engine, region, t, lang, now = Date.now }: TryTextProps) {
  const inputId = useId();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<{ text: string; verdict: Verdict } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loaded = useMemo((): { engine: Engine } | { error: string } | null => {
    if (!engine) return null;
    try {
      return { engine: loadEngine(engine.compiled as CompiledRules) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [engine]);

  const run = () => {
    setError(null);
    if (!loaded || 'error' in loaded) {
      setChecked(null);
      setError(loaded ? t.tryError(loaded.error) : t.tryNoEngine);
      return;
    }
    try {
      const verdict = loaded.engine.evaluate({ text }, { at: new Date(now()), ...(region ? { region } : {}) });
      setChecked({ text, verdict });
    } catch (e) {
      setChecked(null);
      setError(t.tryError(e instanceof Error ? e.message : String(e)));
    }
  };

  const textReasons = checked?.verdict.reasons.filter((r) => r.field === 'text') ?? [];
  const marked = checked
    ? highlightSegments(
        checked.text,
        textReasons.filter((r) => r.severity !== 'none').map((r) => r.span),
      )
    : [];

  return (
    <div className="try-text">
      <p className="muted">{t.tryHint}</p>
      <label htmlFor={inputId}>{t.tryLabel}</label>
      <textarea id={inputId} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <button type="button" className="primary" onClick={run} disabled={text.trim() === ''}>
          {t.tryButton}
        </button>
      </div>
      <div aria-live="polite">
        {error && <p className="notice error">{error}</p>}
        {checked && (
          <div className="try-result">
            <p>
              <strong>{t.trySeverity}:</strong>{' '}
              <span className={`sev sev-${checked.verdict.severity}`}>
                {checked.verdict.severity === 'none' ? t.severityNone : t.severityNames[checked.verdict.severity]}
              </span>
            </p>
            {checked.verdict.severity === 'none' && <p>{t.tryNone}</p>}
            {checked.verdict.reasons.length > 0 && (
              <>
                <blockquote className="try-excerpt">
                  {marked.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
                </blockquote>
                <ul className="try-reasons">
                  {checked.verdict.reasons.map((r, i) => (
                    <li key={i}>
                      <strong>{describeReason(r, lang)}</strong>{' '}
                      <span className="muted">
                        ({r.kind}
                        {r.severity !== 'none' ? `, ${t.severityNames[r.severity]}` : r.kind === 'neutral-cue' ? `, ${t.neutralCue}` : `, ${t.contextOnly}`}): “{r.matched}”
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
