import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, HospiceVersionTable } from '../store/schema';
import type { Hospice, HospiceCreate, HospicePatch } from '@palliamonitor/contracts';
import type { Issue } from '../errors';
import { screenFreeText } from '../free-text';

// The values of a registry version: API field names against columns, normalisation of input, and
// the checks a version's values must pass before it is stored.

type Db = Kysely<Database> | Transaction<Database>;
export type VersionRow = Selectable<HospiceVersionTable> & { is_synthetic: boolean };

const FIELD_TO_COLUMN = {
  name: 'name',
  streetAddress: 'street_address',
  postcode: 'postcode',
  place: 'place',
  gemeenteCode: 'gemeente_code',
  latitude: 'latitude',
  longitude: 'longitude',
  type: 'type',
  careModel: 'care_model',
  funding: 'funding',
  umbrellas: 'umbrellas',
  agbCode: 'agb_code',
  kvkNumber: 'kvk_number',
  licensedBeds: 'licensed_beds',
  openedOn: 'opened_on',
  closedOn: 'closed_on',
  phone: 'phone',
  website: 'website',
  admissionCriteria: 'admission_criteria',
} as const;
export type Field = keyof typeof FIELD_TO_COLUMN;
export const HOSPICE_FIELDS = Object.keys(FIELD_TO_COLUMN) as Field[];

/** The values of one version, in API field names. */
export type HospiceValues = Omit<
  Hospice,
  'id' | 'regions' | 'validFrom' | 'validTo' | 'recordedAt' | 'recordedBy' | 'isSynthetic'
>;

export function toValues(row: VersionRow): HospiceValues {
  return {
    name: row.name,
    streetAddress: row.street_address,
    postcode: row.postcode,
    place: row.place,
    gemeenteCode: row.gemeente_code,
    latitude: row.latitude,
    longitude: row.longitude,
    type: row.type,
    careModel: row.care_model,
    funding: row.funding,
    umbrellas: row.umbrellas,
    agbCode: row.agb_code,
    kvkNumber: row.kvk_number,
    licensedBeds: row.licensed_beds,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    phone: row.phone,
    website: row.website,
    admissionCriteria: row.admission_criteria,
  };
}

export function toColumns(values: HospiceValues) {
  return {
    name: values.name,
    street_address: values.streetAddress,
    postcode: values.postcode,
    place: values.place,
    gemeente_code: values.gemeenteCode,
    latitude: values.latitude,
    longitude: values.longitude,
    type: values.type,
    care_model: values.careModel,
    funding: JSON.stringify(values.funding),
    umbrellas: JSON.stringify(values.umbrellas),
    agb_code: values.agbCode,
    kvk_number: values.kvkNumber,
    licensed_beds: values.licensedBeds,
    opened_on: values.openedOn,
    closed_on: values.closedOn,
    phone: values.phone,
    website: values.website,
    admission_criteria: values.admissionCriteria,
  };
}

export function normaliseCreate(input: HospiceCreate): HospiceValues {
  return {
    name: input.name.trim(),
    streetAddress: input.streetAddress ?? null,
    postcode: input.postcode ? normalisePostcode(input.postcode) : null,
    place: input.place.trim(),
    gemeenteCode: input.gemeenteCode,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    type: input.type,
    careModel: input.careModel ?? null,
    funding: input.funding ?? [],
    umbrellas: input.umbrellas ?? [],
    agbCode: input.agbCode ?? null,
    kvkNumber: input.kvkNumber ?? null,
    licensedBeds: input.licensedBeds,
    openedOn: input.openedOn ?? null,
    closedOn: input.closedOn ?? null,
    phone: input.phone ?? null,
    website: input.website ?? null,
    admissionCriteria: normaliseText(input.admissionCriteria),
  };
}

/** Free text as stored: trimmed, and null when nothing is left. */
function normaliseText(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '');
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

/** Rules that need more than one field or the database. Returned as issues, not thrown. */
export async function checkValues(
  db: Db,
  values: HospiceValues,
  effectiveFrom: string,
): Promise<Issue[]> {
  const issues: Issue[] = screenFreeText([
    ['name', values.name],
    ['streetAddress', values.streetAddress],
    ['place', values.place],
    ['admissionCriteria', values.admissionCriteria],
  ]);
  const gemeente = await db
    .selectFrom('region')
    .select(['code', 'valid_from', 'valid_to'])
    .where('code', '=', values.gemeenteCode)
    .where('type', '=', 'gemeente')
    .executeTakeFirst();
  if (!gemeente) {
    issues.push({
      field: 'gemeenteCode',
      message: `unknown gemeente ${values.gemeenteCode}`,
      code: 'registry.unknownGemeente',
      params: { gemeente: values.gemeenteCode },
    });
  } else if (gemeente.valid_to !== null && gemeente.valid_to <= effectiveFrom) {
    issues.push({
      field: 'gemeenteCode',
      message: `gemeente ${values.gemeenteCode} no longer exists on ${effectiveFrom} (ended ${gemeente.valid_to})`,
      code: 'registry.gemeenteEnded',
      params: { gemeente: values.gemeenteCode, date: effectiveFrom, ended: gemeente.valid_to },
    });
  }
  if (values.openedOn && values.closedOn && values.closedOn < values.openedOn) {
    issues.push({
      field: 'closedOn',
      message: `must not be before openedOn ${values.openedOn}`,
      code: 'registry.closedBeforeOpened',
      params: { openedOn: values.openedOn },
    });
  }
  if ((values.latitude === null) !== (values.longitude === null)) {
    issues.push({
      field: values.latitude === null ? 'latitude' : 'longitude',
      message: 'latitude and longitude go together',
      code: 'registry.coordinatesTogether',
    });
  }
  return issues;
}

/** The values a patch changes (fields equal to the current value are left out). */
export function changedFields(current: HospiceValues, patch: HospicePatch): Partial<HospiceValues> {
  const changes: Record<string, unknown> = {};
  for (const field of HOSPICE_FIELDS) {
    if (!(field in patch)) {
      continue;
    }
    let next = patch[field] as unknown;
    if (field === 'postcode' && typeof next === 'string') {
      next = normalisePostcode(next);
    }
    if (field === 'admissionCriteria') {
      next = normaliseText(next as string | null);
    }
    if (JSON.stringify(next) !== JSON.stringify(current[field])) {
      changes[field] = next;
    }
  }
  return changes as Partial<HospiceValues>;
}
