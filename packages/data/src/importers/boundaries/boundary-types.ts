import type { MultiPolygon, Polygon } from 'geojson';
import type { ImportIssue } from '../issues';

// What the boundary parser returns: regions of one layer and one year, in WGS84.

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
