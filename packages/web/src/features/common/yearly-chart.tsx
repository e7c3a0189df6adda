import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { LineChart } from '../../charts/line-chart';
import { bandSeries, lineSeries, type LineSpec } from '../../charts/series';
import { ChartWithTable } from './ui';
import { DataTable, type Column } from './data-table';
import type { ForecastValue } from '@palliamonitor/contracts';
import { band, mid } from '../../api/types';

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

/**
 * The beds needed, drawn first in the need's colour, with its band (10th to 90th percentile)
 * behind wherever a row's value has one.
 */
export interface YearNeed<R> {
  id?: string;
  label: string;
  bandLabel: string;
  value: (row: R) => ForecastValue;
}

/** The table alternative to the chart: a row per year, captioned with the chart's title. */
export interface YearTable<R> {
  columns: Column<R>[];
  /** The caption for screen readers only, where the figure above already shows the title. */
  hideCaption?: boolean;
  testId?: string;
  rowAttributes?: (row: R) => Readonly<Record<string, string | number | undefined>>;
}

/** Lines over the years of `rows` (the need and its band first, if any) and a table of them. */
export function YearlyChart<R extends { year: number }>({
  title,
  rows,
  need,
  lines,
  table,
  description,
  testId,
  summarize,
}: {
  title: string;
  rows: readonly R[];
  need?: YearNeed<R> | undefined;
  /** The lines drawn after the need. */
  lines: readonly LineSpec<R>[];
  table: YearTable<R>;
  description?: string | undefined;
  testId?: string | undefined;
  /** The chart in one sentence for screen readers, from its first and last year. */
  summarize: (first: R, last: R) => string;
}) {
  const { locale } = useI18n();
  const year = (row: R) => row.year;
  const first = rows[0];
  const last = rows.at(-1);
  const needLine: LineSpec<R>[] =
    need === undefined
      ? []
      : [
          {
            ...SERIES_STYLE.erlang,
            ...(need.id === undefined ? {} : { id: need.id }),
            label: need.label,
            y: (row) => mid(need.value(row)),
          },
        ];
  const needBand = (row: R) => {
    const b = need === undefined ? null : band(need.value(row));
    return b === null ? null : { low: b.p10, high: b.p90 };
  };
  return (
    <ChartWithTable
      title={title}
      description={description}
      chart={
        <LineChart
          testId={testId}
          summary={first === undefined || last === undefined ? title : summarize(first, last)}
          formatY={(v) => formatNumber(v, locale)}
          series={lineSeries(rows, year, [...needLine, ...lines])}
          band={
            need === undefined
              ? undefined
              : bandSeries(rows, year, { label: need.bandLabel, color: BAND_COLOUR }, needBand)
          }
        />
      }
      table={
        <DataTable caption={title} {...table} rows={rows} rowKey={(row) => String(row.year)} />
      }
    />
  );
}
