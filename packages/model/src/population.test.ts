import { describe, expect, it } from 'vitest';
import {
  nationalBandRates,
  nationalDeaths,
  nationalDeathsByBand,
  nationalPopulation,
  projectPopulation,
  splitAgeBands,
} from './population';

const total = (b: { '0-64': number; '65-79': number; '80+': number }) =>
  b['0-64'] + b['65-79'] + b['80+'];

describe('national population and deaths by band (the demography pipeline on the CBS series)', () => {
  it('has about 900,000 aged 80+ in 2024, 1.8 million in 2045 and 2 million in 2050 (CBS, NIDI)', () => {
    expect(nationalPopulation({ year: 2024 })['80+']).toBeCloseTo(900_000, -4);
    expect(nationalPopulation({ year: 2045 })['80+'] / 1_800_000).toBeCloseTo(1, 1);
    expect(nationalPopulation({ year: 2050 })['80+'] / 2_000_000).toBeCloseTo(1, 1);
  });

  it('passes 19 million inhabitants in 2037 with about a quarter aged 65+ in 2040', () => {
    expect(total(nationalPopulation({ year: 2036 }))).toBeLessThan(19_000_000);
    expect(total(nationalPopulation({ year: 2038 }))).toBeGreaterThan(19_000_000);
    const p = nationalPopulation({ year: 2040 });
    expect((p['65-79'] + p['80+']) / total(p)).toBeCloseTo(0.25, 1);
  });

  it('keeps the CBS deaths of 2024 (172,165) with 55% aged 80+', () => {
    expect(nationalDeaths({ year: 2024 })).toBe(172_165);
    const d = nationalDeathsByBand({ year: 2024 });
    expect(d['80+'] / 172_165).toBeCloseTo(0.55, 2);
  });

  it('gives band rates that reproduce national deaths from national population', () => {
    const rates = nationalBandRates({ year: 2040 });
    const p = nationalPopulation({ year: 2040 });
    const deaths =
      p['0-64'] * rates['0-64'] + p['65-79'] * rates['65-79'] + p['80+'] * rates['80+'];
    expect(deaths).toBeCloseTo(nationalDeaths({ year: 2040 }), 6);
  });
});

describe('regional helpers', () => {
  it('projectPopulation applies the national growth of each band to the regional base', () => {
    const base = { '0-64': 100, '65-79': 100, '80+': 100 };
    const p = projectPopulation({ basePopulation: base, baseYear: 2024, year: 2045 });
    const from = nationalPopulation({ year: 2024 });
    const to = nationalPopulation({ year: 2045 });
    expect(p['80+']).toBeCloseTo((100 * to['80+']) / from['80+'], 9);
    expect(p['0-64']).toBeCloseTo((100 * to['0-64']) / from['0-64'], 9);
  });

  it('splitAgeBands splits 65+ by the national 80+ share when 80+ is unknown', () => {
    const b = splitAgeBands({ population: 1000, age65Plus: 200, year: 2021 });
    expect(total(b)).toBeCloseTo(1000, 9);
    // CBS 1 January 2021: 838,696 aged 80+ of 3,457,424 aged 65+.
    expect(b['80+'] / 200).toBeCloseTo(838_696 / (838_696 + 2_618_728), 4);
    expect(
      splitAgeBands({ population: 1000, age65Plus: 200, age80Plus: 50, year: 2021 })['65-79'],
    ).toBe(150);
    expect(() => splitAgeBands({ population: 100, age65Plus: 200, year: 2021 })).toThrow(
      'invalid age65Plus: 200',
    );
    expect(() => nationalPopulation({ year: 2051 })).toThrow('invalid year: 2051');
  });
});
