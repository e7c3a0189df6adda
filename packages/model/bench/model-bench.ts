// Model benchmarks: figures only, no assertions. performance.now() is allowed here, not in src.
import { erlangB, minBedsForTarget } from '../src/erlang';
import { forecastNation, type RegionInput } from '../src/demand';
import { nationalPopulation } from '../src/population';
import { createRng } from '../src/random';
import { SCENARIOS } from '../src/scenarios';
import { simulateHospice } from '../src/simulation';

/** Runs `body` repeatedly for at least `minMs` and returns calls per second. */
function perSecond(body: () => void, minMs = 300): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 1000; i++) {
      body();
    }
    calls += 1000;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (calls / elapsed) * 1000;
}

/**
 * 31 synthetic regions: population shares like the zorgkantoorregio's (0.6%–7.7% of NL) and 3–12
 * hospices of 4–10 beds, from a fixed seed.
 */
export function syntheticRegions(): RegionInput[] {
  const rng = createRng({ seed: 31 });
  const nl = nationalPopulation({ year: 2024 });
  const weights = Array.from({ length: 31 }, () => 0.5 + rng.next() * 2);
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w, i) => {
    const share = w / sum;
    const houses = 3 + Math.floor(rng.next() * 10);
    return {
      code: `ZK${String(i + 1).padStart(2, '0')}`,
      basePopulation: {
        '0-64': nl['0-64'] * share,
        '65-79': nl['65-79'] * share,
        '80+': nl['80+'] * share,
      },
      hospiceBeds: Array.from({ length: houses }, () => 4 + Math.floor(rng.next() * 7)),
    };
  });
}

export async function modelBenchmarks(): Promise<Array<[string, number]>> {
  const rng = createRng({ seed: 1 });
  const loads = Float64Array.from({ length: 4096 }, () => rng.next() * 80);
  const beds = Int32Array.from({ length: 4096 }, () => 1 + Math.floor(rng.next() * 100));
  let i = 0;
  let sink = 0;
  const erlangPerSecond = perSecond(() => {
    i = (i + 1) & 4095;
    sink += erlangB({ offeredLoad: loads[i]!, beds: beds[i]! });
  });
  const minBedsPerSecond = perSecond(() => {
    i = (i + 1) & 4095;
    sink += minBedsForTarget({ offeredLoad: loads[i]!, target: 0.05 });
  });

  const simStart = performance.now();
  const sim = simulateHospice({
    beds: 25,
    arrivalsPerDay: 0.8,
    los: { mean: 25, median: 14 },
    days: 250_000,
    replications: 4,
    seed: 1,
    waitingList: { capacity: 10, meanTimeToDeathDays: 14 },
  });
  const simSeconds = (performance.now() - simStart) / 1000;

  // The national run and its baseline in three rounds, interleaved, so that a change of machine
  // load in between hits both alike; each figure is the fastest of its three rounds. The first round
  // of each is the warm-up (the same treatment for both): it mostly times the JIT compiling the
  // model's code, which the bare loop of the baseline hardly has, and a busy machine's other work.
  const regions = syntheticRegions();
  const draws = 1000;
  let nationalSeconds = Infinity;
  let baselineSeconds = Infinity;
  let chains: Chain[] | undefined;
  for (let round = 0; round < 3; round++) {
    const nationalStart = performance.now();
    const outputs = SCENARIOS.map((scenario) =>
      forecastNation(regions, scenario, {
        from: 2025,
        to: 2050,
        uncertainty: { draws, seed: 2024 },
      }),
    );
    nationalSeconds = Math.min(nationalSeconds, (performance.now() - nationalStart) / 1000);
    chains ??= baselineChains(outputs);
    baselineSeconds = Math.min(baselineSeconds, bareErlangSeconds(chains, draws));
    sink += outputs.length;
  }
  if (Number.isNaN(sink)) {
    throw new Error('benchmark produced NaN');
  }
  await Promise.resolve();
  return [
    ['erlang-b-per-second', Math.round(erlangPerSecond)],
    ['min-beds-per-second', Math.round(minBedsPerSecond)],
    ['simulation-events-per-second', Math.round(sim.events / simSeconds)],
    ['national-run-seconds', Number(nationalSeconds.toFixed(3))],
    ['national-run-baseline', Number(baselineSeconds.toFixed(3))],
    ['national-run-ratio', Number((nationalSeconds / baselineSeconds).toFixed(3))],
  ];
}

const median = (v: number | { p50: number }) => (typeof v === 'number' ? v : v.p50);

/** One chain of the baseline: a load and the number of recursion steps at it. */
type Chain = [load: number, steps: number];

/**
 * The chains of the baseline of the national run: each region, year and scenario runs the
 * recursion up to the larger of the beds needed and today's beds (that is where the model's search
 * stops), at the median draw's load; the median draw's counts stand for every draw.
 */
function baselineChains(
  outputs: ReadonlyArray<{
    regions: ReadonlyArray<{
      rows: ReadonlyArray<{
        offeredLoad: number | { p50: number };
        bedsNeededErlang: number | { p50: number };
        currentBeds: number | { p50: number };
      }>;
    }>;
  }>,
): Chain[] {
  const chains: Chain[] = [];
  for (const out of outputs) {
    for (const region of out.regions) {
      for (const row of region.rows) {
        const steps = Math.max(median(row.bedsNeededErlang), median(row.currentBeds));
        chains.push([Math.max(median(row.offeredLoad), 1e-9), Math.round(steps)]);
      }
    }
  }
  return chains;
}

/**
 * The baseline of the national run: the bare Erlang B recursion (1/Bₖ = 1 + (k/a)·(1/Bₖ₋₁), the
 * form the model's hot loop uses) over the same number of steps, every chain once per draw, in
 * seconds. What the run does beyond that (drawing parameters, demography, bands) is the model's
 * overhead.
 */
function bareErlangSeconds(chains: readonly Chain[], draws: number): number {
  let sink = 0;
  const start = performance.now();
  for (let d = 0; d < draws; d++) {
    for (const [load, steps] of chains) {
      // A slightly different load per draw, as the draws have, so nothing is hoisted out.
      const inverseLoad = 1 / (load * (1 + d * 1e-6));
      let inverse = 1;
      for (let k = 1; k <= steps; k++) {
        inverse = 1 + k * inverseLoad * inverse;
      }
      sink += inverse;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  if (Number.isNaN(sink)) {
    throw new Error('baseline produced NaN');
  }
  return seconds;
}
