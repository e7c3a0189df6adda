import { checkNonNegative, checkNonNegativeInteger, checkPositiveInteger, invalid } from './checks';
import { Rng, deriveSeed } from './random';
import { HospiceEngine, type EngineHooks } from './simulation-engine';
import { checkProcess, type HospiceProcess, type WaitingListOptions } from './simulation-process';

// A day-by-day history of one simulated hospice, with its stays, for demo data.

export type DepartureKind = 'died' | 'dischargedHome' | 'transferred';

export interface DepartureShares {
  readonly died: number;
  readonly dischargedHome: number;
  readonly transferred: number;
}

/**
 * Default departure mix [assumption]: most guests die in the hospice; Bardo 2019 had 88 deaths and
 * 7 discharges among 95 departures (facts.md); "transferred" (hospital, nursing home) is a guess.
 */
export const DEFAULT_DEPARTURE_SHARES: DepartureShares = {
  died: 0.92,
  dischargedHome: 0.05,
  transferred: 0.03,
};

export interface DailyTraceOptions {
  readonly beds: number;
  readonly arrivalsPerDay: number;
  /** Length of stay in days, lognormal by mean and median. */
  readonly los: { readonly mean: number; readonly median: number };
  /** Number of days to trace. */
  readonly days: number;
  readonly seed: number;
  /** Day of the year of day 0 (1 = 1 January). Default 1. */
  readonly startDayOfYear?: number;
  readonly seasonality?: readonly number[];
  readonly waitingList?: WaitingListOptions;
  /** How departures end; shares summing to 1. Default {@link DEFAULT_DEPARTURE_SHARES}. */
  readonly departureShares?: DepartureShares;
  /** Simulated days before day 0 so the trace starts in a typical state. Default max(365, 20 × LOS). */
  readonly warmupDays?: number;
}

export interface DailyTraceDay {
  /** Day index from 0. */
  readonly day: number;
  /** Day of the year, 1–365. */
  readonly dayOfYear: number;
  /** Beds occupied at the end of the day. */
  readonly occupied: number;
  readonly admissions: number;
  readonly departures: {
    readonly total: number;
    readonly died: number;
    readonly dischargedHome: number;
    readonly transferred: number;
  };
  /** Requests refused (all beds full and the waiting list full or absent). */
  readonly refusals: number;
  /** People on the waiting list at the end of the day. */
  readonly waitingList: number;
  readonly diedWhileWaiting: number;
  readonly gaveUpWaiting: number;
}

export interface TraceStay {
  readonly id: number;
  /** Day index of admission; negative for guests admitted before the trace starts. */
  readonly admissionDay: number;
  /** Day index of departure, or null when the guest is still there at the end of the trace. */
  readonly departureDay: number | null;
  readonly departureKind: DepartureKind | null;
}

export interface DailyTrace {
  /** Beds occupied at the start of day 0 (after warm-up). */
  readonly initialOccupied: number;
  readonly days: DailyTraceDay[];
  /** Every stay that overlaps the traced days, in admission order. */
  readonly stays: TraceStay[];
}

/**
 * Per-day history of one hospice, for demo data: occupancy at the end of each day, admissions,
 * departures by kind, refusals and the waiting list.
 *
 * Units: days and persons. Stays get integer admission and departure days (the day index in which
 * the continuous event falls, so a guest may leave on the day of admission, as 2.3% do in UK data).
 * Invariant: occupied(d) = occupied(d − 1) + admissions(d) − departures(d).
 *
 * Assumptions: as {@link simulateHospice}, plus a departure kind drawn independently of the length of
 * stay by the given shares. Deterministic for a given seed.
 */
export function simulateDailyTrace(options: DailyTraceOptions): DailyTrace {
  const { process, shares, warmupDays } = checkTraceOptions(options);
  const days = options.days;
  const recorder = new TraceRecorder(days, shares, options.seed);
  const engine = new HospiceEngine(
    process,
    new Rng(deriveSeed({ seed: options.seed, stream: 0 })),
    -warmupDays,
    recorder,
  );
  engine.advanceTo(0);
  const initialOccupied = engine.busy;
  const startIndex = (options.startDayOfYear ?? 1) - 1;
  const result: DailyTraceDay[] = [];
  for (let d = 0; d < days; d++) {
    // Events exactly at the day boundary belong to the next day (day index = floor(time)).
    engine.advanceTo(nextBelow(d + 1));
    result.push(recorder.day(d, ((startIndex + d) % 365) + 1, engine.busy, engine.waiting));
  }
  return { initialOccupied, days: result, stays: recorder.stays() };
}

