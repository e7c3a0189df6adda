import { describe, expect, it } from 'vitest';
import { readSeedCsv } from '../seed-files';
import { deathsPerGemeente2025, unlistedSuccessors } from './historic-gemeenten';
import { regionalDeaths2002, regionalDeathsSeed } from './regional-deaths';

// The derivation of regional deaths 2002–2021 on the real files (docs/data-sources.md).

const seed = regionalDeathsSeed();
const derived = regionalDeaths2002();
const at = (year: number) => derived.years.indexOf(year);

describe('regional deaths 2002–2021 from the CBS export by historic gemeente', () => {
  it('maps every historic gemeente, so the regions add up to the national row in every year', () => {
    expect(seed.data.rows).toHaveLength(555);
    expect(derived.mapping.unmapped).toEqual([]);
    expect(derived.years).toEqual(Array.from({ length: 20 }, (_, i) => 2002 + i));
    expect(derived.unallocated).toEqual(derived.years.map(() => 0));
    expect(derived.regions.size).toBe(31);
    const nl2021 = [...derived.regions.values()].reduce((s, r) => s + r[at(2021)]!, 0);
    expect(nl2021).toBe(170_802);
  });

  it('equals the 2019–2021 regional file, except Haaren (left out there, in Oisterwijk here)', () => {
    const haaren = seed.data.rows.find((r) => r.name === 'Haaren')!;
    expect(derived.mapping.successors.find((s) => s.historic === 'Haaren')).toMatchObject({
      code: 'GM0824',
      basis: 'woonplaats',
    });
    for (const row of readSeedCsv('reference/demography/deaths_zorgkantoorregio_2019_2021.csv')) {
      const series = derived.regions.get(row.zorgkantoorregio_code!)!;
      const haarenIn = (year: number) =>
        row.zorgkantoorregio_code === 'ZK12' ? (haaren.deaths[at(year)] ?? 0) : 0;
      expect(series[at(2019)]! - haarenIn(2019)).toBe(Number(row.deaths_2019));
      expect(series[at(2020)]! - haarenIn(2020)).toBe(Number(row.deaths_2020));
      expect(series[at(2021)]).toBe(Number(row.deaths_2021_provisional));
    }
  });

  it('shows no break in any 2025 gemeente in a year a predecessor starts or ends (|z| < 3.5)', () => {
    // A historic gemeente mapped to the wrong successor leaves a step in both series in the year
    // of its merger. z: log change against the national change, over its Poisson error.
    const series = deathsPerGemeente2025(seed.data, derived.mapping.successors);
    const rows = new Map(seed.data.rows.map((r) => [r.name, r]));
    const national = seed.data.national;
    const steps: { code: string; year: number; z: number }[] = [];
    for (const [code, s] of series) {
      const members = derived.mapping.successors.filter((m) => m.code === code);
      for (let i = 1; i < derived.years.length; i++) {
        const changes = members.some(
          (m) =>
            (rows.get(m.historic)!.deaths[i] === undefined) !==
            (rows.get(m.historic)!.deaths[i - 1] === undefined),
        );
        if (changes) {
          const ratio = s[i]! / s[i - 1]! / (national[i]! / national[i - 1]!);
          const z = Math.log(ratio) / Math.sqrt(1 / s[i]! + 1 / s[i - 1]!);
          steps.push({ code, year: derived.years[i]!, z });
        }
      }
    }
    expect(steps.length).toBeGreaterThan(80);
    expect(steps.filter((s) => Math.abs(s.z) >= 3.5)).toEqual([]);
  });

  it('lists only successors the rules cannot find, each naming a gemeente of 2025', () => {
    const names = new Set(seed.data.rows.map((r) => r.name));
    const byCode = new Map(seed.gemeenten.map((g) => [g.code, g.name]));
    const listed = readSeedCsv('reference/demography/gemeente_successor_2025_listed.csv');
    expect(listed).toHaveLength(seed.listed.length);
    for (const row of listed) {
      expect(names.has(row.historic_gemeente!)).toBe(true);
      expect(byCode.get(row.gemeente_code!)).toBe(row.gemeente_naam);
      expect(row.note).not.toBe('');
    }
    const ruleBased = unlistedSuccessors(seed.gemeenten, seed.woonplaatsen, seed.listed);
    ruleBased.forEach((r, i) => {
      expect('code' in r ? r.code : undefined).not.toBe(seed.listed[i]!.code);
    });
  });

  it('counts Haaren, split over two regions in 2021, whole in ZK12: at most 4% of its deaths', () => {
    // Haaren (split 2021 over Boxtel and Vught, ZK19, and Oisterwijk and Tilburg, ZK12) is counted
    // in ZK12; at most this share of ZK12's deaths belongs elsewhere.
    const haaren = seed.data.rows.find((r) => r.name === 'Haaren')!;
    const zk12 = derived.regions.get('ZK12')!;
    const share = Math.max(...haaren.deaths.map((d, i) => (d ?? 0) / zk12[i]!));
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.04);
  });
});
