// Discrete-event simulation of a hospice (or a pooled set of beds): Poisson arrivals, lognormal
// length of stay, optional FCFS waiting list on which people may die or give up. Used to check
// Erlang B, to estimate waiting-list figures that Erlang C gets wrong, and to generate demo history.
// Method: docs/research.md §1.6 and §4; docs/method.md.

import { checkNonNegative, checkNonNegativeInteger, checkPositive, invalid } from './checks';
import { Rng, deriveSeed } from './random';
import { meanWithCi95, type Estimate } from './statistics';
import { HospiceEngine } from './simulation-engine';
import { checkProcess, type HospiceProcess } from './simulation-process';

export {
  empiricalStay,
  type HospiceProcess,
  type LengthOfStayDistribution,
  type WaitingListOptions,
} from './simulation-process';

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
    per.timeCongestion[r] = engine.area.full / options.days;
    per.occupancy[r] = options.beds === 0 ? 0 : engine.area.busy / (options.beds * options.days);
    per.meanWait[r] = engine.admitted === 0 ? 0 : engine.waitSum / engine.admitted;
    per.probabilityOfWaiting[r] = n === 0 ? 0 : engine.joinedList / n;
    per.died[r] = n === 0 ? 0 : engine.diedWaiting / n;
    per.gaveUp[r] = n === 0 ? 0 : engine.gaveUp / n;
    per.listSize[r] = engine.area.waiting / options.days;
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
