import type { BedStatus, Hospice } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { formatAge, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { DemoBadge } from '../common/ui';
import { DataTable, sortedNumber, type Column } from '../common/data-table';
import { TYPE_STYLE } from '../hospice/hospice-type';
import { BED_STATE_LABEL, bedStateOf } from '../live/bed-state';
import { SuppressedMark } from '../statistics/suppressed';
import { isSuppressedIn, occupancyOf, refusalsOf, type HospiceLive } from './cockpit-live';

/** The cockpit's table: each hospice with its beds, live state, last confirmation and figures. */
export function CockpitHospiceTable({
  hospices,
  live,
  regionName,
}: {
  hospices: readonly Hospice[];
  live: ReadonlyMap<string, HospiceLive>;
  regionName: string;
}) {
  const { t, locale } = useI18n();
  const now = new Date();
  /** A figure of the hospice's last month: "<5" where it is suppressed for this reader. */
  const lastMonth = (
    field: 'occupancy' | 'refusals',
    label: string,
    read: (live: HospiceLive | undefined) => number | null,
    format: (value: number | null) => string,
  ) =>
    sortedNumber<Hospice>(
      field,
      label,
      (h) => read(live.get(h.id)),
      (v, h) => (isSuppressedIn(live.get(h.id), field) ? <SuppressedMark /> : format(v)),
    );
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
    sortedNumber<Hospice>(
      'beds',
      t('figure.licensedBeds'),
      (h) => h.licensedBeds,
      (v) => formatNumber(v, locale),
    ),
    {
      key: 'freeNow',
      label: t('table.freeNow'),
      isNumeric: true,
      sortValue: (h) => bedStateOf(live.get(h.id)?.status).free,
      render: (h) => <FreeBeds status={live.get(h.id)?.status} />,
    },
    lastMonth('occupancy', t('table.occupancyLastMonth'), occupancyOf, (v) =>
      formatPercent(v, locale),
    ),
    {
      key: 'confirmed',
      label: t('table.lastConfirmed'),
      sortValue: (h) => live.get(h.id)?.status?.confirmedAt ?? null,
      render: (h) => <LastConfirmed status={live.get(h.id)?.status} now={now} />,
    },
    lastMonth('refusals', t('table.refusalsLastMonth'), refusalsOf, (v) => formatNumber(v, locale)),
  ];
  return (
    <DataTable
      testId="hospice-table"
      caption={t('region.tableCaption', { name: regionName })}
      columns={columns}
      rows={hospices}
      rowKey={(h) => h.id}
      initialSort={{ key: 'name', direction: 'ascending' }}
    />
  );
}

/** The free beds when the status says so, otherwise the state in words (full, stop, unknown). */
function FreeBeds({ status }: { status: BedStatus | null | undefined }) {
  const { t, locale } = useI18n();
  const { state, free } = bedStateOf(status);
  return state === 'free' ? (
    <span data-state={state}>{formatNumber(free, locale)}</span>
  ) : (
    <span className={`bed-state bed-state--${state}`} data-state={state}>
      {t(BED_STATE_LABEL[state])}
    </span>
  );
}

/** How long ago the status was last confirmed, marked stale when it is no longer fresh. */
function LastConfirmed({ status, now }: { status: BedStatus | null | undefined; now: Date }) {
  const { t, locale } = useI18n();
  if (status === undefined || status === null || !status.confirmedAt) {
    return <span className="status status--unknown">{t('status.never')}</span>;
  }
  const isFresh = status.freshness === 'fresh';
  return (
    <span className={isFresh ? 'status status--fresh' : 'status status--unknown'}>
      <time dateTime={status.confirmedAt} title={formatDateTime(status.confirmedAt, locale)}>
        {formatAge(status.confirmedAt, now, locale)}
      </time>
      {isFresh ? null : ` (${t('status.stale')})`}
    </span>
  );
}
