import { describe, expect, it } from 'vitest';
import {
  backtest,
  buildDemography,
  nationalDeaths,
  nationalPopulation,
  sumAges,
} from '@palliamonitor/model';
import { demographySources, nationalBands, referenceDemography } from './reference-demography';

// The demography pipeline on the real CBS series. Tolerances are those stated in docs/method.md §3.

const sources = demographySources();
const demography = buildDemography(sources);
const national = (year: number) => sumAges(demography.nation.deaths, year);

describe('national demography from the CBS series', () => {
  it('keeps the observed deaths of every year 2000–2024 exactly', () => {
    const { deaths } = referenceDemography();
    for (let year = 2000; year <= 2024; year++) {
      expect(national(year)).toBe(sumAges(deaths, year));
    }
    expect(national(2024)).toBe(172_165);
  });

  it('projects deaths rising after 2030 to a peak of about 210,000 in the 2050s (VZinfo)', () => {
    expect(national(2040)).toBeGreaterThan(national(2030) * 1.05);
    expect(national(2050)).toBeGreaterThan(national(2040));
    let peakYear = 2025;
    for (let year = 2025; year <= 2060; year++) {
      if (national(year) > national(peakYear)) {
        peakYear = year;
      }
    }
    expect(peakYear).toBeGreaterThanOrEqual(2050);
    expect(peakYear).toBeLessThanOrEqual(2060);
    // ±7% around 210,000.
    expect(national(peakYear)).toBeGreaterThan(195_000);
    expect(national(peakYear)).toBeLessThan(225_000);
  });

  it('passes the CBS population totals: 19 million in 2037 (calibrated), about 20 million in 2058', () => {
    expect(sumAges(demography.nation.population, 2037)).toBeCloseTo(19_000_000, -3);
    const in2058 = sumAges(demography.nation.population, 2058);
    expect(in2058).toBeGreaterThan(19_600_000);
    expect(in2058).toBeLessThan(20_400_000);
  });

  it('has no death uncertainty in observed years and a widening band after them', () => {
    const sd = (year: number) => demography.nation.deathsLogSd[year - 2000]!;
    expect(sd(2024)).toBe(0);
    expect(sd(2030)).toBeGreaterThan(0);
    expect(sd(2050)).toBeGreaterThan(sd(2030));
  });
});

describe('regional demography', () => {
  it('adds up to the nation in deaths and population in every year', () => {
    for (const year of [2000, 2010, 2019, 2021, 2024, 2035, 2050]) {
      const deaths = demography.regions.reduce((s, r) => s + r.deaths.get(year)!, 0);
      expect(deaths).toBeCloseTo(national(year), 6);
      const population = demography.regions.reduce((s, r) => s + sumAges(r.population, year), 0);
      expect(population / sumAges(demography.nation.population, year)).toBeCloseTo(1, 9);
    }
  });

  it('uses the observed regional deaths of 2002–2021, raked to the national series (within 0.3%)', () => {
    for (const year of [2002, 2010, 2015, 2019, 2021]) {
      for (const r of demography.regions) {
        const observed = referenceDemography().regions.find((x) => x.code === r.code)!.deaths[
          year
        ]!;
        expect(Math.abs(r.deaths.get(year)! / observed - 1)).toBeLessThan(0.003);
      }
    }
  });

  it('shows the real spread of crude death rates in 2021 (Amsterdam 6.9 … Zuid-Limburg 13.6)', () => {
    const crude = (code: string) => {
      const r = demography.regions.find((x) => x.code === code)!;
      return (r.deaths.get(2021)! / sumAges(r.population, 2021)) * 1000;
    };
    expect(crude('ZK02')).toBeCloseTo(6.9, 1);
    expect(crude('ZK31')).toBeCloseTo(13.6, 1);
  });

  it('estimates an SMR per region from 2002–2019 with a standard error', () => {
    expect(demography.smrYears).toEqual(Array.from({ length: 18 }, (_, i) => 2002 + i));
    for (const r of demography.regions) {
      expect(r.smr).toBeGreaterThan(0.8);
      expect(r.smr).toBeLessThan(1.2);
      expect(r.smrLogSe).toBeGreaterThan(0.005);
      expect(r.smrLogSe).toBeLessThan(0.03);
    }
  });
});

describe('back-test with cut-off 2015', () => {
  const result = backtest(sources, 2015);

  it('predicts national deaths 2016–2019 within 3%, and the COVID-19 years within 12%', () => {
    expect(result.national.map((r) => r.year)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024,
    ]);
    for (const row of result.national) {
      expect(Math.abs(row.error)).toBeLessThan(row.year <= 2019 ? 0.03 : 0.12);
      expect(row.observed).toBe(sumAges(referenceDemography().deaths, row.year));
    }
  });

  it('predicts each region 2016–2019 from its 2002–2015 trend: mean error within 2.5%, max 9%', () => {
    expect(result.regions.smrYears).toEqual(Array.from({ length: 14 }, (_, i) => 2002 + i));
    expect(result.regionalYears.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
    for (const y of result.regionalYears.filter((r) => r.year <= 2019)) {
      expect(y.meanAbsError).toBeLessThan(0.025);
      expect(y.maxAbsError).toBeLessThan(0.09);
      expect(y.within5Percent).toBeGreaterThanOrEqual(28);
    }
  });

  it('keeps the observed regional deaths of 2021 beside the prediction', () => {
    expect(result.regions.year).toBe(2021);
    expect(result.regions.rows).toHaveLength(31);
    for (const row of result.regions.rows) {
      const region = referenceDemography().regions.find((r) => r.code === row.code)!;
      expect(row.observed).toBe(region.deaths[2021]);
      expect(row.error).toBeCloseTo(row.predicted / row.observed - 1, 12);
    }
  });

  it('reproduces regional deaths of 2021 from the 2002–2019 trend within 5% for 29 regions, 9% for all', () => {
    const from2019 = backtest(sources, 2019);
    expect(from2019.regions.smrYears).toEqual(Array.from({ length: 18 }, (_, i) => 2002 + i));
    const errors = from2019.regions.rows.map((r) => Math.abs(r.error));
    expect(errors).toHaveLength(31);
    expect(errors.filter((e) => e <= 0.05).length).toBeGreaterThanOrEqual(29);
    expect(Math.max(...errors)).toBeLessThan(0.09);
    expect(from2019.regionalYears.at(-1)!.meanAbsError).toBeLessThan(0.025);
  });

  it('refuses a cut-off without later years to test', () => {
    expect(() => backtest(sources, 2024)).toThrow(/cutoff/);
  });
});

describe('the band table in the model package', () => {
  it('is the pipeline output (regenerate with npx tsx packages/data/src/demography/write-national-bands.ts)', () => {
    for (const row of nationalBands()) {
      const p = nationalPopulation({ year: row.year });
      expect([p['0-64'], p['65-79'], p['80+']]).toEqual(row.population);
      expect(nationalDeaths({ year: row.year })).toBe(row.deaths.reduce((s, d) => s + d, 0));
    }
  });
});
