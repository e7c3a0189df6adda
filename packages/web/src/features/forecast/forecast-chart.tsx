import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { LineChart } from '../../charts/line-chart';
import { ChartWithTable } from '../common/ui';
import type { ForecastRow } from '@palliamonitor/contracts';
import { band, mid } from '../../api/types';

export const SERIES_COLORS = {
  erlang: '#01578c',
  norm: '#b35806',
  current: '#000000',
  band: '#6fabd6',
} as const;

/** Demand vs capacity to 2050: beds needed (Erlang, with band), by the 80% norm, and today's beds. */
export function ForecastChart({ rows, title }: { rows: ForecastRow[]; title: string }) {
  const { t, locale } = useI18n();
  const hasBand = rows.some((r) => band(r.bedsNeededErlang) !== null);
  const first = rows[0];
  const last = rows.at(-1);
  const summary =
    first === undefined || last === undefined
      ? title
      : t('forecast.summary', {
          from: first.year,
          to: last.year,
          erlangFrom: formatNumber(mid(first.bedsNeededErlang), locale),
          erlangTo: formatNumber(mid(last.bedsNeededErlang), locale),
          current: formatNumber(mid(last.currentBeds), locale),
        });
  return (
    <ChartWithTable
      title={title}
      description={t('forecast.description')}
      chart={
        <LineChart
          testId="forecast-chart"
          summary={summary}
          formatY={(v) => formatNumber(v, locale)}
          series={[
            {
              label: t('forecast.erlang'),
              color: SERIES_COLORS.erlang,
              points: rows.map((r) => ({ x: r.year, y: mid(r.bedsNeededErlang) })),
            },
            {
              label: t('forecast.norm'),
              color: SERIES_COLORS.norm,
              dash: '8 4',
              points: rows.map((r) => ({ x: r.year, y: mid(r.bedsNeededNorm) })),
            },
            {
              label: t('forecast.current'),
              color: SERIES_COLORS.current,
              dash: '2 3',
              points: rows.map((r) => ({ x: r.year, y: mid(r.currentBeds) })),
            },
          ]}
          {...(hasBand
            ? {
                band: {
                  label: t('forecast.band'),
                  color: SERIES_COLORS.band,
                  points: rows.flatMap((r) => {
                    const b = band(r.bedsNeededErlang);
                    return b === null ? [] : [{ x: r.year, low: b.p10, high: b.p90 }];
                  }),
                },
              }
            : {})}
        />
      }
      table={
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forecast.year')}</th>
                <th scope="col" className="num">
                  {t('forecast.requests')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.erlang')}
                </th>
                {hasBand ? (
                  <th scope="col" className="num">
                    {t('forecast.band')}
                  </th>
                ) : null}
                <th scope="col" className="num">
                  {t('forecast.norm')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.current')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const b = band(r.bedsNeededErlang);
                return (
                  <tr key={r.year}>
                    <th scope="row">
                      {r.observed === true ? t('forecast.observed', { year: r.year }) : r.year}
                    </th>
                    <td className="num">{formatNumber(mid(r.hospiceRequests), locale)}</td>
                    <td className="num">{formatNumber(mid(r.bedsNeededErlang), locale)}</td>
                    {hasBand ? (
                      <td className="num">
                        {b === null
                          ? '–'
                          : `${formatNumber(b.p10, locale)}–${formatNumber(b.p90, locale)}`}
                      </td>
                    ) : null}
                    <td className="num">{formatNumber(mid(r.bedsNeededNorm), locale)}</td>
                    <td className="num">{formatNumber(mid(r.currentBeds), locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
