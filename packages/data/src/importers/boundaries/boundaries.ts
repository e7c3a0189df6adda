import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { feature as topojsonFeature } from 'topojson-client';
import { issue, type ImportIssue } from '../issues';
import { isInRdBounds, rdToWgs84 } from './rd-new';

/**
 * Parser for region boundary files: CBS/PDOK "gebiedsindelingen" as GeoJSON FeatureCollection
 * (WGS84 or RD New) or as TopoJSON Topology (e.g. cartomap/nl, generated from the same data).
 */

export type BoundaryLayer = 'gemeente' | 'provincie' | 'zorgkantoorregio';

/** `[minLon, minLat, maxLon, maxLat]` in WGS84 degrees. */
export type BBox = [number, number, number, number];

export interface BoundaryRegion {
  /** CBS code: GMdddd, PVdd or ZKdd. */
  code: string;
  name: string;
  /** WGS84 (lon, lat); converted from RD New when the source was in metres. */
  geometry: Polygon | MultiPolygon;
  bbox: BBox;
}

export interface BoundariesResult {
  /** null when no valid region code was found. */
  layer: BoundaryLayer | null;
  /** Reference year of the division (e.g. 2025 for "gemeente_2025"); null when none was found. */
  year: number | null;
  /** Coordinate system of the source file; the output is always WGS84. */
  sourceCrs: 'EPSG:4326' | 'EPSG:28992' | null;
  regions: BoundaryRegion[];
  issues: ImportIssue[];
}

export interface ParseBoundariesOptions {
  /** Used to find the year (e.g. "gemeente_2025.geojson") when the data does not say. */
  fileName?: string;
  /** Year to use when neither the data nor the file name says; a conflicting year warns. */
  year?: number;
}

const LAYER_PATTERNS: readonly (readonly [BoundaryLayer, RegExp])[] = [
  ['gemeente', /^GM\d{4}$/],
  ['provincie', /^PV\d{2}$/],
  ['zorgkantoorregio', /^ZK\d{2}$/],
];

/** Property names that carry the region code, in order of preference (CBS/PDOK, then others). */
const CODE_PROPERTIES = [
  'statcode',
  'identificatie',
  'gemeentecode',
  'provinciecode',
  'zorgkantoorregiocode',
  'GM_CODE',
  'PV_CODE',
  'code',
] as const;
const NAME_PROPERTIES = [
  'statnaam',
  'gemeentenaam',
  'provincienaam',
  'zorgkantoorregionaam',
  'naam',
  'GM_NAAM',
  'PV_NAAM',
  'name',
] as const;

/** Prefix used when a code property holds only digits (e.g. gemeentecode "0014"). */
const NUMERIC_CODE_PREFIX: Readonly<Record<string, { prefix: string; width: number }>> = {
  gemeentecode: { prefix: 'GM', width: 4 },
  provinciecode: { prefix: 'PV', width: 2 },
  zorgkantoorregiocode: { prefix: 'ZK', width: 2 },
};

const YEAR_IN_NAME = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/;

interface RawFeature {
  feature: Feature<Geometry | null>;
  /** Name of the TopoJSON object it came from, if any. */
  objectName: string | null;
  /** Index in the source, for messages. */
  index: number;
}

