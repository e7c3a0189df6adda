// The rows the data collection's figures are computed from, and the figures themselves.

export interface ScopeInterval {
  readonly hospiceId: string;
  /** First and last day (inclusive) the hospice counts toward the scope with these beds. */
  readonly from: string;
  readonly to: string;
  readonly licensedBeds: number;
}

export type StayDepartureKind = 'died' | 'discharged-home' | 'transferred';

export interface StayFact {
  readonly hospiceId: string;
  readonly admittedOn: string;
  readonly departedOn: string | null;
  readonly departureKind: StayDepartureKind | null;
}

export interface ReturnFact {
  readonly hospiceId: string;
  /** YYYY-MM */
  readonly month: string;
  readonly admissions: number;
  readonly departuresDied: number;
  readonly departuresDischargedHome: number;
  readonly departuresTransferred: number;
  readonly bedDays: number;
  readonly refusals: number;
  readonly waitingListEnd: number | null;
  readonly lengthOfStayDaysTotal: number | null;
}

export interface FiguresInput {
  /** First and last day (inclusive; the last no later than today). */
  readonly from: string;
  readonly to: string;
  readonly period: 'month' | 'year';
  readonly intervals: readonly ScopeInterval[];
  /** Stays admitted or departed within [from, to]; stays spanning it may be here or counted below. */
  readonly stays: readonly StayFact[];
  /**
   * Per hospice, the number of stays admitted before `from` and not departed by `to`, left out of
   * `stays`: each occupies one bed on every day of the range and adds nothing else.
   */
  readonly presentThroughout?: ReadonlyMap<string, number>;
  readonly refusals: ReadonlyArray<{ hospiceId: string; date: string; count: number }>;
  /** The last report of each day, any order. */
  readonly waitingList: ReadonlyArray<{ hospiceId: string; date: string; size: number }>;
  /** Times (ms) of bed-status events; the latest of each day is enough. */
  readonly confirmations: ReadonlyArray<{ hospiceId: string; at: number }>;
  /** Month (YYYY-MM) from which a hospice registers movements. */
  readonly eventsFrom: ReadonlyMap<string, string>;
  readonly returns: readonly ReturnFact[];
  readonly now: Date;
  readonly freshnessHours: number;
  readonly daily: boolean;
}

/** The figures of one month or year (the API's PeriodFigures). */
export interface PeriodFigures {
  period: string;
  from: string;
  to: string;
  days: number;
  hospices: number;
  bedDays: number;
  bedDaysAvailable: number;
  occupancy: number | null;
  admissions: number;
  departures: { total: number; died: number; dischargedHome: number; transferred: number };
  lengthOfStay: { count: number; meanDays: number | null; medianDays: number | null };
  refusals: number;
  waitingList: { mean: number | null; end: number | null };
  freshDataShare: number | null;
  coverage: {
    hospiceMonthsFromEvents: number;
    hospiceMonthsFromReturns: number;
    hospiceMonthsWithoutData: number;
  };
}

/** The figures of one day (the API's DailyFigures). */
export interface DailyFigures {
  date: string;
  occupied: number;
  beds: number;
  occupancy: number | null;
  freshDataShare: number | null;
}
