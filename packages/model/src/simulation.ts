// Discrete-event simulation of a hospice (or a pooled set of beds): Poisson arrivals, lognormal
// length of stay, optional FCFS waiting list on which people may die or give up. Used to check
// Erlang B, to estimate waiting-list figures that Erlang C gets wrong, and to generate demo history.
// Method: docs/research.md §1.6 and §4; docs/method.md.

import {
  checkNonNegative,
  checkNonNegativeInteger,
  checkPositive,
  checkPositiveInteger,
  invalid,
} from './checks';
import { MinHeap } from './heap';
import { Rng, deriveSeed, lognormalFromMeanMedian } from './random';
import { meanWithCi95, type Estimate } from './statistics';

/**
 * Length-of-stay distribution, in days. Lognormal by mean and median unless stated otherwise.
 * `empirical` draws one of the given stays (with the given weights, or each equally often); its mean
 * must be the weighted mean of the values ({@link empiricalStay} computes it).
 */
export type LengthOfStayDistribution =
  | { readonly distribution?: 'lognormal'; readonly mean: number; readonly median: number }
  | { readonly distribution: 'exponential'; readonly mean: number }
  | {
      readonly distribution: 'empirical';
      readonly mean: number;
      readonly values: readonly number[];
      readonly weights?: readonly number[];
    };

/** An empirical stay distribution from observed stays (days, > 0) and optional weights (≥ 0). */
export function empiricalStay(
  values: readonly number[],
  weights?: readonly number[],
): Extract<LengthOfStayDistribution, { distribution: 'empirical' }> {
  checkEmpirical(values, weights);
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    const w = weights?.[i] ?? 1;
    sum += v * w;
    total += w;
  });
  return {
    distribution: 'empirical',
    mean: sum / total,
    values,
    ...(weights === undefined ? {} : { weights }),
  };
}

function checkEmpirical(values: readonly number[], weights: readonly number[] | undefined): void {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v <= 0)) {
    throw invalid('los.values', values);
  }
  if (weights !== undefined) {
    if (
      weights.length !== values.length ||
      weights.some((w) => !Number.isFinite(w) || w < 0) ||
      !weights.some((w) => w > 0)
    ) {
      throw invalid('los.weights', weights);
    }
  }
}

export interface WaitingListOptions {
  /** Most people on the list at once; further requests are refused. Infinity for no limit. */
  readonly capacity: number;
  /** Mean time to death while waiting, days (exponential). Omit: nobody dies while waiting. */
  readonly meanTimeToDeathDays?: number;
  /** Mean time until the person gives up (other care), days (exponential). Omit: nobody gives up. */
  readonly meanTimeToGiveUpDays?: number;
}

export interface HospiceProcess {
  /** Beds, a non-negative integer. */
  readonly beds: number;
  /** Mean admission requests per day (Poisson), before the seasonal multiplier. */
  readonly arrivalsPerDay: number;
  readonly los: LengthOfStayDistribution;
  /**
   * Twelve monthly multipliers of the arrival rate (January first), e.g. winter months 1.1. Their
   * mean should be 1 to keep the yearly rate; it is not rescaled. Omit for a constant rate.
   */
  readonly seasonality?: readonly number[];
  /** Day of the year of day 0, 1 = 1 January (365-day years). Default 1. */
  readonly startDayOfYear?: number;
  /** Omit for a pure loss system: a request finding all beds full is refused. */
  readonly waitingList?: WaitingListOptions;
}

// Cumulative day counts of a 365-day year, to map a day of the year to its month.
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
const MONTH_OF_DAY = new Uint8Array(365);
for (let month = 0; month < 12; month++) {
  MONTH_OF_DAY.fill(month, MONTH_STARTS[month], MONTH_STARTS[month + 1]);
}

