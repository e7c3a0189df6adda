import { useMemo, useState } from 'react';
import { ApiError, useApi, type Loadable } from '../api/client';
import type {
  AlertAcknowledgement,
  Forecast,
  Hospice,
  HospiceList,
  Overview,
  RegionDetail,
} from '@palliamonitor/contracts';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { formatAge, formatDateTime, formatNumber, formatPercent } from '../lib/format';
import { Async, DataTable, DemoBadge, SyntheticNotice, type Column } from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';
import { WhenVisible } from '../features/common/when-visible';
import { HeadlineFigures } from '../features/overview/headline-figures';
import { NotFoundPage } from './not-found-page';
import { ForecastChart } from '../features/forecast/forecast-chart';
import { ForecastInputs } from '../features/forecast/forecast-inputs';
import { CapacityComparison } from '../features/forecast/capacity-comparison';
import { RegionPlanSection } from '../features/plans/region-plan';
import { CompletenessSection } from '../features/completeness/completeness-section';
import { StatisticsTrend } from '../features/statistics/trend';
import { ViabilitySignal } from '../features/viability/viability-signal';
import { useRegionLive, type HospiceLive } from '../features/hospice/hospice-signals';
import { latestPeriod } from '../features/statistics/statistics';
import {
  DEFAULT_THRESHOLDS,
  regionAlerts,
  type Alert,
  type AlertThresholds,
} from '../features/alerts/alerts';
import { PointMap } from '../maps/point-map';
import { featureCode, type FeatureCollection } from '../maps/region-map';
import type { Feature } from '../maps/projection';
import { TYPE_STYLE } from '../features/hospice/hospice-type';
import { AuditLog } from '../features/audit/audit-log';
import { hasRole, mayReadRegionAudit, useSession } from '../api/session';
import { BED_STATE_COLOUR, BED_STATE_LABEL, bedStateOf } from '../features/live/bed-state';
import { BedStateLegend } from '../features/live/bed-state-legend';
import { alertKey, AlertAcknowledgementView } from '../features/alerts/alert-acknowledgement';

export function RegionPage({ code }: { code: string }) {
  const { t } = useI18n();
  const region = useApi<RegionDetail>(`/regions/${encodeURIComponent(code)}`);
  usePageTitle(region.state === 'ok' ? region.data.name : t('region.title'));
  if (region.state === 'error' && region.error instanceof ApiError && region.error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <Async value={region} what={t('region.title')}>
      {(r) => <RegionContent region={r} />}
    </Async>
  );
}

