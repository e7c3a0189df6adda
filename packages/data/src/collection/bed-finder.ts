import { distanceKm as modelDistanceKm } from '@palliamonitor/model';
import type { Kysely } from 'kysely';
import type { Database, HospiceType } from '../store/schema';
import type { BedFinderHospice, BedFinderResult } from '@palliamonitor/contracts';
import type { CodedMessage } from '@palliamonitor/contracts';
import { AppError } from '../errors';
import { findPlace, placeLabel } from './place-search';
import { confirmedByKinds, recentWaitingLists } from './bed-finder-details';
import { dutchDate } from '../dates';
import { openOn, validOn } from '../store/valid-on';
import { NETHERLANDS_BBOX } from '../importers/places/places';
import { currentBedStatusEvents } from './bed-status-reads';
import { isFresh } from './freshness';

// The bed finder: hospices with a free bed now, nearest first. A bed whose status was not
// confirmed within the freshness window is unknown, never free, and is listed apart.

export interface Origin {
  query: string;
  kind: 'postcode' | 'coordinates' | 'place';
  label: string;
  latitude: number;
  longitude: number;
}

/** Great-circle distance in km (haversine, mean Earth radius 6,371 km). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  return modelDistanceKm(
    { latitude: a.lat, longitude: a.lon },
    { latitude: b.lat, longitude: b.lon },
  );
}

const COORDINATES = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;
const POSTCODE = /^\s*([1-9]\d{3})\s?([A-Za-z]{2})?\s*$/;

/** A postcode (PC4 or PC6; the 4 digits are used), "lat,lon", or a place name. */
export async function resolveOrigin(db: Kysely<Database>, near: string): Promise<Origin> {
  const query = near.trim();
  const fail = (message: string, coded: CodedMessage) =>
    new AppError('UNPROCESSABLE', message, [{ field: 'near', message, ...coded }]);
  const coordinates = COORDINATES.exec(query);
  if (coordinates) {
    const latitude = Number(coordinates[1]);
    const longitude = Number(coordinates[2]);
    const box = NETHERLANDS_BBOX;
    if (
      latitude < box.minLat ||
      latitude > box.maxLat ||
      longitude < box.minLon ||
      longitude > box.maxLon
    ) {
      throw fail(`${query} is not in the Netherlands (expected lat,lon in WGS84 degrees)`, {
        code: 'finder.outsideNetherlands',
        params: { near: query },
      });
    }
    return { query, kind: 'coordinates', label: `${latitude}, ${longitude}`, latitude, longitude };
  }
  const postcode = POSTCODE.exec(query);
  if (postcode) {
    const pc4 = postcode[1]!;
    const row = await db
      .selectFrom('postcode')
      .leftJoin('region', 'region.code', 'postcode.gemeente_code')
      .select(['postcode.pc4', 'postcode.latitude', 'postcode.longitude', 'region.name'])
      .where('postcode.pc4', '=', pc4)
      .executeTakeFirst();
    if (!row) {
      const any = await db.selectFrom('postcode').select('pc4').limit(1).executeTakeFirst();
      throw any
        ? fail(`unknown postcode ${pc4}`, { code: 'finder.postcodeUnknown', params: { pc4 } })
        : fail(
            `postcodes are not loaded (palliamonitor import postcodes <file>); search by place or lat,lon`,
            { code: 'finder.postcodesMissing' },
          );
    }
    return {
      query,
      kind: 'postcode',
      // "3511 Utrecht": the postcode with the gemeente it lies in, so the nurse sees the place.
      label: row.name === null ? pc4 : `${pc4} ${row.name}`,
      latitude: row.latitude,
      longitude: row.longitude,
    };
  }
  const place = await findPlace(db, query);
  return {
    query,
    kind: 'place',
    label: placeLabel(place),
    latitude: place.latitude,
    longitude: place.longitude,
  };
}

/** Hospices open today within the radius: free now, unknown, and how many are full. */
export async function findAvailableBeds(
  db: Kysely<Database>,
  query: { near: string; type?: HospiceType | undefined; radiusKm: number },
  options: { now: Date; freshnessHours: number },
): Promise<BedFinderResult> {
  const origin = await resolveOrigin(db, query.near);
  const today = dutchDate(options.now);
  let q = db
    .selectFrom('hospice_version as v')
    .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
    .select([
      'v.hospice_id',
      'v.name',
      'v.type',
      'v.place',
      'v.gemeente_code',
      'v.phone',
      'v.website',
      'v.admission_criteria',
      'v.street_address',
      'v.postcode',
      'v.latitude',
      'v.longitude',
      'h.is_synthetic',
    ])
    .where(validOn('v', today))
    .where(openOn('v', today))
    .where('v.latitude', 'is not', null)
    .where('v.longitude', 'is not', null);
  if (query.type) {
    q = q.where('v.type', '=', query.type);
  }
  const near = (await q.execute())
    .map((h) => ({
      h,
      distance: distanceKm(
        { lat: origin.latitude, lon: origin.longitude },
        { lat: h.latitude!, lon: h.longitude! },
      ),
    }))
    .filter((x) => x.distance <= query.radiusKm)
    .sort((a, b) => a.distance - b.distance || a.h.name.localeCompare(b.h.name));
  const statuses = await currentBedStatusEvents(
    db,
    near.map((x) => x.h.hospice_id),
  );
  const ids = near.map((x) => x.h.hospice_id);
  const waiting = await recentWaitingLists(db, ids, today);
  const confirmers = await confirmedByKinds(
    db,
    [...statuses.values()].map((s) => s.recordedBy),
  );
  const hospices: BedFinderHospice[] = [];
  const available: BedFinderHospice[] = [];
  const unknown: BedFinderHospice[] = [];
  let full = 0;
  for (const { h, distance } of near) {
    const status = statuses.get(h.hospice_id);
    const confirmedAt = status?.recordedAt ?? null;
    const fresh = isFresh(confirmedAt, options.now, options.freshnessHours);
    const free = status && fresh ? status.bedsOpen - status.bedsOccupied : null;
    const item: BedFinderHospice = {
      id: h.hospice_id,
      name: h.name,
      type: h.type,
      place: h.place,
      gemeenteCode: h.gemeente_code,
      phone: h.phone,
      latitude: h.latitude!,
      longitude: h.longitude!,
      distanceKm: Math.round(distance * 10) / 10,
      bedsFree: free,
      confirmedAt,
      isSynthetic: h.is_synthetic,
      status: !fresh ? 'unknown' : status!.admissionStop ? 'stop' : free! > 0 ? 'free' : 'full',
      confirmedBy: status ? (confirmers.get(status.recordedBy) ?? 'other') : null,
      waitingList: waiting.get(h.hospice_id) ?? null,
      streetAddress: h.street_address,
      postcode: h.postcode,
      website: h.website,
      admissionCriteria: h.admission_criteria,
    };
    hospices.push(item);
    if (item.status === 'unknown') {
      unknown.push(item);
    } else if (item.status === 'free') {
      available.push(item);
    } else {
      full += 1;
    }
  }
  return {
    origin,
    radiusKm: query.radiusKm,
    freshnessHours: options.freshnessHours,
    asOf: options.now.toISOString(),
    available,
    unknown,
    full,
    hospices,
  };
}
