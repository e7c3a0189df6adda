import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { SERIES_STYLE, YearlyChart } from '../common/yearly-chart';
import { numeric, type Column } from '../common/data-table';
import type { ForecastRow } from '@palliamonitor/contracts';
import { band, mid } from '../../api/types';

/** Demand vs capacity to 2050: beds needed (Erlang, with band), by the 80% norm, and today's beds. */
export function ForecastChart({ rows, title }: { rows: ForecastRow[]; title: string }) {
  const { t, locale } = useI18n();
  const hasBand = rows.some((r) => band(r.bedsNeededErlang) !== null);
  const number = (value: ForecastRow['currentBeds']) => formatNumber(mid(value), locale);
  const bandText = (r: ForecastRow) => {
    const b = band(r.bedsNeededErlang);
    return b === null ? '–' : `${formatNumber(b.p10, locale)}–${formatNumber(b.p90, locale)}`;
  };
  const columns: Column<ForecastRow>[] = [
    {
      key: 'year',
      label: t('forecast.year'),
      render: (r) => (r.observed === true ? t('forecast.observed', { year: r.year }) : r.year),
    },
    ...numeric<ForecastRow>([
      ['requests', t('forecast.requests'), (r) => number(r.hospiceRequests)],
      ['erlang', t('forecast.erlang'), (r) => number(r.bedsNeededErlang)],
      ...(hasBand ? [['band', t('forecast.band'), bandText] as const] : []),
      ['norm', t('forecast.norm'), (r) => number(r.bedsNeededNorm)],
      ['current', t('forecast.current'), (r) => number(r.currentBeds)],
    ]),
  ];
  return (
    <YearlyChart
      title={title}
      rows={rows}
      need={{
        label: t('forecast.erlang'),
        bandLabel: t('forecast.band'),
        value: (r) => r.bedsNeededErlang,
      }}
      lines={[
        { ...SERIES_STYLE.norm, label: t('forecast.norm'), y: (r) => mid(r.bedsNeededNorm) },
        { ...SERIES_STYLE.current, label: t('forecast.current'), y: (r) => mid(r.currentBeds) },
      ]}
      table={{ columns, hideCaption: true }}
      description={t('forecast.description')}
      testId="forecast-chart"
      summarize={(first, last) =>
        t('forecast.summary', {
          from: first.year,
          to: last.year,
          erlangFrom: formatNumber(mid(first.bedsNeededErlang), locale),
          erlangTo: formatNumber(mid(last.bedsNeededErlang), locale),
          current: formatNumber(mid(last.currentBeds), locale),
        })
      }
    />
  );
}
