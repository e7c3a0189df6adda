import type { Kysely } from 'kysely';
import {
  OPEN_DATA_CHANGELOG,
  PERSON_COUNT_COLUMNS,
  SMALL_COUNT_LIMIT,
  type OpenDatasetId,
  type OpenHospice,
  type OpenHospices,
  type OpenRegionMonth,
  type OpenRegionMonths,
  type SuppressibleColumn,
} from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import { dutchDate } from '../dates';
import { getStatistics } from '../collection/statistics.repository';
import { isSuppressed } from '../collection/statistics-suppression';
import { listRegions } from '../registry/regions.repository';
import { listHospices } from '../registry/hospice-reads';

// The open datasets, computed from the same figures the API's statistics give, then cut by the
// small-count rule. Only complete months are published: a month still under way would change
// under its users, and its counts are smaller than they will be.

/** How many complete months region-months covers, ending with the last complete month. */
export const MONTHS_PUBLISHED = 12;

export const OPEN_DATA_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

// The small-count rule (`isSuppressed`) is one for the open data and the statistics' answers
// (collection/statistics-suppression.ts). No published total or margin here combines suppressed
// cells, so a hidden cell cannot be recovered by subtraction.

interface MonthFigures {
  bedDays: number;
  bedDaysAvailable: number;
  occupancy: number | null;
  admissions: number;
  refusals: number;
}

/** The person counts of a month as published, with the columns hidden by the rule. */
export function suppressSmallCounts(
  figures: MonthFigures,
): Pick<OpenRegionMonth, 'bedDays' | 'occupancy' | 'admissions' | 'refusals' | 'suppressed'> {
  const suppressed: SuppressibleColumn[] = PERSON_COUNT_COLUMNS.filter((c) =>
    isSuppressed(figures[c]),
  );
  const hidden = new Set<SuppressibleColumn>(suppressed);
  // Occupancy with the published beds gives back the bed-days, so it goes with them.
  if (hidden.has('bedDays') && figures.occupancy !== null) {
    suppressed.push('occupancy');
    hidden.add('occupancy');
  }
  const shown = (c: (typeof PERSON_COUNT_COLUMNS)[number]) => (hidden.has(c) ? null : figures[c]);
  return {
    bedDays: shown('bedDays'),
    occupancy: hidden.has('occupancy') ? null : figures.occupancy,
    admissions: shown('admissions'),
    refusals: shown('refusals'),
    suppressed,
  };
}

/** The complete months published on `today`: the last MONTHS_PUBLISHED before this month. */
export function publishedMonths(today: string): string[] {
  const [y, m] = today.slice(0, 7).split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS_PUBLISHED }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - MONTHS_PUBLISHED + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

async function latestOf(
  db: Kysely<Database>,
  table: 'hospice_version' | 'monthly_return' | 'stay' | 'refusal' | 'bed_status_event',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('recorded_at').as('at'))
    .executeTakeFirst();
  return row?.at === undefined || row.at === null ? 0 : Date.parse(String(row.at));
}

/** When the data behind a dataset last changed (the epoch before any data). */
export async function openDataModified(
  db: Kysely<Database>,
  dataset: OpenDatasetId,
): Promise<string> {
  const tables =
    dataset === 'hospices'
      ? (['hospice_version'] as const)
      : (['hospice_version', 'monthly_return', 'stay', 'refusal', 'bed_status_event'] as const);
  let latest = 0;
  for (const table of tables) {
    latest = Math.max(latest, await latestOf(db, table));
  }
  return new Date(latest).toISOString();
}

/** The version of a dataset's structure: the last entry of the changelog. */
export function datasetVersion(dataset: OpenDatasetId): string {
  return OPEN_DATA_CHANGELOG.filter((c) => c.dataset === dataset).at(-1)!.version;
}

/** Open facilities and their licensed beds per zorgkantoorregio at the end of each month. */
async function bedsAtMonthEnds(
  db: Kysely<Database>,
  months: readonly string[],
): Promise<Map<string, { hospices: number; beds: number }>> {
  const result = new Map<string, { hospices: number; beds: number }>();
  for (const month of months) {
    const asOf = lastDayOf(month);
    const { items } = await listHospices(db, { asOf, openOnly: true, limit: 100_000, offset: 0 });
    for (const h of items) {
      const code = h.regions.zorgkantoorregio?.code;
      if (code === undefined) {
        continue;
      }
      const key = `${code} ${month}`;
      const entry = result.get(key) ?? { hospices: 0, beds: 0 };
      entry.hospices += 1;
      entry.beds += h.licensedBeds;
      result.set(key, entry);
    }
  }
  return result;
}

