import { describe, expect, it } from 'vitest';
import { estimateSmr } from './regional-smr';

describe('estimateSmr', () => {
  it('pools one or two years: ΣO ÷ ΣE with the Poisson error 1/√ΣO', () => {
    const e = estimateSmr({
      years: [2018, 2019],
      observed: [450, 550],
      expected: [500, 500],
      at: 2021,
    });
    expect(e.smr).toBeCloseTo(1, 12);
    expect(e.logSe).toBeCloseTo(1 / Math.sqrt(1000), 12);
  });

  it('reads a log-linear trend at the wanted year: a ratio growing 1% a year from 0.9 in 2010', () => {
    const years = [2010, 2011, 2012, 2013, 2014];
    const expected = years.map(() => 1000);
    const observed = years.map((y) => 1000 * 0.9 * 1.01 ** (y - 2010));
    const e = estimateSmr({ years, observed, expected, at: 2021 });
    expect(e.smr).toBeCloseTo(0.9 * 1.01 ** 11, 10);
    // No scatter: the dispersion floor (Poisson) sets the error, larger far from the data.
    const near = estimateSmr({ years, observed, expected, at: 2012 });
    expect(e.logSe).toBeGreaterThan(near.logSe);
    expect(near.logSe).toBeGreaterThan(1 / Math.sqrt(observed.reduce((s, o) => s + o, 0)) - 1e-12);
  });

  it('widens the error when years scatter more than Poisson', () => {
    const years = [2010, 2011, 2012, 2013, 2014];
    const expected = years.map(() => 1000);
    const calm = estimateSmr({
      years,
      observed: [1000, 1010, 995, 1005, 1000],
      expected,
      at: 2014,
    });
    const wild = estimateSmr({ years, observed: [1000, 1150, 880, 1120, 900], expected, at: 2014 });
    expect(wild.logSe).toBeGreaterThan(calm.logSe * 2);
  });

  it('refuses no years, mismatched lengths and a year without deaths', () => {
    expect(() => estimateSmr({ years: [], observed: [], expected: [], at: 2021 })).toThrow(
      /smrYears/,
    );
    expect(() => estimateSmr({ years: [2019], observed: [1, 2], expected: [1], at: 2021 })).toThrow(
      /smrYears/,
    );
    expect(() => estimateSmr({ years: [2019], observed: [0], expected: [5], at: 2021 })).toThrow(
      /deaths\.2019/,
    );
  });
});
