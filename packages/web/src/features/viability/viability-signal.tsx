import { Fragment } from 'react';
import type { Viability } from '@palliamonitor/contracts';
import { useApi } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { formatMonth, formatPercent } from '../../lib/format';
import { Link } from '../../router';
import { Async } from '../common/ui';
import { figureOf } from '../statistics/suppressed';

// The viability signal of a hospice, or of a region with its hospices: occupancy over the last
// twelve whole months against labelled thresholds (GET …/viability). Too little data says
// "onbekend" rather than a false signal. An occupancy from bed-days of 1 to 4 guests reads "<5"
// for who may not see such counts, as in the statistics.

/** Stands in the summary for the occupancy, so that it can be a mark rather than text. */
const PLACE = '\u0000';

type Signal = Viability['signal'];

const SIGNALS: Readonly<Record<Signal, { label: MessageKey; notice: string }>> = {
  'under-occupied': { label: 'viability.underOccupied', notice: 'notice--demo' },
  'within-range': { label: 'viability.withinRange', notice: 'notice--ok' },
  'over-occupied': { label: 'viability.overOccupied', notice: 'notice--error' },
  unknown: { label: 'viability.unknown', notice: 'notice--unavailable' },
};

export function ViabilitySignal({ path, initial }: { path: string; initial?: Viability }) {
  const { t, locale } = useI18n();
  // Given the page's own answer, nothing more is asked.
  const loaded = useApi<Viability>(initial === undefined ? path : null);
  const answer = initial === undefined ? loaded : { state: 'ok' as const, data: initial };
  return (
    <section aria-labelledby="viability-title" data-testid="viability">
      <h2 id="viability-title">{t('viability.title')}</h2>
      <Async value={answer} what={t('viability.title')}>
        {(v) => {
          const threshold = (name: string) =>
            formatPercent(v.thresholds.find((x) => x.name === name)?.value, locale);
          const flagged = (v.hospices ?? []).filter(
            (h) => h.signal === 'under-occupied' || h.signal === 'over-occupied',
          );
          return (
            <>
              <p className={`notice ${SIGNALS[v.signal].notice}`} data-testid="viability-signal">
                <strong>{t(SIGNALS[v.signal].label)}</strong>:{' '}
                {t('viability.summary', {
                  occupancy: PLACE,
                  dataShare: formatPercent(v.dataShare, locale),
                  from: formatMonth(v.period.from, locale),
                  to: formatMonth(v.period.to, locale),
                })
                  .split(PLACE)
                  .map((text, i) => (
                    <Fragment key={i}>
                      {i === 0
                        ? null
                        : figureOf(v, 'occupancy', formatPercent(v.occupancy, locale))}
                      {text}
                    </Fragment>
                  ))}
              </p>
              {v.hospices === undefined ? null : (
                <p data-testid="viability-counts">
                  {(Object.keys(SIGNALS) as Signal[])
                    .map(
                      (s) =>
                        `${v.hospices!.filter((h) => h.signal === s).length} × ${t(SIGNALS[s].label)}`,
                    )
                    .join(' · ')}
                </p>
              )}
              {flagged.length === 0 ? null : (
                <ul data-testid="viability-flagged">
                  {flagged.map((h) => (
                    <li key={h.hospiceId}>
                      <Link href={`/hospice/${encodeURIComponent(h.hospiceId)}`}>{h.name}</Link>:{' '}
                      {t(SIGNALS[h.signal].label)} (
                      {figureOf(h, 'occupancy', formatPercent(h.occupancy, locale))})
                    </li>
                  ))}
                </ul>
              )}
              <p className="hint">
                {t('viability.thresholds', {
                  under: threshold('under'),
                  over: threshold('over'),
                  minDataShare: threshold('minDataShare'),
                })}
              </p>
            </>
          );
        }}
      </Async>
    </section>
  );
}
