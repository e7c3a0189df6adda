import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { LineChart } from '../../charts/line-chart';
import { bandSeries, lineSeries, type LineSpec } from '../../charts/series';
import { ChartWithTable } from './ui';

// The charts of beds per year (a region's forecast, its plan, the explorer's nation): each kind of
// line drawn the same way in all of them, the need's band behind the lines, the numbers in the
// reader's locale, and a table as the chart's alternative.

/** Colour and dash of each kind of line, the same in every chart of beds per year. */
export const SERIES_STYLE = {
  erlang: { color: '#01578c' },
  norm: { color: '#b35806', dash: '8 4' },
  current: { color: '#000000', dash: '2 3' },
} as const;

/** The colour of the need's band (10th to 90th percentile). */
export const BAND_COLOUR = '#6fabd6';

/** The band drawn behind the lines: its label and each year's range (null: none that year). */
export interface YearBand<R> {
  label: string;
  range: (row: R) => { low: number; high: number } | null;
}

/** Lines over the years of `rows`, an optional band, and `table` as the chart's alternative. */
export function YearlyChart<R extends { year: number }>({
  title,
  description,
  testId,
  summary,
  rows,
  lines,
  band,
  table,
}: {
  title: string;
  description?: string | undefined;
  testId?: string | undefined;
  /** The chart in one sentence, for screen readers. */
  summary: string;
  rows: readonly R[];
  lines: readonly LineSpec<R>[];
  band?: YearBand<R> | undefined;
  table: ReactNode;
}) {
  const { locale } = useI18n();
  const year = (row: R) => row.year;
  return (
    <ChartWithTable
      title={title}
      description={description}
      chart={
        <LineChart
          testId={testId}
          summary={summary}
          formatY={(v) => formatNumber(v, locale)}
          series={lineSeries(rows, year, lines)}
          band={
            band === undefined
              ? undefined
              : bandSeries(rows, year, { label: band.label, color: BAND_COLOUR }, band.range)
          }
        />
      }
      table={table}
    />
  );
}