/** Aggregated figures per zorgkantoorregio and complete month, small counts suppressed. */
export async function openRegionMonths(
  db: Kysely<Database>,
  options: { now: Date; freshnessHours: number },
): Promise<OpenRegionMonths> {
  const today = dutchDate(options.now);
  const months = publishedMonths(today);
  const regions = await listRegions(db, {
    type: 'zorgkantoorregio',
    asOf: today,
    limit: 1000,
    offset: 0,
  });
  const capacity = await bedsAtMonthEnds(db, months);
  const rows: OpenRegionMonth[] = [];
  // One region after another: the embedded store answers one query at a time anyway.
  for (const region of regions.items) {
    const stats = await getStatistics(
      db,
      { kind: 'region', code: region.code },
      { period: 'month', from: months[0], to: months.at(-1) },
      options,
    );
    for (const item of stats.items) {
      const beds = capacity.get(`${region.code} ${item.period}`) ?? { hospices: 0, beds: 0 };
      rows.push({
        regionCode: region.code,
        regionName: region.name,
        month: item.period,
        hospices: beds.hospices,
        beds: beds.beds,
        ...suppressSmallCounts(item),
        freshDataShare: item.freshDataShare,
        isSynthetic: stats.isSynthetic,
      });
    }
  }
  return {
    dataset: 'region-months',
    version: datasetVersion('region-months'),
    modified: await openDataModified(db, 'region-months'),
    license: OPEN_DATA_LICENSE,
    from: months[0]!,
    to: months.at(-1)!,
    suppressionLimit: SMALL_COUNT_LIMIT,
    rows,
  };
}

/**
 * The registry as the public sees it: no phone number (the policy shows it to professionals
 * only), no one who recorded a change. Every facility registered today, closed ones with their
 * closing date.
 */
export async function openHospices(db: Kysely<Database>, now: Date): Promise<OpenHospices> {
  const asOf = dutchDate(now);
  const { items } = await listHospices(db, { asOf, limit: 100_000, offset: 0 });
  const rows = items.map((h): OpenHospice => ({
    id: h.id,
    name: h.name,
    type: h.type,
    careModel: h.careModel,
    funding: h.funding,
    umbrellas: h.umbrellas,
    streetAddress: h.streetAddress,
    postcode: h.postcode,
    place: h.place,
    gemeenteCode: h.gemeenteCode,
    regionCode: h.regions.zorgkantoorregio?.code ?? null,
    latitude: h.latitude,
    longitude: h.longitude,
    licensedBeds: h.licensedBeds,
    openedOn: h.openedOn,
    closedOn: h.closedOn,
    website: h.website,
    agbCode: h.agbCode,
    kvkNumber: h.kvkNumber,
    isSynthetic: h.isSynthetic,
  }));
  return {
    dataset: 'hospices',
    version: datasetVersion('hospices'),
    modified: await openDataModified(db, 'hospices'),
    license: OPEN_DATA_LICENSE,
    asOf,
    rows,
  };
}

/** Per dataset what the catalogue says of it: when its data changed, the period it covers. */
export async function openDataPeriods(
  db: Kysely<Database>,
  now: Date,
): Promise<Record<OpenDatasetId, { modified: string; start: string; end: string }>> {
  const today = dutchDate(now);
  const months = publishedMonths(today);
  const first = await db
    .selectFrom('hospice_version')
    .select((eb) => eb.fn.min('valid_from').as('from'))
    .executeTakeFirst();
  const firstDay =
    first?.from === undefined || first.from === null ? today : String(first.from).slice(0, 10);
  return {
    'region-months': {
      modified: await openDataModified(db, 'region-months'),
      start: `${months[0]!}-01`,
      end: lastDayOf(months.at(-1)!),
    },
    hospices: {
      modified: await openDataModified(db, 'hospices'),
      start: firstDay < today ? firstDay : today,
      end: today,
    },
  };
}
