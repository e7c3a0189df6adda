import { describe, expect, it } from 'vitest';
import {
  deathsPerRegion,
  mapHistoricGemeenten,
  parseCbsDeathsExport,
  type Gemeente2025,
  type Woonplaats,
} from './historic-gemeenten';

// Tiny fixtures in the real formats: the CBS export (semicolons, byte-order mark, "2021*"), the
// 2025 gemeenten and the BAG woonplaatsen with their homonym suffixes.

const EXPORT = [
  '\uFEFF"Regio\'s";"Onderwerp";"";"2019";"2020";"2021*"',
  '"Nederland";"Overledenen";"aantal";"100";"110";"120"',
  '"Utrecht (gemeente)";"Overledenen";"aantal";"40";"44";"48"',
  '"Haren";"Overledenen";"aantal";"10";"";""',
  '"Hengelo (Gld.)";"Overledenen";"aantal";"5";".";""',
  '"Hoogezand-Sappemeer";"Overledenen";"aantal";"20";"";""',
  '"Midden-Groningen";"Overledenen";"aantal";"";"50";"52"',
  '"Bronckhorst";"Overledenen";"aantal";"";"16";"20"',
].join('\n');

const GEMEENTEN: Gemeente2025[] = [
  { code: 'GM0344', name: 'Utrecht', provincie: 'Utrecht' },
  { code: 'GM0014', name: 'Groningen', provincie: 'Groningen' },
  { code: 'GM0828', name: 'Oss', provincie: 'Noord-Brabant' },
  { code: 'GM0164', name: 'Hengelo (O.)', provincie: 'Overijssel' },
  { code: 'GM1876', name: 'Bronckhorst', provincie: 'Gelderland' },
  { code: 'GM1952', name: 'Midden-Groningen', provincie: 'Groningen' },
];

const PLACES: Woonplaats[] = [
  { name: 'Haren', gemeenteCode: 'GM0828' },
  { name: 'Haren Gn', gemeenteCode: 'GM0014' },
  { name: 'Hengelo', gemeenteCode: 'GM0164' },
  { name: 'Hengelo (Gld)', gemeenteCode: 'GM1876' },
  { name: 'Hoogezand', gemeenteCode: 'GM1952' },
];

describe('parseCbsDeathsExport', () => {
  it('reads years without the provisional star, the national row, and gaps as undefined', () => {
    const data = parseCbsDeathsExport(EXPORT);
    expect(data.years).toEqual([2019, 2020, 2021]);
    expect(data.national).toEqual([100, 110, 120]);
    expect(data.rows.map((r) => r.name)).not.toContain('Nederland');
    expect(data.rows.find((r) => r.name === 'Hengelo (Gld.)')!.deaths).toEqual([
      5,
      undefined,
      undefined,
    ]);
  });

  it('refuses a negative or fractional count with its place', () => {
    expect(() => parseCbsDeathsExport(EXPORT.replace('"40"', '"-4"'))).toThrow(
      'CBS deaths export: bad count "-4" at Utrecht (gemeente) 2019',
    );
    expect(() => parseCbsDeathsExport(EXPORT.replace('"Nederland"', '"NL"'))).toThrow(/Nederland/);
  });
});

describe('mapHistoricGemeenten', () => {
  const names = parseCbsDeathsExport(EXPORT).rows.map((r) => r.name);

  it('maps same names, namesake places with a province suffix and parts of compound names', () => {
    const { successors, unmapped } = mapHistoricGemeenten(names, GEMEENTEN, PLACES, []);
    const of = (name: string) => successors.find((s) => s.historic === name);
    expect(of('Utrecht (gemeente)')).toEqual({
      historic: 'Utrecht (gemeente)',
      code: 'GM0344',
      basis: 'same-name',
    });
    expect(of('Hengelo (Gld.)')).toMatchObject({ code: 'GM1876', basis: 'woonplaats' });
    expect(of('Hoogezand-Sappemeer')).toMatchObject({ code: 'GM1952', basis: 'name-part' });
    // "Haren" is a BAG homonym ("Haren" in Oss, "Haren Gn"): not guessed.
    expect(unmapped).toEqual([{ historic: 'Haren', reason: 'ambiguous' }]);
  });

  it('takes a listed successor first, and refuses one with an unknown code', () => {
    const listed = [{ historic: 'Haren', code: 'GM0014', note: 'merged 2019' }];
    const { successors, unmapped } = mapHistoricGemeenten(names, GEMEENTEN, PLACES, listed);
    expect(successors.find((s) => s.historic === 'Haren')).toEqual({
      historic: 'Haren',
      code: 'GM0014',
      basis: 'listed',
    });
    expect(unmapped).toEqual([]);
    expect(() =>
      mapHistoricGemeenten(names, GEMEENTEN, PLACES, [{ ...listed[0]!, code: 'GM9999' }]),
    ).toThrow('listed successor 1 (Haren): unknown gemeente GM9999');
  });
});

describe('deathsPerRegion', () => {
  it('sums historic gemeenten into the regions of today and reports what stays unallocated', () => {
    const data = parseCbsDeathsExport(EXPORT);
    const { successors } = mapHistoricGemeenten(
      data.rows.map((r) => r.name),
      GEMEENTEN,
      PLACES,
      [],
    );
    const regionOf = new Map([
      ['GM0344', 'ZK23'],
      ['GM1876', 'ZK03'],
      ['GM1952', 'ZK09'],
    ]);
    const result = deathsPerRegion(data, successors, regionOf);
    expect(result.regions.get('ZK09')).toEqual([20, 50, 52]);
    expect(result.regions.get('ZK03')).toEqual([5, 16, 20]);
    // Haren (10 in 2019) is unmapped here.
    expect(result.unallocated).toEqual([100 - 40 - 5 - 20, 0, 0]);
    expect(() => deathsPerRegion(data, successors, new Map())).toThrow(/has no region/);
  });
});
