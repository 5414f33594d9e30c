/**
 * "Izinkan di situs-situs ini" (#izin), the options page's first step: per site whether the
 * extension may run there, and one button that asks the browser for every site at once. Firefox
 * for Android offered no other place to grant this (components/shared/host-access.ts).
 */
import { useState } from 'react';
import { SITE_IDS } from '@/rules/actions';
import { useHostAccess } from '@/components/shared/host-access';
import { requestHostAccess } from '@/utils/host-access';
import { SITE_NAMES } from '@/components/shared/ui-strings';
import type { Language } from '@/utils/settings';

export const HOST_ACCESS_TEXT = {
  id: {
    title: 'Izinkan di situs-situs ini',
    intro: 'Jaga Netral hanya dapat memeriksa situs yang Anda izinkan. Di Firefox (juga Firefox untuk Android) izin ini harus diberikan di sini.',
    granted: 'Diizinkan',
    missing: 'Belum diizinkan',
    allow: 'Izinkan di semua situs',
    allGranted: 'Semua situs diizinkan.',
    refused: 'Izin ditolak. Tanpa izin, Jaga Netral tidak memeriksa situs tersebut.',
    failed: (why: string) => `Izin tidak dapat diminta: ${why}`,
    unknown: 'Browser ini tidak memberi tahu status izin.',
  },
  en: {
    title: 'Allow on these sites',
    intro: 'Jaga Netral can check only the sites you allow. In Firefox (and Firefox for Android) this permission is given here.',
    granted: 'Allowed',
    missing: 'Not allowed yet',
    allow: 'Allow on all sites',
    allGranted: 'Every site is allowed.',
    refused: 'Permission refused. Without it, Jaga Netral does not check those sites.',
    failed: (why: string) => `The permission could not be requested: ${why}`,
    unknown: 'This browser does not report the permission status.',
  },
} as const;

export function HostAccess({ lang }: { lang: Language }) {
  const t = HOST_ACCESS_TEXT[lang];
  const access = useHostAccess();
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const missing = access ? SITE_IDS.filter((site) => !access[site]) : [];

  const allow = () => {
    // No await before this call: the browser's prompt needs the click's user gesture.
    requestHostAccess().then(
      (ok) => setOutcome(ok ? null : { text: t.refused, error: true }),
      (error: unknown) => setOutcome({ text: t.failed(error instanceof Error ? error.message : String(error)), error: true }),
    );
  };

  return (
    <div data-testid="host-access">
      <p className="muted">{t.intro}</p>
      {access ? (
        <ul className="host-access" aria-label={t.title}>
          {SITE_IDS.map((site) => (
            <li key={site} aria-label={`${SITE_NAMES[site]}: ${access[site] ? t.granted : t.missing}`}>
              <span>{SITE_NAMES[site]}</span>{' '}
              <span className={access[site] ? 'badge ok' : 'badge expired'}>{access[site] ? t.granted : t.missing}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.unknown}</p>
      )}
      {access && missing.length > 0 && (
        <button type="button" className="primary" onClick={allow}>
          {t.allow}
        </button>
      )}
      <p role="status" className={outcome?.error ? 'error-text' : 'muted'}>
        {outcome?.text ?? (access && missing.length === 0 ? t.allGranted : '')}
      </p>
    </div>
  );
}
