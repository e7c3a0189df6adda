import type { PlanYear } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatNumber, formatSigned } from '../../lib/format';
import { LineChart } from '../../charts/line-chart';
import { ChartWithTable } from '../common/ui';
import { SERIES_COLORS } from '../forecast/forecast-chart';

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
    <ChartWithTable
      title={title}
      description={t('plan.chartDescription')}
      chart={
        <LineChart
          testId="plan-chart"
          summary={summary}
          formatY={(v) => formatNumber(v, locale)}
          series={[
            {
              id: 'needed',
              label: t('plan.needed'),
              color: SERIES_COLORS.erlang,
              points: years.map((y) => ({ x: y.year, y: y.bedsNeeded.p50 })),
            },
            {
              id: 'planned',
              label: t('plan.planned'),
              color: PLAN_COLOUR,
              points: years.map((y) => ({ x: y.year, y: y.plannedBeds })),
            },
            {
              id: 'current',
              label: t('plan.current'),
              color: SERIES_COLORS.current,
              dash: '2 3',
              points: years.map((y) => ({ x: y.year, y: y.currentBeds })),
            },
            ...(hasTargets
              ? [
                  {
                    id: 'target',
                    label: t('plan.target'),
                    color: TARGET_COLOUR,
                    dash: '8 4',
                    points: years.map((y) => ({ x: y.year, y: y.targetBeds })),
                  },
                ]
              : []),
          ]}
          band={{
            label: t('plan.band'),
            color: SERIES_COLORS.band,
            points: years.map((y) => ({
              x: y.year,
              low: y.bedsNeeded.p10,
              high: y.bedsNeeded.p90,
            })),
          }}
        />
      }
      table={<PlanTable years={years} title={title} />}
    />
  );
}

/** The plan's numbers per year, the chart's table alternative. */
function PlanTable({ years, title }: { years: readonly PlanYear[]; title: string }) {
  const { t, locale } = useI18n();
  const verdictText = useVerdictText();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
      <table className="data-table" data-testid="plan-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forecast.year')}</th>
            <th scope="col" className="num">
              {t('plan.current')}
            </th>
            <th scope="col" className="num">
              {t('plan.planned')}
            </th>
            <th scope="col" className="num">
              {t('plan.agreed')}
            </th>
            <th scope="col" className="num">
              {t('plan.target')}
            </th>
            <th scope="col" className="num">
              {t('plan.needed')}
            </th>
            <th scope="col" className="num">
              {t('plan.band')}
            </th>
            <th scope="col" className="num">
              {t('plan.difference')}
            </th>
            <th scope="col">{t('plan.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year} data-year={y.year} data-verdict={y.verdict}>
              <th scope="row">{y.year}</th>
              <td className="num">{formatNumber(y.currentBeds, locale)}</td>
              <td className="num" data-testid="planned-beds">
                {formatNumber(y.plannedBeds, locale)}
              </td>
              <td className="num">{formatNumber(y.agreedBeds, locale)}</td>
              <td className="num">{formatNumber(y.targetBeds, locale)}</td>
              <td className="num">{formatNumber(y.bedsNeeded.p50, locale)}</td>
              <td className="num">
                {`${formatNumber(y.bedsNeeded.p10, locale)}–${formatNumber(y.bedsNeeded.p90, locale)}`}
              </td>
              <td className="num">{formatSigned(y.difference, locale)}</td>
              <td>{verdictText(y.verdict)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
