import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, type ForecastRow } from '@palliamonitor/model';
import {
  answerForecast,
  factsFor,
  modelInputs,
  registryFacts,
  seedDemoActivity,
  seedDemoRegistry,
  submitReturns,
  type Store,
} from '../src/index';
import { createUtrechtHospice, openTestStore, storeName } from './test-store';

// The forecast answer on a real store: observed years, provenance of every input, the calibrated
// defaults against today's beds, smooth scenario lines, and reported activity replacing defaults.

const now = new Date('2026-06-15T12:00:00Z');
const asOf = '2026-06-15';

describe(`forecast answer on the demo registry (${storeName})`, () => {
  let store: Store;
  let answer: (
    scenario?: (typeof SCENARIOS)[number],
    from?: number,
    to?: number,
  ) => Promise<ReturnType<typeof answerForecast>>;

  beforeAll(async () => {
    store = await openTestStore();
    await seedDemoRegistry(store.db, now);
    const inputs = await modelInputs(store.db, asOf);
    const facts = factsFor(await registryFacts(store.db, asOf), 'NL');
    answer = async (scenario = SCENARIOS[0]!, from = 2019, to = 2050) =>
      answerForecast(inputs, 'NL', scenario, { from, to }, { facts, asOf });
  });
  afterAll(async () => {
    await store.close();
  });

  it('marks the observed years with the CBS deaths (2024: 172,165) and lists every input', async () => {
    const { rows, inputs, registry } = await answer();
    const row = (year: number) => rows.find((r) => r.year === year)!;
    expect(row(2019)).toMatchObject({ observed: true, observedDeaths: 151_885 });
    expect(row(2024)).toMatchObject({ observed: true, observedDeaths: 172_165 });
    // The nation's observed deaths are the CBS counts themselves, not a sum of its regions.
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024]) {
      expect(row(year).deaths).toBe(row(year).observedDeaths);
    }
    expect(row(2024).deaths).toBe(172_165);
    expect(row(2025).observed).toBe(false);
    expect(row(2025).observedDeaths).toBeUndefined();
    expect(inputs.length).toBeGreaterThan(15);
    for (const input of inputs) {
      expect(['measured', 'imported', 'assumed']).toContain(input.provenance);
      expect(input.source.length).toBeGreaterThan(5);
    }
    expect(inputs.map((i) => i.name)).toEqual(
      expect.arrayContaining(['deaths.national', 'hospiceShare', 'hospiceBeds']),
    );
    // Every demo facility is synthetic, and the answer says so.
    expect(registry.restsOnSyntheticFacilities).toBe(true);
    expect(registry.syntheticBeds).toBe(registry.beds);
  });

  it('marks a region observed from 2002 to 2021 with its CBS deaths, and modelled after', async () => {
    const inputs = await modelInputs(store.db, asOf);
    const facts = factsFor(await registryFacts(store.db, asOf), 'ZK02');
    const { rows } = answerForecast(
      inputs,
      'ZK02',
      SCENARIOS[0]!,
      { from: 2000, to: 2030 },
      { facts, asOf },
    );
    const observed = rows.filter((r) => r.observed).map((r) => r.year);
    expect(observed).toEqual(Array.from({ length: 20 }, (_, i) => 2002 + i));
    const row = (year: number) =>
      rows.find((r) => r.year === year)! as ForecastRow<number> & { observedDeaths?: number };
    // Amsterdam 6,546 + Weesp 228 + Diemen 148 in 2002; 6,363 in 2021 (CBS export).
    expect(row(2002).observedDeaths).toBe(6_922);
    expect(row(2021).observedDeaths).toBe(6_363);
    for (const year of observed) {
      expect(Math.abs(row(year).deaths / row(year).observedDeaths! - 1)).toBeLessThan(0.003);
    }
    expect(row(2022).observedDeaths).toBeUndefined();
  });

  it("puts today's national occupancy in the observed 70–85% and reproduces the refusals built in", async () => {
    const { rows } = await answer(SCENARIOS[0], 2024, 2024);
    const today = rows[0]! as ForecastRow<number>;
    expect(today.occupancyCurrentBeds).toBeGreaterThan(0.7);
    expect(today.occupancyCurrentBeds).toBeLessThan(0.85);
    // Demand holds 7,500 × (1,200 ÷ 855) × (1 − 0.5) refused people; today's beds refuse about as many.
    const builtIn = 7_500 * (1_200 / 855) * 0.5;
    expect(Math.abs(today.refusalsPerYearCurrentBeds / builtIn - 1)).toBeLessThan(0.1);
  });

  it('lets no built-in scenario line jump more than 5% in a year beyond its demand', async () => {
    for (const scenario of SCENARIOS) {
      const rows = (await answer(scenario, 2024, 2050)).rows as ForecastRow<number>[];
      for (let i = 1; i < rows.length; i++) {
        const demand = Math.abs(rows[i]!.offeredLoad / rows[i - 1]!.offeredLoad - 1);
        for (const key of ['bedsNeededErlang', 'bedsNeededNorm', 'hospiceRequests'] as const) {
          const change = Math.abs(rows[i]![key] / rows[i - 1]![key] - 1);
          expect(change, `${scenario.id} ${key} ${rows[i]!.year}`).toBeLessThanOrEqual(
            demand + 0.05,
          );
        }
      }
    }
  });
});

