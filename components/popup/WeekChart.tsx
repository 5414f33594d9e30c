/** Warnings per day for the last 7 days as stacked bars, with a text alternative for screen readers. */
import type { WeekStats } from '@/components/shared/store';
import type { UiStrings } from '@/components/shared/ui-strings';

const W = 280;
const H = 92;
const LABEL = 16;
/** room above the tallest bar for its value */
const TOP = 14;

export function WeekChart({ stats, t }: { stats: WeekStats; t: UiStrings }) {
  const max = Math.max(1, ...stats.days.map((d) => d.shown));
  const slot = W / stats.days.length;
  const barW = Math.min(26, slot - 10);
  const scale = (H - LABEL - TOP) / max;
  const detail = stats.days.map((d) => `${t.weekday(new Date(d.start))} ${d.shown}`).join(', ');
  return (
    <svg className="week-chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t.chartLabel(stats.shown, detail)}>
      {stats.days.map((d, i) => {
        const x = i * slot + (slot - barW) / 2;
        let y = H - LABEL;
        const parts = [
          { n: d.cancelled, cls: 'bar-cancel' },
          { n: d.proceeded, cls: 'bar-proceed' },
          { n: d.blocked, cls: 'bar-block' },
        ];
        return (
          <g key={d.start}>
            <rect x={x} y={H - LABEL - 1} width={barW} height={1} className="bar-base" />
            {parts.map(({ n, cls }) => {
              if (n === 0) return null;
              const h = n * scale;
              y -= h;
              return <rect key={cls} x={x} y={y} width={barW} height={h} rx={2} className={cls} />;
            })}
            {d.shown > 0 && (
              <text x={x + barW / 2} y={y - 3} textAnchor="middle" className="bar-value">
                {d.shown}
              </text>
            )}
            <text x={x + barW / 2} y={H - 3} textAnchor="middle" className="bar-label">
              {t.weekday(new Date(d.start))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
