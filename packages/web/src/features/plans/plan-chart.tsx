import type { PlanYear } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatNumber, formatSigned } from '../../lib/format';
import { SERIES_STYLE, YearlyChart } from '../common/yearly-chart';
import { DataTable, numeric, type Column } from '../common/data-table';

export const PLAN_COLOUR = '#2e7d32';
const TARGET_COLOUR = '#7b1fa2';

/** The words for a year's verdict: short of the need, within its band, or over it. */
export function useVerdictText(): (verdict: PlanYear['verdict']) => string {
  const { t } = useI18n();
  return (verdict) =>
    verdict === 'short'
      ? t('plan.verdictShort')
      : verdict === 'over'
        ? t('plan.verdictOver')
        : t('plan.verdictWithin');
}

/** The plan to 2050: today's beds, the planned beds, the agreed targets and the need with band. */
export function PlanChart({ years, title }: { years: readonly PlanYear[]; title: string }) {
  const { t, locale } = useI18n();
  const last = years.at(-1);
  const shortYears = years.filter((y) => y.verdict === 'short').map((y) => y.year);
  const summary =
    last === undefined
      ? title
      : t('plan.summary', {
          year: last.year,
          planned: formatNumber(last.plannedBeds, locale),
          needed: formatNumber(last.bedsNeeded.p50, locale),
          current: formatNumber(last.currentBeds, locale),
          short: shortYears.length,
        });
  const hasTargets = years.some((y) => y.targetBeds !== null);
  return (
    <YearlyChart
      title={title}
      description={t('plan.chartDescription')}
      testId="plan-chart"
      summary={summary}
      rows={years}
      lines={[
        {
          ...SERIES_STYLE.erlang,
          id: 'needed',
          label: t('plan.needed'),
          y: (y) => y.bedsNeeded.p50,
        },
        { id: 'planned', label: t('plan.planned'), color: PLAN_COLOUR, y: (y) => y.plannedBeds },
        {
          ...SERIES_STYLE.current,
          id: 'current',
          label: t('plan.current'),
          y: (y) => y.currentBeds,
        },
        ...(hasTargets
          ? [
              {
                id: 'target',
                label: t('plan.target'),
                color: TARGET_COLOUR,
                dash: '8 4',
                y: (y: PlanYear) => y.targetBeds,
              },
            ]
          : []),
      ]}
      band={{
        label: t('plan.band'),
        range: (y) => ({ low: y.bedsNeeded.p10, high: y.bedsNeeded.p90 }),
      }}
      table={<PlanTable years={years} title={title} />}
    />
  );
}

/** The plan's numbers per year, the chart's table alternative. */
function PlanTable({ years, title }: { years: readonly PlanYear[]; title: string }) {
  const { t, locale } = useI18n();
  const verdictText = useVerdictText();
  const beds = (value: number | null) => formatNumber(value, locale);
  const columns: Column<PlanYear>[] = [
    { key: 'year', label: t('forecast.year'), render: (y) => y.year },
    ...numeric<PlanYear>([
      ['current', t('plan.current'), (y) => beds(y.currentBeds)],
      [
        'planned',
        t('plan.planned'),
        (y) => <span data-testid="planned-beds">{beds(y.plannedBeds)}</span>,
      ],
      ['agreed', t('plan.agreed'), (y) => beds(y.agreedBeds)],
      ['target', t('plan.target'), (y) => beds(y.targetBeds)],
      ['needed', t('plan.needed'), (y) => beds(y.bedsNeeded.p50)],
      ['band', t('plan.band'), (y) => `${beds(y.bedsNeeded.p10)}–${beds(y.bedsNeeded.p90)}`],
      ['difference', t('plan.difference'), (y) => formatSigned(y.difference, locale)],
    ]),
    { key: 'verdict', label: t('plan.verdict'), render: (y) => verdictText(y.verdict) },
  ];
  return (
    <DataTable
      caption={title}
      hideCaption
      columns={columns}
      rows={years}
      rowKey={(y) => String(y.year)}
      rowAttributes={(y) => ({ 'data-year': y.year, 'data-verdict': y.verdict })}
      testId="plan-table"
    />
  );
}
