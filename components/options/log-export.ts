/** The decision log as CSV and JSON files. Post text is included only when the user opted in. */
import type { LogEntry } from '@/utils/messages';

export const CSV_COLUMNS = ['time', 'site', 'action', 'detail', 'severity', 'entities', 'decision', 'reason'] as const;

function csvCell(value: string): string {
  // Quote every cell; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function logToCsv(log: readonly LogEntry[], withText: boolean): string {
  const header = [...CSV_COLUMNS, ...(withText ? ['text'] : [])];
  const rows = log.map((e) => {
    const cells = [
      new Date(e.time).toISOString(),
      e.site,
      e.action,
      e.detail ?? '',
      e.severity,
      e.entities.join('; '),
      e.decision,
      e.reason ?? '',
      ...(withText ? [e.text ?? ''] : []),
    ];
    return cells.map(csvCell).join(',');
  });
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}

export function logToJson(log: readonly LogEntry[], withText: boolean): string {
  const entries = log.map((e) => {
    const { text, ...rest } = e;
    return { ...rest, time: new Date(e.time).toISOString(), ...(withText && text ? { text } : {}) };
  });
  return JSON.stringify({ format: 'jaga-netral-log/1', exportedAt: new Date().toISOString(), entries }, null, 2);
}

export type Download = (filename: string, mime: string, text: string) => void;

export const browserDownload: Download = (filename, mime, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
