import { describe, expect, it } from 'vitest';
import { BASELINE, type RegionInput } from '@palliamonitor/model';
import { forecastAllRegions, runForecast } from './forecast.service';

const regions: RegionInput[] = [
  {
    code: 'ZK01',
    basePopulation: { '0-64': 450_000, '65-79': 90_000, '80+': 30_000 },
    hospiceBeds: [4, 6, 8],
  },
  {
    code: 'ZK02',
    basePopulation: { '0-64': 300_000, '65-79': 70_000, '80+': 25_000 },
    hospiceBeds: [],
  },
];
const options = { from: 2024, to: 2030 };

describe('forecastAllRegions', () => {
  it('gives in one run the rows runForecast gives for NL and for each region', () => {
    const all = forecastAllRegions(regions, BASELINE, options);
    expect(all.nation).toEqual(runForecast(regions, 'NL', BASELINE, options));
    expect(all.regions.map((r) => r.code)).toEqual(['ZK01', 'ZK02']);
    for (const region of all.regions) {
      expect(region.rows).toEqual(runForecast(regions, region.code, BASELINE, options));
    }
  });
});
