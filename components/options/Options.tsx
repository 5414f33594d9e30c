/**
 * The options page. (Handlers read input values before the asynchronous save: React restores a
 * controlled input to its state value right after onChange.) Every control writes the user's settings through saveSettings (validated with
 * SettingsSchema); content scripts pick the change up live. Settings an agency policy fixes are
 * shown read-only with a lock.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { ACTION_KINDS, SITE_IDS } from '@/rules/actions';
import { WARNING_SEVERITIES, type WarningSeverity } from '@/utils/decision';
import { watchEnrolment } from '@/utils/enrolment-store';
import { DEFAULT_SETTINGS, MODES, evaluationTime, type Mode, type Settings } from '@/utils/settings';
import { isExpired, saveSettings, updateOutcome, useStore } from '@/components/shared/store';
import { Locked, ShieldIcon } from '@/components/shared/icons';
import { SITE_NAMES, UI, type UiStrings } from '@/components/shared/ui-strings';
import { DecisionLog } from './DecisionLog';
import { Enrolment } from './Enrolment';
import { HOST_ACCESS_TEXT, HostAccess } from './HostAccess';
import type { Download } from './log-export';
import { PROVINCES, provinceOf } from './regions';
import { RulesInfo } from './RulesInfo';
import { TodayPhases } from '@/components/shared/TodayPhases';
import { SiteHealth } from './SiteHealth';
import { TryText } from './TryText';

export interface OptionsProps {
  now?: () => number;
  download?: Download;
}

const THRESHOLDS = WARNING_SEVERITIES;
/** The settings table lists the worst first. */
const SEVERITIES_DESC: readonly WarningSeverity[] = [...WARNING_SEVERITIES].reverse();

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

function UpdateNow({ t }: { t: UiStrings }) {
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  const run = async () => {
    setState({ busy: true });
    try {
      const answer: unknown = await browser.runtime.sendMessage({ type: 'update-now' });
      const result = typeof answer === 'object' && answer !== null ? (answer as { result?: unknown; reason?: unknown }) : {};
      const outcome = typeof result.result === 'string' ? updateOutcome(result.result) : 'unknown';
      if (outcome === 'error') {
        setState({ busy: false, error: true, message: t.updateFailed(typeof result.reason === 'string' ? result.reason : String(result.result)) });
      } else {
        setState({ busy: false, message: outcome === 'ok' ? t.updateApplied : outcome === 'unchanged' ? t.updateCurrent : t.updateSent });
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      // An older background does not know the message yet.
      const unknown = /invalid message|not allowed|Could not establish|Receiving end/i.test(why);
      setState({ busy: false, error: true, message: unknown ? t.updateUnavailable : t.updateFailed(why) });
    }
  };
  return (
    <div className="row">
      <button type="button" className="primary" disabled={state.busy} onClick={() => void run()}>
        {state.busy ? t.updating : t.updateNow}
      </button>
      <span role="status" className={state.error ? 'error-text' : 'muted'}>
        {state.message ?? ''}
      </span>
    </div>
  );
}

/** Training mode: judge content as on a chosen day (utils/settings.ts `simulatedDate`). */
function TrainingDate({ value, disabled, t, onChange }: { value: string | undefined; disabled: boolean; t: UiStrings; onChange: (v: string | undefined) => void }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="training">
      <label htmlFor={id}>{t.training}</label>
      <div className="row">
        <input
          id={id}
          type="date"
          aria-describedby={hintId}
          value={value ?? ''}
          disabled={disabled}
          min="2014-01-01"
          max="2035-12-31"
          onChange={(e) => onChange(/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : undefined)}
        />
        {value && !disabled && (
          <button type="button" onClick={() => onChange(undefined)}>
            {t.trainingClear}
          </button>
        )}
      </div>
      <p id={hintId} className="muted small">
        {t.trainingHint}
      </p>
    </div>
  );
}