function checkProcess(p: HospiceProcess): void {
  checkNonNegativeInteger('beds', p.beds);
  checkNonNegative('arrivalsPerDay', p.arrivalsPerDay);
  checkPositive('los.mean', p.los.mean);
  if (p.los.distribution === 'empirical') {
    checkEmpirical(p.los.values, p.los.weights);
    const { mean } = empiricalStay(p.los.values, p.los.weights);
    if (Math.abs(mean - p.los.mean) > 1e-9 * mean) {
      throw invalid('los.mean', p.los.mean);
    }
  } else if (p.los.distribution !== 'exponential') {
    checkPositive('los.median', p.los.median);
    if (p.los.median > p.los.mean) {
      throw invalid('los.median', p.los.median);
    }
  }
  if (p.seasonality !== undefined) {
    if (p.seasonality.length !== 12 || p.seasonality.some((m) => !Number.isFinite(m) || m < 0)) {
      throw invalid('seasonality', p.seasonality);
    }
  }
  if (p.startDayOfYear !== undefined) {
    if (!Number.isInteger(p.startDayOfYear) || p.startDayOfYear < 1 || p.startDayOfYear > 365) {
      throw invalid('startDayOfYear', p.startDayOfYear);
    }
  }
  const w = p.waitingList;
  if (w !== undefined) {
    if (!(w.capacity === Infinity || (Number.isInteger(w.capacity) && w.capacity >= 0))) {
      throw invalid('waitingList.capacity', w.capacity);
    }
    if (w.meanTimeToDeathDays !== undefined) {
      checkPositive('waitingList.meanTimeToDeathDays', w.meanTimeToDeathDays);
    }
    if (w.meanTimeToGiveUpDays !== undefined) {
      checkPositive('waitingList.meanTimeToGiveUpDays', w.meanTimeToGiveUpDays);
    }
  }
}

/** Observer of individual events, used by the daily trace; all times in days. */
interface EngineHooks {
  onAdmit(time: number, stayId: number, lengthOfStay: number): void;
  onDeparture(time: number, stayId: number): void;
  onRefuse(time: number): void;
  onLeaveList(time: number, died: boolean): void;
}

const GONE = 1;
const MEASURED = 2;
const DIES = 4;

/**
 * The event engine. Time in days. Departures and list exits sit in binary heaps; the waiting list is
 * a ring buffer in arrival order whose entries are marked "gone" when the person dies or gives up
 * (lazy deletion: the exit event is ignored if the person was admitted first).
 */
class HospiceEngine {
  time: number;
  busy = 0;
  private readonly beds: number;
  private readonly rng: Rng;
  private readonly departures: MinHeap;
  private readonly exits = new MinHeap();
  private nextStayId = 0;

  // Arrivals (thinning for the seasonal rate).
  private nextArrival: number;
  private readonly maxRate: number;
  private readonly monthRate: Float64Array | null;
  private readonly startDayIndex: number;

  // Length of stay: exponential, lognormal, or drawn from cumulative weights of given values.
  private readonly losIsExponential: boolean;
  private readonly losValues: Float64Array | null;
  private readonly losCumulative: Float64Array | null;
  private readonly losMu: number;
  private readonly losSigma: number;
  private readonly losMean: number;

  // Waiting list.
  private readonly listCapacity: number;
  private readonly meanTimeToDeath: number;
  private readonly meanTimeToGiveUp: number;
  private ringArrival = new Float64Array(64);
  private ringFlags = new Uint8Array(64);
  private ringMask = 63;
  private headId = 0;
  private tailId = 0;
  waiting = 0;

  // Measurement window (arrivals tagged while measuring) and time integrals while integrating.
  measuring = false;
  integrating = false;
  pendingMeasured = 0;
  arrivals = 0;
  refused = 0;
  admitted = 0;
  joinedList = 0;
  diedWaiting = 0;
  gaveUp = 0;
  waitSum = 0;
  busyArea = 0;
  waitingArea = 0;
  fullTime = 0;
  events = 0;

