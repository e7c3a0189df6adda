import type { PlanYear } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatNumber, formatSigned } from '../../lib/format';
import { SERIES_STYLE, YearlyChart } from '../common/yearly-chart';
import { numeric, type Column } from '../common/data-table';

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
  const columns = usePlanColumns();
  const hasTargets = years.some((y) => y.targetBeds !== null);
  return (
    <YearlyChart
      title={title}
      rows={years}
      need={{
        id: 'needed',
        label: t('plan.needed'),
        bandLabel: t('plan.band'),
        value: (y) => y.bedsNeeded,
      }}
      lines={[
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
      table={{
        columns,
        hideCaption: true,
        rowAttributes: (y) => ({ 'data-year': y.year, 'data-verdict': y.verdict }),
        testId: 'plan-table',
      }}
      description={t('plan.chartDescription')}
      testId="plan-chart"
      summarize={(_, last) =>
        t('plan.summary', {
          year: last.year,
          planned: formatNumber(last.plannedBeds, locale),
          needed: formatNumber(last.bedsNeeded.p50, locale),
          current: formatNumber(last.currentBeds, locale),
          short: years.filter((y) => y.verdict === 'short').length,
        })
      }
    />
  );
}

/** The plan's numbers per year, the chart's table alternative. */
function usePlanColumns(): Column<PlanYear>[] {
  const { t, locale } = useI18n();
  const verdictText = useVerdictText();
  const beds = (value: number | null) => formatNumber(value, locale);
  return [
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
}
