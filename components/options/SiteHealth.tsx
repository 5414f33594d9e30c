/**
 * "Kesehatan situs" (#kesehatan-situs): how well each site adapter is doing on the pages this user
 * sees (counted by the content script, entrypoints/content/health.ts), and "Laporkan masalah
 * situs": a short report for maintainers — per site the counters, the labels of action-like
 * controls no adapter recognised, and which selector hooks the detected controls matched (which
 * selector to change in the signed bundle). Post text is never collected, so the report holds none.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { SiteHealth as SiteHealthData } from '@/utils/site-health';
import { siteHealthItem } from '@/utils/storage-items';
import { browserDownload, type Download } from './log-export';
import type { Language } from '@/utils/settings';

/** The report a user sends to the maintainers: counts, labels and hooks, no post text. */
export function siteHealthReport(health: SiteHealthData, now: number, userAgent = ''): string {
  const sites = Object.entries(health).map(([site, h]) => ({
    site,
    detected: h.detected,
    readFromContainer: h.container,
    readBlind: h.blind,
    foundByLabelOnly: h.byLabel,
    unrecognisedPresses: h.unrecognised,
    photosUnchecked: h.photoUnchecked ?? 0,
    // actions that waited for the background's full rule set and got no answer in time (decided by the tab's)
    rulesUnchecked: h.rulesUnchecked ?? 0,
    // layout hints: what the unrecognised controls were labelled, what the detected ones matched
    unrecognisedLabels: h.labels,
    selectorsMatched: h.hooks,
    lastSeen: h.at ? new Date(h.at).toISOString() : null,
  }));
  return JSON.stringify({ format: 'jaga-netral-site-health/1', createdAt: new Date(now).toISOString(), userAgent, sites }, null, 2);
}

export interface SiteHealthProps {
  lang: Language;
  download?: Download;
  now?: () => number;
}

const TEXT = {
  id: {
    intro: 'Berapa tindakan yang dikenali di tiap situs, berapa yang isinya dibaca dari wadah postingan atau tanpa isi ("buta"), berapa tekanan pada tombol yang tampak seperti tindakan tetapi tidak dikenali, berapa foto yang terkirim tanpa pemeriksaan, dan berapa tindakan yang diputuskan tanpa aturan lengkap (latar belakang ekstensi tidak menjawab tepat waktu).',
    none: 'Belum ada tindakan yang tercatat.',
    cols: ['Situs', 'Dikenali', 'Dari wadah', 'Buta', 'Lewat label', 'Tak dikenali', 'Foto tak diperiksa', 'Tanpa aturan lengkap'],
    report: 'Laporkan masalah situs',
    privacy: 'Laporan berisi hitungan, label tombol dan selektor yang cocok; tidak ada teks postingan.',
  },
  en: {
    intro: 'How many actions were recognised on each site, how many were read from the post container or with no content ("blind"), how many presses on action-like controls were not recognised, how many photos went out unchecked, and how many actions were decided without the full rule set (the background of the extension did not answer in time).',
    none: 'No actions recorded yet.',
    cols: ['Site', 'Recognised', 'From container', 'Blind', 'By label', 'Unrecognised', 'Photos unchecked', 'Without the full rules'],
    report: 'Report a site problem',
    privacy: 'The report holds counts, control labels and matched selectors; no post text.',
  },
} as const;

export function SiteHealth({ lang, download = browserDownload, now = Date.now }: SiteHealthProps) {
  const t = TEXT[lang];
  const [health, setHealth] = useState<SiteHealthData>({});
  useEffect(() => {
    const load = () =>
      void siteHealthItem
        .getValue()
        .then(setHealth)
        .catch(() => {});
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && siteHealthItem.key in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const rows = Object.entries(health);
  return (
    <div data-testid="site-health">
      <p>{t.intro}</p>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>{t.cols.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map(([site, h]) => (
              <tr key={site}>
                <th scope="row">{site}</th>
                <td>{h.detected}</td>
                <td>{h.container}</td>
                <td>{h.blind}</td>
                <td>{h.byLabel}</td>
                <td>{h.unrecognised}</td>
                <td>{h.photoUnchecked ?? 0}</td>
                <td>{h.rulesUnchecked ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>{t.privacy}</p>
      <button
        type="button"
        disabled={rows.length === 0}
        onClick={() => download(`jaga-netral-situs-${new Date(now()).toISOString().slice(0, 10)}.json`, 'application/json', siteHealthReport(health, now(), navigator.userAgent))}
      >
        {t.report}
      </button>
    </div>
  );
}
