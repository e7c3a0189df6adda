import { MinHeap } from './heap';
import type { Rng } from './random';
import { lognormalFromMeanMedian } from './random';
import type { HospiceProcess } from './simulation-process';

// The discrete-event engine behind the simulation and the daily trace.

// Cumulative day counts of a 365-day year, to map a day of the year to its month.
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
const MONTH_OF_DAY = new Uint8Array(365);
for (let month = 0; month < 12; month++) {
  MONTH_OF_DAY.fill(month, MONTH_STARTS[month], MONTH_STARTS[month + 1]);
}

/** Observer of individual events, used by the daily trace; all times in days. */
export interface EngineHooks {
  onAdmit(time: number, stayId: number, lengthOfStay: number): void;
  onDeparture(time: number, stayId: number): void;
  onRefuse(time: number): void;
  onLeaveList(time: number, died: boolean): void;
}

const GONE = 1;
const MEASURED = 2;
const DIES = 4;

/** What drawing a length of stay needs, computed once per engine. */
function losSampling(los: HospiceProcess['los']): {
  isExponential: boolean;
  values: Float64Array | null;
  cumulative: Float64Array | null;
  mu: number;
  sigma: number;
} {
  if (los.distribution === 'exponential') {
    return { isExponential: true, values: null, cumulative: null, mu: 0, sigma: 0 };
  }
  if (los.distribution === 'empirical') {
    const cumulative = new Float64Array(los.values.length);
    let sum = 0;
    los.values.forEach((_, i) => {
      sum += los.weights?.[i] ?? 1;
      cumulative[i] = sum;
    });
    return {
      isExponential: false,
      values: Float64Array.from(los.values),
      cumulative: cumulative.map((c) => c / sum),
      mu: 0,
      sigma: 0,
    };
  }
  const { mu, sigma } = lognormalFromMeanMedian({ mean: los.mean, median: los.median });
  return { isExponential: false, values: null, cumulative: null, mu, sigma };
}

/**
 * The event engine. Time in days. Departures and list exits sit in binary heaps; the waiting list is
 * a ring buffer in arrival order whose entries are marked "gone" when the person dies or gives up
 * (lazy deletion: the exit event is ignored if the person was admitted first).
 */
export class HospiceEngine {
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

  // Measurement window: requests arriving while measuring are tagged and followed to the end.
  measuring = false;
  pendingMeasured = 0;
  arrivals = 0;
  refused = 0;
  admitted = 0;
  joinedList = 0;
  diedWaiting = 0;
  gaveUp = 0;
  waitSum = 0;

  // Time integrals while integrating: beds occupied, people waiting, time with all beds full.
  integrating = false;
  readonly area = { busy: 0, waiting: 0, full: 0 };

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
    const los = losSampling(process.los);
    this.losMean = process.los.mean;
    this.losIsExponential = los.isExponential;
    this.losValues = los.values;
    this.losCumulative = los.cumulative;
    this.losMu = los.mu;
    this.losSigma = los.sigma;
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
      this.area.busy += this.busy * dt;
      this.area.waiting += this.waiting * dt;
      if (this.busy === this.beds) {
        this.area.full += dt;
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
