import { describe, expect, it } from 'vitest';
import { bedsByOccupancyNorm, capacity } from './capacity';
import { defaultClusters } from './pools';
import { forecast, forecastDraws, forecastNation, FORECAST_KEYS, type RegionInput } from './demand';
import { erlangB, minBedsForTarget } from './erlang';
import { nationalPopulation } from './population';
import { quantileInPlace } from './statistics';
import { BASELINE, PROFESSIONAL_CENTRAL, type Scenario } from './scenarios';

const half = (b: { '0-64': number; '65-79': number; '80+': number }) => ({
  '0-64': b['0-64'] / 2,
  '65-79': b['65-79'] / 2,
  '80+': b['80+'] / 2,
});

const region: RegionInput = {
  code: 'ZK99',
  basePopulation: {
    '0-64': 450_000,
    '65-79': 90_000,
    '80+': 30_000,
  },
  hospiceBeds: [4, 6, 8, 5, 7, 6, 4],
};

/** A scenario with one numeric parameter replaced by a constant. */
function withConstant(
  scenario: Scenario,
  key: 'informalCareIndex' | 'aliveDischargeShare' | 'hospiceShare',
  value: number,
): Scenario {
  return {
    ...scenario,
    parameters: {
      ...scenario.parameters,
      [key]: { points: [{ year: 2024, value, basis: 'assumption' }] },
    },
  };
}

/** The calibrated 2024 hospice share and the default uncensoring (1 + 7,500 ÷ 12,000 × 0.5). */
const SHARE = BASELINE.parameters.hospiceShare.points[0]!.value;
const UNCENSORING = 1 + (7_500 / 12_000) * 0.5;

