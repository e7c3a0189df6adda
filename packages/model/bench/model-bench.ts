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

  const regions = syntheticRegions();
  const nationalStart = performance.now();
  for (const scenario of SCENARIOS) {
    const out = forecastNation(regions, scenario, {
      from: 2025,
      to: 2050,
      uncertainty: { draws: 1000, seed: 2024 },
    });
    sink += out.nation.length;
  }
  const nationalSeconds = (performance.now() - nationalStart) / 1000;
  if (Number.isNaN(sink)) {
    throw new Error('benchmark produced NaN');
  }
  await Promise.resolve();
  return [
    ['erlang-b-per-second', Math.round(erlangPerSecond)],
    ['min-beds-per-second', Math.round(minBedsPerSecond)],
    ['simulation-events-per-second', Math.round(sim.events / simSeconds)],
    ['national-run-seconds', Number(nationalSeconds.toFixed(3))],
  ];
}
