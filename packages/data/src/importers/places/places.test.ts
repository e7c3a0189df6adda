import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isGeonamesPostalText,
  parseGeonamesPostalCodes,
  parsePostcodeCentroids,
  parseWoonplaatsen,
} from './places';

// The repository's copies: the pc4 centroids in seed/reference/places, the woonplaatsen in seed/.
const seedFile = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../seed/${name}`, import.meta.url)), 'utf8');

describe('parsePostcodeCentroids', () => {
  it('reads all 4,081 postcodes of the reference file without issues, covering 342 gemeenten', () => {
    const { records, issues } = parsePostcodeCentroids(
      seedFile('reference/places/pc4_centroids.csv'),
    );
    expect(issues).toEqual([]);
    expect(records).toHaveLength(4081);
    expect(new Set(records.map((r) => r.gemeenteCode)).size).toBe(342);
    expect(records[0]).toEqual({
      pc4: '1011',
      lat: 52.371,
      lon: 4.9042,
      gemeenteCode: 'GM0363',
      gemeenteNaam: 'Amsterdam',
    });
  });

  it('reports each invalid field with its line and skips the row', () => {
    const text = [
      'pc4,lat,lon,gemeente_code,gemeente_naam',
      '1011,52.3710,4.9042,GM0363,Amsterdam',
      '0999,52.3710,4.9042,GM0363,Amsterdam',
      '1012,48.8566,2.3522,GM0363,Parijs',
      '1013,52.3881,4.8834,0363,Amsterdam',
      '1011,52.3710,4.9042,GM0363,Amsterdam',
      '1014,abc,4.8651,GM0363,Amsterdam',
    ].join('\n');
    const { records, issues } = parsePostcodeCentroids(text);
    expect(records.map((r) => r.pc4)).toEqual(['1011']);
    expect(issues.map((i) => i.message)).toEqual([
      'line 3: field pc4: must be a 4-digit postcode 1000–9999, got "0999"',
      'line 4: field lat: lat 48.8566 is outside the Netherlands (50.7–53.7)',
      'line 4: field lon: lon 2.3522 is outside the Netherlands (3.2–7.3)',
      'line 5: field gemeente_code: must be GM followed by 4 digits, got "0363"',
      'line 6: field pc4: duplicate postcode 1011 (first on line 2)',
      'line 7: field lat: must be a decimal number (WGS84 degrees), got "abc"',
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
    expect(issues[0]).toMatchObject({ line: 3, field: 'pc4' });
  });

  it('rejects a file without the expected header', () => {
    const { records, issues } = parsePostcodeCentroids('postcode,lat,lon\n1011,52.37,4.90\n');
    expect(records).toEqual([]);
    expect(issues.map((i) => i.message)).toEqual([
      'line 1: missing column(s) pc4, gemeente_code, gemeente_naam; expected header pc4,lat,lon,gemeente_code,gemeente_naam',
    ]);
  });
});

describe('parseWoonplaatsen', () => {
  it('reads all 2,501 woonplaatsen and warns only about Raamsdonk, which has no point', () => {
    const { records, issues } = parseWoonplaatsen(seedFile('woonplaatsen.csv'));
    expect(records).toHaveLength(2501);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.severity).toBe('warning');
    expect(issues[0]?.message).toMatch(/^line \d+: no coordinates \(lat and lon are empty\)$/);
    const raamsdonk = records.find((r) => r.woonplaats === 'Raamsdonk');
    expect(raamsdonk).toEqual({
      woonplaats: 'Raamsdonk',
      gemeenteCode: 'GM0779',
      gemeenteNaam: 'Geertruidenberg',
      lat: null,
      lon: null,
    });
    expect(new Set(records.map((r) => r.gemeenteCode)).size).toBe(342);
  });

  it('keeps places with the same name in different gemeenten and rejects a true duplicate', () => {
    const text = [
      'woonplaats,gemeente_code,gemeente_naam,lat,lon',
      'Zevenhuizen,GM1892,Zuidplas,52.0130,4.5820',
      'Zevenhuizen,GM0014,Groningen,53.1500,6.4000',
      'Zevenhuizen,GM1892,Zuidplas,52.0130,4.5820',
      ',GM1892,Zuidplas,52.0130,4.5820',
    ].join('\n');
    const { records, issues } = parseWoonplaatsen(text);
    expect(records.map((r) => r.gemeenteCode)).toEqual(['GM1892', 'GM0014']);
    expect(issues.map((i) => i.message)).toEqual([
      'line 4: field woonplaats: duplicate woonplaats "Zevenhuizen" in GM1892 (first on line 2)',
      'line 5: field woonplaats: must not be empty',
    ]);
  });
});

describe('parseGeonamesPostalCodes (the GeoNames NL.txt download)', () => {
  const sample = readFileSync(
    fileURLToPath(new URL('../../../test/fixtures/places/NL_geonames.txt', import.meta.url)),
    'utf8',
  );

  it('recognises the tab-separated download and not the centroid CSV', () => {
    expect(isGeonamesPostalText(sample)).toBe(true);
    expect(isGeonamesPostalText('pc4,lat,lon,gemeente_code,gemeente_naam\n')).toBe(false);
  });

  it('averages the rows of a postcode shared by two places and keeps the CBS gemeente number', () => {
    const { records, issues } = parseGeonamesPostalCodes(sample, new Map([['Brielle', 'GM1992']]));
    expect(issues).toEqual([]);
    const deMeern = records.find((r) => r.pc4 === '3454')!;
    expect(deMeern).toEqual({
      pc4: '3454',
      lat: 52.0834,
      lon: 5.0346,
      gemeenteCode: 'GM0344',
      gemeenteNaam: 'Utrecht',
    });
    expect(records.map((r) => r.pc4).sort()).toEqual(['1011', '3232', '3454', '3511', '3512']);
  });

  it('takes the gemeente of a row without one from the place name, or skips it with a warning', () => {
    const withPlace = parseGeonamesPostalCodes(sample, new Map([['Brielle', 'GM1992']]));
    expect(withPlace.records.find((r) => r.pc4 === '3232')!.gemeenteCode).toBe('GM1992');
    const without = parseGeonamesPostalCodes(sample);
    expect(without.records.find((r) => r.pc4 === '3232')).toBeUndefined();
    expect(without.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/postcode 3232/),
      }),
    ]);
  });

  it('reports malformed rows with their line', () => {
    const { issues } = parseGeonamesPostalCodes(
      'NL\t35X1\tUtrecht\tUtrecht\t09\tGemeente Utrecht\t0344\t\t\t52.09\t5.12\t6\nBE\t1000\tBrussel\n',
    );
    expect(issues.map((i) => i.line)).toEqual([1, 2]);
    expect(issues[0]!.message).toMatch(/4-digit postcode/);
  });
});
