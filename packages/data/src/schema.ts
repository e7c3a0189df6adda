import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// TypeScript view of the tables in migrations/. Dates are 'YYYY-MM-DD' strings and timestamps ISO
// strings on both stores (see type-parsers.ts).

export type RegionType = 'gemeente' | 'provincie' | 'zorgkantoorregio';
export type HospiceType = 'bth' | 'hch' | 'nursing-home-unit' | 'hospital-unit' | 'other';
export type CareModel = 'formal-care-with-stay' | 'stay-with-informal-care';
export type Funding = 'wlz' | 'zvw' | 'subsidy-ptz' | 'donations' | 'other';
export type Umbrella = 'ahzn' | 'vptz' | 'actiz';
export type AgeBand = '0-64' | '65-79' | '80+' | 'total';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface RegionTable {
  code: string;
  type: RegionType;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface RegionMembershipTable {
  id: Generated<number>;
  gemeente_code: string;
  parent_code: string;
  parent_type: 'provincie' | 'zorgkantoorregio';
  valid_from: string | null;
  valid_to: string | null;
}

export interface RegionBoundaryTable {
  region_code: string;
  year: number;
  layer: RegionType;
  name: string;
  geometry: JSONColumnType<object, string, string>;
  bbox: JSONColumnType<number[], string, string>;
  source: string;
  imported_at: Timestamp;
}

export interface PlaceTable {
  name: string;
  gemeente_code: string;
  latitude: number;
  longitude: number;
}

export interface PostcodeTable {
  pc4: string;
  gemeente_code: string;
  latitude: number;
  longitude: number;
}

export interface DemographicValueTable {
  measure: 'population' | 'deaths';
  region_code: string;
  year: number;
  sex: 'total' | 'male' | 'female';
  age_band: AgeBand;
  kind: 'observed' | 'projection' | 'synthetic' | 'derived';
  value: number;
  source: string;
  table_id: string | null;
}

export interface HospiceTable {
  id: string;
  external_ref: string | null;
  is_synthetic: Generated<boolean>;
  created_at: Timestamp;
}

export interface HospiceVersionTable {
  id: Generated<number>;
  hospice_id: string;
  valid_from: string;
  valid_to: string | null;
  recorded_at: Timestamp;
  recorded_by: string;
  name: string;
  street_address: string | null;
  postcode: string | null;
  place: string;
  gemeente_code: string;
  latitude: number | null;
  longitude: number | null;
  type: HospiceType;
  care_model: CareModel | null;
  funding: JSONColumnType<Funding[], string, string>;
  umbrellas: JSONColumnType<Umbrella[], string, string>;
  agb_code: string | null;
  kvk_number: string | null;
  licensed_beds: number;
  opened_on: string | null;
  closed_on: string | null;
  phone: string | null;
  website: string | null;
}

export interface ScenarioTable {
  id: string;
  name: string;
  version: number;
  definition: JSONColumnType<object, string, string>;
  based_on: string | null;
  created_at: Timestamp;
  created_by: string;
}

export interface Database {
  region: RegionTable;
  region_membership: RegionMembershipTable;
  region_boundary: RegionBoundaryTable;
  place: PlaceTable;
  postcode: PostcodeTable;
  demographic_value: DemographicValueTable;
  hospice: HospiceTable;
  hospice_version: HospiceVersionTable;
  scenario: ScenarioTable;
}
