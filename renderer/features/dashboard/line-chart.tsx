import { chartFrame as f, labelEvery, niceTicks, xOf, yOf } from './chart-scale';
import { ChartTable } from './chart-table';

export interface ChartSeries {
  label: string;
  values: number[];
}

interface LineChartProps {
  title: string;
  xHeader: string;
  xLabels: string[];
  series: ChartSeries[];
}

/** Lines differ by dash and marker as well as colour, so they read without colour vision. */
const styles = [
  { className: 'series-0', dash: undefined },
  { className: 'series-1', dash: '6 4' },
  { className: 'series-2', dash: '2 3' },
  { className: 'series-3', dash: '10 3 2 3' },
  { className: 'series-4', dash: '1 5' },
];

export function LineChart({ title, xHeader, xLabels, series }: LineChartProps) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const every = labelEvery(xLabels.length);
  return (
    <figure className="chart" data-testid="line-chart">
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
        {xLabels.map((label, i) =>
          i % every === 0 ? (
            <text key={`${label}-${i}`} className="axis" x={xOf(f, i, xLabels.length)} y={f.height - f.bottom + 18} textAnchor="middle">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, n) => {
          const style = styles[n % styles.length]!;
          const points = s.values.map((v, i) => `${xOf(f, i, s.values.length)},${yOf(f, top, v)}`).join(' ');
          return (
            <g key={s.label} className={style.className}>
              <polyline points={points} fill="none" strokeDasharray={style.dash} />
              {s.values.map((v, i) => (
                <circle key={i} cx={xOf(f, i, s.values.length)} cy={yOf(f, top, v)} r={n + 2} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s, n) => (
          <li key={s.label} className={styles[n % styles.length]!.className}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" strokeDasharray={styles[n % styles.length]!.dash} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <ChartTable caption={title} rowHeader={xHeader} columns={series.map((s) => s.label)} rows={xLabels.map((label, i) => ({ label, values: series.map((s) => s.values[i] ?? 0) }))} />
    </figure>
  );
}
