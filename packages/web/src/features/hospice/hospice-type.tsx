import type { HospiceType } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';

/** Colour and shape per hospice type (shape too, so colour is never the only cue). */
export const TYPE_STYLE: {
  readonly [key in HospiceType]: {
    label: MessageKey;
    color: string;
    shape: 'circle' | 'square' | 'diamond';
  };
} = {
  bth: { label: 'type.bth', color: '#01578c', shape: 'circle' },
  hch: { label: 'type.hch', color: '#b35806', shape: 'square' },
  'nursing-home-unit': { label: 'type.nursing-home-unit', color: '#542788', shape: 'diamond' },
  'hospital-unit': { label: 'type.hospital-unit', color: '#000000', shape: 'square' },
  other: { label: 'type.other', color: '#6b6b6b', shape: 'circle' },
};

export function TypeLegend({ types }: { types: readonly HospiceType[] }) {
  const { t } = useI18n();
  return (
    <ul className="type-legend" aria-label={t('common.legend')}>
      {types.map((type) => {
        const s = TYPE_STYLE[type];
        return (
          <li key={type}>
            <svg width="16" height="16" aria-hidden="true" viewBox="0 0 16 16">
              {s.shape === 'circle' ? (
                <circle cx="8" cy="8" r="6" fill={s.color} stroke="#fff" />
              ) : s.shape === 'square' ? (
                <rect x="2" y="2" width="12" height="12" fill={s.color} stroke="#fff" />
              ) : (
                <path d="M8,0L16,8L8,16L0,8Z" fill={s.color} stroke="#fff" />
              )}
            </svg>
            {t(s.label)}
          </li>
        );
      })}
    </ul>
  );
}
