/**
 * The toolbar popup: on/off (or "Dikelola oleh instansi"), pause for one hour, the rule set and
 * its update status, and this week's warnings. Everything it changes goes through saveSettings,
 * which content scripts pick up live.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isExpired, saveSettings, updateOutcome, useStore, weekStats } from '@/components/shared/store';
import { LockIcon, Locked, ShieldIcon } from '@/components/shared/icons';
import { watchEnrolment } from '@/utils/enrolment-store';
import { SITE_NAMES, UI } from '@/components/shared/ui-strings';
import { useHostAccess } from '@/components/shared/host-access';
import { sitesWithoutAccess } from '@/utils/host-access';
import { TodayPhases } from '@/components/shared/TodayPhases';
import { WeekChart } from './WeekChart';

export const PAUSE_MS = 60 * 60 * 1000;

/** The warning while an enabled site lacks host access (Firefox asks for it in the options page). */
const NO_ACCESS = {
  id: { text: (sites: string) => `Jaga Netral belum diizinkan memeriksa ${sites}.`, link: 'Izinkan di situs-situs ini' },
  en: { text: (sites: string) => `Jaga Netral is not yet allowed to check ${sites}.`, link: 'Allow on these sites' },
} as const;

export interface PopupProps {
  /** injectable clock for tests */
  now?: () => number;
}

function openPage(path: string): void {
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  void browser.tabs.create({ url }).catch(() => window.open(url, '_blank'));
}

export function Popup({ now = Date.now }: PopupProps) {
  const store = useStore();
  const [clock, setClock] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setClock(now()), 30_000);
    return () => clearInterval(timer);
  }, [now]);

  // The agency the user enrolled in (agency enrolment), named while its policy is the one applied.
  const [agency, setAgency] = useState('');
  useEffect(() => watchEnrolment(({ record, source }) => setAgency(source === 'enrolled' && record ? record.agencyName : '')), []);

  const { settings, allowPause, allowUserDisable, managed } = store.effective;
  const t = UI[settings.language];
  const paused = settings.pausedUntil > clock;
  const active = settings.enabled && !paused;
  const stats = weekStats(store.log, clock);
  const expired = isExpired(store.engine, clock);
  const issued = store.engine?.issuedAt ? Date.parse(store.engine.issuedAt) : NaN;
  const expires = store.engine?.expiresAt ? Date.parse(store.engine.expiresAt) : NaN;
  const update = store.updateStatus;
  const outcome = update ? updateOutcome(update.result) : null;
  const noAccess = sitesWithoutAccess(useHostAccess(), settings.sites);

  useEffect(() => {
    document.documentElement.lang = settings.language;
  }, [settings.language]);

  if (!store.loaded) return <main className="popup" aria-busy="true" />;

  return (
    <main className="popup" lang={settings.language}>
      <header className="row">
        <ShieldIcon />
        <h1>{t.brand}</h1>
        <span className="spacer" />
        {allowUserDisable ? (
          <>
            <span className="muted small" aria-hidden="true">
              {settings.enabled ? t.on : t.off}
            </span>
            <button
              type="button"
              className="switch"
              role="switch"
              aria-checked={settings.enabled}
              aria-label={t.protection}
              onClick={() => void saveSettings((s) => ({ ...s, enabled: !s.enabled }))}
            />
          </>
        ) : (
          <span className="badge ok">
            {t.on}
          </span>
        )}
      </header>

      {managed && (
        <p className="managed row" title={t.managedHint}>
          <LockIcon />
          <span>{agency ? `${t.managed}: ${agency}` : t.managed}</span>
        </p>
      )}

      {noAccess.length > 0 && (
        <p className="notice error small" role="status" data-testid="host-access-warning">
          {NO_ACCESS[settings.language].text(noAccess.map((site) => SITE_NAMES[site]).join(', '))}{' '}
          <button type="button" className="linklike" onClick={() => openPage('/options.html#izin')}>
            {NO_ACCESS[settings.language].link}
          </button>
        </p>
      )}

      <section className="status" aria-label={t.protection}>
        {paused ? (
          <div className="row">
            <span>{t.paused(t.time(settings.pausedUntil))}</span>
            <span className="spacer" />
            <button type="button" onClick={() => void saveSettings((s) => ({ ...s, pausedUntil: 0 }))}>
              {t.resume}
            </button>
          </div>
        ) : (
          settings.enabled &&
          allowPause && (
            <button type="button" className="pause" onClick={() => void saveSettings((s) => ({ ...s, pausedUntil: now() + PAUSE_MS }))}>
              {t.pause}
            </button>
          )
        )}
        {!active && !paused && <p className="muted small">{t.off}</p>}
        {settings.simulatedDate && (
          <p className="notice training" role="status">
            {t.trainingOn(t.date(Date.parse(`${settings.simulatedDate}T12:00:00+07:00`)))}
          </p>
        )}
      </section>

      <section aria-labelledby="rules-h">
        <h2 id="rules-h">{t.rules}</h2>
        {store.engine ? (
          <p className="row rules-line">
            <span>{t.rulesVersion(store.engine.bundleVersion)}</span>
            {Number.isFinite(issued) && <span className="muted">· {t.rulesIssued(t.date(issued))}</span>}
            {store.engine.source && (
              <span className="muted">· {store.engine.source === 'default' ? t.sourceDefault : t.sourceUpdate}</span>
            )}
            {expired && <span className="badge expired">{t.expired}</span>}
          </p>
        ) : (
          <p className="muted">{t.noRules}</p>
        )}
        {store.engine && <TodayPhases compiled={store.engine.compiled} now={clock} language={settings.language} />}
        {expired && <p className="notice error small">{t.expiredHint}</p>}
        {!expired && Number.isFinite(expires) && <p className="muted small">{t.rulesExpires(t.date(expires))}</p>}
        <p className="muted small update-line">
          {update
            ? t.lastUpdate(t.dateTime(update.time), (outcome && t.outcome[outcome]) || update.result) + (update.reason && outcome === 'error' ? ` (${update.reason})` : '')
            : t.neverUpdated}
        </p>
      </section>

      <section aria-labelledby="week-h">
        <h2 id="week-h">{t.week}</h2>
        {stats.shown === 0 ? <p className="muted">{t.weekEmpty}</p> : <WeekChart stats={stats} t={t} />}
        <dl className="counts">
          <div>
            <dt>
              <span className="dot bar-cancel" aria-hidden="true" />
              {t.cancelled}
            </dt>
            <dd>{stats.cancelled}</dd>
          </div>
          <div>
            <dt>
              <span className="dot bar-proceed" aria-hidden="true" />
              {t.proceeded}
            </dt>
            <dd>{stats.proceeded}</dd>
          </div>
          {stats.blocked > 0 && (
            <div>
              <dt>
                <span className="dot bar-block" aria-hidden="true" />
                {t.blocked}
              </dt>
              <dd>{stats.blocked}</dd>
            </div>
          )}
        </dl>
      </section>

      <footer className="row">
        <button type="button" onClick={() => openPage('/options.html')}>
          {t.settings}
        </button>
        <span className="spacer" />
        <button type="button" className="linklike" onClick={() => openPage('/options.html#aturan')}>
          {t.rulesLink}
        </button>
      </footer>
      {!allowUserDisable && <Locked label={t.locked} />}
    </main>
  );
}
