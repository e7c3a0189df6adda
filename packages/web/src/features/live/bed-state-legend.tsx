import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { BED_STATE_COLOUR } from './bed-state';

/** The legend of the state symbols on a point map: free (circle), full or stop, unknown. */
export function BedStateLegend({ unknownLabel }: { unknownLabel: MessageKey }) {
  const { t } = useI18n();
  const items: readonly { state: keyof typeof BED_STATE_COLOUR; label: MessageKey }[] = [
    { state: 'free', label: 'beds.legendFree' },
    { state: 'full', label: 'beds.legendFull' },
    { state: 'unknown', label: unknownLabel },
  ];
  return (
    <ul className="type-legend">
      {items.map(({ state, label }) => (
        <li key={state}>
          <svg width="16" height="16" aria-hidden="true">
            {state === 'free' ? (
              <circle cx="8" cy="8" r="7" fill={BED_STATE_COLOUR.free} />
            ) : (
              <rect x="2" y="2" width="12" height="12" fill={BED_STATE_COLOUR[state]} />
            )}
          </svg>
          {t(label)}
        </li>
      ))}
    </ul>
  );
}
