// Response shapes of the Palliamonitor API (/api/v1) as the web app reads them. The server's schemas
// (packages/data/src/contracts, packages/server/src/routes) are the source; web talks HTTP only and
// does not import them. Endpoints still being built are typed loosely and read defensively.

export type HospiceType = 'bth' | 'hch' | 'nursing-home-unit' | 'hospital-unit' | 'other';
export const HOSPICE_TYPES: readonly HospiceType[] = [
  'bth',
  'hch',
  'nursing-home-unit',
  'hospital-unit',
  'other',
];

export interface Figures {
  facilities: number;
  licensedBeds: number;
  population: number | null;
  population65Plus: number | null;
  population80Plus: number | null;
  populationYear: number | null;
  bedsPer10k65Plus: number | null;
  syntheticFacilities: number;
}

export interface RegionFigures extends Figures {
  code: string;
  name: string;
}

export interface Overview {
  asOf: string;
  national: Figures;
  regions: RegionFigures[];
}

export interface HospiceRef {
  id: string;
  name: string;
  type: HospiceType;
  place: string;
  gemeenteCode: string;
  licensedBeds: number;
  isSynthetic: boolean;
}

export interface RegionDetail {
  code: string;
  type: string;
  name: string;
  asOf: string;
  gemeenten: { code: string; name: string }[];
  parents: { code: string; name: string; type: string }[];
  hospices: HospiceRef[];
  licensedBeds: number;
}

export interface RegionRef {
  code: string;
  name: string;
}

export interface Hospice {
  id: string;
  name: string;
  streetAddress: string | null;
  postcode: string | null;
  place: string;
  gemeenteCode: string;
  latitude: number | null;
  longitude: number | null;
  type: HospiceType;
  careModel: string | null;
  funding: string[];
  umbrellas: string[];
  licensedBeds: number;
  openedOn: string | null;
  closedOn: string | null;
  phone: string | null;
  website: string | null;
  regions: {
    gemeente: RegionRef | null;
    zorgkantoorregio: RegionRef | null;
    provincie: RegionRef | null;
  };
  validFrom: string;
  validTo: string | null;
  recordedAt: string;
  recordedBy: string;
  isSynthetic: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface HospiceVersion {
  validFrom: string;
  validTo: string | null;
  recordedAt: string;
  recordedBy: string;
  changed: string[];
  values: Record<string, unknown>;
}

export interface HospiceHistory {
  id: string;
  versions: HospiceVersion[];
}

/** A forecast value: a number, or a band with uncertainty=true. */
export type Value = number | { p10: number; p50: number; p90: number };

export interface ForecastRow {
  year: number;
  deaths: Value;
  expectedDeaths: Value;
  hospiceRequests: Value;
  offeredLoad: Value;
  bedsNeededErlang: Value;
  bedsNeededNorm: Value;
  currentBeds: Value;
  gap: Value;
  /** An observed year: deaths are the CBS count (observedDeaths). */
  observed?: boolean;
  observedDeaths?: number;
  [key: string]: Value | boolean | undefined;
}

export interface ForecastInput {
  name: string;
  value: number | string;
  provenance: 'measured' | 'imported' | 'assumed';
  source: string;
}

export interface ForecastResponse {
  region?: unknown;
  scenario?: unknown;
  rows: ForecastRow[];
  inputs?: ForecastInput[];
  registry?: {
    facilities: number;
    beds: number;
    syntheticFacilities: number;
    syntheticBeds: number;
    restsOnSyntheticFacilities: boolean;
  };
}

export function mid(value: Value | undefined): number | null {
  if (value === undefined) {
    return null;
  }
  return typeof value === 'number' ? value : value.p50;
}

export function band(value: Value | undefined): { p10: number; p90: number } | null {
  return value !== undefined && typeof value === 'object'
    ? { p10: value.p10, p90: value.p90 }
    : null;
}

/** Live bed status of one hospice (data-collection API). Unknown fields are kept but not read. */
export interface BedStatus {
  hospiceId?: string;
  bedsOpen?: number | null;
  bedsOccupied?: number | null;
  bedsFree?: number | null;
  confirmedAt?: string | null;
  isStale?: boolean;
  admissionStop?: boolean | null;
  eventId?: number | null;
  freshness?: string;
  [key: string]: unknown;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  description?: string;
  [key: string]: unknown;
}