describe('forecast', () => {
  const rows = forecast(region, BASELINE, { from: 2024, to: 2050 });
  const byHospice = forecast(region, BASELINE, { from: 2024, to: 2050, pooling: 'hospice' });

  it('returns one row per year with the agreed keys, all numbers', () => {
    expect(rows).toHaveLength(27);
    for (const key of ['year', ...FORECAST_KEYS]) {
      expect(typeof rows[0]![key as keyof (typeof rows)[0]]).toBe('number');
    }
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: 27 }, (_, i) => 2024 + i));
  });

  it('chains deaths → expected deaths → requests → load → beds as documented', () => {
    for (const r of rows) {
      expect(r.expectedDeaths).toBeCloseTo(r.deaths * 0.65, 6);
      expect(r.hospiceRequests).toBeCloseTo(r.expectedDeaths * SHARE * 1.07 * UNCENSORING, 6);
      expect(r.offeredLoad).toBeCloseTo((r.hospiceRequests / 365) * 22, 9);
      expect(r.bedsNeededNorm).toBe(Math.ceil(r.offeredLoad / 0.8));
      expect(r.currentBeds).toBe(40);
      expect(r.gap).toBe(r.bedsNeededErlang - 40);
      expect(r.refusalsPerYearCurrentBeds).toBeCloseTo(
        r.hospiceRequests * r.refusalShareCurrentBeds,
        6,
      );
    }
  });

  it('sizes each hospice apart at pooling "hospice": load split in proportion to beds', () => {
    const r = byHospice[10]!;
    const expected = region.hospiceBeds.reduce(
      (sum, beds) =>
        sum + minBedsForTarget({ offeredLoad: (r.offeredLoad * beds) / 40, target: 0.05 }),
      0,
    );
    expect(r.bedsNeededErlang).toBe(expected);
    const refused = region.hospiceBeds.reduce((sum, beds) => {
      const a = (r.offeredLoad * beds) / 40;
      return sum + a * erlangB({ offeredLoad: a, beds });
    }, 0);
    expect(r.refusalShareCurrentBeds).toBeCloseTo(refused / r.offeredLoad, 12);
  });

  it('needs fewer beds the more the beds are pooled (region ≤ cluster ≤ hospice)', () => {
    const at = (pooling: 'hospice' | 'cluster' | 'region') =>
      forecast(region, BASELINE, { from: 2040, to: 2040, pooling })[0]!;
    const hospice = at('hospice');
    const cluster = at('cluster');
    const pooled = at('region');
    expect(pooled.bedsNeededErlang).toBe(
      minBedsForTarget({ offeredLoad: pooled.offeredLoad, target: 0.05 }),
    );
    expect(pooled.bedsNeededErlang).toBeLessThan(cluster.bedsNeededErlang);
    expect(cluster.bedsNeededErlang).toBeLessThan(hospice.bedsNeededErlang);
    expect(pooled.refusalShareCurrentBeds).toBeLessThan(hospice.refusalShareCurrentBeds);
    expect(pooled.occupancyAtNeeded).toBeGreaterThan(hospice.occupancyAtNeeded);
  });

  it('projects a region with the national growth per age band', () => {
    const nl = nationalPopulation({ year: 2024 });
    const halfNl: RegionInput = { code: 'ZK01', basePopulation: half(nl), hospiceBeds: [] };
    const wholeNl: RegionInput = { code: 'NL', basePopulation: nl, hospiceBeds: [] };
    const a = forecast(halfNl, BASELINE, { from: 2024, to: 2050 });
    const b = forecast(wholeNl, BASELINE, { from: 2024, to: 2050 });
    a.forEach((row, i) => expect(row.deaths).toBeCloseTo(b[i]!.deaths / 2, 6));
  });

  it('uses deaths and population given per year instead of the model', () => {
    const given: RegionInput = { ...region, deathsByYear: { 2030: 6000 } };
    const out = forecast(given, BASELINE, { from: 2029, to: 2031 });
    expect(out[1]!.deaths).toBe(6000);
    expect(out[0]!.deaths).toBeCloseTo(rows[5]!.deaths, 9);
    const prognosis: RegionInput = {
      ...region,
      populationByYear: { 2040: { '0-64': 0, '65-79': 0, '80+': 60_000 } },
    };
    const p = forecast(prognosis, BASELINE, { from: 2040, to: 2041 });
    expect(p[0]!.deaths).toBeLessThan(rows[16]!.deaths);
    // 2041 is projected from the 2040 prognosis, not from the base year.
    expect(p[1]!.deaths / p[0]!.deaths).toBeGreaterThan(1);
  });

  it('raises requests by k·(1 − informal-care index)', () => {
    const lower = forecast(region, withConstant(BASELINE, 'informalCareIndex', 0.8), {
      from: 2030,
      to: 2030,
    });
    expect(lower[0]!.hospiceRequests / rows[6]!.hospiceRequests).toBeCloseTo(1 + 0.5 * 0.2, 12);
  });

  it('assumes houses of 6 beds where a region has no hospice', () => {
    const empty: RegionInput = { ...region, code: 'ZK02', hospiceBeds: [] };
    const r = forecast(empty, BASELINE, { from: 2050, to: 2050, pooling: 'hospice' })[0]!;
    const houses = capacity(empty, BASELINE, { year: 2050 }).byPooling.hospice.pools;
    expect(houses.length).toBeGreaterThan(1);
    for (const house of houses) {
      expect(house.bedsNeeded).toBeLessThanOrEqual(6);
    }
    expect(r.bedsNeededErlang).toBe(houses.reduce((s, h) => s + h.bedsNeeded, 0));
    expect(r.currentBeds).toBe(0);
    expect(r.refusalShareCurrentBeds).toBe(1);
  });

  it('follows the scenario pooling path, ramping over ten years, unless the option overrides it', () => {
    const byScenario = forecast(region, PROFESSIONAL_CENTRAL, { from: 2030, to: 2040 });
    const at = (year: number, pooling: 'cluster' | 'region') =>
      forecast(region, PROFESSIONAL_CENTRAL, { from: year, to: year, pooling })[0]!;
    expect(byScenario.at(-1)!.bedsNeededErlang).toBe(at(2040, 'region').bedsNeededErlang);
    expect(byScenario[0]!.bedsNeededErlang).toBe(at(2030, 'cluster').bedsNeededErlang);
    // 2035 is half-way: the mean of the two levels' beds.
    const mid = byScenario[5]!.bedsNeededErlang;
    expect(mid).toBeCloseTo(
      (at(2035, 'cluster').bedsNeededErlang + at(2035, 'region').bedsNeededErlang) / 2,
      9,
    );
  });

  it('gives P10 ≤ P50 ≤ P90 bands, deterministic per seed, with known 2024 deaths', () => {
    const options = { from: 2024, to: 2050, uncertainty: { draws: 200, seed: 3 } } as const;
    const bands = forecast(region, BASELINE, options);
    expect(forecast(region, BASELINE, options)).toEqual(bands);
    expect(
      forecast(region, BASELINE, { ...options, uncertainty: { draws: 200, seed: 4 } }),
    ).not.toEqual(bands);
    for (const row of bands) {
      for (const key of ['deaths', 'hospiceRequests', 'offeredLoad', 'bedsNeededErlang'] as const) {
        expect(row[key].p10).toBeLessThanOrEqual(row[key].p50);
        expect(row[key].p50).toBeLessThanOrEqual(row[key].p90);
      }
    }
    expect(bands[0]!.deaths.p10).toBeCloseTo(bands[0]!.deaths.p90, 9);
    expect(bands[26]!.deaths.p90 - bands[26]!.deaths.p10).toBeGreaterThan(
      0.05 * bands[26]!.deaths.p50,
    );
    expect(bands[26]!.hospiceRequests.p90).toBeGreaterThan(bands[26]!.hospiceRequests.p10);
  });

  it('bands are exactly the quantiles of the Monte Carlo draws, for every key and pooling', () => {
    const options = { from: 2024, to: 2050, uncertainty: { draws: 157, seed: 8 } } as const;
    const empty: RegionInput = { ...region, code: 'ZK03', hospiceBeds: [] };
    for (const input of [region, empty]) {
      for (const scenario of [BASELINE, PROFESSIONAL_CENTRAL]) {
        const bands = forecast(input, scenario, options);
        const draws = forecastDraws(input, scenario, options);
        draws.forEach(({ year, values }, i) => {
          expect(bands[i]!.year).toBe(year);
          for (const key of FORECAST_KEYS) {
            const band = bands[i]![key];
            expect(band.p10).toBeCloseTo(quantileInPlace(values[key].slice(), 0.1), 9);
            expect(band.p50).toBeCloseTo(quantileInPlace(values[key].slice(), 0.5), 9);
            expect(band.p90).toBeCloseTo(quantileInPlace(values[key].slice(), 0.9), 9);
          }
        });
      }
    }
  });

  it('throws exact messages for invalid input', () => {
    expect(() => forecast(region, BASELINE, { from: 1999, to: 2030 })).toThrow(
      'invalid from: 1999',
    );
    expect(() =>
      forecast(region, BASELINE, { from: 2030, to: 2030, multipleRegistrationShare: 1.5 }),
    ).toThrow('invalid multipleRegistrationShare: 1.5');
    expect(() => forecast(region, BASELINE, { from: 2030, to: 2051 })).toThrow('invalid to: 2051');
    expect(() => forecast({ ...region, code: 'zk1' }, BASELINE, { from: 2030, to: 2030 })).toThrow(
      'invalid code: "zk1"',
    );
    expect(() =>
      forecast({ ...region, hospiceBeds: [4, -3] }, BASELINE, { from: 2030, to: 2030 }),
    ).toThrow('invalid hospiceBeds[1]: -3');
    expect(() =>
      forecast({ ...region, hospiceBeds: [4, 5], clusters: [[0]] }, BASELINE, {
        from: 2030,
        to: 2030,
      }),
    ).toThrow('invalid clusters: [[0]]');
    expect(() =>
      forecast(region, BASELINE, { from: 2030, to: 2030, uncertainty: { draws: 1, seed: 1 } }),
    ).toThrow('invalid uncertainty.draws: 1');
  });
});

