import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature as topojsonFeature } from 'topojson-client';
import { issue, parseJsonText, type ImportIssue } from '../issues';
import type {
  BoundariesResult,
  BoundaryLayer,
  BoundaryRegion,
  ParseBoundariesOptions,
} from './boundary-types';
import { bboxOf, detectCrs, toWgs84 } from './geometry';
import {
  CODE_PROPERTIES,
  NAME_PROPERTIES,
  findCode,
  findString,
  layerOf,
  yearFromProperties,
  yearInName,
} from './region-properties';

/**
 * Parser for region boundary files: CBS/PDOK "gebiedsindelingen" as GeoJSON FeatureCollection
 * (WGS84 or RD New) or as TopoJSON Topology (e.g. cartomap/nl, generated from the same data).
 */

export type {
  BBox,
  BoundariesResult,
  BoundaryLayer,
  BoundaryRegion,
  ParseBoundariesOptions,
} from './boundary-types';

type SourceCrs = BoundariesResult['sourceCrs'];

interface RawFeature {
  feature: Feature<Geometry | null>;
  /** Name of the TopoJSON object it came from, if any. */
  objectName: string | null;
  /** Index in the source, for messages. */
  index: number;
}

interface RawFeatures {
  raw: RawFeature[];
  declaredCrs: string | null;
}

type LayeredRegion = BoundaryRegion & { layer: BoundaryLayer };