describe(`reported activity replaces the defaults (${storeName})`, () => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });

  /** Monthly returns of one 10-bed house: 12 admissions, 3 refusals, stays of 20 days. */
  async function report(hospice: string, months: string[]): Promise<void> {
    await submitReturns(
      store.db,
      months.map((month) => {
        const [y, m] = month.split('-').map(Number) as [number, number];
        const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
        return {
          hospice,
          month,
          occupiedStart: 8,
          admissions: 12,
          departuresDied: 12,
          departuresDischargedHome: 0,
          departuresTransferred: 0,
          occupiedEnd: 8,
          bedDays: 8 * days,
          refusals: 3,
          lengthOfStayDaysTotal: 240,
        };
      }),
      'api',
      { actor: 'test', now },
    );
  }

  const months = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      new Date(Date.UTC(2026, 4 - i, 1)).toISOString().slice(0, 7),
    ).reverse();

  it('ignores fewer than twelve reported months, then uses a full year', async () => {
    const hospice = await createUtrechtHospice(store, 'Hospice Test', 10, new Date('2025-01-01'));
    await report(hospice, months(11));
    let zk23 = (await modelInputs(store.db, asOf)).find((r) => r.code === 'ZK23')!;
    expect(zk23.observed).toBeUndefined();

    await report(hospice, months(12));
    const inputs = await modelInputs(store.db, asOf);
    zk23 = inputs.find((r) => r.code === 'ZK23')!;
    expect(zk23.observed).toMatchObject({
      admissionsPerYear: 144,
      refusalsPerYear: 36,
      meanLengthOfStay: 20,
      year: 2026,
    });
    expect(inputs.filter((r) => r.observed)).toHaveLength(1);

    const facts = factsFor(await registryFacts(store.db, asOf), 'ZK23');
    const out = answerForecast(
      inputs,
      'ZK23',
      SCENARIOS[0]!,
      { from: 2026, to: 2027 },
      {
        facts,
        asOf,
      },
    );
    const row = out.rows[0]! as ForecastRow<number>;
    // Demand = admissions + refusals × (1 − 0.5); the stay is the reported one.
    expect(row.hospiceRequests).toBeCloseTo(144 + 36 * 0.5, 6);
    expect(row.meanLengthOfStay).toBeCloseTo(20, 9);
    const measured = out.inputs.find((i) => i.name === 'observed.ZK23')!;
    expect(measured.provenance).toBe('measured');
    expect(measured.source).toContain('2025-06–2026-05');
    expect(out.registry.restsOnSyntheticFacilities).toBe(false);
  });
});

describe(`synthetic demo activity is not a measurement (${storeName})`, () => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
    await seedDemoRegistry(store.db, now);
    await seedDemoActivity(store.db, now, { months: 13 });
  });
  afterAll(async () => {
    await store.close();
  });

  it('keeps the calibrated defaults where the reported figures are synthetic', async () => {
    const inputs = await modelInputs(store.db, asOf);
    expect(inputs.filter((r) => r.observed)).toHaveLength(0);
  });
});