  constructor(
    process: HospiceProcess,
    rng: Rng,
    startTime: number,
    private readonly hooks: EngineHooks | null,
  ) {
    this.beds = process.beds;
    this.rng = rng;
    this.time = startTime;
    this.departures = new MinHeap(process.beds + 1);
    const los = process.los;
    this.losMean = los.mean;
    this.losValues = null;
    this.losCumulative = null;
    if (los.distribution === 'exponential') {
      this.losIsExponential = true;
      this.losMu = 0;
      this.losSigma = 0;
    } else if (los.distribution === 'empirical') {
      this.losIsExponential = false;
      this.losMu = 0;
      this.losSigma = 0;
      this.losValues = Float64Array.from(los.values);
      const cumulative = new Float64Array(los.values.length);
      let sum = 0;
      los.values.forEach((_, i) => {
        sum += los.weights?.[i] ?? 1;
        cumulative[i] = sum;
      });
      this.losCumulative = cumulative.map((c) => c / sum);
    } else {
      this.losIsExponential = false;
      const { mu, sigma } = lognormalFromMeanMedian({ mean: los.mean, median: los.median });
      this.losMu = mu;
      this.losSigma = sigma;
    }
    const seasonality = process.seasonality;
    if (seasonality === undefined) {
      this.monthRate = null;
      this.maxRate = process.arrivalsPerDay;
    } else {
      const peak = Math.max(...seasonality);
      this.maxRate = process.arrivalsPerDay * peak;
      // Acceptance probability per month for thinning (Lewis & Shedler 1979).
      this.monthRate = Float64Array.from(seasonality, (m) => (peak === 0 ? 0 : m / peak));
    }
    this.startDayIndex = (process.startDayOfYear ?? 1) - 1;
    const list = process.waitingList;
    this.listCapacity = list === undefined ? 0 : list.capacity;
    this.meanTimeToDeath = list?.meanTimeToDeathDays ?? Infinity;
    this.meanTimeToGiveUp = list?.meanTimeToGiveUpDays ?? Infinity;
    this.nextArrival = startTime;
    this.scheduleNextArrival();
  }

  private scheduleNextArrival(): void {
    if (this.maxRate === 0) {
      this.nextArrival = Infinity;
      return;
    }
    const meanGap = 1 / this.maxRate;
    let t = this.nextArrival;
    for (;;) {
      t += this.rng.exponential(meanGap);
      const monthRate = this.monthRate;
      if (monthRate === null) {
        break;
      }
      const day = (((Math.floor(t) + this.startDayIndex) % 365) + 365) % 365;
      if (this.rng.next() < monthRate[MONTH_OF_DAY[day]!]!) {
        break;
      }
    }
    this.nextArrival = t;
  }

