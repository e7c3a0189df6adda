import { API, useApi } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatMonth, formatNumber, formatPercent } from '../../lib/format';
import { LineChart } from '../../charts/line-chart';
import { lineSeries } from '../../charts/series';
import { Async, ChartWithTable } from '../common/ui';
import { WhenVisible } from '../common/when-visible';
import { DataTable, numeric, type Column } from '../common/data-table';
import type { PeriodFigures, Statistics, StatisticsSuppressible } from '@palliamonitor/contracts';
import { figureOf } from './suppressed';

/** A page's section of monthly figures: its heading, and the trend once it comes into view. */
export function StatisticsSection({
  id,
  heading,
  ...trend
}: {
  /** The heading's id, which names the section. */
  id: string;
  heading: string;
  path: string;
  title: string;
  csvQuery?: string;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <WhenVisible>
        <StatisticsTrend {...trend} />
      </WhenVisible>
    </section>
  );
}

/**
 * Monthly occupancy and refusals of one scope (a region, a hospice, or the country), with the
 * figures as a CSV download (`csvQuery` adds to its query, e.g. each hospice of a region).
 */
export function StatisticsTrend({
  path,
  title,
  csvQuery = '',
}: {
  path: string;
  title: string;
  csvQuery?: string;
}) {
  const { t } = useI18n();
  const stats = useApi<Statistics>(path);
  const csv = `${API}${path}${path.includes('?') ? '&' : '?'}format=csv${csvQuery}`;
  return (
    <Async value={stats} what={t('stats.what')}>
      {(data) => (
        <>
          <StatisticsCharts stats={data} title={title} />
          <p>
            <a href={csv} download data-testid="statistics-csv">
              {t('stats.csv')}
            </a>
          </p>
        </>
      )}
    </Async>
  );
}

export function StatisticsCharts({ stats, title }: { stats: Statistics; title: string }) {
  const { t, locale } = useI18n();
  const items = stats.items;
  const hasData = items.some(
    // A suppressed count (null) is 1 to 4: there are data.
    (p) => p.occupancy !== null || p.admissions !== 0 || (p.freshDataShare ?? 0) > 0,
  );
  if (!hasData) {
    return <p className="muted">{t('stats.none')}</p>;
  }
  const index = (_: PeriodFigures, i: number) => i;
  const monthOf = (i: number) => {
    const p = items[Math.round(i)];
    return p === undefined
      ? ''
      : formatMonth(p.period, locale).replace(/ \d{4}$/, (y) => ` '${y.slice(3)}`);
  };
  /** A column of a figure that may be suppressed (its name in the row's `suppressed` list). */
  const figure = (
    key: string,
    label: string,
    field: StatisticsSuppressible,
    value: (p: PeriodFigures) => number | null,
    decimals = 0,
  ) =>
    [
      key,
      label,
      (p: PeriodFigures) => figureOf(p, field, formatNumber(value(p), locale, decimals)),
    ] as const;
  const columns: Column<PeriodFigures>[] = [
    { key: 'month', label: t('stats.month'), render: (p) => formatMonth(p.period, locale) },
    ...numeric<PeriodFigures>([
      [
        'occupancy',
        t('stats.occupancy'),
        (p) => figureOf(p, 'occupancy', formatPercent(p.occupancy, locale)),
      ],
      figure('admissions', t('stats.admissions'), 'admissions', (p) => p.admissions),
      figure('departures', t('stats.departures'), 'departures.total', (p) => p.departures.total),
      figure('los', t('stats.los'), 'lengthOfStay.meanDays', (p) => p.lengthOfStay.meanDays, 1),
      figure('refusals', t('stats.refusals'), 'refusals', (p) => p.refusals),
      figure('waitingList', t('stats.waitingList'), 'waitingList.end', (p) => p.waitingList.end),
      ['freshShare', t('stats.freshShare'), (p) => formatPercent(p.freshDataShare, locale)],
    ]),
  ];
  return (
    <ChartWithTable
      title={title}
      description={t('stats.description')}
      chart={
        <LineChart
          testId="statistics-chart"
          summary={t('stats.summary', { count: items.length })}
          formatY={(v) => formatPercent(v, locale)}
          formatX={monthOf}
          yMin={0}
          yMax={1}
          series={lineSeries(items, index, [
            { label: t('stats.occupancy'), color: '#01578c', y: (p) => p.occupancy },
            {
              label: t('stats.freshShare'),
              color: '#b35806',
              dash: '8 4',
              y: (p) => p.freshDataShare,
            },
          ])}
        />
      }
      table={
        <DataTable
          caption={title}
          hideCaption
          columns={columns}
          rows={items}
          rowKey={(p) => p.period}
        />
      }
    />
  );
}

/** National monthly trend of occupancy and data freshness. */
export function NationalTrend() {
  const { t } = useI18n();
  return (
    <StatisticsTrend path="/regions/NL/statistics?period=month" title={t('home.statsTitle')} />
  );
}