function RegionPicker({ value, disabled, t, onChange }: { value: string | undefined; disabled: boolean; t: UiStrings; onChange: (v: string | undefined) => void }) {
  const selectId = useId();
  const detailId = useId();
  const hintId = useId();
  const province = provinceOf(value) ?? '';
  const [detail, setDetail] = useState(value && value.length > 2 ? value : '');
  useEffect(() => setDetail(value && value.length > 2 ? value : ''), [value]);
  const detailValid = detail === '' || (/^\d{2}\.\d{2}(\.\d{2}){0,2}$/.test(detail) && detail.startsWith(`${province}.`));
  return (
    <div className="region">
      <label htmlFor={selectId}>{t.region}</label>
      <select
        id={selectId}
        value={province}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        aria-describedby={hintId}
      >
        <option value="">{t.regionNone}</option>
        {PROVINCES.map((p) => (
          <option key={p.code} value={p.code}>
            {p.code} · {p.name}
          </option>
        ))}
      </select>
      <p className="muted small" id={hintId}>
        {t.regionHint}
      </p>
      {province && (
        <>
          <label htmlFor={detailId}>{t.regionDetail}</label>
          <input
            id={detailId}
            type="text"
            inputMode="decimal"
            value={detail}
            disabled={disabled}
            placeholder={`${province}.xx`}
            aria-invalid={!detailValid}
            aria-describedby={`${detailId}-hint`}
            onChange={(e) => setDetail(e.target.value.trim())}
            onBlur={() => {
              if (detailValid) onChange(detail === '' ? province : detail);
            }}
          />
          <p className={detailValid ? 'muted small' : 'error-text small'} id={`${detailId}-hint`}>
            {detailValid ? t.regionDetailHint : t.regionInvalid}
          </p>
        </>
      )}
    </div>
  );
}

/**
 * A two-column form table: one row per key, a label and a select of the same options. The per-action
 * thresholds and the per-severity modes use it.
 */