describe('defaultClusters', () => {
  it('cuts hospices into contiguous groups of about three', () => {
    expect(defaultClusters({ hospiceCount: 7 })).toEqual([
      [0, 1, 2],
      [3, 4, 5, 6],
    ]);
    expect(defaultClusters({ hospiceCount: 2 })).toEqual([[0, 1]]);
    expect(defaultClusters({ hospiceCount: 0 })).toEqual([]);
  });
});

describe('forecastNation', () => {
  const regions: RegionInput[] = [
    region,
    { ...region, code: 'ZK98', hospiceBeds: [10, 12] },
    { ...region, code: 'ZK97', hospiceBeds: [] },
  ];

  it('sums the regions, each pooled apart, and recomputes the shares from the sums', () => {
    const out = forecastNation(regions, BASELINE, { from: 2024, to: 2030 });
    expect(out.regions.map((r) => r.code)).toEqual(['ZK99', 'ZK98', 'ZK97']);
    out.nation.forEach((row, i) => {
      const parts = out.regions.map((r) => r.rows[i]!);
      for (const key of [
        'deaths',
        'hospiceRequests',
        'offeredLoad',
        'bedsNeededErlang',
        'currentBeds',
        'gap',
      ] as const) {
        expect(row[key]).toBeCloseTo(
          parts.reduce((s, p) => s + p[key], 0),
          6,
        );
      }
      const refused = parts.reduce((s, p) => s + p.refusalsPerYearCurrentBeds, 0);
      expect(row.refusalShareCurrentBeds).toBeCloseTo(refused / row.hospiceRequests, 12);
    });
  });

  it('sums per draw, so national bands of deaths equal the sum of regional bands', () => {
    const out = forecastNation(regions, BASELINE, {
      from: 2050,
      to: 2050,
      uncertainty: { draws: 101, seed: 9 },
    });
    const sum = out.regions.reduce((s, r) => s + r.rows[0]!.deaths.p90, 0);
    // Deaths scale with the same national multiplier in every region (comonotone), so quantiles add.
    expect(out.nation[0]!.deaths.p90).toBeCloseTo(sum, 6);
  });

  it('refuses duplicate regions', () => {
    expect(() => forecastNation([region, region], BASELINE, { from: 2024, to: 2024 })).toThrow(
      'invalid regions: "duplicate ZK99"',
    );
  });
});

