import { useState } from 'react';
import type { Hospice } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { PointMap } from '../../maps/point-map';
import type { Feature } from '../../maps/projection';
import { DEFAULT_THRESHOLDS, type AlertThresholds } from '../alerts/alerts';
import { TYPE_STYLE } from '../hospice/hospice-type';
import { BED_STATE_COLOUR, BED_STATE_LABEL, bedStateOf } from '../live/bed-state';
import { BedStateLegend } from '../live/bed-state-legend';
import { AlertList, ThresholdForm } from './alert-list';
import type { HospiceLive } from './cockpit-live';
import { CockpitHospiceTable } from './hospice-table';

/** The cockpit's first view: what needs attention, then every hospice on the map and in the table. */
export function HospicesAndAlerts({
  hospices,
  live,
  outline,
  regionCode,
  regionName,
}: {
  hospices: readonly Hospice[];
  live: ReadonlyMap<string, HospiceLive>;
  outline: Feature | null;
  regionCode: string;
  regionName: string;
}) {
  const { t } = useI18n();
  const [thresholds, setThresholds] = useState<AlertThresholds>(DEFAULT_THRESHOLDS);
  return (
    <>
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('alerts.title')}</h2>
        <ThresholdForm value={thresholds} onChange={setThresholds} />
        <AlertList
          live={live}
          hospices={hospices}
          thresholds={thresholds}
          regionCode={regionCode}
        />
      </section>
      <section aria-labelledby="hospices-title">
        <h2 id="hospices-title">{t('region.hospicesTitle', { count: hospices.length })}</h2>
        <div className="map-layout map-layout--points">
          <CockpitMap hospices={hospices} live={live} outline={outline} regionName={regionName} />
          <BedStateLegend unknownLabel="region.legendStale" />
        </div>
        <CockpitHospiceTable hospices={hospices} live={live} regionName={regionName} />
      </section>
    </>
  );
}

function CockpitMap({
  hospices,
  live,
  outline,
  regionName,
}: {
  hospices: readonly Hospice[];
  live: ReadonlyMap<string, HospiceLive>;
  outline: Feature | null;
  regionName: string;
}) {
  const { t } = useI18n();
  const located = hospices.filter((h) => h.latitude !== null && h.longitude !== null);
  return (
    <PointMap
      testId="hospice-map"
      label={t('region.mapLabel', { count: located.length, name: regionName })}
      outline={outline}
      points={located.map((h) => {
        // The live state on the map: free, full or admission stop, or unknown when stale.
        const { state, free } = bedStateOf(live.get(h.id)?.status);
        const stateText =
          state === 'free' ? t('beds.freeCount', { count: free ?? 0 }) : t(BED_STATE_LABEL[state]);
        return {
          id: h.id,
          latitude: h.latitude!,
          longitude: h.longitude!,
          label: `${h.name} (${t(TYPE_STYLE[h.type].label)}, ${h.licensedBeds} ${t('common.beds')}): ${stateText}`,
          caption: h.place,
          color: BED_STATE_COLOUR[state],
          shape: state === 'free' ? ('circle' as const) : ('square' as const),
        };
      })}
    />
  );
}
