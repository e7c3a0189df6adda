import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { BED_STATE_COLOUR } from './bed-state';

/** The legend of the state symbols on a point map: free (circle), full or stop, unknown. */
export function BedStateLegend({ unknownLabel }: { unknownLabel: MessageKey }) {
  const { t } = useI18n();
  return (
    <ul className="type-legend">
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="7" fill={BED_STATE_COLOUR.free} />
        </svg>
        {t('beds.legendFree')}
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <rect x="2" y="2" width="12" height="12" fill={BED_STATE_COLOUR.full} />
        </svg>
        {t('beds.legendFull')}
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <rect x="2" y="2" width="12" height="12" fill={BED_STATE_COLOUR.unknown} />
        </svg>
        {t(unknownLabel)}
      </li>
    </ul>
  );
}
