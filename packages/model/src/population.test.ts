import { describe, expect, it } from 'vitest';
import {
  DEATHS_2024,
  eightyPlusMixFactor,
  nationalDeaths,
  nationalPopulation,
  projectPopulation,
  splitAgeBands,
} from './population';

const total = (b: { '0-64': number; '65-79': number; '80+': number }) =>
  b['0-64'] + b['65-79'] + b['80+'];

describe('national population paths (calibrated to facts.md)', () => {
  it('has about 900,000 aged 80+ in 2024, 1.8 million in 2045 and 2 million in 2050', () => {
    expect(nationalPopulation({ year: 2024 })['80+']).toBeCloseTo(900_000, -4);
    expect(nationalPopulation({ year: 2045 })['80+']).toBeCloseTo(1_800_000, -5);
    expect(nationalPopulation({ year: 2050 })['80+']).toBeCloseTo(2_000_000, -5);
  });

  it('passes 19 million inhabitants in 2037 with a quarter aged 65+ in 2040', () => {
    expect(total(nationalPopulation({ year: 2036 }))).toBeLessThan(19_000_000);
    expect(total(nationalPopulation({ year: 2038 }))).toBeGreaterThan(19_000_000);
    const p = nationalPopulation({ year: 2040 });
    expect((p['65-79'] + p['80+']) / total(p)).toBeCloseTo(0.25, 2);
  });

  it('interpolates linearly between anchors', () => {
    const a = nationalPopulation({ year: 2030 })['80+'];
    const b = nationalPopulation({ year: 2035 })['80+'];
    expect(nationalPopulation({ year: 2032 })['80+']).toBeCloseTo(a + (2 / 5) * (b - a), 6);
  });
});

describe('deaths', () => {
  it('reproduce 172,000 deaths in 2024 with 57% aged 80+', () => {
    expect(nationalDeaths({ year: 2024 })).toBeCloseTo(172_000, 6);
    expect(DEATHS_2024['80+'] / 172_000).toBeCloseTo(0.57, 10);
  });

  it('fall with a faster mortality improvement', () => {
    expect(nationalDeaths({ year: 2040, mortalityImprovement: 0.02 })).toBeLessThan(
      nationalDeaths({ year: 2040 }),
    );
    expect(eightyPlusMixFactor({ year: 2024 })).toBe(1);
  });
});

describe('regional helpers', () => {
  it('projectPopulation applies the national growth of each band to the regional base', () => {
    const base = { '0-64': 100, '65-79': 100, '80+': 100 };
    const p = projectPopulation({ basePopulation: base, baseYear: 2024, year: 2045 });
    expect(p['80+']).toBeCloseTo(200, 9);
    expect(p['0-64']).toBeCloseTo((100 * 14_650_000) / 14_320_000, 9);
  });

  it('splitAgeBands splits 65+ by the national 80+ share when 80+ is unknown', () => {
    const b = splitAgeBands({ population: 1000, age65Plus: 200, year: 2021 });
    expect(total(b)).toBeCloseTo(1000, 9);
    expect(b['80+'] / 200).toBeCloseTo(838_696 / (838_696 + 2_618_728), 12);
    expect(
      splitAgeBands({ population: 1000, age65Plus: 200, age80Plus: 50, year: 2021 })['65-79'],
    ).toBe(150);
    expect(() => splitAgeBands({ population: 100, age65Plus: 200, year: 2021 })).toThrow(
      'invalid age65Plus: 200',
    );
    expect(() => nationalPopulation({ year: 2051 })).toThrow('invalid year: 2051');
  });
});
