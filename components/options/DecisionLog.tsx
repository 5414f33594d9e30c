/** The local decision log: a table, the "keep post text" opt-in, export (CSV, JSON) and clear. */
import { useState } from 'react';
import type { LogEntry } from '@/utils/messages';
import { decisionLogItem } from '@/utils/decision-log-item';
import { SITE_NAMES, type UiStrings } from '@/components/shared/ui-strings';
import { saveSettings } from '@/components/shared/store';
import { browserDownload, logToCsv, logToJson, type Download } from './log-export';

export const LOG_ROWS_SHOWN = 200;

export interface DecisionLogProps {
  log: LogEntry[];
  logContent: boolean;
  t: UiStrings;
  download?: Download;
}

export function DecisionLog({ log, logContent, t, download = browserDownload }: DecisionLogProps) {
  const [asking, setAsking] = useState(false);
  const newest = [...log].reverse().slice(0, LOG_ROWS_SHOWN);
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <div className="decision-log">
      <p className="muted">{t.logHint}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={logContent}
          onChange={(e) => {
            const logContent = e.target.checked;
            void saveSettings((s) => ({ ...s, logContent }));
          }}
        />
        <span>
          {t.logContent}
          <br />
          <span className="muted small">{t.logContentHint}</span>
        </span>
      </label>
      <div className="row toolbar">
        <button type="button" disabled={log.length === 0} onClick={() => download(`jaga-netral-log-${stamp}.csv`, 'text/csv', logToCsv(log, logContent))}>
          {t.exportCsv}
        </button>
        <button
          type="button"
          disabled={log.length === 0}
          onClick={() => download(`jaga-netral-log-${stamp}.json`, 'application/json', logToJson(log, logContent))}
        >
          {t.exportJson}
        </button>
        <span className="spacer" />
        {asking ? (
          // biome-ignore lint/a11y/useSemanticElements: a fieldset's border and legend do not fit the inline toolbar.
          <span className="row" role="group" aria-label={t.clearLog}>
            <span>{t.clearAsk(log.length)}</span>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setAsking(false);
                void decisionLogItem.setValue([]);
              }}
            >
              {t.clearConfirm}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t.clearCancel}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" disabled={log.length === 0} onClick={() => setAsking(true)}>
            {t.clearLog}
          </button>
        )}
      </div>
      {log.length === 0 ? (
        <p className="muted">{t.logEmpty}</p>
      ) : (
        <>
          {log.length > LOG_ROWS_SHOWN && <p className="muted small">{t.logShowing(LOG_ROWS_SHOWN, log.length)}</p>}
          {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrolling region must take keyboard focus (axe: scrollable-region-focusable); a section element adds nothing here. */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.logTable}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.logCols.time}</th>
                  <th scope="col">{t.logCols.site}</th>
                  <th scope="col">{t.logCols.action}</th>
                  <th scope="col">{t.logCols.entity}</th>
                  <th scope="col">{t.logCols.decision}</th>
                  {logContent && <th scope="col">{t.logCols.text}</th>}
                </tr>
              </thead>
              <tbody>
                {newest.map((e, i) => (
                  <tr key={`${e.time}-${i}`}>
                    <td className="nowrap">{t.dateTime(e.time)}</td>
                    <td>{SITE_NAMES[e.site]}</td>
                    <td>
                      {t.actionNames[e.action]}
                      {e.detail && e.detail !== e.action && <span className="muted small"> ({e.detail})</span>}
                    </td>
                    <td>{e.entities.join('; ')}</td>
                    <td>
                      <span className={`decision decision-${e.decision}`}>{t.decisions[e.decision]}</span>
                      {e.reason && <div className="muted small">{e.reason}</div>}
                    </td>
                    {logContent && <td className="post-text">{e.text ?? ''}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
