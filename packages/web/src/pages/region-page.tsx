import { useMemo } from 'react';
import { ApiError, useApi } from '../api/client';
import type { Forecast, RegionCockpit } from '@palliamonitor/contracts';
import { useI18n } from '../i18n/i18n';
import { Breadcrumb } from '../features/common/breadcrumb';
import { Async, SyntheticNotice } from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';
import { WhenVisible } from '../features/common/when-visible';
import { HeadlineFigures } from '../features/overview/headline-figures';
import { NotFoundPage } from './not-found-page';
import { ReportLink } from '../features/report/report-link';
import { ForecastChart } from '../features/forecast/forecast-chart';
import { ForecastInputs } from '../features/forecast/forecast-inputs';
import { CapacityComparison } from '../features/forecast/capacity-comparison';
import { RegionPlanSection } from '../features/plans/region-plan';
import { CompletenessSection } from '../features/completeness/completeness-section';
import { TransformationPanel } from '../features/transformation/transformation-panel';
import { StatisticsSection } from '../features/statistics/trend';
import { ViabilitySignal } from '../features/viability/viability-signal';
import type { Feature } from '../maps/projection';
import { AuditLog } from '../features/audit/audit-log';
import { mayReadRegionAudit, useSession } from '../api/session';
import { cockpitLive } from '../features/region/cockpit-live';
import { HospicesAndAlerts } from '../features/region/hospices-and-alerts';

export function RegionPage({ code }: { code: string }) {
  const { t } = useI18n();
  // The whole first view in one request: region, figures, hospices, their live state, outline.
  const cockpit = useApi<RegionCockpit>(`/regions/${encodeURIComponent(code)}/cockpit`);
  usePageTitle(cockpit.state === 'ok' ? cockpit.data.region.name : t('region.title'));
  if (
    cockpit.state === 'error' &&
    cockpit.error instanceof ApiError &&
    cockpit.error.status === 404
  ) {
    return <NotFoundPage />;
  }
  if (cockpit.state === 'ok') {
    return <RegionContent cockpit={cockpit.data} />;
  }
  // The heading stands while the cockpit is computed (its figures can take a moment), so the
  // page says where the reader is from the start.
  return (
    <>
      <h1>
        {t('region.title')} <span className="h1-sub">{t('region.subtitle', { code })}</span>
      </h1>
      <Async value={cockpit} what={t('region.title')}>
        {() => null}
      </Async>
    </>
  );
}

function RegionContent({ cockpit }: { cockpit: RegionCockpit }) {
  const { t } = useI18n();
  const { region, figures } = cockpit;
  const live = useMemo(() => cockpitLive(cockpit), [cockpit]);
  const currentYear = Math.min(Math.max(Number(region.asOf.slice(0, 4)), 2024), 2050);
  const synthetic = region.hospices.filter((h) => h.isSynthetic).length;
  const session = useSession();
  const knownHospices = useMemo(
    () => Object.fromEntries(region.hospices.map((h) => [h.id, h.name])),
    [region.hospices],
  );
  const outline = cockpit.outline as Feature | null;
  return (
    <>
      <Breadcrumb current={region.name} />
      <h1>
        {region.name} <span className="h1-sub">{t('region.subtitle', { code: region.code })}</span>
      </h1>
      <SyntheticNotice count={synthetic} />
      <ReportLink code={region.code} />
      <dl className="key-figures">
        <HeadlineFigures
          figures={{
            facilities: region.hospices.length,
            licensedBeds: region.licensedBeds,
            bedsPer10k65Plus: figures?.bedsPer10k65Plus ?? null,
            population65Plus: figures?.population65Plus ?? null,
            populationYear: figures?.populationYear ?? null,
          }}
          asOf={region.asOf}
        />
      </dl>

      <HospicesAndAlerts
        hospices={cockpit.hospices}
        live={live}
        outline={outline}
        regionCode={region.code}
        regionName={region.name}
      />

      <section aria-labelledby="forecast-title">
        <h2 id="forecast-title">{t('region.forecastTitle')}</h2>
        <WhenVisible>
          <RegionForecast code={region.code} name={region.name} />
        </WhenVisible>
      </section>

      <section aria-labelledby="capacity-title">
        <h2 id="capacity-title">{t('region.capacityTitle')}</h2>
        <WhenVisible>
          <CapacityComparison code={region.code} currentYear={currentYear} />
        </WhenVisible>
      </section>

      <RegionPlanSection region={region} hospices={region.hospices} />
      <TransformationPanel region={region} />

      <StatisticsSection
        id="stats-title"
        heading={t('region.statsTitle')}
        path={`/regions/${region.code}/statistics?period=month`}
        title={t('region.statsChart', { name: region.name })}
        csvQuery="&byHospice=true"
      />

      <WhenVisible minHeight="4rem">
        <ViabilitySignal path={`/regions/${region.code}/viability`} />
      </WhenVisible>

      <CompletenessSection code={region.code} />

      {mayReadRegionAudit(session, region.code) ? (
        <section aria-labelledby="audit-title" className="panel">
          <h2 id="audit-title">{t('audit.title')}</h2>
          <p className="hint">{t('audit.lead')}</p>
          <WhenVisible>
            <AuditLog region={region.code} knownHospices={knownHospices} />
          </WhenVisible>
        </section>
      ) : null}
    </>
  );
}

function RegionForecast({ code, name }: { code: string; name: string }) {
  const { t } = useI18n();
  const forecast = useApi<Forecast>(`/regions/${code}/forecast?uncertainty=true&draws=300`);
  return (
    <Async value={forecast} what={t('forecast.what')}>
      {(f) => (
        <>
          <ForecastChart rows={f.rows} title={t('region.forecastChart', { name })} />
          <ForecastInputs forecast={f} />
        </>
      )}
    </Async>
  );
}
