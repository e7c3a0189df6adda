// Reproduces published Dutch figures from their stated inputs (docs/research.md, §5.2;
// facts.md). If a model change breaks one of these, the product no longer agrees with its sources.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bedsByOccupancyNorm, capacity, offeredLoadFromRequests } from './capacity';
import { forecast, forecastNation, type RegionInput } from './demand';
import { erlangB, minBedsForTarget, occupancy } from './erlang';
import { nationalPopulation, splitAgeBands } from './population';
import { BASELINE, type Scenario } from './scenarios';

/** The baseline with a constant value for one parameter (for examples with their own inputs). */
function baselineWith(
  values: Partial<Record<'aliveDischargeShare' | 'hospiceShare', number>>,
): Scenario {
  const parameters = { ...BASELINE.parameters };
  for (const [key, value] of Object.entries(values)) {
    parameters[key as 'hospiceShare'] = { points: [{ year: 2024, value, basis: 'assumption' }] };
  }
  return { ...BASELINE, parameters };
}

describe('published national figures', () => {
  it('172,000 deaths × 0.65 expected × 0.107 guests per expected death ≈ 12,000 member guests in 2024', () => {
    const guestsPerExpectedDeath = 0.1 * 1.07; // baseline hospice share × (1 + alive discharges)
    expect(guestsPerExpectedDeath).toBeCloseTo(12_000 / 112_000, 2);
    const guests = 172_000 * 0.65 * guestsPerExpectedDeath;
    expect(Math.abs(guests - 12_000) / 12_000).toBeLessThan(0.01);
  });

  it('12,000 guests × 22 days / 365 ≈ 723 occupied beds, i.e. 85% of the 855 member beds', () => {
    const occupied = offeredLoadFromRequests({ requestsPerYear: 12_000, meanLengthOfStay: 22 });
    expect(Math.round(occupied)).toBe(723);
    expect(Math.round((occupied / 855) * 100)).toBe(85);
    expect(Math.round((occupied / 1206) * 100)).toBe(60);
  });

  it('the umbrella bodies\' "550 beds short at 80%" is 7,500 × 22 / 365 / 0.80 ≈ 565', () => {
    const beds = bedsByOccupancyNorm({
      admissionsPerYear: 7_500,
      meanLengthOfStay: 22,
      occupancyNorm: 0.8,
    });
    expect(Math.round(beds)).toBe(565);
    expect(Math.abs(beds - 550) / 550).toBeLessThan(0.03);
  });

  it('the 80% norm ignores scale: a 6-bed house refuses ~18%, a 50-bed pool ~2%', () => {
    expect(erlangB({ offeredLoad: 0.8 * 6, beds: 6 })).toBeCloseTo(0.177, 3);
    expect(erlangB({ offeredLoad: 0.8 * 50, beds: 50 })).toBeCloseTo(0.019, 3);
  });
});

describe('worked regional example (docs/research.md)', () => {
  // 5,500 deaths, 65% expected, 10% of those admitted (no alive discharges in the example), LOS 22 d.
  const example: RegionInput = {
    code: 'ZK99',
    basePopulation: { '0-64': 0, '65-79': 0, '80+': 0 },
    deathsByYear: { 2024: 5_500, 2050: 5_500 * 1.18 },
    hospiceBeds: [1, 1, 1, 1, 1], // five equal houses: the load splits in five
  };
  const scenario = baselineWith({ aliveDischargeShare: 0, hospiceShare: 0.1 });
  // The example counts admissions as the demand: no refused requests added.
  const asIs = { multipleRegistrationShare: 1 } as const;

  it('5,500 deaths give a = 21.5 and 27 pooled beds against 5 × 8 = 40 in five houses at 5%', () => {
    const c = capacity(example, scenario, { year: 2024, ...asIs });
    expect(c.hospiceRequests).toBeCloseTo(357.5, 9);
    expect(c.requestsPerDay).toBeCloseTo(0.98, 2);
    expect(c.offeredLoad).toBeCloseTo(21.5, 1);
    expect(c.byPooling.region.bedsNeeded).toBe(27);
    expect(Math.round(c.byPooling.region.occupancyAtNeeded * 100)).toBe(76);
    expect(c.byPooling.hospice.bedsNeeded).toBe(40);
    expect(c.byPooling.hospice.pools.map((p) => p.bedsNeeded)).toEqual([8, 8, 8, 8, 8]);
    expect(Math.round(c.byPooling.hospice.occupancyAtNeeded * 100)).toBe(52);
    expect(c.bedsNeededNorm).toBe(27); // the naive a/0.8 rule
  });

  it('with 18% more deaths (2050) a = 25.4: 31 pooled beds or 45 in five houses', () => {
    const c = capacity(example, scenario, { year: 2050, ...asIs });
    expect(c.offeredLoad).toBeCloseTo(25.4, 1);
    expect(c.byPooling.region.bedsNeeded).toBe(31);
    expect(c.byPooling.hospice.bedsNeeded).toBe(45);
  });

  it('agrees with the Erlang functions directly', () => {
    const a = ((5_500 * 0.65 * 0.1) / 365) * 22;
    expect(minBedsForTarget({ offeredLoad: a, target: 0.05 })).toBe(27);
    expect(5 * minBedsForTarget({ offeredLoad: a / 5, target: 0.05 })).toBe(40);
    expect(occupancy({ offeredLoad: a, beds: 27 })).toBeCloseTo(0.76, 2);
  });
});