function SelectTable({
  head,
  idPrefix,
  rows,
  options,
  isOptionDisabled,
  disabled,
  onChange,
}: {
  head: readonly [string, string];
  idPrefix: string;
  rows: readonly { key: string; label: string; value: string }[];
  options: readonly { value: string; label: string }[];
  isOptionDisabled?: (row: string, option: string) => boolean;
  disabled: boolean;
  onChange: (row: string, value: string) => void;
}) {
  return (
    <table className="form-table">
      <thead>
        <tr>
          <th scope="col">{head[0]}</th>
          <th scope="col">{head[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <label htmlFor={`${idPrefix}-${row.key}`}>{row.label}</label>
            </th>
            <td>
              <select id={`${idPrefix}-${row.key}`} value={row.value} disabled={disabled} onChange={(e) => onChange(row.key, e.target.value)}>
                {options.map((o) => (
                  <option key={o.value} value={o.value} disabled={isOptionDisabled?.(row.key, o.value)}>
                    {o.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Options({ now = Date.now, download }: OptionsProps) {
  const store = useStore();
  const { settings, locked, allowUserDisable, managed } = store.effective;
  // Where switching off is forbidden, a severity may be made stricter than its default, not weaker
  // (utils/policy.ts applies the same floor, so a weaker stored value has no effect anyway).
  const belowFloor = (severity: WarningSeverity, mode: Mode) =>
    !allowUserDisable && MODES.indexOf(mode) < MODES.indexOf(DEFAULT_SETTINGS.actionBySeverity[severity]);
  const lang = settings.language;
  const t = UI[lang];
  const [saved, setSaved] = useState(0);
  // The agency the user enrolled in (agency enrolment), named while its policy is the one applied.
  const [agency, setAgency] = useState('');
  useEffect(() => watchEnrolment(({ record, source }) => setAgency(source === 'enrolled' && record ? record.agencyName : '')), []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.optionsTitle;
  }, [lang, t]);

  // The rules explainer is reachable from the dialog as options.html#aturan.
  useEffect(() => {
    if (!store.loaded || !location.hash) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [store.loaded]);

  const save = (update: (s: Settings) => Settings) =>
    void saveSettings(update).then(() => setSaved((n) => n + 1));

  const lockNote = (key: keyof Settings) => (locked.has(key) ? <Locked label={t.locked} /> : null);
  const engine = store.engine;
  const expired = isExpired(engine, now());
  const update = store.updateStatus;
  const outcome = update ? updateOutcome(update.result) : null;

  if (!store.loaded) return <main className="options" aria-busy="true" />;

  return (
    <>
      <a className="skip" href="#isi">
        {t.skip}
      </a>
      <header className="top">
        <div className="row">
          <ShieldIcon size={28} />
          <h1>{t.optionsTitle}</h1>
          <span className="spacer" />
          {managed && <Locked label={agency ? `${t.managed}: ${agency}` : t.managed} />}
        </div>
        <nav aria-label={t.settings}>
          <a href="#izin">{HOST_ACCESS_TEXT[lang].title}</a>
          <a href="#umum">{t.sectionGeneral}</a>
          <a href="#situs">{t.sectionSites}</a>
          <a href="#tindakan">{t.sectionActions}</a>
          <a href="#bahasa">{t.sectionLanguage}</a>
          <a href="#status-aturan">{t.sectionRules}</a>
          <a href="#coba">{t.sectionTry}</a>
          <a href="#catatan">{t.sectionLog}</a>
          <a href="#aturan">{t.sectionAbout}</a>
        </nav>
      </header>
      <main className="options" id="isi" lang={lang}>
        <p className="sr-only" role="status">
          {saved > 0 ? t.saved : ''}
        </p>

        {/* First: without host access nothing else on this page has any effect (Firefox asks here). */}
        <Section id="izin" title={HOST_ACCESS_TEXT[lang].title}>
          <HostAccess lang={lang} />
        </Section>

        <Section id="umum" title={t.sectionGeneral}>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.enabled}
              disabled={!allowUserDisable}
              onChange={(e) => {
                const enabled = e.target.checked;
                save((s) => ({ ...s, enabled }));
              }}
            />
            <span>{t.enabledLabel}</span>
          </label>
          {lockNote('enabled')}
          {settings.pausedUntil > now() && (
            <p className="row">
              <span>{t.paused(t.time(settings.pausedUntil))}</span>
              <button type="button" onClick={() => save((s) => ({ ...s, pausedUntil: 0 }))}>
                {t.resume}
              </button>
            </p>
          )}
        </Section>

        <Section id="kebijakan" title={t.sectionPolicy}>
          {!managed ? (
            <p className="muted">{t.policyNone}</p>
          ) : (
            <>
              <p>{t.managedHint}</p>
              {locked.size > 0 && (
                <>
                  <h3>{t.policyKeys}</h3>
                  <ul className="locked-list">
                    {[...locked].map((key) => (
                      <li key={key}>
                        <Locked label={t.policyKeyNames[key] ?? key} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
          {store.policyWarnings.length > 0 && (
            <div className="notice">
              <h3>{t.policyWarnings}</h3>
              <ul>
                {store.policyWarnings.map((w) => (
                  <li key={w}>
                    <code>{w}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Section>

        <Section id="daftar" title={t.enrol.section}>
          <Enrolment t={t} now={now} />
        </Section>

        <Section id="situs" title={t.sectionSites}>
          <p className="muted">{t.sitesHint}</p>
          {lockNote('sites')}
          <fieldset className="sites">
            <legend className="sr-only">{t.sectionSites}</legend>
            {SITE_IDS.map((site) => (
              <label className="check" key={site}>
                <input
                  type="checkbox"
                  checked={settings.sites[site] !== false}
                  disabled={locked.has('sites')}
                  onChange={(e) => {
                    const on = e.target.checked;
                    save((s) => ({ ...s, sites: { ...s.sites, [site]: on } }));
                  }}
                />
                <span>{SITE_NAMES[site]}</span>
              </label>
            ))}
          </fieldset>
        </Section>

        <Section id="tindakan" title={t.sectionActions}>
          <p className="muted">{t.thresholdHint}</p>
          {lockNote('minSeverityByAction')}
          <SelectTable
            head={[t.actionKind, t.threshold]}
            idPrefix="min"
            rows={ACTION_KINDS.map((action) => ({ key: action, label: t.actionNames[action], value: settings.minSeverityByAction[action] ?? 'low' }))}
            options={THRESHOLDS.map((level) => ({ value: level, label: t.severityNames[level] }))}
            disabled={locked.has('minSeverityByAction')}
            onChange={(action, level) =>
              save((s) => ({ ...s, minSeverityByAction: { ...s.minSeverityByAction, [action]: level as WarningSeverity } }))
            }
          />
          <p className="muted">{t.severityHint}</p>
          {lockNote('actionBySeverity')}
          <SelectTable
            head={[t.severityCol, t.modeCol]}
            idPrefix="mode"
            rows={SEVERITIES_DESC.map((severity) => ({ key: severity, label: t.severityNames[severity], value: settings.actionBySeverity[severity] }))}
            options={MODES.map((mode) => ({ value: mode, label: t.modeNames[mode] }))}
            isOptionDisabled={(severity, mode) => belowFloor(severity as WarningSeverity, mode as Mode)}
            disabled={locked.has('actionBySeverity')}
            onChange={(severity, mode) =>
              save((s) => ({ ...s, actionBySeverity: { ...s.actionBySeverity, [severity]: mode as Mode } }))
            }
          />
        </Section>

        <Section id="bahasa" title={t.sectionLanguage}>
          <fieldset className="languages">
            <legend>{t.language}</legend>
            {(['id', 'en'] as const).map((l) => (
              <label className="check" key={l}>
                <input
                  type="radio"
                  name="language"
                  value={l}
                  checked={lang === l}
                  disabled={locked.has('language')}
                  onChange={() => save((s) => ({ ...s, language: l }))}
                />
                <span lang={l}>{t.languages[l]}</span>
              </label>
            ))}
          </fieldset>
          {lockNote('language')}
          <RegionPicker
            value={settings.region}
            disabled={locked.has('region')}
            t={t}
            onChange={(region) =>
              save((s) => {
                const { region: _old, ...rest } = s;
                return region ? { ...rest, region } : rest;
              })
            }
          />
          {lockNote('region')}
          <TrainingDate
            value={settings.simulatedDate}
            disabled={locked.has('simulatedDate')}
            t={t}
            onChange={(date) =>
              save((s) => {
                const { simulatedDate: _old, ...rest } = s;
                return date ? { ...rest, simulatedDate: date } : rest;
              })
            }
          />
          {lockNote('simulatedDate')}
        </Section>

        <Section id="status-aturan" title={t.sectionRules}>
          {engine ? (
            <p className="row">
              <strong>{t.rulesVersion(engine.bundleVersion)}</strong>
              {engine.issuedAt && <span className="muted">· {t.rulesIssued(t.date(Date.parse(engine.issuedAt)))}</span>}
              {engine.expiresAt && !expired && <span className="muted">· {t.rulesExpires(t.date(Date.parse(engine.expiresAt)))}</span>}
              {engine.source && <span className="muted">· {engine.source === 'default' ? t.sourceDefault : t.sourceUpdate}</span>}
              {expired && <span className="badge expired">{t.expired}</span>}
            </p>
          ) : (
            <p className="muted">{t.noRules}</p>
          )}
          {engine && <TodayPhases compiled={engine.compiled} now={now()} language={lang} />}
          {expired && <p className="notice error">{t.expiredHint}</p>}
          <p className="update-status">
            {update
              ? t.lastUpdate(t.dateTime(update.time), (outcome && t.outcome[outcome]) || update.result)
              : t.neverUpdated}
            {update?.reason && <span className={outcome === 'error' ? 'error-text' : 'muted'}> ({update.reason})</span>}
            {update?.nextCheck && (
              <span className="muted small">
                <br />
                {t.nextCheck(t.dateTime(update.nextCheck))}
              </span>
            )}
            {update?.url && (
              <span className="muted small">
                <br />
                {t.updateUrl}: <code>{update.url}</code>
              </span>
            )}
          </p>
          <UpdateNow t={t} />
          {store.errors.length > 0 && (
            <details>
              <summary>{t.lastErrors}</summary>
              <ul className="errors">
                {[...store.errors]
                  .reverse()
                  .slice(0, 5)
                  .map((e, i) => (
                    <li key={i}>
                      <span className="muted">{t.dateTime(e.time)}</span> {e.stage && <code>{e.stage}</code>} {e.message}
                    </li>
                  ))}
              </ul>
            </details>
          )}
        </Section>

        <Section id="coba" title={t.sectionTry}>
          <TryText engine={engine} region={settings.region} t={t} lang={lang} now={() => evaluationTime(settings, now()).getTime()} />
        </Section>

        <Section id="catatan" title={t.sectionLog}>
          <DecisionLog log={store.log} logContent={settings.logContent} t={t} {...(download ? { download } : {})} />
        </Section>

        <Section id="kesehatan-situs" title={lang === 'id' ? 'Kesehatan situs' : 'Site health'}><SiteHealth lang={lang} {...(download ? { download } : {})} /></Section>

        <Section id="aturan" title={t.sectionAbout}>
          <RulesInfo lang={lang} />
        </Section>
      </main>
    </>
  );
}
