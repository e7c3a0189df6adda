import type { Kysely } from 'kysely';
import {
  ORGANISATION_DIMENSIONS,
  ORGANISATION_SUPPRESSIBLE,
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
import {
  countCell,
  countCellsFor,
  protectSums,
  type CountCell,
  type CountSum,
} from '../collection/statistics-suppression';

// The variation in organisation and funding: open facilities grouped by care model, funding form
// and umbrella, each group with its beds, the bed-days of the last twelve complete months, their
// occupancy and their cost at the engine's cost per bed-day. A group can be one small facility,
// so its bed-days are counts of people, suppressed as in the statistics for who may not see them.

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

/** A group as computed, before its small counts are cut for the caller. */
type ComputedGroup = Omit<OrganisationGroup, 'bedDays' | 'occupancy' | 'cost' | 'suppressed'> & {
  bedDays: number;
  occupancy: number | null;
  cost: number;
};
type ComputedGroups = Record<OrganisationDimension, ComputedGroup[]>;

/** The groups of one dimension, largest (by beds) first. */
export function groupFacilities(
  facilities: readonly Facility[],
  dimension: OrganisationDimension,
  costPerBedDay: number,
): ComputedGroup[] {
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
  ) as ComputedGroups;

/**
 * The sums an area's groups stand in: each dimension's groups beside the area's bed-days (the
 * statistics publish them; care models part them exactly, a facility of several funding forms
 * or umbrellas counts in each, which hides no less), and for the nation each group beside the
 * same group of every region of the mix.
 */
function sumsOf(
  national: ComputedGroups,
  mix: readonly ComputedGroups[],
  cellOf: (g: ComputedGroup) => CountCell,
): CountSum[] {
  const areaSums = (groups: ComputedGroups): CountSum[] => {
    const total = countCell(groups.careModel.reduce((sum, g) => sum + g.bedDays, 0));
    return ORGANISATION_DIMENSIONS.map((d) => ({ total, parts: groups[d].map(cellOf) }));
  };
  const acrossMix = ORGANISATION_DIMENSIONS.flatMap((d) =>
    national[d].map((g) => ({
      total: cellOf(g),
      parts: mix.flatMap((m) => m[d].filter((r) => r.key === g.key).map(cellOf)),
    })),
  );
  return [national, ...mix].flatMap(areaSums).concat(mix.length === 0 ? [] : acrossMix);
}

/**
 * The groups as published to a caller: in full for one who may read the area's registrations,
 * else with bed-days of 1 to 4 (and the occupancy and cost that give them back) suppressed, and
 * a second group hidden where a sum would give a hidden one back.
 */
function publishGroups(
  national: ComputedGroups,
  mix: readonly ComputedGroups[],
  smallCounts: boolean,
): { groups: Organisation['groups']; mix: Organisation['groups'][] } {
  const cells = new Map<ComputedGroup, CountCell>();
  const newCell = countCellsFor(smallCounts);
  const cellOf = (g: ComputedGroup): CountCell => {
    const cell = cells.get(g) ?? newCell(g.bedDays);
    cells.set(g, cell);
    return cell;
  };
  const sums = sumsOf(national, mix, cellOf);
  if (!smallCounts) {
    protectSums(sums);
  }
  const publish = (groups: ComputedGroups) =>
    Object.fromEntries(
      ORGANISATION_DIMENSIONS.map((d) => [
        d,
        groups[d].map((g): OrganisationGroup => {
          const hidden = cellOf(g).hidden;
          return {
            ...g,
            bedDays: hidden ? null : g.bedDays,
            occupancy: hidden ? null : g.occupancy,
            cost: hidden ? null : g.cost,
            suppressed: hidden
              ? ORGANISATION_SUPPRESSIBLE.filter((k) => k !== 'occupancy' || g.occupancy !== null)
              : [],
          };
        }),
      ]),
    ) as Organisation['groups'];
  return { groups: publish(national), mix: mix.map(publish) };
}

/** The organisation view of a zorgkantoorregio, or of the nation ('NL') with its regional mix. */
export async function organisationOf(
  db: Kysely<Database>,
  code: string,
  options: { now: Date; freshnessHours: number; smallCounts: boolean },
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
  const mix = [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b));
  const published = publishGroups(
    groupsOf(facilities, cost.value),
    mix.map(([, entry]) => groupsOf(entry.facilities, cost.value)),
    options.smallCounts,
  );
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
    groups: published.groups,
    mix: mix.map(([zk, entry], i) => ({
      code: zk,
      name: entry.name,
      beds: entry.facilities.reduce((sum, f) => sum + f.hospice.licensedBeds, 0),
      groups: published.mix[i]!,
    })),
    isSynthetic: stats.isSynthetic,
  };
}
