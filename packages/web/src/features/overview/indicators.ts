import { useMemo } from 'react';
import type { Overview, RegionIndicators } from '@palliamonitor/contracts';
import { useApi, type Loadable } from '../../api/client';
import type { MessageKey } from '../../i18n/nl';

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

/** The all-regions answer of GET /regions/indicators (one request for the whole map). */
type RegionIndicatorsAnswer = RegionIndicators;

function valueOf(
  row: RegionIndicatorsAnswer['items'][number],
  indicator: Exclude<Indicator, 'bedsPer10k65Plus' | 'licensedBeds'>,
): number | null {
  switch (indicator) {
    case 'occupancy':
      return row.occupancy;
    case 'refusals':
      return row.refusals;
    case 'freshness':
      return row.freshDataShare;
    case 'gapNow':
      return row.surplusNow;
    case 'gapYear':
      return row.surplusInYear;
  }
}

/** An indicator's value per region, and the regions whose value is a suppressed small count. */
export interface IndicatorValues {
  values: Map<string, number | null>;
  suppressed: ReadonlySet<string>;
}

/** The indicator of the answer that a row's `suppressed` list names, if it can be suppressed. */
const SUPPRESSIBLE: Partial<Record<Indicator, 'occupancy' | 'refusals'>> = {
  occupancy: 'occupancy',
  refusals: 'refusals',
};

/**
 * Values of an indicator per region. Registry indicators come from the overview; occupancy,
 * refusals, freshness and the capacity surplus (today's beds minus beds needed by Erlang B;
 * negative = shortage) from one request for all regions.
 */
export function useIndicatorValues(
  overview: Overview,
  indicator: Indicator,
  year: number,
): Loadable<IndicatorValues> {
  const fromOverview = indicator === 'bedsPer10k65Plus' || indicator === 'licensedBeds';
  // The year only matters for gapYear; other indicators share one answer.
  const answer = useApi<RegionIndicatorsAnswer>(
    fromOverview ? null : `/regions/indicators?year=${indicator === 'gapYear' ? year : 2035}`,
  );
  return useMemo((): Loadable<IndicatorValues> => {
    if (indicator === 'bedsPer10k65Plus' || indicator === 'licensedBeds') {
      const values = new Map(overview.regions.map((r) => [r.code, r[indicator]]));
      return { state: 'ok', data: { values, suppressed: new Set() } };
    }
    if (answer.state !== 'ok') {
      return answer;
    }
    const field = SUPPRESSIBLE[indicator];
    const items = answer.data.items;
    return {
      state: 'ok',
      data: {
        values: new Map(items.map((row) => [row.code, valueOf(row, indicator)])),
        suppressed: new Set(
          items
            .filter((r) => field !== undefined && r.suppressed.includes(field))
            .map((r) => r.code),
        ),
      },
    };
  }, [answer, indicator, overview]);
}
