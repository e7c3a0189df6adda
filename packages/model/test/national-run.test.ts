import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syntheticRegions } from '../bench/model-bench';
import { forecast, forecastDraws, forecastNation, type RegionInput } from '../src/demand';
import { erlangB, minBedsForTarget } from '../src/erlang';
import { nationalPopulation } from '../src/population';
import { BASELINE, PROFESSIONAL_CENTRAL, SCENARIOS } from '../src/scenarios';

// Approved outputs of the Monte Carlo forecast, as a SHA-256 of their JSON. JSON writes every
// float64 in its shortest round-trip form, so equal hashes mean bit-identical numbers: a faster
// implementation of the same pipeline must keep them, a deliberate change of the model updates
// them (and says why in its commit).
const hashOf = (value: unknown): string =>
  createHash('sha256')
    .update(
      JSON.stringify(value, (_key, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v)),
    )
    .digest('hex');

const nl = nationalPopulation({ year: 2024 });
const scaled = (share: number) => ({
  '0-64': nl['0-64'] * share,
  '65-79': nl['65-79'] * share,
  '80+': nl['80+'] * share,
});

// Regions that take the branches the benchmark's regions do not: no hospice (virtual houses),
// given deaths with their own band, reported activity, clusters by distance, one large pool.
const VARIED: RegionInput[] = [
  {
    code: 'ZK01',
    basePopulation: scaled(0.02),
    hospiceBeds: [],
    deathsByYear: { 2024: 3_400, 2030: 3_700, 2040: 4_200, 2050: 4_500 },
    deathsLogSd: { 2024: 0, 2030: 0.03, 2040: 0.06, 2050: 0.09 },
  },
  {
    code: 'ZK02',
    basePopulation: scaled(0.05),
    hospiceBeds: [6, 8, 4, 10, 6],
    observed: { admissionsPerYear: 600, refusalsPerYear: 250, meanLengthOfStay: 19, year: 2024 },
  },
  {
    code: 'ZK03',
    basePopulation: scaled(0.04),
    hospiceBeds: [5, 7, 6, 9],
    hospiceLocations: [
      { latitude: 52.37, longitude: 4.9 },
      { latitude: 52.4, longitude: 4.92 },
      { latitude: 52.09, longitude: 5.12 },
      null,
    ],
  },
  { code: 'ZK04', basePopulation: scaled(0.08), hospiceBeds: [40] },
];

describe('national run (the benchmark: 31 regions × 2025–2050 × 4 scenarios × 1,000 draws)', () => {
  it('gives the approved bands for the nation and every region', () => {
    const regions = syntheticRegions();
    const outputs = SCENARIOS.map((scenario) =>
      forecastNation(regions, scenario, {
        from: 2025,
        to: 2050,
        uncertainty: { draws: 1000, seed: 2024 },
      }),
    );
    expect(outputs[0]!.nation.at(-1)!.bedsNeededErlang).toEqual({
      p10: 1796,
      p50: 2031,
      p90: 2317.2,
    });
    expect(hashOf(outputs)).toBe(
      'de228a59ed60c4ad21147f705db96867f2475002c9d66aa8297e812afb7635ce',
    );
  });
});

describe('forecast outputs over the whole history and every pooling override', () => {
  it('gives the approved bands from 2000 with the scenario paths and with each override', () => {
    const options = { from: 2000, to: 2050, uncertainty: { draws: 200, seed: 7 } } as const;
    const outputs = [
      forecastNation(VARIED, PROFESSIONAL_CENTRAL, options),
      forecastNation(VARIED, BASELINE, { ...options, pooling: 'hospice' }),
      forecastNation(VARIED, BASELINE, { ...options, pooling: 'cluster', target: 0.1 }),
      forecastNation(VARIED, BASELINE, {
        ...options,
        pooling: 'region',
        multipleRegistrationShare: 0.2,
      }),
    ];
    expect(hashOf(outputs)).toBe(
      '88f070d861f99617711292082a3ac0b2441fab09345dfede3059b00909546b0d',
    );
  });

  it('gives the approved point forecasts and draws', () => {
    const outputs = [
      ...VARIED.map((r) => forecast(r, PROFESSIONAL_CENTRAL, { from: 2000, to: 2050 })),
      forecastNation(VARIED, BASELINE, { from: 2010, to: 2050, pooling: 'cluster' }),
      ...VARIED.map((r) =>
        forecastDraws(r, BASELINE, { from: 2020, to: 2050, uncertainty: { draws: 50, seed: 3 } }),
      ),
    ];
    expect(hashOf(outputs)).toBe(
      '7a8a9c275bed12f1036efc31b222d146b3cede3d6e9926cff83b00f60a267e32',
    );
  });
});

describe('pool sizing of the draws', () => {
  // Seven draws: one group of four chains side by side and three alone. A tiny load on 300 beds
  // drives 1/B past the float64 range long before today's beds, in chains that met the target.
  it.each([
    ['a large pool at a tiny load', scaled(0.00002), [300]],
    ['a pool at a usual load', scaled(0.02), [30]],
  ])('gives each draw the beds and refusals of Erlang B alone (%s)', (_name, population, beds) => {
    const region: RegionInput = { code: 'ZK05', basePopulation: population, hospiceBeds: beds };
    const years = forecastDraws(region, BASELINE, {
      from: 2030,
      to: 2031,
      pooling: 'region',
      target: 0.05,
      uncertainty: { draws: 7, seed: 11 },
    });
    for (const { values } of years) {
      values.offeredLoad.forEach((load, d) => {
        expect(values.bedsNeededErlang[d]).toBe(
          minBedsForTarget({ offeredLoad: load, target: 0.05 }),
        );
        expect(values.refusalShareCurrentBeds[d]).toBeCloseTo(
          erlangB({ offeredLoad: load, beds: beds[0]! }),
          12,
        );
      });
    }
  });
});
