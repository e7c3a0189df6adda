import type { Kysely } from 'kysely';
import {
  ORGANISATION_DIMENSIONS,
  type Hospice,
  type Organisation,
  type OrganisationDimension,
  type OrganisationGroup,
} from '@palliamonitor/contracts';
import { defaultCostInputs } from '@palliamonitor/model';
import type { Database } from '../store/schema';
import { dutchDate } from '../dates';
import { AppError } from '../errors';
import { getStatistics } from '../collection/statistics.repository';
import { listHospices } from './hospice-reads';
import { findRegion } from './regions.repository';
import { publishedMonths } from '../open-data/open-data.service';

// The variation in organisation and funding: open facilities grouped by care model, funding form
// and umbrella, each group with its beds, the bed-days of the last twelve complete months, their
// occupancy and their cost at the engine's cost per bed-day.

interface Facility {
  hospice: Hospice;
  bedDays: number;
  bedDaysAvailable: number;
}

const keysOf = (h: Hospice, dimension: OrganisationDimension): string[] => {
  const keys =
    dimension === 'careModel'
      ? h.careModel === null
        ? []
        : [h.careModel]
      : dimension === 'funding'
        ? h.funding
        : h.umbrellas;
  return keys.length === 0 ? ['unknown'] : keys;
};

/** The groups of one dimension, largest (by beds) first. */
export function groupFacilities(
  facilities: readonly Facility[],
  dimension: OrganisationDimension,
  costPerBedDay: number,
): OrganisationGroup[] {
  const total = facilities.reduce((sum, f) => sum + f.hospice.licensedBeds, 0);
  const groups = new Map<
    string,
    { facilities: number; beds: number; bedDays: number; available: number }
  >();
  for (const f of facilities) {
    for (const key of keysOf(f.hospice, dimension)) {
      const g = groups.get(key) ?? { facilities: 0, beds: 0, bedDays: 0, available: 0 };
      g.facilities += 1;
      g.beds += f.hospice.licensedBeds;
      g.bedDays += f.bedDays;
      g.available += f.bedDaysAvailable;
      groups.set(key, g);
    }
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      facilities: g.facilities,
      beds: g.beds,
      bedShare: total === 0 ? 0 : g.beds / total,
      bedDays: g.bedDays,
      occupancy: g.available === 0 ? null : g.bedDays / g.available,
      cost: g.bedDays * costPerBedDay,
    }))
    .sort((a, b) => b.beds - a.beds || a.key.localeCompare(b.key));
}

const groupsOf = (facilities: readonly Facility[], costPerBedDay: number) =>
  Object.fromEntries(
    ORGANISATION_DIMENSIONS.map((d) => [d, groupFacilities(facilities, d, costPerBedDay)]),
  ) as Organisation['groups'];

/** The organisation view of a zorgkantoorregio, or of the nation ('NL') with its regional mix. */
export async function organisationOf(
  db: Kysely<Database>,
  code: string,
  options: { now: Date; freshnessHours: number },
): Promise<Organisation> {
  const asOf = dutchDate(options.now);
  const national = code === 'NL';
  const region = national ? { code: 'NL', name: 'Nederland' } : await findRegion(db, code, asOf);
  if (region === undefined) {
    throw new AppError('NOT_FOUND', `unknown region ${code}`, [
      { field: 'code', message: `unknown zorgkantoorregio ${code}` },
    ]);
  }
  const months = publishedMonths(asOf);
  const [hospices, stats] = await Promise.all([
    listHospices(db, {
      asOf,
      openOnly: true,
      limit: 100_000,
      offset: 0,
      ...(national ? {} : { region: code }),
    }),
    getStatistics(
      db,
      { kind: 'region', code },
      { period: 'year', from: months[0], to: months.at(-1), byHospice: true },
      options,
    ),
  ]);
  const figures = new Map(
    (stats.hospices ?? []).map((h) => [
      h.hospiceId,
      h.items.reduce(
        (sum, p) => ({
          bedDays: sum.bedDays + p.bedDays,
          bedDaysAvailable: sum.bedDaysAvailable + p.bedDaysAvailable,
        }),
        { bedDays: 0, bedDaysAvailable: 0 },
      ),
    ]),
  );
  const facilities: Facility[] = hospices.items.map((hospice) => ({
    hospice,
    ...(figures.get(hospice.id) ?? { bedDays: 0, bedDaysAvailable: 0 }),
  }));
  const cost = defaultCostInputs().find((i) => i.name === 'costPerBedDay')!;
  const byRegion = new Map<string, { name: string; facilities: Facility[] }>();
  if (national) {
    for (const f of facilities) {
      const zk = f.hospice.regions.zorgkantoorregio;
      if (zk !== null) {
        const entry = byRegion.get(zk.code) ?? { name: zk.name, facilities: [] };
        entry.facilities.push(f);
        byRegion.set(zk.code, entry);
      }
    }
  }
  return {
    region: region.code,
    name: region.name,
    asOf,
    from: months[0]!,
    to: months.at(-1)!,
    costPerBedDay: {
      value: cost.value,
      unit: cost.unit,
      provenance: cost.provenance,
      source: cost.source,
    },
    facilities: facilities.length,
    beds: facilities.reduce((sum, f) => sum + f.hospice.licensedBeds, 0),
    groups: groupsOf(facilities, cost.value),
    mix: [...byRegion.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([zk, entry]) => ({
        code: zk,
        name: entry.name,
        beds: entry.facilities.reduce((sum, f) => sum + f.hospice.licensedBeds, 0),
        groups: groupsOf(entry.facilities, cost.value),
      })),
    isSynthetic: stats.isSynthetic,
  };
}
