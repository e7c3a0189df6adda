import { TRANSFORMATION_STATUSES, type TransformationPlans } from '@palliamonitor/contracts';
import { useApi } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { RegionMap, type FeatureCollection } from '../../maps/region-map';
import { Async } from '../common/ui';
import { STATUS_KEY, STATUS_SCALE, statusIndex } from './transformation-status';

// The national map of the transformation plans: every region's status from one request, on the
// overview's map component (official boundaries when imported, else the tile grid).

export function TransformationMap() {
  const { t } = useI18n();
  const plans = useApi<TransformationPlans>('/transformation-plans');
  const boundaries = useApi<FeatureCollection>('/boundaries?layer=zorgkantoorregio');
  const statusOf = (value: number | null) =>
    value === null
      ? t('transformation.status.not-started')
      : t(STATUS_KEY[TRANSFORMATION_STATUSES[value] ?? 'not-started']);
  return (
    <section aria-labelledby="transformation-map-title" data-testid="transformation-map">
      <h2 id="transformation-map-title">{t('transformation.mapTitle')}</h2>
      <p className="hint">{t('transformation.mapLead')}</p>
      <Async value={plans} what={t('transformation.what')}>
        {(p) => (
          <div className="map-layout">
            <RegionMap
              regions={p.items.map((i) => ({ code: i.region, name: i.name }))}
              values={new Map(p.items.map((i) => [i.region, statusIndex(i.status)]))}
              scale={STATUS_SCALE}
              indicator={t('transformation.statusLabel')}
              formatValue={statusOf}
              hrefFor={(code) => `/regio/${code}`}
              boundaries={boundaries.state === 'ok' ? boundaries.data : null}
            />
            <div className="legend" data-testid="transformation-legend">
              <p className="legend__title">{t('transformation.statusLabel')}</p>
              <ul>
                {STATUS_SCALE.classes.map((c) => (
                  <li key={c.color}>
                    <span
                      className="legend__swatch"
                      style={{ background: c.color }}
                      aria-hidden="true"
                    />
                    {statusOf(c.from)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </Async>
    </section>
  );
}
