import { describe, expect, it } from 'vitest';
import type { DailyFigures, PeriodFigures } from '@palliamonitor/contracts';
import {
  DEFAULT_THRESHOLDS,
  alertsFor,
  isRefusalsRising,
  regionAlerts,
  trailingRun,
  type HospiceSignals,
} from './alerts';

function month(period: string, occupancy: number | null, refusals = 0): PeriodFigures {
  return {
    period,
    from: `${period}-01`,
    to: `${period}-28`,
    days: 28,
    hospices: 1,
    bedDays: 0,
    bedDaysAvailable: 0,
    occupancy,
    admissions: occupancy === null ? 0 : 3,
    departures: { total: 0, died: 0, dischargedHome: 0, transferred: 0 },
    lengthOfStay: { count: 0, meanDays: null, medianDays: null },
    refusals,
    waitingList: { mean: null, end: null },
    freshDataShare: null,
    coverage: {
      hospiceMonthsFromEvents: 1,
      hospiceMonthsFromReturns: 0,
      hospiceMonthsWithoutData: 0,
    },
    suppressed: [],
  };
}

function days(values: (number | null)[]): DailyFigures[] {
  return values.map((occupancy, i) => ({
    date: `2026-10-${String(i + 1).padStart(2, '0')}`,
    occupied: 0,
    beds: 5,
    occupancy,
    freshDataShare: 1,
    suppressed: [],
  }));
}

function signals(overrides: Partial<HospiceSignals>): HospiceSignals {
  return {
    id: 'h1',
    freshness: 'fresh',
    confirmedAt: '2026-11-22T10:00:00Z',
    months: [],
    daily: [],
    ...overrides,
  };
}

describe('trailingRun', () => {
  it('counts the days at the end that meet the test, stopping at a gap', () => {
    expect(trailingRun(days([1, 0.5, 1, 1, 1]), (o) => o >= 0.95)).toBe(3);
    expect(trailingRun(days([1, null, 1]), (o) => o >= 0.95)).toBe(1);
  });
});

describe('alertsFor', () => {
  it('flags a hospice whose bed status is not freshly confirmed as stale', () => {
    expect(
      alertsFor(signals({ freshness: 'unknown' }), DEFAULT_THRESHOLDS).map((a) => a.kind),
    ).toEqual(['stale']);
    expect(alertsFor(signals({ freshness: null }), DEFAULT_THRESHOLDS)[0]?.kind).toBe('stale');
  });

  it('flags occupancy at or above the high threshold for N days in a row', () => {
    const th = { ...DEFAULT_THRESHOLDS, days: 3 };
    expect(alertsFor(signals({ daily: days([0.5, 1, 1, 1]) }), th).map((a) => a.kind)).toEqual([
      'high',
    ]);
    expect(alertsFor(signals({ daily: days([1, 1, 0.5]) }), th)).toEqual([]);
  });

  it('flags occupancy at or below the low threshold for N days in a row', () => {
    const th = { ...DEFAULT_THRESHOLDS, days: 2 };
    expect(alertsFor(signals({ daily: days([0.2, 0.4]) }), th).map((a) => a.kind)).toEqual(['low']);
  });

  it('flags a risk of closing after three low months in a row', () => {
    const months = [
      month('2026-07', 0.9),
      month('2026-08', 0.5),
      month('2026-09', 0.4),
      month('2026-10', 0.55),
    ];
    expect(alertsFor(signals({ months }), DEFAULT_THRESHOLDS).map((a) => a.kind)).toEqual(['risk']);
    expect(alertsFor(signals({ months: months.slice(0, 3) }), DEFAULT_THRESHOLDS)).toEqual([]);
  });
});

describe('isRefusalsRising', () => {
  it('is true when the last month has clearly more refusals than the months before', () => {
    expect(
      isRefusalsRising([
        month('2026-08', 0.9, 1),
        month('2026-09', 0.9, 1),
        month('2026-10', 0.9, 4),
      ]),
    ).toBe(true);
  });

  it('is false for a steady or single refusal', () => {
    expect(isRefusalsRising([month('2026-09', 0.9, 3), month('2026-10', 0.9, 3)])).toBe(false);
    expect(isRefusalsRising([month('2026-09', 0.9, 0), month('2026-10', 0.9, 1)])).toBe(false);
  });
});

describe('regionAlerts', () => {
  it('lists the most urgent kinds first', () => {
    const months = [month('2026-08', 0.3), month('2026-09', 0.3), month('2026-10', 0.3)];
    const kinds = regionAlerts(
      [signals({ id: 'a', freshness: 'unknown' }), signals({ id: 'b', months })],
      DEFAULT_THRESHOLDS,
    ).map((a) => a.kind);
    expect(kinds).toEqual(['risk', 'stale']);
  });
});
