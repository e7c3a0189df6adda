import { useEffect, useState } from 'react';
import { ApiError, getJson, type Loadable } from '../../api/client';
import type { Forecast, Overview, Statistics } from '@palliamonitor/contracts';
import { mid } from '../../api/types';
import type { MessageKey } from '../../i18n/nl';
import { latestPeriod } from '../statistics/statistics';

export const INDICATORS = [
  'bedsPer10k65Plus',
  'licensedBeds',
  'occupancy',
  'refusals',
  'gapNow',
  'gapYear',
  'freshness',
] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: { readonly [key in Indicator]: MessageKey } = {
  bedsPer10k65Plus: 'indicator.bedsPer10k65Plus',
  licensedBeds: 'indicator.licensedBeds',
  occupancy: 'indicator.occupancy',
  refusals: 'indicator.refusals',
  gapNow: 'indicator.gapNow',
  gapYear: 'indicator.gapYear',
  freshness: 'indicator.freshness',
};

/** How an indicator is coloured and formatted. */
export const INDICATOR_KIND: {
  readonly [key in Indicator]: {
    scale: 'sequential' | 'diverging';
    format: 'number' | 'decimal' | 'percent' | 'signed';
  };
} = {
  bedsPer10k65Plus: { scale: 'sequential', format: 'decimal' },
  licensedBeds: { scale: 'sequential', format: 'number' },
  occupancy: { scale: 'sequential', format: 'percent' },
  refusals: { scale: 'sequential', format: 'number' },
  gapNow: { scale: 'diverging', format: 'signed' },
  gapYear: { scale: 'diverging', format: 'signed' },
  freshness: { scale: 'sequential', format: 'percent' },
};

export function isIndicator(value: string | null): value is Indicator {
  return value !== null && (INDICATORS as readonly string[]).includes(value);
}

async function perRegion(
  codes: readonly string[],
  load: (code: string) => Promise<number | null>,
): Promise<Map<string, number | null>> {
  const values = await Promise.all(codes.map((code) => load(code)));
  return new Map(codes.map((code, i) => [code, values[i] ?? null]));
}

/**
 * Values of an indicator per region. Registry indicators come from the overview; occupancy,
 * refusals and freshness from each region's statistics; the capacity gap (beds needed by Erlang B
 * minus today's beds; negative = shortage) from each region's forecast.
 */
export function useIndicatorValues(
  overview: Overview,
  indicator: Indicator,
  year: number,
  currentYear: number,
): Loadable<Map<string, number | null>> {
  const [result, setResult] = useState<Loadable<Map<string, number | null>>>({ state: 'loading' });
  const key = overview.regions.map((r) => r.code).join(',');
  useEffect(() => {
    const codes = key.split(',');
    if (indicator === 'bedsPer10k65Plus' || indicator === 'licensedBeds') {
      setResult({
        state: 'ok',
        data: new Map(overview.regions.map((r) => [r.code, r[indicator]])),
      });
      return undefined;
    }
    let isCurrent = true;
    setResult({ state: 'loading' });
    const task =
      indicator === 'gapNow' || indicator === 'gapYear'
        ? perRegion(codes, async (code) => {
            const y = indicator === 'gapNow' ? currentYear : year;
            const f = await getJson<Forecast>(`/regions/${code}/forecast?from=${y}&to=${y}`);
            const row = f.rows[0];
            // Shown as surplus (+) or shortage (−): today's beds minus beds needed.
            return row === undefined ? null : -(mid(row.gap) ?? 0);
          })
        : perRegion(codes, async (code) => {
            const stats = await getJson<Statistics>(`/regions/${code}/statistics?period=month`);
            const last = latestPeriod(stats);
            if (last === null) {
              return null;
            }
            switch (indicator) {
              case 'occupancy':
                return last.occupancy;
              case 'refusals':
                return last.refusals;
              case 'freshness':
                return last.freshDataShare;
            }
          });
    task.then(
      (data) => isCurrent && setResult({ state: 'ok', data }),
      (error: unknown) => {
        if (!isCurrent) {
          return;
        }
        if (error instanceof ApiError && error.isMissingEndpoint) {
          setResult({ state: 'unavailable' });
        } else {
          setResult({
            state: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
        }
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [indicator, year, currentYear, key, overview]);
  return result;
}
