import type { RegionPlan } from '@palliamonitor/contracts';
import { API, useApi } from '../../api/client';
import { mayReadRegionAudit, useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { Async } from '../common/ui';
import { WhenVisible } from '../common/when-visible';
import { PlanChart } from './plan-chart';
import { PlanEditor } from './plan-editor';

/**
 * The cockpit's plan section: today's, planned and needed beds per year to 2050, where the plan
 * falls short or overshoots, the export, and for the region's regisseur the editor.
 */
export function RegionPlanSection({
  region,
  hospices,
}: {
  region: { code: string; name: string };
  hospices: readonly { id: string; name: string }[];
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="plan-title" data-testid="region-plan">
      <h2 id="plan-title">{t('plan.title')}</h2>
      <p className="hint">{t('plan.lead')}</p>
      {/* Below the first view: the plan (a computation on the server) loads when scrolled to. */}
      <WhenVisible>
        <RegionPlanContent region={region} hospices={hospices} />
      </WhenVisible>
    </section>
  );
}

function RegionPlanContent({
  region,
  hospices,
}: {
  region: { code: string; name: string };
  hospices: readonly { id: string; name: string }[];
}) {
  const { t, locale } = useI18n();
  const session = useSession();
  const plan = useApi<RegionPlan>(`/regions/${region.code}/plan`);
  // The same rule as the server's: the region's own regisseur, or an administrator.
  const mayEdit = mayReadRegionAudit(session, region.code);
  return (
    <Async value={plan} what={t('plan.what')}>
      {(p) => {
        const short = p.years.filter((y) => y.verdict === 'short');
        const over = p.years.filter((y) => y.verdict === 'over');
        return (
          <>
            <p data-testid="plan-version">
              {p.version === 0
                ? t('plan.none')
                : t('plan.version', {
                    version: p.version,
                    date: formatDateTime(p.savedAt ?? '', locale),
                  })}{' '}
              {short.length > 0
                ? t('plan.shortFrom', { year: short[0]!.year, count: short.length })
                : null}{' '}
              {over.length > 0
                ? t('plan.overFrom', { year: over[0]!.year, count: over.length })
                : null}
            </p>
            <PlanChart years={p.years} title={t('plan.chart', { name: region.name })} />
            <p>
              <a href={`${API}/regions/${region.code}/plan?format=csv`} download>
                {t('plan.csv')}
              </a>{' '}
              · <a href={`${API}/regions/${region.code}/plan`}>{t('plan.json')}</a>
            </p>
            {mayEdit ? <PlanEditor plan={p} hospices={hospices} onSaved={plan.reload} /> : null}
          </>
        );
      }}
    </Async>
  );
}