function RegionContent({ region }: { region: RegionDetail }) {
  const { t } = useI18n();
  const overview = useApi<Overview>('/overview');
  const hospices = useApi<HospiceList>(`/hospices?region=${region.code}&open=true&limit=500`);
  const boundaries = useApi<FeatureCollection>('/boundaries?layer=zorgkantoorregio');
  const figures =
    overview.state === 'ok' ? overview.data.regions.find((r) => r.code === region.code) : undefined;
  const currentYear = Math.min(Math.max(Number(region.asOf.slice(0, 4)), 2024), 2050);
  const synthetic = region.hospices.filter((h) => h.isSynthetic).length;
  const session = useSession();
  const knownHospices = useMemo(
    () => Object.fromEntries(region.hospices.map((h) => [h.id, h.name])),
    [region.hospices],
  );
  const outline =
    boundaries.state === 'ok'
      ? (boundaries.data.features.find((f) => featureCode(f) === region.code) ?? null)
      : null;
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link href="/">{t('nav.overview')}</Link>
          </li>
          <li aria-current="page">{region.name}</li>
        </ol>
      </nav>
      <h1>
        {region.name} <span className="h1-sub">{t('region.subtitle', { code: region.code })}</span>
      </h1>
      <SyntheticNotice count={synthetic} />
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

      <Async value={hospices} what={t('region.hospicesWhat')}>
        {(page) => (
          <HospicesAndAlerts
            hospices={page.items}
            outline={outline}
            regionCode={region.code}
            regionName={region.name}
          />
        )}
      </Async>

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

      <section aria-labelledby="stats-title">
        <h2 id="stats-title">{t('region.statsTitle')}</h2>
        <WhenVisible>
          <StatisticsTrend
            path={`/regions/${region.code}/statistics?period=month`}
            title={t('region.statsChart', { name: region.name })}
            csvQuery="&byHospice=true"
          />
        </WhenVisible>
      </section>

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

function occupancyOf(live: HospiceLive | undefined): number | null {
  const stats = live?.stats;
  return stats === null || stats === undefined ? null : (latestPeriod(stats)?.occupancy ?? null);
}

function refusalsOf(live: HospiceLive | undefined): number | null {
  const stats = live?.stats;
  return stats === null || stats === undefined ? null : (latestPeriod(stats)?.refusals ?? null);
}

function HospicesAndAlerts({
  hospices,
  outline,
  regionCode,
  regionName,
}: {
  hospices: Hospice[];
  outline: Feature | null;
  regionCode: string;
  regionName: string;
}) {
  const { t, locale } = useI18n();
  const live = useRegionLive(regionCode);
  const [thresholds, setThresholds] = useState<AlertThresholds>(DEFAULT_THRESHOLDS);
  const liveMap = live.state === 'ok' ? live.data : null;
  const now = new Date();
  const columns: Column<Hospice>[] = [
    {
      key: 'name',
      label: t('table.hospice'),
      sortValue: (h) => h.name,
      render: (h) => (
        <>
          <Link href={`/hospice/${h.id}`}>{h.name}</Link> {h.isSynthetic ? <DemoBadge /> : null}
        </>
      ),
    },
    { key: 'place', label: t('table.place'), sortValue: (h) => h.place, render: (h) => h.place },
    {
      key: 'type',
      label: t('table.type'),
      sortValue: (h) => t(TYPE_STYLE[h.type].label),
      render: (h) => t(TYPE_STYLE[h.type].label),
    },
    {
      key: 'beds',
      label: t('figure.licensedBeds'),
      isNumeric: true,
      sortValue: (h) => h.licensedBeds,
      render: (h) => formatNumber(h.licensedBeds, locale),
    },
    {
      key: 'freeNow',
      label: t('table.freeNow'),
      isNumeric: true,
      sortValue: (h) => (liveMap === null ? null : bedStateOf(liveMap.get(h.id)?.status).free),
      render: (h) => {
        if (liveMap === null) {
          return '–';
        }
        const { state, free } = bedStateOf(liveMap.get(h.id)?.status);
        return state === 'free' ? (
          <span data-state={state}>{formatNumber(free, locale)}</span>
        ) : (
          <span className={`bed-state bed-state--${state}`} data-state={state}>
            {t(BED_STATE_LABEL[state])}
          </span>
        );
      },
    },
    {
      key: 'occupancy',
      label: t('table.occupancyLastMonth'),
      isNumeric: true,
      sortValue: (h) => occupancyOf(liveMap?.get(h.id)),
      render: (h) => formatPercent(occupancyOf(liveMap?.get(h.id)), locale),
    },
    {
      key: 'confirmed',
      label: t('table.lastConfirmed'),
      sortValue: (h) => liveMap?.get(h.id)?.status?.confirmedAt ?? null,
      render: (h) => {
        if (liveMap === null) {
          return '–';
        }
        const status = liveMap.get(h.id)?.status;
        if (status === undefined || status === null || !status.confirmedAt) {
          return <span className="status status--unknown">{t('status.never')}</span>;
        }
        const isFresh = status['freshness'] === 'fresh';
        return (
          <span className={isFresh ? 'status status--fresh' : 'status status--unknown'}>
            <time dateTime={status.confirmedAt} title={formatDateTime(status.confirmedAt, locale)}>
              {formatAge(status.confirmedAt, now, locale)}
            </time>
            {isFresh ? null : ` (${t('status.stale')})`}
          </span>
        );
      },
    },
    {
      key: 'refusals',
      label: t('table.refusalsLastMonth'),
      isNumeric: true,
      sortValue: (h) => refusalsOf(liveMap?.get(h.id)),
      render: (h) => formatNumber(refusalsOf(liveMap?.get(h.id)), locale),
    },
  ];
  const located = hospices.filter((h) => h.latitude !== null && h.longitude !== null);
  return (
    <>
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('alerts.title')}</h2>
        <ThresholdForm value={thresholds} onChange={setThresholds} />
        <AlertList
          live={live}
          hospices={hospices}
          thresholds={thresholds}
          regionCode={regionCode}
        />
      </section>
      <section aria-labelledby="hospices-title">
        <h2 id="hospices-title">{t('region.hospicesTitle', { count: hospices.length })}</h2>
        <div className="map-layout map-layout--points">
          <PointMap
            testId="hospice-map"
            label={t('region.mapLabel', { count: located.length, name: regionName })}
            outline={outline}
            points={located.map((h) => {
              // The live state on the map: free, full or admission stop, or unknown when stale.
              const { state, free } = bedStateOf(liveMap?.get(h.id)?.status);
              const stateText =
                state === 'free'
                  ? t('beds.freeCount', { count: free ?? 0 })
                  : t(BED_STATE_LABEL[state]);
              return {
                id: h.id,
                latitude: h.latitude!,
                longitude: h.longitude!,
                label: `${h.name} (${t(TYPE_STYLE[h.type].label)}, ${h.licensedBeds} ${t('common.beds')}): ${stateText}`,
                caption: h.place,
                color: BED_STATE_COLOUR[state],
                shape: state === 'free' ? ('circle' as const) : ('square' as const),
              };
            })}
          />
          <BedStateLegend unknownLabel="region.legendStale" />
        </div>
        {live.state === 'unavailable' ? (
          <p className="hint">{t('region.liveUnavailable')}</p>
        ) : null}
        <DataTable
          testId="hospice-table"
          caption={t('region.tableCaption', { name: regionName })}
          columns={columns}
          rows={hospices}
          rowKey={(h) => h.id}
          initialSort={{ key: 'name', direction: 'ascending' }}
        />
      </section>
    </>
  );
}

