import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { linear, niceTicks } from './scale';

export interface LineSeries {
  label: string;
  color: string;
  /** SVG dash pattern, so lines differ by more than colour. */
  dash?: string;
  /** A stable name for the line (data-series), for tests and styles; the label is translated. */
  id?: string;
  points: readonly { x: number; y: number | null }[];
}

export interface BandSeries {
  label: string;
  color: string;
  points: readonly { x: number; low: number; high: number }[];
}

const DEFAULT_WIDTH = 640;
const HEIGHT = 300;
const M = { top: 16, right: 16, bottom: 36, left: 56 };

/**
 * The chart's width in CSS pixels. The drawing is made at that width (one SVG unit = one pixel), so
 * axis text keeps its 13 px on a phone instead of shrinking with a scaled-down drawing.
 */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const measure = () => {
      const measured = Math.round(element.clientWidth);
      if (measured > 0) {
        setWidth(measured);
      }
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

type Scale = (value: number) => number;

/** The SVG path of a line; a null value lifts the pen, so a gap shows as a gap. */
function linePath(points: LineSeries['points'], x: Scale, y: Scale): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The closed outline of a band: along its top, then back along its bottom. */
function bandPathOf(points: BandSeries['points'], x: Scale, y: Scale): string | null {
  if (points.length === 0) {
    return null;
  }
  const top = points.map((p) => `${x(p.x).toFixed(1)},${y(p.high).toFixed(1)}`);
  const bottom = [...points].reverse().map((p) => `${x(p.x).toFixed(1)},${y(p.low).toFixed(1)}`);
  return `M${top.join('L')}L${bottom.join('L')}Z`;
}

/** The legend under the chart: each line's stroke, and the band's fill. */
function ChartLegend({
  series,
  band,
}: {
  series: readonly LineSeries[];
  band: BandSeries | undefined;
}) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.label}>
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              x2="28"
              y1="5"
              y2="5"
              stroke={s.color}
              strokeWidth="3"
              strokeDasharray={s.dash}
            />
          </svg>
          {s.label}
        </li>
      ))}
      {band === undefined ? null : (
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <rect width="28" height="10" fill={band.color} fillOpacity={0.25} />
          </svg>
          {band.label}
        </li>
      )}
    </ul>
  );
}

/**
 * Line chart with an optional uncertainty band. Decorative for screen readers apart from its
 * summary (aria-label); the numbers are in the table alternative next to it.
 */
export function LineChart({
  series,
  band,
  summary,
  formatY,
  formatX = String,
  yMin,
  yMax,
  testId,
}: {
  series: readonly LineSeries[];
  band?: BandSeries | undefined;
  summary: string;
  formatY: (v: number) => string;
  formatX?: (v: number) => string;
  yMin?: number;
  /** Lowest top of the y axis (e.g. 1 for shares, so 2% does not fill the chart). */
  yMax?: number;
  testId?: string | undefined;
}) {
  const id = useId();
  const [ref, WIDTH] = useWidth();
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [
    ...series.flatMap((s) => s.points.map((p) => p.y).filter((y): y is number => y !== null)),
    ...(band?.points.flatMap((p) => [p.low, p.high]) ?? []),
  ];
  if (xs.length === 0 || ys.length === 0) {
    return <div ref={ref} />;
  }
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const yTicks = niceTicks(yMin ?? Math.min(0, ...ys), Math.max(yMax ?? -Infinity, ...ys), 5);
  const x = linear([xMin, xMax], [M.left, WIDTH - M.right]);
  const y = linear([yTicks[0]!, yTicks.at(-1)!], [HEIGHT - M.bottom, M.top]);
  // About one x label per 90 px, so labels of 13 px never run into each other.
  const xTicks = niceTicks(xMin, xMax, Math.max(2, Math.min(6, Math.floor(WIDTH / 90)))).filter(
    (v) => v >= xMin && v <= xMax,
  );
  const line = (points: LineSeries['points']) => linePath(points, x, y);
  const bandPath = band === undefined ? null : bandPathOf(band.points, x, y);
  return (
    <div className="chart" data-testid={testId} ref={ref}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-summary`}
        className="chart__svg"
      >
        <title id={`${id}-summary`}>{summary}</title>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} className="chart__grid" />
            <text x={M.left - 6} y={y(v)} className="chart__tick" textAnchor="end" dy="0.32em">
              {formatY(v)}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <text
            key={v}
            x={x(v)}
            y={HEIGHT - M.bottom + 18}
            className="chart__tick"
            textAnchor="middle"
          >
            {formatX(v)}
          </text>
        ))}
        <line
          x1={M.left}
          x2={WIDTH - M.right}
          y1={HEIGHT - M.bottom}
          y2={HEIGHT - M.bottom}
          className="chart__axis"
        />
        {bandPath === null ? null : (
          <path d={bandPath} fill={band!.color} fillOpacity={0.25} stroke="none" />
        )}
        {series.map((s) => (
          <path
            key={s.label}
            d={line(s.points)}
            fill="none"
            stroke={s.color}
            strokeWidth={2.5}
            strokeDasharray={s.dash}
            data-series={s.id}
          />
        ))}
      </svg>
      <ChartLegend series={series} band={band} />
    </div>
  );
}