export function parseBoundaries(
  text: string,
  options: ParseBoundariesOptions = {},
): BoundariesResult {
  const issues: ImportIssue[] = [];
  const empty = (): BoundariesResult => ({
    layer: null,
    year: null,
    sourceCrs: null,
    regions: [],
    issues,
  });

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    issues.push(issue('error', `not JSON: ${(error as Error).message}`));
    return empty();
  }
  if (!isObject(json)) {
    issues.push(issue('error', 'not a GeoJSON FeatureCollection or TopoJSON Topology'));
    return empty();
  }

  let raw: RawFeature[];
  let declaredCrs: string | null = null;
  if (json['type'] === 'FeatureCollection') {
    if (!Array.isArray(json['features'])) {
      issues.push(issue('error', 'FeatureCollection has no "features" array'));
      return empty();
    }
    raw = [];
    (json['features'] as unknown[]).forEach((f, index) => {
      if (isObject(f) && f['type'] === 'Feature') {
        raw.push({ feature: f as unknown as Feature<Geometry | null>, objectName: null, index });
      } else {
        issues.push(issue('error', 'not a GeoJSON Feature', { field: `features[${index}]` }));
      }
    });
    declaredCrs = crsName(json['crs']);
  } else if (json['type'] === 'Topology') {
    const objects = json['objects'];
    if (!isObject(objects) || Object.keys(objects).length === 0) {
      issues.push(issue('error', 'Topology has no objects'));
      return empty();
    }
    raw = [];
    const topology = json as unknown as Parameters<typeof topojsonFeature>[0];
    for (const objectName of Object.keys(objects)) {
      let converted: Feature<Geometry | null> | FeatureCollection<Geometry | null>;
      try {
        // Typed overloads pick Point for a string name; the object can be any geometry.
        converted = topojsonFeature(topology, objectName) as
          Feature<Geometry | null> | FeatureCollection<Geometry | null>;
      } catch (error) {
        issues.push(
          issue('error', `cannot convert TopoJSON object: ${(error as Error).message}`, {
            field: `objects.${objectName}`,
          }),
        );
        continue;
      }
      const list = converted.type === 'FeatureCollection' ? converted.features : [converted];
      list.forEach((f, index) => raw.push({ feature: f, objectName, index }));
    }
    declaredCrs = crsName(json['crs']);
  } else {
    const type = typeof json['type'] === 'string' ? `"${json['type']}"` : 'missing';
    issues.push(
      issue('error', `not a GeoJSON FeatureCollection or TopoJSON Topology (type ${type})`),
    );
    return empty();
  }

  // Coordinate system: declared, or recognised from the coordinate values.
  let sourceCrs: BoundariesResult['sourceCrs'];
  if (declaredCrs !== null) {
    if (/28992/.test(declaredCrs)) {
      sourceCrs = 'EPSG:28992';
    } else if (/4326|CRS84/i.test(declaredCrs)) {
      sourceCrs = 'EPSG:4326';
    } else {
      issues.push(
        issue(
          'error',
          `unsupported coordinate system "${declaredCrs}"; expected EPSG:28992 or WGS84`,
        ),
      );
      return empty();
    }
  } else {
    const detected = detectCrs(raw);
    if (detected === null) {
      issues.push(
        issue(
          'error',
          'coordinates are neither WGS84 degrees nor RD New (EPSG:28992) metres in the Netherlands',
        ),
      );
      return empty();
    }
    sourceCrs = detected;
  }

  // Regions.
  const regions: (BoundaryRegion & { layer: BoundaryLayer })[] = [];
  const firstIndexByCode = new Map<string, string>();
  const years = new Map<number, number>();
  for (const { feature: f, objectName, index } of raw) {
    const where = objectName === null ? `features[${index}]` : `objects.${objectName}[${index}]`;
    const properties = f.properties ?? {};
    const found = findCode(properties, f.id);
    if (found === null) {
      issues.push(
        issue('error', `feature has no region code (looked for ${CODE_PROPERTIES.join(', ')})`, {
          field: where,
        }),
      );
      continue;
    }
    const layer = layerOf(found.code);
    if (layer === null) {
      issues.push(
        issue(
          'error',
          `unknown code format "${found.code}"; expected GMdddd (gemeente), PVdd (provincie) or ZKdd (zorgkantoorregio)`,
          { field: `${where}.${found.property}` },
        ),
      );
      continue;
    }
    const previous = firstIndexByCode.get(found.code);
    if (previous !== undefined) {
      issues.push(
        issue('error', `duplicate code ${found.code} (also in ${previous}); kept the first`, {
          field: where,
        }),
      );
      continue;
    }
    firstIndexByCode.set(found.code, where);

    const geometry = f.geometry;
    if (geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      issues.push(
        issue(
          'error',
          `${found.code}: geometry must be Polygon or MultiPolygon, got ${geometry === null ? 'null' : geometry.type}`,
          { field: where },
        ),
      );
      continue;
    }
    const wgs84 = sourceCrs === 'EPSG:28992' ? toWgs84(geometry) : geometry;
    const bbox = bboxOf(wgs84);
    if (bbox === null) {
      issues.push(issue('error', `${found.code}: geometry has no coordinates`, { field: where }));
      continue;
    }

    const name = findString(properties, NAME_PROPERTIES);
    if (name === null) {
      issues.push(
        issue('warning', `${found.code}: no name (statnaam); the code is used as name`, {
          field: where,
        }),
      );
    }
    const year = yearFromProperties(properties);
    if (year !== null) {
      years.set(year, (years.get(year) ?? 0) + 1);
    }
    regions.push({ code: found.code, name: name ?? found.code, geometry: wgs84, bbox, layer });
  }

  // One layer per file.
  const layerCounts = new Map<BoundaryLayer, number>();
  for (const r of regions) {
    layerCounts.set(r.layer, (layerCounts.get(r.layer) ?? 0) + 1);
  }
  const layers = [...layerCounts.entries()].sort((a, b) => b[1] - a[1]);
  const layer = layers[0]?.[0] ?? null;
  if (layers.length > 1) {
    issues.push(
      issue(
        'error',
        `mixed layers: ${layers.map(([l, n]) => `${String(n)} ${l}`).join(', ')}; kept only ${String(layer)}`,
      ),
    );
  }
  if (layer === null && issues.length === 0) {
    issues.push(issue('error', 'file contains no features'));
  }

  // Year: from the data (jrstatcode), else the TopoJSON object name, file name, or option.
  let year: number | null = null;
  if (years.size > 1) {
    issues.push(
      issue(
        'error',
        `mixed years in jrstatcode: ${[...years.keys()].sort().join(', ')}; one file must hold one division`,
      ),
    );
  }
  const dataYear = [...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const objectYear = raw
    .map((r) => (r.objectName === null ? null : yearInName(r.objectName)))
    .find((y) => y !== null);
  const fileYear = options.fileName === undefined ? null : yearInName(options.fileName);
  year = dataYear ?? objectYear ?? fileYear ?? options.year ?? null;
  if (year === null) {
    issues.push(
      issue(
        'error',
        'no year found (no jrstatcode, no year in the object or file name, no year option)',
      ),
    );
  } else if (options.year !== undefined && options.year !== year) {
    issues.push(
      issue(
        'warning',
        `year option ${String(options.year)} differs from the year in the file (${String(year)}); used ${String(year)}`,
      ),
    );
  }

  return {
    layer,
    year,
    sourceCrs,
    regions: regions
      .filter((r) => r.layer === layer)
      .map(({ code, name, geometry, bbox }) => ({ code, name, geometry, bbox }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    issues,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function crsName(crs: unknown): string | null {
  if (!isObject(crs) || !isObject(crs['properties'])) {
    return null;
  }
  const name = crs['properties']['name'];
  return typeof name === 'string' ? name : null;
}

function layerOf(code: string): BoundaryLayer | null {
  return LAYER_PATTERNS.find(([, pattern]) => pattern.test(code))?.[0] ?? null;
}

function findCode(
  properties: Record<string, unknown>,
  id: Feature['id'],
): { code: string; property: string } | null {
  for (const property of CODE_PROPERTIES) {
    const value = properties[property];
    if (typeof value !== 'string' && typeof value !== 'number') {
      continue;
    }
    let code = String(value).trim();
    if (code === '') {
      continue;
    }
    const numeric = NUMERIC_CODE_PREFIX[property];
    if (numeric !== undefined && /^\d+$/.test(code)) {
      code = numeric.prefix + code.padStart(numeric.width, '0');
    }
    // PDOK "code" without prefix (bestuurlijke gebieden) is only usable next to identificatie.
    if (property === 'code' && /^\d+$/.test(code)) {
      continue;
    }
    return { code: code.toUpperCase(), property };
  }
  if (typeof id === 'string' && layerOf(id.trim()) !== null) {
    return { code: id.trim(), property: 'id' };
  }
  return null;
}

function findString(properties: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = properties[name];
    if (typeof value === 'string' && value.trim() !== '') {
      return value.trim();
    }
  }
  return null;
}

function yearFromProperties(properties: Record<string, unknown>): number | null {
  const jr = properties['jrstatcode'];
  if (typeof jr === 'string') {
    const match = /^((?:19|20)\d{2})[A-Z]{2}/.exec(jr.trim());
    if (match?.[1] !== undefined) {
      return Number(match[1]);
    }
  }
  const jaar = properties['jaarcode'] ?? properties['jaar'];
  if (
    (typeof jaar === 'string' || typeof jaar === 'number') &&
    /^(19|20)\d{2}$/.test(String(jaar))
  ) {
    return Number(jaar);
  }
  return null;
}

function yearInName(name: string): number | null {
  const match = YEAR_IN_NAME.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function* positionsOf(geometry: Geometry): Generator<Position> {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) {
        yield* line;
      }
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) {
        for (const ring of polygon) {
          yield* ring;
        }
      }
      break;
    case 'GeometryCollection':
      for (const g of geometry.geometries) {
        yield* positionsOf(g);
      }
      break;
  }
}

/** Looks at (up to) the first 1,000 positions to tell degrees from RD metres. */
function detectCrs(raw: readonly RawFeature[]): 'EPSG:4326' | 'EPSG:28992' | null {
  let seen = 0;
  let allDegrees = true;
  let allRd = true;
  for (const { feature: f } of raw) {
    if (f.geometry === null) {
      continue;
    }
    for (const [x, y] of positionsOf(f.geometry)) {
      if (x === undefined || y === undefined) {
        continue;
      }
      allDegrees &&= Math.abs(x) <= 180 && Math.abs(y) <= 90;
      allRd &&= isInRdBounds(x, y);
      if (++seen >= 1000) {
        break;
      }
    }
    if (seen >= 1000) {
      break;
    }
  }
  if (seen === 0 || allDegrees) {
    return 'EPSG:4326';
  }
  return allRd ? 'EPSG:28992' : null;
}

function convertRing(ring: Position[]): Position[] {
  return ring.map(([x = 0, y = 0]) => {
    const [lon, lat] = rdToWgs84(x, y);
    return [round6(lon), round6(lat)];
  });
}

function toWgs84(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(convertRing) }
    : {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map(convertRing)),
      };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function bboxOf(geometry: Polygon | MultiPolygon): BBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of positionsOf(geometry)) {
    if (x === undefined || y === undefined) {
      continue;
    }
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return minX === Infinity ? null : [minX, minY, maxX, maxY];
}