export function parseBoundaries(
  text: string,
  options: ParseBoundariesOptions = {},
): BoundariesResult {
  const issues: ImportIssue[] = [];
  const empty: BoundariesResult = { layer: null, year: null, sourceCrs: null, regions: [], issues };
  const parsed = parseJsonText(text, issues);
  if (parsed === null) {
    return empty;
  }
  const features = readFeatures(parsed.json, issues);
  if (features === null) {
    return empty;
  }
  const sourceCrs = sourceCrsOf(features, issues);
  if (sourceCrs === null) {
    return empty;
  }
  const { regions, years } = regionsOf(features.raw, sourceCrs, issues);
  const layer = mainLayer(regions, issues);
  const year = divisionYear(years, features.raw, options, issues);
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

/** The features of a GeoJSON FeatureCollection or TopoJSON Topology; null when it is neither. */
function readFeatures(json: unknown, issues: ImportIssue[]): RawFeatures | null {
  if (!isObject(json)) {
    issues.push(issue('error', 'not a GeoJSON FeatureCollection or TopoJSON Topology'));
    return null;
  }
  if (json['type'] === 'FeatureCollection') {
    if (!Array.isArray(json['features'])) {
      issues.push(issue('error', 'FeatureCollection has no "features" array'));
      return null;
    }
    const raw: RawFeature[] = [];
    (json['features'] as unknown[]).forEach((f, index) => {
      if (isObject(f) && f['type'] === 'Feature') {
        raw.push({ feature: f as unknown as Feature<Geometry | null>, objectName: null, index });
      } else {
        issues.push(issue('error', 'not a GeoJSON Feature', { field: `features[${index}]` }));
      }
    });
    return { raw, declaredCrs: crsName(json['crs']) };
  }
  if (json['type'] === 'Topology') {
    const objects = json['objects'];
    if (!isObject(objects) || Object.keys(objects).length === 0) {
      issues.push(issue('error', 'Topology has no objects'));
      return null;
    }
    return {
      raw: topologyFeatures(json, Object.keys(objects), issues),
      declaredCrs: crsName(json['crs']),
    };
  }
  const type = typeof json['type'] === 'string' ? `"${json['type']}"` : 'missing';
  issues.push(
    issue('error', `not a GeoJSON FeatureCollection or TopoJSON Topology (type ${type})`),
  );
  return null;
}

function topologyFeatures(
  json: Record<string, unknown>,
  objectNames: readonly string[],
  issues: ImportIssue[],
): RawFeature[] {
  const raw: RawFeature[] = [];
  const topology = json as unknown as Parameters<typeof topojsonFeature>[0];
  for (const objectName of objectNames) {
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
  return raw;
}

/** Coordinate system: declared, or recognised from the coordinate values; null when neither. */
function sourceCrsOf({ raw, declaredCrs }: RawFeatures, issues: ImportIssue[]): SourceCrs {
  if (declaredCrs !== null) {
    if (/28992/.test(declaredCrs)) {
      return 'EPSG:28992';
    }
    if (/4326|CRS84/i.test(declaredCrs)) {
      return 'EPSG:4326';
    }
    issues.push(
      issue(
        'error',
        `unsupported coordinate system "${declaredCrs}"; expected EPSG:28992 or WGS84`,
      ),
    );
    return null;
  }
  const detected = detectCrs(raw);
  if (detected === null) {
    issues.push(
      issue(
        'error',
        'coordinates are neither WGS84 degrees nor RD New (EPSG:28992) metres in the Netherlands',
      ),
    );
  }
  return detected;
}

/** The valid regions in source order, and how many of them name each year. */
function regionsOf(
  raw: readonly RawFeature[],
  sourceCrs: NonNullable<SourceCrs>,
  issues: ImportIssue[],
): { regions: LayeredRegion[]; years: Map<number, number> } {
  const regions: LayeredRegion[] = [];
  const firstIndexByCode = new Map<string, string>();
  const years = new Map<number, number>();
  for (const { feature: f, objectName, index } of raw) {
    const where = objectName === null ? `features[${index}]` : `objects.${objectName}[${index}]`;
    const found = codeOf(f, where, issues);
    if (found === null) {
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
    const region = regionOf(f, found, where, sourceCrs, issues);
    if (region === null) {
      continue;
    }
    const year = yearFromProperties(f.properties ?? {});
    if (year !== null) {
      years.set(year, (years.get(year) ?? 0) + 1);
    }
    regions.push(region);
  }
  return { regions, years };
}

/** The region code of a feature and its layer; null (with an issue) when it has none. */
function codeOf(
  f: Feature<Geometry | null>,
  where: string,
  issues: ImportIssue[],
): { code: string; layer: BoundaryLayer } | null {
  const found = findCode(f.properties ?? {}, f.id);
  if (found === null) {
    issues.push(
      issue('error', `feature has no region code (looked for ${CODE_PROPERTIES.join(', ')})`, {
        field: where,
      }),
    );
    return null;
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
    return null;
  }
  return { code: found.code, layer };
}

/** A feature with a code as a region in WGS84; null (with an issue) when its geometry is unusable. */
function regionOf(
  f: Feature<Geometry | null>,
  found: { code: string; layer: BoundaryLayer },
  where: string,
  sourceCrs: NonNullable<SourceCrs>,
  issues: ImportIssue[],
): LayeredRegion | null {
  const geometry = f.geometry;
  if (geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    issues.push(
      issue(
        'error',
        `${found.code}: geometry must be Polygon or MultiPolygon, got ${geometry === null ? 'null' : geometry.type}`,
        { field: where },
      ),
    );
    return null;
  }
  const wgs84 = sourceCrs === 'EPSG:28992' ? toWgs84(geometry) : geometry;
  const bbox = bboxOf(wgs84);
  if (bbox === null) {
    issues.push(issue('error', `${found.code}: geometry has no coordinates`, { field: where }));
    return null;
  }
  const name = findString(f.properties ?? {}, NAME_PROPERTIES);
  if (name === null) {
    issues.push(
      issue('warning', `${found.code}: no name (statnaam); the code is used as name`, {
        field: where,
      }),
    );
  }
  return { code: found.code, name: name ?? found.code, geometry: wgs84, bbox, layer: found.layer };
}

/** One layer per file: the most frequent one is kept, a mix is an error. */
function mainLayer(regions: readonly LayeredRegion[], issues: ImportIssue[]): BoundaryLayer | null {
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
  return layer;
}

/** Year: from the data (jrstatcode), else the TopoJSON object name, file name, or option. */
function divisionYear(
  years: ReadonlyMap<number, number>,
  raw: readonly RawFeature[],
  options: ParseBoundariesOptions,
  issues: ImportIssue[],
): number | null {
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
  const year = dataYear ?? objectYear ?? fileYear ?? options.year ?? null;
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
  return year;
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
