import { useMemo } from 'react';
import { useApi } from '../api/client';
import type { Forecast, Overview, RegionFigures } from '@palliamonitor/contracts';
import { useI18n } from '../i18n/i18n';
import { replaceSearch, useLocation } from '../router';
import { formatDate, formatNumber, formatPercent, formatSigned, type Locale } from '../lib/format';
import { divergingScale, sequentialScale } from '../lib/color-scale';
import { Async, SyntheticNotice } from '../features/common/ui';
import { DataTable, regionColumn, sortedNumeric, type Column } from '../features/common/data-table';
import { PageHeading } from '../features/common/page-heading';
import { HeadlineFigures } from '../features/overview/headline-figures';
import { WhenVisible } from '../features/common/when-visible';
import { RegionMap, MapLegend, type FeatureCollection } from '../maps/region-map';
import {
  INDICATORS,
  INDICATOR_KIND,
  INDICATOR_LABELS,
  isIndicator,
  useIndicatorValues,
  type Indicator,
} from '../features/overview/indicators';
import { ForecastChart } from '../features/forecast/forecast-chart';
import { ForecastInputs } from '../features/forecast/forecast-inputs';
import { ReportLink } from '../features/report/report-link';
import { NationalTrend } from '../features/statistics/trend';
import { SuppressedMark } from '../features/statistics/suppressed';
import { SelectField, yearChoices } from '../features/common/select-field';

const FIRST_YEAR = 2024;
const LAST_YEAR = 2050;

export function formatIndicator(
  indicator: Indicator,
  value: number | null,
  locale: Locale,
): string {
  switch (INDICATOR_KIND[indicator].format) {
    case 'number':
      return formatNumber(value, locale);
    case 'decimal':
      return formatNumber(value, locale, 1);
    case 'percent':
      return formatPercent(value, locale);
    case 'signed':
      return formatSigned(value, locale);
  }
}

export function HomePage() {
  const { t } = useI18n();
  const overview = useApi<Overview>('/overview');
  const boundaries = useApi<FeatureCollection>('/boundaries?layer=zorgkantoorregio');
  return (
    <>
      <PageHeading title="home.title" lead="home.lead" />
      <ReportLink code="NL" />
      <Async value={overview} what={t('home.overviewWhat')}>
        {(data) => (
          <OverviewContent
            overview={data}
            boundaries={boundaries.state === 'ok' ? boundaries.data : null}
          />
        )}
      </Async>
    </>
  );
}

function OverviewContent({
  overview,
  boundaries,
}: {
  overview: Overview;
  boundaries: FeatureCollection | null;
}) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const rawIndicator = params.get('indicator');
  const indicator: Indicator = isIndicator(rawIndicator) ? rawIndicator : 'bedsPer10k65Plus';
  const currentYear = Math.min(Math.max(Number(overview.asOf.slice(0, 4)), FIRST_YEAR), LAST_YEAR);
  const rawYear = Number(params.get('jaar'));
  const year =
    Number.isInteger(rawYear) && rawYear >= FIRST_YEAR && rawYear <= LAST_YEAR ? rawYear : 2035;
  const values = useIndicatorValues(overview, indicator, year);
  const label =
    indicator === 'gapYear'
      ? t('indicator.gapYearIn', { year })
      : indicator === 'gapNow'
        ? t('indicator.gapYearIn', { year: currentYear })
        : t(INDICATOR_LABELS[indicator]);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    replaceSearch(next);
  };
  const n = overview.national;

  return (
    <>
      <SyntheticNotice count={n.syntheticFacilities} />
      <section aria-labelledby="totals-title">
        <h2 id="totals-title">{t('home.totals', { date: formatDate(overview.asOf, locale) })}</h2>
        <dl className="key-figures" data-testid="national-totals">
          <HeadlineFigures figures={n} asOf={overview.asOf} />
        </dl>
      </section>

      <section aria-labelledby="map-title" className="map-section">
        <h2 id="map-title">{t('home.mapTitle')}</h2>
        <div className="controls">
          <SelectField
            label={t('home.indicator')}
            value={indicator}
            choices={INDICATORS.map((i) => ({ value: i, label: t(INDICATOR_LABELS[i]) }))}
            onChange={(v) => set('indicator', v)}
            testId="indicator-select"
          />
          {indicator === 'gapYear' ? (
            <SelectField
              label={t('home.year')}
              value={year}
              choices={yearChoices(FIRST_YEAR, LAST_YEAR)}
              onChange={(v) => set('jaar', v)}
            />
          ) : null}
        </div>
        {indicator === 'gapNow' || indicator === 'gapYear' ? (
          <p className="hint">{t('home.gapHint')}</p>
        ) : null}
        <Async value={values} what={label}>
          {(data) => (
            <MapAndTable
              overview={overview}
              values={data.values}
              suppressed={data.suppressed}
              indicator={indicator}
              label={label}
              boundaries={boundaries}
            />
          )}
        </Async>
      </section>

      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{t('home.trendTitle')}</h2>
        <WhenVisible>
          <NationalForecast />
        </WhenVisible>
        <WhenVisible>
          <NationalTrend />
        </WhenVisible>
      </section>
    </>
  );
}

