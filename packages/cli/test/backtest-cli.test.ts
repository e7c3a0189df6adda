import { describe, expect, it } from 'vitest';
import { main } from '../src/main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {} },
    out,
    err,
  };
}

describe('palliamonitor backtest', () => {
  it('prints national deaths after the cut-off, regional deaths of 2021 and regional errors per year', async () => {
    const { io, out } = capture();
    expect(await main(['backtest', '--cutoff', '2015'], io)).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.national.map((r: { year: number }) => r.year)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024,
    ]);
    expect(result.national[8]).toMatchObject({ year: 2024, observed: 172_165 });
    for (const row of result.national) {
      expect(row.error).toBeCloseTo(row.predicted / row.observed - 1, 3);
    }
    expect(result.regions.year).toBe(2021);
    expect(result.regions.rows).toHaveLength(31);
    expect(result.regions.rows[0]).toEqual({
      code: 'ZK01',
      predicted: expect.any(Number),
      observed: 2639,
      error: expect.any(Number),
    });
    expect(result.regions.smrYears[0]).toBe(2002);
    expect(result.regions.smrYears.at(-1)).toBe(2015);
    expect(result.regionalYears.map((y: { year: number }) => y.year)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021,
    ]);
    expect(result.regionalYears[0]).toEqual({
      year: 2016,
      meanAbsError: expect.any(Number),
      maxAbsError: expect.any(Number),
      within5Percent: expect.any(Number),
    });
  });

  it('refuses a cut-off without later years with exit code 2 and one line', async () => {
    const { io, err } = capture();
    expect(await main(['backtest', '--cutoff', '2024'], io)).toBe(2);
    expect(err).toEqual(['palliamonitor backtest: --cutoff must be a year 2005–2023, got "2024"']);
  });
});
