// A viability signal for a hospice or a region from its occupancy over the last twelve months:
// under-occupancy ("onderbezetting") threatens a house's income, over-occupancy ("overbezetting")
// means people are refused. Too little data gives "unknown" rather than a false signal. The
// thresholds are assumptions, and adjustable. Method: docs/method.md, "Viability".

import { checkNonNegative, invalid } from './checks';

export type ViabilitySignal = 'under-occupied' | 'within-range' | 'over-occupied' | 'unknown';

/** The Dutch words of the signal, as the letters and the interface use them. */
export const VIABILITY_LABELS: Record<ViabilitySignal, string> = {
  'under-occupied': 'onderbezetting',
  'within-range': 'binnen de marge',
  'over-occupied': 'overbezetting',
  unknown: 'onbekend',
};

export interface ViabilityThresholds {
  /** Occupancy below this is under-occupancy. */
  readonly under: number;
  /** Occupancy above this is over-occupancy (full). */
  readonly over: number;
  /** Below this share of days with data the signal is unknown. */
  readonly minDataShare: number;
}

/**
 * Defaults [assumption]. 60%: well below the 70–83% that Dutch houses report (NIVEL 2004 ~70%, a
 * single house 83% in 2019), where local papers name 40–50% as a problem. 90%: above it a house of
 * typical size is full so often that it refuses most requests (Erlang B: a 6-bed house at 90%
 * occupancy refuses more than half). Half the days with data: less is too thin for a twelve-month
 * figure.
 */
export const DEFAULT_VIABILITY_THRESHOLDS: ViabilityThresholds = {
  under: 0.6,
  over: 0.9,
  minDataShare: 0.5,
};

/** One month of one hospice, as the monitor's statistics give it. */
export interface ViabilityMonth {
  /** Days of the month in the period. */
  readonly days: number;
  /** Occupied bed-days and the licensed bed-days of the days with data. */
  readonly bedDays: number;
  readonly bedDaysAvailable: number;
  /** Where the month's figures come from: registered movements, a monthly return, or nothing. */
  readonly source: 'events' | 'return' | 'none';
  /** Share of the days with a fresh bed status (null when the hospice was not in scope). */
  readonly freshDataShare: number | null;
}

export interface ViabilityResult {
  readonly signal: ViabilitySignal;
  readonly label: string;
  /** Occupied ÷ available bed-days over the months with data; null without any. */
  readonly occupancy: number | null;
  readonly bedDays: number;
  readonly bedDaysAvailable: number;
  /** Share of the days that count as having data (see {@link viability}). */
  readonly dataShare: number;
  readonly days: number;
}

export function checkThresholds(t: ViabilityThresholds): void {
  for (const key of ['under', 'over', 'minDataShare'] as const) {
    if (!Number.isFinite(t[key]) || t[key] < 0 || t[key] > 1) {
      throw invalid(key, t[key]);
    }
  }
  if (t.under >= t.over) {
    throw invalid('under', t.under);
  }
}

/**
 * The signal of a set of hospice-months (one hospice, or every hospice of a region).
 *
 * A day counts as having data when its month comes from a monthly return (the return covers the
 * whole month), or, for a month from registered movements, when the bed status of that day was
 * fresh: a house that stops keeping its status up to date has stopped registering too, and its
 * occupancy would look low. dataShare = days with data ÷ days. Unknown when dataShare is below
 * minDataShare or no bed-days were available; otherwise occupancy < under is under-occupancy,
 * occupancy > over is over-occupancy, and anything between is within range.
 */
export function viability(
  months: readonly ViabilityMonth[],
  thresholds: ViabilityThresholds = DEFAULT_VIABILITY_THRESHOLDS,
): ViabilityResult {
  checkThresholds(thresholds);
  let days = 0;
  let daysWithData = 0;
  let bedDays = 0;
  let bedDaysAvailable = 0;
  for (const m of months) {
    checkNonNegative('days', m.days);
    checkNonNegative('bedDays', m.bedDays);
    checkNonNegative('bedDaysAvailable', m.bedDaysAvailable);
    days += m.days;
    bedDays += m.bedDays;
    bedDaysAvailable += m.bedDaysAvailable;
    if (m.source === 'return') {
      daysWithData += m.days;
    } else if (m.source === 'events') {
      daysWithData += m.days * (m.freshDataShare ?? 0);
    }
  }
  const dataShare = days > 0 ? daysWithData / days : 0;
  const occupancy = bedDaysAvailable > 0 ? bedDays / bedDaysAvailable : null;
  const signal: ViabilitySignal =
    occupancy === null || dataShare < thresholds.minDataShare
      ? 'unknown'
      : occupancy < thresholds.under
        ? 'under-occupied'
        : occupancy > thresholds.over
          ? 'over-occupied'
          : 'within-range';
  return {
    signal,
    label: VIABILITY_LABELS[signal],
    occupancy,
    bedDays,
    bedDaysAvailable,
    dataShare,
    days,
  };
}