  private sampleLengthOfStay(): number {
    if (this.losIsExponential) {
      return this.rng.exponential(this.losMean);
    }
    const cumulative = this.losCumulative;
    if (cumulative !== null) {
      // The first value whose cumulative share exceeds u (binary search).
      const u = this.rng.next();
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid]! > u) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      return this.losValues![low]!;
    }
    return Math.exp(this.losMu + this.losSigma * this.rng.standardNormal());
  }

  private integrate(t: number): void {
    if (this.integrating) {
      const dt = t - this.time;
      this.busyArea += this.busy * dt;
      this.waitingArea += this.waiting * dt;
      if (this.busy === this.beds) {
        this.fullTime += dt;
      }
    }
    this.time = t;
  }

  private admit(t: number, arrivalTime: number, measured: boolean): void {
    this.busy++;
    const los = this.sampleLengthOfStay();
    const stayId = this.nextStayId++;
    this.departures.push(t + los, stayId);
    if (measured) {
      this.admitted++;
      this.waitSum += t - arrivalTime;
    }
    this.hooks?.onAdmit(t, stayId, los);
  }

  private growRing(): void {
    const size = this.ringArrival.length;
    const arrival = new Float64Array(size * 2);
    const flags = new Uint8Array(size * 2);
    for (let id = this.headId; id < this.tailId; id++) {
      arrival[id & (size * 2 - 1)] = this.ringArrival[id & this.ringMask]!;
      flags[id & (size * 2 - 1)] = this.ringFlags[id & this.ringMask]!;
    }
    this.ringArrival = arrival;
    this.ringFlags = flags;
    this.ringMask = size * 2 - 1;
  }

  private arrive(t: number): void {
    const measured = this.measuring;
    if (measured) {
      this.arrivals++;
    }
    if (this.busy < this.beds) {
      this.admit(t, t, measured);
    } else if (this.waiting < this.listCapacity) {
      if (this.tailId - this.headId === this.ringArrival.length) {
        this.growRing();
      }
      const id = this.tailId++;
      const slot = id & this.ringMask;
      const death = this.rng.exponential(this.meanTimeToDeath);
      const giveUp = this.rng.exponential(this.meanTimeToGiveUp);
      this.ringArrival[slot] = t;
      this.ringFlags[slot] = (measured ? MEASURED : 0) | (death <= giveUp ? DIES : 0);
      const exitAfter = Math.min(death, giveUp);
      if (exitAfter < Infinity) {
        this.exits.push(t + exitAfter, id);
      }
      this.waiting++;
      if (measured) {
        this.joinedList++;
        this.pendingMeasured++;
      }
    } else {
      if (measured) {
        this.refused++;
      }
      this.hooks?.onRefuse(t);
    }
    this.scheduleNextArrival();
  }

  private depart(t: number): void {
    const stayId = this.departures.peekValue();
    this.departures.pop();
    this.busy--;
    this.hooks?.onDeparture(t, stayId);
    while (this.waiting > 0 && this.busy < this.beds) {
      let slot = this.headId & this.ringMask;
      while ((this.ringFlags[slot]! & GONE) !== 0) {
        this.headId++;
        slot = this.headId & this.ringMask;
      }
      const flags = this.ringFlags[slot]!;
      const measured = (flags & MEASURED) !== 0;
      this.headId++;
      this.waiting--;
      if (measured) {
        this.pendingMeasured--;
      }
      this.admit(t, this.ringArrival[slot]!, measured);
    }
  }

  private leaveList(t: number): void {
    const id = this.exits.peekValue();
    this.exits.pop();
    if (id < this.headId) {
      return; // admitted before this exit time
    }
    const slot = id & this.ringMask;
    const flags = this.ringFlags[slot]!;
    if ((flags & GONE) !== 0) {
      return;
    }
    this.ringFlags[slot] = flags | GONE;
    this.waiting--;
    const died = (flags & DIES) !== 0;
    if ((flags & MEASURED) !== 0) {
      this.pendingMeasured--;
      if (died) {
        this.diedWaiting++;
      } else {
        this.gaveUp++;
      }
    }
    this.hooks?.onLeaveList(t, died);
  }

  /** Processes every event up to and including `limit` (days) and moves the clock to it. */
  advanceTo(limit: number): void {
    for (;;) {
      const tArrival = this.nextArrival;
      const tDeparture = this.departures.peekKey();
      const tExit = this.exits.peekKey();
      if (tDeparture <= tArrival && tDeparture <= tExit) {
        if (tDeparture > limit) {
          break;
        }
        this.integrate(tDeparture);
        this.depart(tDeparture);
      } else if (tExit <= tArrival) {
        if (tExit > limit) {
          break;
        }
        this.integrate(tExit);
        this.leaveList(tExit);
      } else {
        if (tArrival > limit) {
          break;
        }
        this.integrate(tArrival);
        this.arrive(tArrival);
      }
      this.events++;
    }
    this.integrate(limit);
  }
}

export interface SimulationOptions extends HospiceProcess {
  /** Length of the measured period per replication, days. */
  readonly days: number;
  /** Warm-up before measuring starts (the hospice starts empty), days. Default max(365, 20 × LOS). */
  readonly warmupDays?: number;
  /** Independent replications, at least 2 (for the confidence interval). Default 10. */
  readonly replications?: number;
  /** Seed (non-negative integer); replication r uses deriveSeed({seed, stream: r}). */
  readonly seed: number;
}

