/**
 * The options page's agency enrolment (entrypoints/background/enrolment.ts): paste the agency's
 * link (or open it: Firefox hands a `web+jaganetral:` link to options.html#daftar=…), see the agency
 * and what its policy sets, confirm; then the enrolment's state, its last check, and leaving.
 */
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { UiStrings } from '@/components/shared/ui-strings';
import { isEnrolmentExpired, watchEnrolment, type EnrolmentView } from '@/utils/enrolment-store';

/** What the background answers to enrol-preview (checked loosely: it is our own background). */
interface Preview {
  ok: true;
  agencyName: string;
  expiresAt: string;
  policy: Record<string, unknown>;
  warnings: string[];
  envelope: string;
  managedWins: boolean;
}
interface Refused {
  ok: false;
  code: string;
  reason: string;
}

function asAnswer(value: unknown): Preview | Refused {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v.ok === true && typeof v.agencyName === 'string' && typeof v.envelope === 'string') return v as unknown as Preview;
  return {
    ok: false,
    code: typeof v.code === 'string' ? v.code : 'download',
    reason: typeof v.reason === 'string' ? v.reason : 'no answer',
  };
}

/** The link Firefox's protocol handler put in the address (options.html#daftar=<link>). */
export function linkFromHash(hash: string): string {
  if (!hash.startsWith('#daftar=')) return '';
  try {
    return decodeURIComponent(hash.slice('#daftar='.length));
  } catch {
    return '';
  }
}

function PolicyList({ policy, t }: { policy: Record<string, unknown>; t: UiStrings['enrol'] }) {
  const keys = Object.keys(policy);
  if (!keys.length) return <p className="muted">{t.nothingSet}</p>;
  return (
    <ul data-testid="enrol-policy">
      {keys.map((key) => (
        <li key={key}>
          {t.keyNames[key] ?? key}: <code>{key === 'extraRules' ? '…' : JSON.stringify(policy[key])}</code>
        </li>
      ))}
    </ul>
  );
}

function RefusalNote({ refusal, t }: { refusal: Refused; t: UiStrings['enrol'] }) {
  return (
    <div className="notice" role="alert" data-testid="enrol-refused">
      <strong>{t.refused}</strong>: {t.refusal[refusal.code] ?? refusal.code} <code>{refusal.reason}</code>
    </div>
  );
}

export function Enrolment({ t: all, now = Date.now }: { t: UiStrings; now?: () => number }) {
  const t = all.enrol;
  const inputId = useId();
  const [view, setView] = useState<EnrolmentView>({ record: null, source: 'none' });
  const [link, setLink] = useState(() => linkFromHash(location.hash));
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refusal, setRefusal] = useState<Refused | null>(null);
  const [message, setMessage] = useState('');
  const [askLeave, setAskLeave] = useState(false);

  useEffect(() => watchEnrolment(setView), []);
  useEffect(() => {
    if (link) document.getElementById('daftar')?.scrollIntoView();
  }, [link]);

  const send = async (message: Record<string, unknown>): Promise<unknown> => {
    setBusy(true);
    try {
      return await browser.runtime.sendMessage(message);
    } catch (error) {
      return { ok: false, code: 'download', reason: error instanceof Error ? error.message : String(error) };
    } finally {
      setBusy(false);
    }
  };

  const check = async () => {
    setPreview(null);
    setRefusal(null);
    setMessage('');
    const answer = asAnswer(await send({ type: 'enrol-preview', link: link.trim() }));
    if (answer.ok) setPreview(answer);
    else setRefusal(answer);
  };
  const confirm = async () => {
    if (!preview) return;
    const answer = (await send({ type: 'enrol-confirm', link: link.trim(), envelope: preview.envelope })) as {
      ok?: boolean;
      code?: string;
      reason?: string;
    };
    if (answer?.ok) {
      setMessage(t.done(preview.agencyName));
      setPreview(null);
      setLink('');
    } else {
      setRefusal(asAnswer(answer) as Refused);
      setPreview(null);
    }
  };
  const leave = async () => {
    setAskLeave(false);
    await send({ type: 'enrol-leave' });
    setMessage(t.left);
  };

  const { record, source } = view;
  const expired = record ? isEnrolmentExpired(record, now()) : false;
  const date = (iso: string) => all.date(Date.parse(iso));

  return (
    <>
      {record && (
        <div data-testid="enrol-status">
          <p>
            <strong>{t.enrolled(record.agencyName)}</strong> · {t.since(all.date(record.enrolledAt))}
          </p>
          <p className="muted">{t.source(record.policyUrl)}</p>
          {expired ? (
            <p className="notice" role="alert">
              {t.expired(record.agencyName, date(record.expiresAt))}
            </p>
          ) : (
            <p className="muted">{t.validUntil(date(record.expiresAt))}</p>
          )}
          {source === 'managed' && <p className="notice">{t.overridden}</p>}
          {record.lastCheck &&
            (record.lastCheck.ok ? (
              <p className="muted">{t.lastOk(all.dateTime(record.lastCheck.time))}</p>
            ) : (
              <div>
                <p>{t.lastRefused(all.dateTime(record.lastCheck.time))}</p>
                <RefusalNote
                  refusal={{ ok: false, code: record.lastCheck.code ?? 'download', reason: record.lastCheck.reason ?? '' }}
                  t={t}
                />
              </div>
            ))}
          <PolicyList policy={record.policy} t={t} />
          <p className="row">
            <button type="button" disabled={busy} onClick={() => void send({ type: 'enrol-check' })}>
              {t.checkNow}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => (record.policy.allowUserDisable === false ? setAskLeave(true) : void leave())}
            >
              {t.leave}
            </button>
          </p>
          {askLeave && (
            <div className="notice" role="alertdialog" aria-label={t.leave}>
              <p>{t.leaveWarn(record.agencyName)}</p>
              <button type="button" onClick={() => void leave()}>
                {t.leaveConfirm}
              </button>{' '}
              <button type="button" onClick={() => setAskLeave(false)}>
                {t.cancel}
              </button>
            </div>
          )}
        </div>
      )}
      <p className="muted">{t.hint}</p>
      <label htmlFor={inputId}>{t.label}</label>
      <textarea
        id={inputId}
        rows={3}
        value={link}
        spellCheck={false}
        onChange={(e) => setLink(e.target.value)}
        placeholder="web+jaganetral:enrol?v=1&url=https://…"
      />
      <p>
        <button type="button" disabled={busy || !link.trim()} onClick={() => void check()}>
          {busy ? t.checking : t.check}
        </button>
      </p>
      {refusal && <RefusalNote refusal={refusal} t={t} />}
      {preview && (
        <section className="notice" aria-labelledby={`${inputId}-ask`} data-testid="enrol-preview">
          <h3 id={`${inputId}-ask`}>{t.ask(preview.agencyName)}</h3>
          <p className="muted">{t.validUntil(date(preview.expiresAt))}</p>
          {preview.managedWins && <p>{t.managedWins}</p>}
          <h4>{t.sets}</h4>
          <PolicyList policy={preview.policy} t={t} />
          {preview.warnings.length > 0 && (
            <>
              <h4>{t.ignored}</h4>
              <ul>
                {preview.warnings.map((w) => (
                  <li key={w}>
                    <code>{w}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="row">
            <button type="button" disabled={busy} onClick={() => void confirm()}>
              {t.confirm}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t.cancel}
            </button>
          </p>
        </section>
      )}
      <p role="status">{message}</p>
    </>
  );
}
