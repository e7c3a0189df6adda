import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBoundaries } from './boundaries';
import { rdToWgs84 } from './rd-new';

// The real boundary files: the repository's copies of the CBS/PDOK 2025 layers (seed/reference/geo).
// A missing file makes the test fail (readFileSync throws), it never skips.
const referenceGeo = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../seed/reference/geo/${name}`, import.meta.url)),
    'utf8',
  );
const fixture = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../test/fixtures/geo/${name}`, import.meta.url)),
    'utf8',
  );

const errors = (result: { issues: { severity: string; message: string }[] }): string[] =>
  result.issues.filter((i) => i.severity === 'error').map((i) => i.message);

describe('rdToWgs84', () => {
  it('maps the RD origin Amersfoort (155000, 463000) to 52.15517 N, 5.38721 E', () => {
    const [lon, lat] = rdToWgs84(155_000, 463_000);
    expect(lat).toBeCloseTo(52.15517, 5);
    expect(lon).toBeCloseTo(5.38721, 5);
  });

  it('maps the Martinitoren in Groningen (233883.131, 582065.167) to 53.21938 N, 6.56820 E', () => {
    const [lon, lat] = rdToWgs84(233_883.131, 582_065.167);
    expect(lat).toBeCloseTo(53.21938, 4);
    expect(lon).toBeCloseTo(6.5682, 4);
  });
});

describe('parseBoundaries on the real 2025 files', () => {
  const cases = [
    { layer: 'gemeente', count: 342, first: 'GM0014' },
    { layer: 'provincie', count: 12, first: 'PV20' },
    { layer: 'zorgkantoorregio', count: 31, first: 'ZK01' },
  ] as const;

  for (const { layer, count, first } of cases) {
    it(`reads ${String(count)} ${layer} regions of 2025 from TopoJSON and GeoJSON with the same codes`, () => {
      const topo = parseBoundaries(referenceGeo(`${layer}_2025.topojson`));
      const geo = parseBoundaries(referenceGeo(`${layer}_2025.geojson`), {
        fileName: `${layer}_2025.geojson`,
      });
      for (const result of [topo, geo]) {
        expect(result.issues).toEqual([]);
        expect(result.layer).toBe(layer);
        expect(result.year).toBe(2025);
        expect(result.sourceCrs).toBe('EPSG:4326');
        expect(result.regions).toHaveLength(count);
        expect(result.regions[0]?.code).toBe(first);
      }
      expect(geo.regions.map((r) => r.code)).toEqual(topo.regions.map((r) => r.code));
      expect(geo.regions.map((r) => r.name)).toEqual(topo.regions.map((r) => r.name));
    });
  }

  it('has no zorgkantoorregio ZK05 or ZK15', () => {
    const codes = parseBoundaries(referenceGeo('zorgkantoorregio_2025.topojson')).regions.map(
      (r) => r.code,
    );
    expect(codes).not.toContain('ZK05');
    expect(codes).not.toContain('ZK15');
    expect(codes).toContain('ZK33');
  });

  it('gives every region a WGS84 bbox inside the Netherlands', () => {
    const { regions } = parseBoundaries(referenceGeo('gemeente_2025.topojson'));
    const groningen = regions.find((r) => r.code === 'GM0014');
    expect(groningen?.name).toBe('Groningen');
    const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = groningen?.bbox ?? [];
    expect(minLon).toBeLessThan(6.57);
    expect(maxLon).toBeGreaterThan(6.57);
    expect(minLat).toBeLessThan(53.22);
    expect(maxLat).toBeGreaterThan(53.22);
    for (const r of regions) {
      expect(r.bbox[0]).toBeGreaterThan(3.2);
      expect(r.bbox[2]).toBeLessThan(7.3);
      expect(r.bbox[1]).toBeGreaterThan(50.7);
      expect(r.bbox[3]).toBeLessThan(53.6);
    }
  });
});

describe('parseBoundaries on RD New (EPSG:28992) input', () => {
  it('converts a PDOK-style GeoJSON with a crs member from RD metres to WGS84', () => {
    const result = parseBoundaries(fixture('gemeente_rd_2024.geojson'));
    expect(result.issues).toEqual([]);
    expect(result.sourceCrs).toBe('EPSG:28992');
    expect(result.layer).toBe('gemeente');
    expect(result.year).toBe(2024);
    const amersfoort = result.regions.find((r) => r.code === 'GM0307');
    expect(amersfoort?.geometry.type).toBe('Polygon');
    const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = amersfoort?.bbox ?? [];
    // The square 150–160 km × 458–468 km is centred on the RD origin (52.15517, 5.38721).
    expect((minLon + maxLon) / 2).toBeCloseTo(5.38721, 2);
    expect((minLat + maxLat) / 2).toBeCloseTo(52.15517, 2);
    expect(maxLon - minLon).toBeGreaterThan(0.14);
    expect(maxLon - minLon).toBeLessThan(0.15);
  });

  it('recognises RD metres without a crs member', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { statcode: 'PV26', statnaam: 'Utrecht' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [155000, 463000],
                [155000, 464000],
                [156000, 464000],
                [155000, 463000],
              ],
            ],
          },
        },
      ],
    });
    const result = parseBoundaries(text, { year: 2025 });
    expect(result.issues).toEqual([]);
    expect(result.sourceCrs).toBe('EPSG:28992');
    expect(result.layer).toBe('provincie');
    expect(result.year).toBe(2025);
    expect(result.regions[0]?.bbox[0]).toBeCloseTo(5.38721, 4);
  });
});