interface RegionRow {
  code: string;
  population: number;
  age65Plus: number;
}

/** The 31 zorgkantoorregio's with their 2021 population (CBS; packages/data/seed/reference). */
function loadRegions(): RegionRow[] {
  const url = new URL(
    '../../data/seed/reference/demography/population_zorgkantoorregio_2021.csv',
    import.meta.url,
  );
  const [header, ...lines] = readFileSync(url, 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      code: cells[at('zorgkantoorregio_code')]!,
      population: Number(cells[at('population')]),
      age65Plus: Number(cells[at('age_65_plus')]),
    };
  });
}

describe('NL baseline forecast', () => {
  const nl: RegionInput = {
    code: 'NL',
    basePopulation: nationalPopulation({ year: 2024 }),
    hospiceBeds: [],
  };
  const rows = forecast(nl, BASELINE, { from: 2024, to: 2050 });
  const at = (year: number) => rows[year - 2024]!;

  it('has the CBS deaths of 2024 and demand of 12,000 member guests scaled to all beds, uncensored', () => {
    expect(at(2024).deaths).toBe(172_165);
    const admissions = (12_000 * 1_200) / 855;
    expect(at(2024).hospiceRequests / (1 + (7_500 / 12_000) * 0.5)).toBeCloseTo(admissions, 6);
  });

  it('rises gently to 2030 and faster after, by more than 30,000 deaths by 2050 (RIVM VTV-2024)', () => {
    // The Lee–Carter projection rises a little earlier than CBS's "roughly flat until 2030".
    expect(Math.abs(at(2030).deaths / at(2024).deaths - 1)).toBeLessThan(0.08);
    for (let year = 2031; year <= 2050; year++) {
      expect(at(year).hospiceRequests).toBeGreaterThan(at(year - 1).hospiceRequests);
    }
    const extra = at(2050).deaths - at(2024).deaths;
    expect(extra).toBeGreaterThan(30_000);
    // VZinfo: about 210,000 at the peak around 2055.
    expect(extra).toBeLessThan(50_000);
  });

  it("NL as the sum of the 31 zorgkantoorregio's (2021 population, projected) matches the national path", () => {
    const regions = loadRegions();
    expect(regions).toHaveLength(31);
    const inputs: RegionInput[] = regions.map((r) => ({
      code: r.code,
      baseYear: 2021,
      basePopulation: splitAgeBands({
        population: r.population,
        age65Plus: r.age65Plus,
        year: 2021,
      }),
      hospiceBeds: [],
    }));
    const nation = forecastNation(inputs, BASELINE, { from: 2024, to: 2050 }).nation;
    // The regional 65+ counts are estimates (0.014% off the CBS total, SOURCES.md).
    expect(Math.abs(nation[0]!.deaths - 172_165) / 172_165).toBeLessThan(0.002);
    expect(Math.abs(nation[26]!.deaths - at(2050).deaths) / at(2050).deaths).toBeLessThan(0.002);
    // Pooling per region needs more beds than one national pool would.
    expect(nation[0]!.bedsNeededErlang).toBeGreaterThan(at(2024).bedsNeededErlang);
  });
});
