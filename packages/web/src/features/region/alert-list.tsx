import type { AlertAcknowledgement, Hospice } from '@palliamonitor/contracts';
import { useApi } from '../../api/client';
import { hasRole, useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, formatPercent } from '../../lib/format';
import { Link } from '../../router';
import { regionAlerts, type Alert, type AlertThresholds } from '../alerts/alerts';
import { alertKey, AlertAcknowledgementView } from '../alerts/alert-acknowledgement';
import type { HospiceLive } from './cockpit-live';
import type { Controlled } from '../common/select-field';

// The bounds of the thresholds: the occupancy shares are set in whole percents.
const THRESHOLD_FIELDS = [
  { key: 'high', label: 'alerts.high', min: 50, max: 100, isShare: true },
  { key: 'low', label: 'alerts.low', min: 0, max: 90, isShare: true },
  { key: 'days', label: 'alerts.days', min: 1, max: 90, isShare: false },
] as const;

/** One bound of the alert thresholds: a whole number kept within its range. */
function ThresholdField({
  label,
  min,
  max,
  value,
  onChange,
}: { label: string; min: number; max: number } & Controlled<number>) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={String(value)}
        onChange={(e) => {
          const v = Number(e.target.value);
          onChange(Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min);
        }}
      />
    </label>
  );
}

export function ThresholdForm({ value, onChange }: Controlled<AlertThresholds>) {
  const { t } = useI18n();
  const pct = (v: number) => Math.round(v * 100);
  return (
    <details className="thresholds">
      <summary>
        {t('alerts.thresholds', {
          high: String(pct(value.high)),
          low: String(pct(value.low)),
          days: value.days,
        })}
      </summary>
      <div className="controls">
        {THRESHOLD_FIELDS.map((f) => (
          <ThresholdField
            key={f.key}
            label={t(f.label)}
            min={f.min}
            max={f.max}
            value={f.isShare ? pct(value[f.key]) : value[f.key]}
            onChange={(v) => onChange({ ...value, [f.key]: f.isShare ? v / 100 : v })}
          />
        ))}
      </div>
    </details>
  );
}

export function AlertList({
  live,
  hospices,
  thresholds,
  regionCode,
}: {
  live: ReadonlyMap<string, HospiceLive>;
  hospices: readonly Hospice[];
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
  const names = new Map(hospices.map((h) => [h.id, h.name]));
  const alerts = regionAlerts(
    hospices.map((h) => {
      const l = live.get(h.id);
      return {
        id: h.id,
        freshness: l?.status?.freshness ?? null,
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