describe('parseBoundaries reports problems', () => {
  const polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [5, 52],
        [5.1, 52],
        [5.1, 52.1],
        [5, 52],
      ],
    ],
  };
  const collection = (features: unknown[]): string =>
    JSON.stringify({ type: 'FeatureCollection', features });
  const feature = (properties: Record<string, unknown>): unknown => ({
    type: 'Feature',
    properties,
    geometry: polygon,
  });

  it('rejects text that is not JSON', () => {
    expect(errors(parseBoundaries('<gml:FeatureCollection/>'))[0]).toMatch(/^not JSON/);
  });

  it('rejects JSON that is neither FeatureCollection nor Topology', () => {
    expect(errors(parseBoundaries('{"type":"Feature"}'))).toEqual([
      'not a GeoJSON FeatureCollection or TopoJSON Topology (type "Feature")',
    ]);
  });

  it('reports a feature without a code', () => {
    const result = parseBoundaries(
      collection([feature({ statnaam: 'Nergens' }), feature({ statcode: 'GM0014' })]),
      { year: 2025 },
    );
    expect(result.regions.map((r) => r.code)).toEqual(['GM0014']);
    expect(result.issues[0]).toMatchObject({ severity: 'error', field: 'features[0]' });
    expect(result.issues[0]?.message).toMatch(/feature has no region code/);
  });

  it('reports an unknown code format', () => {
    const result = parseBoundaries(collection([feature({ statcode: 'WK001401' })]), {
      year: 2025,
    });
    expect(errors(result)).toEqual([
      'field features[0].statcode: unknown code format "WK001401"; expected GMdddd (gemeente), PVdd (provincie) or ZKdd (zorgkantoorregio)',
    ]);
  });

  it('reports mixed layers and keeps the majority layer', () => {
    const result = parseBoundaries(
      collection([
        feature({ statcode: 'GM0014' }),
        feature({ statcode: 'GM0034' }),
        feature({ statcode: 'PV20' }),
      ]),
      { year: 2025 },
    );
    expect(result.layer).toBe('gemeente');
    expect(result.regions).toHaveLength(2);
    expect(errors(result)).toEqual(['mixed layers: 2 gemeente, 1 provincie; kept only gemeente']);
  });

  it('reports duplicate codes and keeps the first', () => {
    const result = parseBoundaries(
      collection([
        feature({ statcode: 'GM0014', statnaam: 'Groningen' }),
        feature({ statcode: 'GM0014', statnaam: 'Groningen (dubbel)' }),
      ]),
      { year: 2025 },
    );
    expect(result.regions.map((r) => r.name)).toEqual(['Groningen']);
    expect(errors(result)).toEqual([
      'field features[1]: duplicate code GM0014 (also in features[0]); kept the first',
    ]);
  });

  it('reports a missing year', () => {
    const result = parseBoundaries(collection([feature({ statcode: 'GM0014' })]));
    expect(result.year).toBeNull();
    expect(errors(result)).toEqual([
      'no year found (no jrstatcode, no year in the object or file name, no year option)',
    ]);
  });

  it('takes the year from the file name, and numeric CBS gemeentecode with GM prefix', () => {
    const result = parseBoundaries(
      collection([feature({ gemeentecode: '14', gemeentenaam: 'Groningen' })]),
      { fileName: 'cbs_gemeente_2023_gegeneraliseerd.geojson' },
    );
    expect(result.issues).toEqual([]);
    expect(result.year).toBe(2023);
    expect(result.regions[0]).toMatchObject({ code: 'GM0014', name: 'Groningen' });
  });

  it('warns when the year option contradicts jrstatcode', () => {
    const result = parseBoundaries(
      collection([
        feature({ statcode: 'GM0014', statnaam: 'Groningen', jrstatcode: '2024GM0014' }),
      ]),
      { year: 2025 },
    );
    expect(result.year).toBe(2024);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        message: 'year option 2025 differs from the year in the file (2024); used 2024',
      },
    ]);
  });

  it('rejects coordinates that are neither degrees nor RD metres', () => {
    const result = parseBoundaries(
      collection([
        {
          type: 'Feature',
          properties: { statcode: 'GM0014' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [600000, 6800000],
                [600100, 6800000],
                [600000, 6800100],
                [600000, 6800000],
              ],
            ],
          },
        },
      ]),
    );
    expect(errors(result)).toEqual([
      'coordinates are neither WGS84 degrees nor RD New (EPSG:28992) metres in the Netherlands',
    ]);
  });
});
