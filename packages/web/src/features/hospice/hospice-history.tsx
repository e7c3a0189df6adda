import { useApi } from '../../api/client';
import type { HospiceHistory } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import type { MessageKey } from '../../i18n/nl';
import { Async } from '../common/ui';
import { DataTable, type Column } from '../common/data-table';
import { TYPE_STYLE } from './hospice-type';

type Version = HospiceHistory['versions'][number];

/** The registry's versions of one hospice, newest first: what changed, when, and who recorded it. */
export function HospiceHistoryTable({
  hospiceId,
  fieldLabels,
  recordedByLabel,
}: {
  hospiceId: string;
  fieldLabels: Readonly<Record<string, MessageKey>>;
  recordedByLabel: (who: string) => string;
}) {
  const { t, locale } = useI18n();
  const history = useApi<HospiceHistory>(`/hospices/${encodeURIComponent(hospiceId)}/history`);
  const columns: Column<Version>[] = [
    {
      key: 'validFrom',
      label: t('hospice.validFrom'),
      render: (v) => formatDate(v.validFrom, locale),
    },
    {
      key: 'validTo',
      label: t('hospice.validTo'),
      render: (v) => (v.validTo === null ? t('hospice.now') : formatDate(v.validTo, locale)),
    },
    {
      key: 'changed',
      label: t('hospice.changed'),
      render: (v) =>
        v.changed.length === 0
          ? t('hospice.firstVersion')
          : v.changed.map((c) => (fieldLabels[c] ? t(fieldLabels[c]) : c)).join(', '),
    },
    {
      key: 'beds',
      label: t('field.licensedBeds'),
      isNumeric: true,
      render: (v) => formatNumber(v.values['licensedBeds'] as number, locale),
    },
    {
      key: 'type',
      label: t('field.type'),
      render: (v) => {
        const type = v.values['type'];
        return typeof type === 'string' && type in TYPE_STYLE
          ? t(TYPE_STYLE[type as keyof typeof TYPE_STYLE].label)
          : String(type);
      },
    },
    {
      key: 'recorded',
      label: t('hospice.recorded'),
      render: (v) => `${formatDateTime(v.recordedAt, locale)} · ${recordedByLabel(v.recordedBy)}`,
    },
  ];
  return (
    <Async value={history} what={t('hospice.historyTitle')}>
      {(h) => (
        <DataTable
          testId="history-table"
          caption={t('hospice.historyCaption')}
          columns={columns}
          rows={[...h.versions].reverse()}
          rowKey={(v) => `${v.validFrom}-${v.recordedAt}`}
        />
      )}
    </Async>
  );
}
