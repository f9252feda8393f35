import { chartFrame as f, labelEvery, niceTicks, yOf } from './chart-scale';
import { ChartTable } from './chart-table';
import type { ChartSeries } from './line-chart';

interface BarChartProps {
  title: string;
  xHeader: string;
  xLabels: string[];
  /** One series per stacked segment (a moderator), each with a value per x label (a day). */
  series: ChartSeries[];
}

/** Stacked bars: one bar per day, one segment per moderator, patterned as well as coloured. */
export function BarChart({ title, xHeader, xLabels, series }: BarChartProps) {
  const totals = xLabels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const plot = f.width - f.left - f.right;
  const slot = xLabels.length > 0 ? plot / xLabels.length : plot;
  const barWidth = Math.max(4, slot * 0.6);
  const every = labelEvery(xLabels.length);
  return (
    <figure className="chart" data-testid="bar-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${f.width} ${f.height}`} className="chart-svg" aria-hidden="true" focusable="false">
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="grid" x1={f.left} x2={f.width - f.right} y1={yOf(f, top, tick)} y2={yOf(f, top, tick)} />
            <text className="axis" x={f.left - 6} y={yOf(f, top, tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {xLabels.map((label, i) => {
          const x = f.left + i * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={label}>
              {series.map((s, n) => {
                const value = s.values[i] ?? 0;
                const y0 = yOf(f, top, base);
                base += value;
                const y1 = yOf(f, top, base);
                return value > 0 ? <rect key={s.label} className={`bar series-${n % 6}`} x={x} y={y1} width={barWidth} height={Math.max(0, y0 - y1)} /> : null;
              })}
              {i % every === 0 && (
                <text className="axis" x={x + barWidth / 2} y={f.height - f.bottom + 18} textAnchor="middle">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s, n) => (
          <li key={s.label} className={`series-${n % 6}`}>
            <svg width="12" height="12" aria-hidden="true">
              <rect className={`bar series-${n % 6}`} width="12" height="12" />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <ChartTable caption={title} rowHeader={xHeader} columns={series.map((s) => s.label)} rows={xLabels.map((label, i) => ({ label, values: series.map((s) => s.values[i] ?? 0) }))} />
    </figure>
  );
}
