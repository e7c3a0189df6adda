// Alerts for the regisseur's cockpit, computed from each hospice's bed status and statistics.
// Pure functions, so thresholds and rules are unit-tested without a browser.

import type { PeriodFigures, DailyFigures } from '@palliamonitor/contracts';

export interface AlertThresholds {
  /** Occupancy at or above this for `days` days in a row: too full. */
  high: number;
  /** Occupancy at or below this for `days` days in a row: too empty. */
  low: number;
  days: number;
  /** Months in a row below `low` before a hospice counts as at risk of closing. */
  riskMonths: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  high: 0.95,
  low: 0.6,
  days: 14,
  riskMonths: 3,
};

export type AlertKind = 'stale' | 'high' | 'low' | 'refusals' | 'risk';

export interface Alert {
  kind: AlertKind;
  hospiceId: string;
  /** Numbers the message needs (days, occupancy, refusals). */
  detail: Record<string, number | string>;
}

export interface HospiceSignals {
  id: string;
  /** 'fresh' | 'unknown' from the bed-status API; null when there is no status at all. */
  freshness: string | null;
  confirmedAt: string | null;
  months: readonly PeriodFigures[];
  daily: readonly DailyFigures[];
}

/** Length of the run of days at the end of `daily` whose occupancy satisfies `test`. */
export function trailingRun(daily: readonly DailyFigures[], test: (o: number) => boolean): number {
  let run = 0;
  for (let i = daily.length - 1; i >= 0; i--) {
    const o = daily[i]!.occupancy;
    if (o === null || !test(o)) {
      break;
    }
    run++;
  }
  return run;
}

/** Months with data (occupancy known), oldest first. */
function monthsWithData(months: readonly PeriodFigures[]): PeriodFigures[] {
  return months.filter((m) => m.occupancy !== null);
}

/**
 * Refusals are rising when the last month with data has at least 2 refusals and more than the mean
 * of the (up to) three months before it, and that mean is exceeded by at least half.
 */
export function isRefusalsRising(months: readonly PeriodFigures[]): boolean {
  // A suppressed count (null) is 1 to 4.
  const data = months.filter((m) => m.occupancy !== null || m.refusals !== 0 || m.admissions !== 0);
  const last = data.at(-1);
  const before = data.slice(-4, -1);
  // Suppressed counts (for those who may not read the registrations) cannot be compared.
  if (last === undefined || before.length === 0 || before.some((m) => m.refusals === null)) {
    return false;
  }
  if (last.refusals === null || last.refusals < 2) {
    return false;
  }
  const mean = before.reduce((s, m) => s + (m.refusals ?? 0), 0) / before.length;
  return last.refusals >= 1.5 * mean && last.refusals > mean;
}

export function alertsFor(hospice: HospiceSignals, th: AlertThresholds): Alert[] {
  const alerts: Alert[] = [];
  if (hospice.freshness !== 'fresh') {
    alerts.push({
      kind: 'stale',
      hospiceId: hospice.id,
      detail: { confirmedAt: hospice.confirmedAt ?? '' },
    });
  }
  const high = trailingRun(hospice.daily, (o) => o >= th.high);
  if (high >= th.days) {
    alerts.push({
      kind: 'high',
      hospiceId: hospice.id,
      detail: { days: high, threshold: th.high },
    });
  }
  const low = trailingRun(hospice.daily, (o) => o <= th.low);
  if (low >= th.days) {
    alerts.push({ kind: 'low', hospiceId: hospice.id, detail: { days: low, threshold: th.low } });
  }
  if (isRefusalsRising(hospice.months)) {
    const last = hospice.months.filter((m) => (m.refusals ?? 0) > 0).at(-1)!;
    alerts.push({
      kind: 'refusals',
      hospiceId: hospice.id,
      detail: { refusals: last.refusals ?? 0, period: last.period },
    });
  }
  const recent = monthsWithData(hospice.months).slice(-th.riskMonths);
  if (recent.length >= th.riskMonths && recent.every((m) => (m.occupancy ?? 1) <= th.low)) {
    const mean = recent.reduce((s, m) => s + (m.occupancy ?? 0), 0) / recent.length;
    alerts.push({
      kind: 'risk',
      hospiceId: hospice.id,
      detail: { months: recent.length, occupancy: mean },
    });
  }
  return alerts;
}

const ORDER: readonly AlertKind[] = ['risk', 'high', 'refusals', 'low', 'stale'];

/** Every alert of every hospice, most urgent kind first. */
export function regionAlerts(hospices: readonly HospiceSignals[], th: AlertThresholds): Alert[] {
  return hospices
    .flatMap((h) => alertsFor(h, th))
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
