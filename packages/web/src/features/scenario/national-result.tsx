import type { ForecastRow } from '@palliamonitor/model';
import { useI18n } from '../../i18n/i18n';
import { formatNumber, formatSigned } from '../../lib/format';
import { SERIES_STYLE, YearlyChart } from '../common/yearly-chart';
import type { Column } from '../common/data-table';

// The explorer's national answer: the beds needed in the chosen year beside today's beds, and the
// path to 2050 as a chart with its table.

type Row = ForecastRow<number>;

export function NationalResult({
  nation,
  year,
  ms,
}: {
  nation: readonly Row[];
  year: number;
  /** How long the model took in the browser, in milliseconds. */
  ms: number;
}) {
  const { t, locale } = useI18n();
  const row = nation.find((r) => r.year === year) ?? nation[0]!;
  const figures: readonly { label: string; value: string; testId?: string }[] = [
    {
      label: t('scenario.erlangNational'),
      value: formatNumber(row.bedsNeededErlang, locale),
      testId: 'beds-needed-national',
    },
    { label: t('scenario.norm'), value: formatNumber(row.bedsNeededNorm, locale) },
    { label: t('scenario.current'), value: formatNumber(row.currentBeds, locale) },
    { label: t('scenario.gap'), value: formatSigned(-row.gap, locale) },
  ];
  return (
    <>
      <section aria-labelledby="result-title" className="panel panel--result">
        <h2 id="result-title">{t('scenario.resultTitle', { year })}</h2>
        <dl className="key-figures key-figures--result" aria-live="polite">
          {figures.map((f) => (
            <div className="key-figure" key={f.label}>
              <dt>{f.label}</dt>
              <dd>
                <span className="key-figure__value" data-testid={f.testId}>
                  {f.value}
                </span>
              </dd>
            </div>
          ))}
        </dl>
        <p className="hint">
          {t('scenario.requests', {
            requests: formatNumber(row.hospiceRequests, locale),
            deaths: formatNumber(row.deaths, locale),
          })}{' '}
          <span data-testid="compute-time">
            {t('scenario.computed', { ms: formatNumber(ms, locale, 1) })}
          </span>
        </p>
      </section>
      <NationalTrend nation={nation} />
    </>
  );
}

function NationalTrend({ nation }: { nation: readonly Row[] }) {
  const { t, locale } = useI18n();
  const columns: Column<Row>[] = [
    { key: 'year', label: t('forecast.year'), render: (r) => r.year },
    {
      key: 'erlang',
      label: t('forecast.erlang'),
      isNumeric: true,
      render: (r) => formatNumber(r.bedsNeededErlang, locale),
    },
    {
      key: 'norm',
      label: t('forecast.norm'),
      isNumeric: true,
      render: (r) => formatNumber(r.bedsNeededNorm, locale),
    },
    {
      key: 'current',
      label: t('forecast.current'),
      isNumeric: true,
      render: (r) => formatNumber(r.currentBeds, locale),
    },
  ];
  return (
    <YearlyChart
      title={t('scenario.trendTitle')}
      rows={nation}
      lines={[
        { ...SERIES_STYLE.erlang, label: t('forecast.erlang'), y: (r) => r.bedsNeededErlang },
        { ...SERIES_STYLE.norm, label: t('forecast.norm'), y: (r) => r.bedsNeededNorm },
        { ...SERIES_STYLE.current, label: t('forecast.current'), y: (r) => r.currentBeds },
      ]}
      table={{ columns }}
      summarize={(first, last) =>
        t('scenario.trendSummary', {
          from: formatNumber(first.bedsNeededErlang, locale),
          to: formatNumber(last.bedsNeededErlang, locale),
        })
      }
    />
  );
}