function NationalForecast() {
  const { t } = useI18n();
  const forecast = useApi<Forecast>('/regions/NL/forecast?uncertainty=true&draws=200');
  return (
    <Async value={forecast} what={t('forecast.what')}>
      {(f) => (
        <>
          <ForecastChart rows={f.rows} title={t('home.forecastTitle')} />
          <ForecastInputs forecast={f} />
        </>
      )}
    </Async>
  );
}

function MapAndTable({
  overview,
  values,
  suppressed,
  indicator,
  label,
  boundaries,
}: {
  overview: Overview;
  values: Map<string, number | null>;
  /** Regions whose value is a small count the caller may not see: "<5" on the map and in the table. */
  suppressed: ReadonlySet<string>;
  indicator: Indicator;
  label: string;
  boundaries: FeatureCollection | null;
}) {
  const { t, locale } = useI18n();
  const scale = useMemo(
    () =>
      INDICATOR_KIND[indicator].scale === 'diverging'
        ? divergingScale([...values.values()])
        : sequentialScale([...values.values()]),
    [values, indicator],
  );
  const format = (v: number | null) => formatIndicator(indicator, v, locale);
  const allColumns: Column<RegionFigures>[] = [
    regionColumn('name', t('table.region'), (r) => r),
    {
      key: 'indicator',
      label,
      isNumeric: true,
      sortValue: (r) => values.get(r.code) ?? null,
      render: (r) =>
        suppressed.has(r.code) ? <SuppressedMark /> : format(values.get(r.code) ?? null),
    },
    ...sortedNumeric<RegionFigures>([
      ['facilities', t('figure.facilities'), (r) => r.facilities, (v) => formatNumber(v, locale)],
      ['beds', t('figure.licensedBeds'), (r) => r.licensedBeds, (v) => formatNumber(v, locale)],
      [
        'per10k',
        t('figure.bedsPer10k65PlusShort'),
        (r) => r.bedsPer10k65Plus,
        (v) => formatNumber(v, locale, 1),
      ],
    ]),
  ];
  const columns = allColumns.filter(
    // The indicator column already shows these two; do not repeat them.
    (c) =>
      !(c.key === 'per10k' && indicator === 'bedsPer10k65Plus') &&
      !(c.key === 'beds' && indicator === 'licensedBeds'),
  );
  return (
    <>
      <div className="map-layout">
        <RegionMap
          regions={overview.regions}
          values={values}
          scale={scale}
          indicator={label}
          formatValue={format}
          hrefFor={(code) => `/regio/${code}`}
          boundaries={boundaries}
          suppressed={suppressed}
        />
        <div>
          <MapLegend scale={scale} indicator={label} formatValue={format} />
          <p className="hint">{boundaries === null ? t('map.tileNote') : t('map.boundaryNote')}</p>
        </div>
      </div>
      <DataTable
        testId="region-table"
        caption={t('home.tableCaption', { indicator: label })}
        columns={columns}
        rows={overview.regions}
        rowKey={(r) => r.code}
      />
    </>
  );
}
