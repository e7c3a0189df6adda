import { API, useApi } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatMonth, formatNumber, formatPercent } from '../../lib/format';
import { LineChart } from '../../charts/line-chart';
import { Async, ChartWithTable } from '../common/ui';
import type { Statistics } from '@palliamonitor/contracts';

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
    (p) => p.occupancy !== null || p.admissions > 0 || (p.freshDataShare ?? 0) > 0,
  );
  if (!hasData) {
    return <p className="muted">{t('stats.none')}</p>;
  }
  const index = (i: number) => i;
  const monthOf = (i: number) => {
    const p = items[Math.round(i)];
    return p === undefined
      ? ''
      : formatMonth(p.period, locale).replace(/ \d{4}$/, (y) => ` '${y.slice(3)}`);
  };
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
          series={[
            {
              label: t('stats.occupancy'),
              color: '#01578c',
              points: items.map((p, i) => ({ x: index(i), y: p.occupancy })),
            },
            {
              label: t('stats.freshShare'),
              color: '#b35806',
              dash: '8 4',
              points: items.map((p, i) => ({ x: index(i), y: p.freshDataShare })),
            },
          ]}
        />
      }
      table={
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.month')}</th>
                <th scope="col" className="num">
                  {t('stats.occupancy')}
                </th>
                <th scope="col" className="num">
                  {t('stats.admissions')}
                </th>
                <th scope="col" className="num">
                  {t('stats.departures')}
                </th>
                <th scope="col" className="num">
                  {t('stats.los')}
                </th>
                <th scope="col" className="num">
                  {t('stats.refusals')}
                </th>
                <th scope="col" className="num">
                  {t('stats.waitingList')}
                </th>
                <th scope="col" className="num">
                  {t('stats.freshShare')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{formatMonth(p.period, locale)}</th>
                  <td className="num">{formatPercent(p.occupancy, locale)}</td>
                  <td className="num">{formatNumber(p.admissions, locale)}</td>
                  <td className="num">{formatNumber(p.departures.total, locale)}</td>
                  <td className="num">{formatNumber(p.lengthOfStay.meanDays, locale, 1)}</td>
                  <td className="num">{formatNumber(p.refusals, locale)}</td>
                  <td className="num">{formatNumber(p.waitingList.end, locale)}</td>
                  <td className="num">{formatPercent(p.freshDataShare, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