describe('capacity', () => {
  it("shows every pooling level next to the norm and today's beds", () => {
    const c = capacity(region, BASELINE, { year: 2035 });
    const row = forecast(region, BASELINE, { from: 2035, to: 2035 })[0]!;
    expect(c.offeredLoad).toBeCloseTo(row.offeredLoad, 12);
    expect(c.pooling).toBe('cluster');
    expect(c.byPooling.cluster.bedsNeeded).toBe(row.bedsNeededErlang);
    expect(c.byPooling.region.bedsNeeded).toBe(
      minBedsForTarget({ offeredLoad: c.offeredLoad, target: 0.05 }),
    );
    expect(c.byPooling.region.refusalShareCurrentBeds).toBeCloseTo(
      erlangB({ offeredLoad: c.offeredLoad, beds: 40 }),
      14,
    );
    expect(c.bedsNeededNorm).toBe(
      Math.ceil(
        bedsByOccupancyNorm({
          admissionsPerYear: c.hospiceRequests,
          meanLengthOfStay: 22,
          occupancyNorm: 0.8,
        }),
      ),
    );
    expect(c.byPooling.hospice.pools).toHaveLength(7);
    expect(c.byPooling.cluster.pools.map((p) => p.hospices)).toEqual(
      defaultClusters({ hospiceCount: 7 }),
    );
    expect(c.byPooling.hospice.refusalsPerYearCurrentBeds).toBeCloseTo(
      c.hospiceRequests * c.byPooling.hospice.refusalShareCurrentBeds,
      9,
    );
    // The norm ignores scale: small separate houses sized at 80% refuse more than one pool.
    expect(c.byPooling.hospice.refusalShareAtNormBeds).toBeGreaterThan(
      c.byPooling.region.refusalShareAtNormBeds,
    );
  });
});
