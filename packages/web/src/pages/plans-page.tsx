import type { PlanYear, PlansOverview, RegionPlan } from '@palliamonitor/contracts';
import { API, useApi } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { formatNumber, formatSigned } from '../lib/format';
import { Async } from '../features/common/ui';
import { DataTable, regionColumn, type Column } from '../features/common/data-table';
import { PageHeading } from '../features/common/page-heading';
import { useVerdictText } from '../features/plans/plan-chart';
import { WhenVisible } from '../features/common/when-visible';
import { TransformationMap } from '../features/transformation/transformation-map';

// /plannen: every zorgkantoorregio's bed plan against the need, side by side, from one request.

const YEARS = [2030, 2040, 2050] as const;

function yearOf(plan: RegionPlan, year: number): PlanYear | undefined {
  return plan.years.find((y) => y.year === year);
}

export function PlansPage() {
  const { t, locale } = useI18n();
  const plans = useApi<PlansOverview>('/plans');
  const verdictText = useVerdictText();
  const columns: Column<RegionPlan>[] = [
    regionColumn('region', t('plans.region'), (p) => ({ code: p.region, name: p.name })),
    {
      key: 'version',
      label: t('plans.version'),
      sortValue: (p) => p.version,
      isNumeric: true,
      render: (p) => (p.version === 0 ? t('plans.noPlan') : formatNumber(p.version, locale)),
    },
    {
      key: 'current',
      label: t('plan.current'),
      sortValue: (p) => p.years[0]?.currentBeds ?? null,
      isNumeric: true,
      render: (p) => formatNumber(p.years[0]?.currentBeds, locale),
    },
    ...YEARS.map((year): Column<RegionPlan> => ({
      key: `y${year}`,
      label: t('plans.plannedVsNeeded', { year }),
      sortValue: (p) => yearOf(p, year)?.difference ?? null,
      isNumeric: true,
      render: (p) => {
        const y = yearOf(p, year);
        return y === undefined ? (
          '–'
        ) : (
          <span data-verdict={y.verdict}>
            {t('plans.cell', {
              planned: formatNumber(y.plannedBeds, locale),
              needed: formatNumber(y.bedsNeeded.p50, locale),
              difference: formatSigned(y.difference, locale),
            })}{' '}
            <span className={`verdict verdict--${y.verdict}`}>{verdictText(y.verdict)}</span>
          </span>
        );
      },
    })),
  ];
  return (
    <>
      <PageHeading title="plans.title" lead="plans.lead" />
      <p>
        <Link href="/organisatie">{t('organisation.title')}</Link>
      </p>
      <Async value={plans} what={t('plan.what')}>
        {(overview) => (
          <>
            <DataTable
              testId="plans-table"
              caption={t('plans.caption', { count: overview.regions.length })}
              columns={columns}
              rows={overview.regions}
              rowKey={(p) => p.region}
            />
            <p>
              <a href={`${API}/plans?format=csv`} download>
                {t('plan.csv')}
              </a>{' '}
              · <a href={`${API}/plans`}>{t('plan.json')}</a>
            </p>
            {/* Below the table, placed once the table is in (while it loads, the place would be
                in view at once): its two requests wait until the reader scrolls to it. */}
            <WhenVisible>
              <TransformationMap />
            </WhenVisible>
          </>
        )}
      </Async>
    </>
  );
}
