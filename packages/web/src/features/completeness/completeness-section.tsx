import type { HospiceCompleteness, RegionCompleteness } from '@palliamonitor/contracts';
import { useApi } from '../../api/client';
import { hasRole, useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { Link } from '../../router';
import { Async } from '../common/ui';
import { DataTable, type Column } from '../common/data-table';
import { WhenVisible } from '../common/when-visible';

// Who is behind with reporting: for the region's regisseur and national readers (the server's
// rule, mirrored to decide whether to show the section at all). Below the first view, so it loads
// when scrolled to and adds nothing to the page's first requests.

const FIGURES_LABEL: Record<HospiceCompleteness['monthlyFigures']['state'], MessageKey> = {
  'on-time': 'completeness.figures.on-time',
  late: 'completeness.figures.late',
  missing: 'completeness.figures.missing',
  pending: 'completeness.figures.pending',
  'from-events': 'completeness.figures.from-events',
};

export function CompletenessSection({ code }: { code: string }) {
  const { t } = useI18n();
  const session = useSession();
  const mayRead =
    hasRole(session, 'administrator') ||
    hasRole(session, 'national-analyst') ||
    hasRole(session, 'regisseur', code);
  if (!mayRead) {
    return null;
  }
  return (
    <section aria-labelledby="completeness-title" className="panel" data-testid="completeness">
      <h2 id="completeness-title">{t('completeness.title')}</h2>
      <p className="hint">{t('completeness.lead')}</p>
      <WhenVisible>
        <CompletenessContent code={code} />
      </WhenVisible>
    </section>
  );
}

function CompletenessContent({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const data = useApi<RegionCompleteness>(`/regions/${encodeURIComponent(code)}/completeness`);
  const columns: Column<HospiceCompleteness>[] = [
    {
      key: 'name',
      label: t('completeness.col.hospice'),
      sortValue: (h) => h.name,
      render: (h) => <Link href={`/hospice/${encodeURIComponent(h.hospiceId)}`}>{h.name}</Link>,
    },
    {
      key: 'behind',
      label: t('completeness.col.state'),
      sortValue: (h) => (h.behind ? 0 : 1),
      render: (h) => (h.behind ? t('completeness.behind') : t('completeness.upToDate')),
    },
    {
      key: 'share28',
      label: t('completeness.col.share28'),
      isNumeric: true,
      sortValue: (h) => h.last28Days.share,
      render: (h) => formatPercent(h.last28Days.share, locale),
    },
    {
      key: 'shareMonth',
      label: t('completeness.col.shareMonth'),
      isNumeric: true,
      sortValue: (h) => h.lastMonth.share,
      render: (h) => formatPercent(h.lastMonth.share, locale),
    },
    {
      key: 'age',
      label: t('completeness.col.age'),
      isNumeric: true,
      sortValue: (h) => h.lastConfirmationAgeHours,
      render: (h) =>
        h.lastConfirmedAt === null
          ? t('completeness.never')
          : `${formatNumber(h.lastConfirmationAgeHours ?? 0, locale)} ${t('completeness.hours')}`,
    },
    {
      key: 'figures',
      label: t('completeness.col.figures'),
      sortValue: (h) => h.monthlyFigures.state,
      render: (h) => t(FIGURES_LABEL[h.monthlyFigures.state]),
    },
  ];
  return (
    <Async value={data} what={t('completeness.title')}>
      {(c) => (
        <>
          <p data-testid="completeness-summary">
            {t('completeness.summary', {
              behind: c.summary.behind,
              hospices: c.summary.hospices,
              share: formatPercent(c.summary.last28DaysShare, locale),
              onTime: c.summary.monthlyFiguresOnTime,
            })}
          </p>
          <DataTable
            caption={t('completeness.caption', { date: formatDateTime(c.asOf, locale) })}
            columns={columns}
            rows={c.hospices}
            rowKey={(h) => h.hospiceId}
            initialSort={{ key: 'behind', direction: 'ascending' }}
            testId="completeness-table"
          />
        </>
      )}
    </Async>
  );
}