function checkTraceOptions(options: DailyTraceOptions): {
  process: HospiceProcess;
  shares: DepartureShares;
  warmupDays: number;
} {
  const process: HospiceProcess = {
    beds: options.beds,
    arrivalsPerDay: options.arrivalsPerDay,
    los: options.los,
    ...(options.seasonality === undefined ? {} : { seasonality: options.seasonality }),
    ...(options.startDayOfYear === undefined ? {} : { startDayOfYear: options.startDayOfYear }),
    ...(options.waitingList === undefined ? {} : { waitingList: options.waitingList }),
  };
  checkProcess(process);
  checkPositiveInteger('days', options.days);
  checkNonNegativeInteger('seed', options.seed);
  const shares = options.departureShares ?? DEFAULT_DEPARTURE_SHARES;
  for (const key of ['died', 'dischargedHome', 'transferred'] as const) {
    if (!Number.isFinite(shares[key]) || shares[key] < 0) {
      throw invalid(`departureShares.${key}`, shares[key]);
    }
  }
  const shareSum = shares.died + shares.dischargedHome + shares.transferred;
  if (Math.abs(shareSum - 1) > 1e-9) {
    throw invalid('departureShares', shares);
  }
  const warmupDays = options.warmupDays ?? Math.max(365, 20 * options.los.mean);
  checkNonNegative('warmupDays', warmupDays);
  return { process, shares, warmupDays };
}

/**
 * Counts the engine's events per traced day and keeps every stay. The departure kind is drawn at
 * admission from its own random stream, so the engine's draws do not depend on the shares.
 */
class TraceRecorder implements EngineHooks {
  private readonly admissions: Int32Array;
  private readonly died: Int32Array;
  private readonly home: Int32Array;
  private readonly transferred: Int32Array;
  private readonly refusals: Int32Array;
  private readonly diedWaiting: Int32Array;
  private readonly gaveUp: Int32Array;
  private readonly stayAdmission: number[] = [];
  private readonly stayDeparture: number[] = [];
  private readonly stayKind: DepartureKind[] = [];
  private readonly kindRng: Rng;

  constructor(
    private readonly days: number,
    private readonly shares: DepartureShares,
    seed: number,
  ) {
    this.admissions = new Int32Array(days);
    this.died = new Int32Array(days);
    this.home = new Int32Array(days);
    this.transferred = new Int32Array(days);
    this.refusals = new Int32Array(days);
    this.diedWaiting = new Int32Array(days);
    this.gaveUp = new Int32Array(days);
    this.kindRng = new Rng(deriveSeed({ seed, stream: 1 }));
  }

  /** The traced day of a time, or -1 outside the trace. */
  private dayIn(time: number): number {
    const d = Math.floor(time);
    return d >= 0 && d < this.days ? d : -1;
  }

  onAdmit(time: number, stayId: number, lengthOfStay: number): void {
    const u = this.kindRng.next();
    const shares = this.shares;
    const kind: DepartureKind =
      u < shares.died
        ? 'died'
        : u < shares.died + shares.dischargedHome
          ? 'dischargedHome'
          : 'transferred';
    this.stayAdmission[stayId] = time;
    this.stayDeparture[stayId] = time + lengthOfStay;
    this.stayKind[stayId] = kind;
    const d = this.dayIn(time);
    if (d >= 0) {
      this.admissions[d]!++;
    }
  }

  onDeparture(time: number, stayId: number): void {
    const d = this.dayIn(time);
    if (d < 0) {
      return;
    }
    const kind = this.stayKind[stayId]!;
    const counts =
      kind === 'died' ? this.died : kind === 'dischargedHome' ? this.home : this.transferred;
    counts[d]!++;
  }

  onRefuse(time: number): void {
    const d = this.dayIn(time);
    if (d >= 0) {
      this.refusals[d]!++;
    }
  }

  onLeaveList(time: number, hasDied: boolean): void {
    const d = this.dayIn(time);
    if (d >= 0) {
      (hasDied ? this.diedWaiting : this.gaveUp)[d]!++;
    }
  }

  day(d: number, dayOfYear: number, occupied: number, waitingList: number): DailyTraceDay {
    const died = this.died[d]!;
    const home = this.home[d]!;
    const transferred = this.transferred[d]!;
    return {
      day: d,
      dayOfYear,
      occupied,
      admissions: this.admissions[d]!,
      departures: { total: died + home + transferred, died, dischargedHome: home, transferred },
      refusals: this.refusals[d]!,
      waitingList,
      diedWhileWaiting: this.diedWaiting[d]!,
      gaveUpWaiting: this.gaveUp[d]!,
    };
  }

  /** Every stay that overlaps the traced days, in admission order. */
  stays(): TraceStay[] {
    const stays: TraceStay[] = [];
    for (let id = 0; id < this.stayAdmission.length; id++) {
      const admission = this.stayAdmission[id]!;
      const departure = this.stayDeparture[id]!;
      if (departure < 0 || admission >= this.days) {
        continue;
      }
      const departureDay = Math.floor(departure);
      const isOngoing = departureDay >= this.days;
      stays.push({
        id,
        admissionDay: Math.floor(admission),
        departureDay: isOngoing ? null : departureDay,
        departureKind: isOngoing ? null : this.stayKind[id]!,
      });
    }
    return stays;
  }
}

/** Largest double below x, so "up to the end of day d" excludes events at exactly d + 1. */
function nextBelow(x: number): number {
  return x - Math.max(Number.EPSILON * Math.abs(x), Number.MIN_VALUE);
}