export interface SimulationResult {
  readonly replications: number;
  /** Requests that arrived in the measured periods, all replications together. */
  readonly arrivals: number;
  /** Share of requests refused (beds full and no room on the waiting list): call congestion. */
  readonly blocking: Estimate;
  /** Share of time all beds were occupied (time congestion; equals blocking for Poisson arrivals). */
  readonly timeCongestion: Estimate;
  /** Mean share of beds occupied. */
  readonly occupancy: Estimate;
  /** Mean wait in days of admitted requests (0 for direct admissions). */
  readonly meanWaitDays: Estimate;
  /** Share of requests that had to go on the waiting list. */
  readonly probabilityOfWaiting: Estimate;
  /** Share of requests that died while on the waiting list. */
  readonly diedWhileWaitingShare: Estimate;
  /** Share of requests that gave up waiting (other care). */
  readonly gaveUpShare: Estimate;
  /** Time-average number of people on the waiting list. */
  readonly meanWaitingListSize: Estimate;
  /** Events processed (arrivals, departures, list exits), for benchmarks. */
  readonly events: number;
}

/**
 * Simulates one hospice or a pooled set of beds and estimates refusals, occupancy and waiting.
 *
 * Units: time in days, rates per day. Each replication starts empty, runs `warmupDays`, then measures
 * `days`; requests arriving in the measured period are followed until admitted or off the list.
 * Results are means over independent replications with a 95% Student-t confidence interval.
 *
 * Assumptions: Poisson arrivals (optionally with a monthly seasonal rate, by thinning — Lewis &
 * Shedler 1979); length of stay lognormal with μ = ln median and σ = √(2 ln(mean/median)) or
 * exponential; FCFS waiting list; time to death and time to giving up exponential and independent.
 * A refused request is lost (no retry). Source: docs/research.md §1.6 and §4.
 */