function ThresholdForm({
  value,
  onChange,
}: {
  value: AlertThresholds;
  onChange: (v: AlertThresholds) => void;
}) {
  const { t } = useI18n();
  const pct = (v: number) => String(Math.round(v * 100));
  const clamp = (v: number, min: number, max: number) =>
    Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min;
  return (
    <details className="thresholds">
      <summary>
        {t('alerts.thresholds', { high: pct(value.high), low: pct(value.low), days: value.days })}
      </summary>
      <div className="controls">
        <label className="field">
          <span className="field__label">{t('alerts.high')}</span>
          <input
            type="number"
            min={50}
            max={100}
            value={pct(value.high)}
            onChange={(e) =>
              onChange({ ...value, high: clamp(Number(e.target.value), 50, 100) / 100 })
            }
          />
        </label>
        <label className="field">
          <span className="field__label">{t('alerts.low')}</span>
          <input
            type="number"
            min={0}
            max={90}
            value={pct(value.low)}
            onChange={(e) =>
              onChange({ ...value, low: clamp(Number(e.target.value), 0, 90) / 100 })
            }
          />
        </label>
        <label className="field">
          <span className="field__label">{t('alerts.days')}</span>
          <input
            type="number"
            min={1}
            max={90}
            value={value.days}
            onChange={(e) => onChange({ ...value, days: clamp(Number(e.target.value), 1, 90) })}
          />
        </label>
      </div>
    </details>
  );
}

