import type { Role } from '@palliamonitor/contracts';
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
  /** Raised by every stored change of the registry entry; part of its ETag. */
  revision: Generated<number>;
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
  admission_criteria: string | null;
}

export type BedStatusEventKind = 'update' | 'confirm' | 'movement';
export type ClosedReason = 'staff-shortage' | 'renovation' | 'infection' | 'other';
export type StayOrigin = 'home' | 'hospital' | 'nursing-home' | 'other';
export type DepartureKind = 'died' | 'discharged-home' | 'transferred';

export interface BedStatusEventTable {
  id: Generated<number>;
  hospice_id: string;
  kind: BedStatusEventKind;
  beds_open: number;
  beds_occupied: number;
  beds_closed: number;
  closed_reason: ClosedReason | null;
  admission_stop: boolean;
  recorded_at: string;
  recorded_by: string;
}

/** The latest event of each facility (migration 0007), kept by a trigger on bed_status_event. */
export interface BedStatusCurrentTable extends Omit<BedStatusEventTable, 'id'> {
  event_id: number;
  /** recorded_at of the latest event that was not a confirmation. */
  changed_at: string | null;
}

/** The latest bed-status event time of each facility per Dutch day (migration 0007). */
export interface BedStatusDayTable {
  hospice_id: string;
  day: string;
  last_at: string;
}

/** The first day of a registered admission or refusal of each facility (migration 0007). */
export interface HospiceActivityTable {
  hospice_id: string;
  events_from: string;
}

export interface StayTable {
  id: string;
  hospice_id: string;
  admitted_on: string;
  origin: StayOrigin;
  departed_on: string | null;
  departure_kind: DepartureKind | null;
  recorded_at: string;
  recorded_by: string;
  departure_recorded_at: string | null;
  departure_recorded_by: string | null;
}

export interface RefusalTable {
  id: Generated<number>;
  hospice_id: string;
  refused_on: string;
  count: number;
  recorded_at: string;
  recorded_by: string;
}

export interface WaitingListReportTable {
  id: Generated<number>;
  hospice_id: string;
  reported_on: string;
  size: number;
  recorded_at: string;
  recorded_by: string;
}

export interface MonthlyReturnTable {
  id: Generated<number>;
  hospice_id: string;
  month: string;
  occupied_start: number;
  admissions: number;
  departures_died: number;
  departures_discharged_home: number;
  departures_transferred: number;
  occupied_end: number;
  bed_days: number;
  refusals: number;
  waiting_list_end: number | null;
  length_of_stay_days_total: number | null;
  source: 'api' | 'csv';
  recorded_at: string;
  recorded_by: string;
  superseded_at: string | null;
  superseded_by: number | null;
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

// The role list lives with the API's contracts (migration 0004's check constraint holds the same).
export type { Role };

export interface AppUserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_demo: Generated<boolean>;
  created_at: string;
  disabled_at: string | null;
}

export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: string;
  role: Role;
  scope: string | null;
  created_at: string;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  hospice_id: string;
  label: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  role: string;
  method: string;
  path: string;
  status: number;
  hospice_id: string | null;
  region_code: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  /** The bed-status event the entry records, whose state before and after the log reads. */
  event_id: ColumnType<number | null, number | null | undefined, never>;
}

export interface AuthLimitTable {
  key: string;
  hits: number;
  first_ms: number;
  last_ms: number;
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
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  password_reset: PasswordResetTable;
  audit_log: AuditLogTable;
  auth_limit: AuthLimitTable;
  bed_status_event: BedStatusEventTable;
  bed_status_current: BedStatusCurrentTable;
  bed_status_day: BedStatusDayTable;
  hospice_activity: HospiceActivityTable;
  stay: StayTable;
  refusal: RefusalTable;
  waiting_list_report: WaitingListReportTable;
  monthly_return: MonthlyReturnTable;
  alert_acknowledgement: AlertAcknowledgementTable;
  region_plan_version: RegionPlanVersionTable;
  transformation_plan_version: TransformationPlanVersionTable;
  kept_report: KeptReportTable;
  reminder_preference: ReminderPreferenceTable;
  reminder_sent: ReminderSentTable;
}

export interface KeptReportTable {
  region_code: string;
  month: string;
  generated_at: string;
  report: JSONColumnType<object, string, string>;
  /** The report's months as the public cut showed them (migration 0016); null before that. */
  public_months: JSONColumnType<object | null, string | null, string | null>;
}

export interface AlertAcknowledgementTable {
  id: Generated<number>;
  region_code: string;
  alert_key: string;
  hospice_id: string | null;
  note: string;
  follow_up_on: string | null;
  acknowledged_at: string;
  acknowledged_by: string;
}

export interface RegionPlanVersionTable {
  id: Generated<number>;
  region_code: string;
  version: number;
  targets: JSONColumnType<object, string, string>;
  changes: JSONColumnType<object, string, string>;
  change_note: string;
  saved_at: string;
  saved_by: string;
}

export interface TransformationPlanVersionTable {
  id: Generated<number>;
  region_code: string;
  version: number;
  status: string;
  started_on: string | null;
  submitted_on: string | null;
  approved_on: string | null;
  link: string | null;
  note: string;
  saved_at: string;
  saved_by: string;
}

export interface ReminderPreferenceTable {
  user_id: string;
  reminders_enabled: boolean;
  language: 'nl' | 'en' | null;
  updated_at: string;
}

export interface ReminderSentTable {
  user_id: string;
  kind: 'stale-status' | 'weekly-digest';
  period_start: string;
  /** The hospices the message named, comma-separated. */
  hospice_ids: string;
  sent_at: string;
}