export function simulateHospice(options: SimulationOptions): SimulationResult {
  checkProcess(options);
  checkPositive('days', options.days);
  const warmupDays = options.warmupDays ?? Math.max(365, 20 * options.los.mean);
  checkNonNegative('warmupDays', warmupDays);
  const replications = options.replications ?? 10;
  if (!Number.isInteger(replications) || replications < 2) {
    throw invalid('replications', replications);
  }
  checkNonNegativeInteger('seed', options.seed);

  const per = {
    blocking: new Float64Array(replications),
    timeCongestion: new Float64Array(replications),
    occupancy: new Float64Array(replications),
    meanWait: new Float64Array(replications),
    probabilityOfWaiting: new Float64Array(replications),
    died: new Float64Array(replications),
    gaveUp: new Float64Array(replications),
    listSize: new Float64Array(replications),
  };
  let arrivals = 0;
  let events = 0;
  for (let r = 0; r < replications; r++) {
    const rng = new Rng(deriveSeed({ seed: options.seed, stream: r }));
    const engine = new HospiceEngine(options, rng, 0, null);
    engine.advanceTo(warmupDays);
    engine.measuring = true;
    engine.integrating = true;
    const end = warmupDays + options.days;
    engine.advanceTo(end);
    engine.measuring = false;
    engine.integrating = false;
    // Follow the requests still on the list to their outcome; later arrivals are not counted. The
    // bound only matters for a list nobody leaves (no beds, or an overloaded list without exits):
    // requests still waiting then keep their wait uncounted.
    const step = Math.max(1, options.los.mean);
    const drainUntil = end + 2 * (warmupDays + options.days) + 1000 * step;
    while (engine.pendingMeasured > 0 && engine.time < drainUntil) {
      engine.advanceTo(engine.time + step);
    }
    const n = engine.arrivals;
    arrivals += n;
    events += engine.events;
    per.blocking[r] = n === 0 ? 0 : engine.refused / n;
    per.timeCongestion[r] = engine.fullTime / options.days;
    per.occupancy[r] = options.beds === 0 ? 0 : engine.busyArea / (options.beds * options.days);
    per.meanWait[r] = engine.admitted === 0 ? 0 : engine.waitSum / engine.admitted;
    per.probabilityOfWaiting[r] = n === 0 ? 0 : engine.joinedList / n;
    per.died[r] = n === 0 ? 0 : engine.diedWaiting / n;
    per.gaveUp[r] = n === 0 ? 0 : engine.gaveUp / n;
    per.listSize[r] = engine.waitingArea / options.days;
  }
  return {
    replications,
    arrivals,
    blocking: meanWithCi95(per.blocking),
    timeCongestion: meanWithCi95(per.timeCongestion),
    occupancy: meanWithCi95(per.occupancy),
    meanWaitDays: meanWithCi95(per.meanWait),
    probabilityOfWaiting: meanWithCi95(per.probabilityOfWaiting),
    diedWhileWaitingShare: meanWithCi95(per.died),
    gaveUpShare: meanWithCi95(per.gaveUp),
    meanWaitingListSize: meanWithCi95(per.listSize),
    events,
  };
}

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

  const days = options.days;
  const admissions = new Int32Array(days);
  const died = new Int32Array(days);
  const home = new Int32Array(days);
  const transferred = new Int32Array(days);
  const refusals = new Int32Array(days);
  const diedWaiting = new Int32Array(days);
  const gaveUp = new Int32Array(days);
  const stayAdmission: number[] = [];
  const stayDeparture: number[] = [];
  const stayKind: DepartureKind[] = [];
  const kindRng = new Rng(deriveSeed({ seed: options.seed, stream: 1 }));
  const dayOf = (t: number): number => Math.floor(t);
  const inTrace = (d: number): boolean => d >= 0 && d < days;

  const hooks: EngineHooks = {
    onAdmit(time, stayId, lengthOfStay) {
      const u = kindRng.next();
      const kind: DepartureKind =
        u < shares.died
          ? 'died'
          : u < shares.died + shares.dischargedHome
            ? 'dischargedHome'
            : 'transferred';
      stayAdmission[stayId] = time;
      stayDeparture[stayId] = time + lengthOfStay;
      stayKind[stayId] = kind;
      const d = dayOf(time);
      if (inTrace(d)) {
        admissions[d]!++;
      }
    },
    onDeparture(time, stayId) {
      const d = dayOf(time);
      if (!inTrace(d)) {
        return;
      }
      const kind = stayKind[stayId]!;
      const counts = kind === 'died' ? died : kind === 'dischargedHome' ? home : transferred;
      counts[d]!++;
    },
    onRefuse(time) {
      const d = dayOf(time);
      if (inTrace(d)) {
        refusals[d]!++;
      }
    },
    onLeaveList(time, hasDied) {
      const d = dayOf(time);
      if (inTrace(d)) {
        (hasDied ? diedWaiting : gaveUp)[d]!++;
      }
    },
  };

  const engine = new HospiceEngine(
    process,
    new Rng(deriveSeed({ seed: options.seed, stream: 0 })),
    -warmupDays,
    hooks,
  );
  engine.advanceTo(0);
  const initialOccupied = engine.busy;
  const startIndex = (options.startDayOfYear ?? 1) - 1;
  const result: DailyTraceDay[] = [];
  for (let d = 0; d < days; d++) {
    // Events exactly at the day boundary belong to the next day (day index = floor(time)).
    engine.advanceTo(nextBelow(d + 1));
    const departuresTotal = died[d]! + home[d]! + transferred[d]!;
    result.push({
      day: d,
      dayOfYear: ((startIndex + d) % 365) + 1,
      occupied: engine.busy,
      admissions: admissions[d]!,
      departures: {
        total: departuresTotal,
        died: died[d]!,
        dischargedHome: home[d]!,
        transferred: transferred[d]!,
      },
      refusals: refusals[d]!,
      waitingList: engine.waiting,
      diedWhileWaiting: diedWaiting[d]!,
      gaveUpWaiting: gaveUp[d]!,
    });
  }

  const stays: TraceStay[] = [];
  for (let id = 0; id < stayAdmission.length; id++) {
    const admission = stayAdmission[id]!;
    const departure = stayDeparture[id]!;
    if (departure < 0 || admission >= days) {
      continue;
    }
    const departureDay = dayOf(departure);
    const isOngoing = departureDay >= days;
    stays.push({
      id,
      admissionDay: dayOf(admission),
      departureDay: isOngoing ? null : departureDay,
      departureKind: isOngoing ? null : stayKind[id]!,
    });
  }
  return { initialOccupied, days: result, stays };
}

/** Largest double below x, so "up to the end of day d" excludes events at exactly d + 1. */
function nextBelow(x: number): number {
  return x - Math.max(Number.EPSILON * Math.abs(x), Number.MIN_VALUE);
}