function AlertList({
  live,
  hospices,
  thresholds,
  regionCode,
}: {
  live: Loadable<Map<string, HospiceLive>>;
  hospices: Hospice[];
  thresholds: AlertThresholds;
  regionCode: string;
}) {
  const { t, locale } = useI18n();
  const session = useSession();
  // Acknowledgements are for the region's staff (its regisseurs, analysts, administrators).
  const mayRead =
    hasRole(session, 'administrator') ||
    hasRole(session, 'national-analyst') ||
    hasRole(session, 'regisseur', regionCode);
  const mayAcknowledge =
    hasRole(session, 'administrator') || hasRole(session, 'regisseur', regionCode);
  const acknowledgements = useApi<{ items: AlertAcknowledgement[] }>(
    mayRead ? `/regions/${regionCode}/alert-acknowledgements` : null,
  );
  const acknowledged = new Map(
    acknowledgements.state === 'ok' ? acknowledgements.data.items.map((a) => [a.alertKey, a]) : [],
  );
  if (live.state !== 'ok') {
    return (
      <Async value={live} what={t('alerts.what')}>
        {() => null}
      </Async>
    );
  }
  const names = new Map(hospices.map((h) => [h.id, h.name]));
  const alerts = regionAlerts(
    hospices.map((h) => {
      const l = live.data.get(h.id);
      const freshness = l?.status?.['freshness'];
      return {
        id: h.id,
        freshness: typeof freshness === 'string' ? freshness : null,
        confirmedAt: l?.status?.confirmedAt ?? null,
        months: l?.stats?.items ?? [],
        daily: l?.stats?.daily ?? [],
      };
    }),
    thresholds,
  );
  if (alerts.length === 0) {
    return <p className="notice notice--ok">{t('alerts.none')}</p>;
  }
  const text = (a: Alert): string => {
    switch (a.kind) {
      case 'stale':
        return a.detail['confirmedAt'] === ''
          ? t('alerts.staleNever')
          : t('alerts.stale', {
              date: formatDateTime(String(a.detail['confirmedAt']), locale),
            });
      case 'high':
        return t('alerts.highText', {
          days: a.detail['days']!,
          threshold: formatPercent(Number(a.detail['threshold']), locale),
        });
      case 'low':
        return t('alerts.lowText', {
          days: a.detail['days']!,
          threshold: formatPercent(Number(a.detail['threshold']), locale),
        });
      case 'refusals':
        return t('alerts.refusalsText', { refusals: a.detail['refusals']! });
      case 'risk':
        return t('alerts.riskText', {
          months: a.detail['months']!,
          occupancy: formatPercent(Number(a.detail['occupancy']), locale),
        });
    }
  };
  const KIND_LABEL = {
    stale: t('alerts.kindStale'),
    high: t('alerts.kindHigh'),
    low: t('alerts.kindLow'),
    refusals: t('alerts.kindRefusals'),
    risk: t('alerts.kindRisk'),
  } as const;
  const shown = alerts.slice(0, 40);
  return (
    <>
      <p>{t('alerts.summary', { count: alerts.length })}</p>
      <ul className="alerts" data-testid="alerts">
        {shown.map((a) => (
          <li
            key={`${a.kind}-${a.hospiceId}`}
            className={`alert alert--${a.kind}`}
            data-alert-key={alertKey(a)}
          >
            <span className="alert__kind">{KIND_LABEL[a.kind]}</span>{' '}
            <Link href={`/hospice/${a.hospiceId}`}>{names.get(a.hospiceId)}</Link>: {text(a)}
            {mayRead ? (
              <AlertAcknowledgementView
                regionCode={regionCode}
                alert={a}
                what={`${KIND_LABEL[a.kind]}: ${names.get(a.hospiceId) ?? ''}`}
                current={acknowledged.get(alertKey(a))}
                mayAcknowledge={mayAcknowledge}
                onSaved={acknowledgements.reload}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {alerts.length > shown.length ? (
        <p className="hint">{t('alerts.more', { count: alerts.length - shown.length })}</p>
      ) : null}
    </>
  );
}
