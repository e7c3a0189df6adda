import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegistry, type Store } from '@palliamonitor/data';
import { type Hospice } from '@palliamonitor/contracts';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';

const now = new Date('2026-06-01T12:00:00Z');
let store: Store;
let app: App;
let hospices: Hospice[];

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  app = await buildApp(store, { now: () => now });
  hospices = (await app.inject('/api/v1/hospices?limit=1000&open=true')).json().items;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

type Ring = number[][];
function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}
/** Distance in km from a point to the nearest vertex of the polygons (coarse, for tolerance). */
function nearestVertexKm([x, y]: [number, number], polygons: Ring[][]): number {
  let best = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [vx, vy] of ring as Array<[number, number]>) {
        const dx = (vx - x) * 111 * Math.cos((y * Math.PI) / 180);
        const dy = (vy - y) * 111;
        best = Math.min(best, Math.hypot(dx, dy));
      }
    }
  }
  return best;
}

describe(`demo registry (${storeName})`, () => {
  it('has ~270 open facilities with ~1,200 beds, all marked synthetic', () => {
    expect(hospices.length).toBeGreaterThanOrEqual(260);
    expect(hospices.length).toBeLessThanOrEqual(270);
    const beds = hospices.reduce((s, h) => s + h.licensedBeds, 0);
    expect(beds).toBeGreaterThan(1_150);
    expect(beds).toBeLessThan(1_250);
    expect(hospices.every((h) => h.isSynthetic)).toBe(true);
  });

  it('follows the 2018 type mix (45% units, 41% bijna-thuis-huizen, 14% high care)', () => {
    const share = (type: string) =>
      hospices.filter((h) => h.type === type).length / hospices.length;
    expect(share('nursing-home-unit')).toBeCloseTo(0.45, 1);
    expect(share('bth')).toBeCloseTo(0.41, 1);
    expect(share('hch')).toBeCloseTo(0.14, 1);
  });

  it('has mostly 4–8 beds per facility', () => {
    const typical = hospices.filter((h) => h.licensedBeds >= 4 && h.licensedBeds <= 8).length;
    expect(typical / hospices.length).toBeGreaterThan(0.5);
  });

  it('covers all 31 zorgkantoorregio’s with at least two facilities each', () => {
    const perRegion = new Map<string, number>();
    for (const h of hospices) {
      const code = h.regions.zorgkantoorregio!.code;
      perRegion.set(code, (perRegion.get(code) ?? 0) + 1);
    }
    expect(perRegion.size).toBe(31);
    expect(Math.min(...perRegion.values())).toBeGreaterThanOrEqual(2);
  });

  it('places each facility in a real place of its gemeente, inside that gemeente', () => {
    const places = readFileSync(
      fileURLToPath(new URL('../../data/seed/woonplaatsen.csv', import.meta.url)),
      'utf8',
    );
    const geo = JSON.parse(
      readFileSync(
        fileURLToPath(
          new URL('../../data/seed/reference/geo/gemeente_2025.geojson', import.meta.url),
        ),
        'utf8',
      ),
    ) as {
      features: Array<{
        properties: { statcode: string };
        geometry: { type: string; coordinates: unknown };
      }>;
    };
    const polygonsOf = new Map(
      geo.features.map((f) => [
        f.properties.statcode,
        (f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates]
          : f.geometry.coordinates) as Ring[][],
      ]),
    );
    let outside = 0;
    for (const h of hospices) {
      expect(places).toContain(`${h.place},${h.gemeenteCode},`);
      const point: [number, number] = [h.longitude!, h.latitude!];
      const polygons = polygonsOf.get(h.gemeenteCode)!;
      const inside = polygons.some(
        (p) => inRing(point, p[0]!) && !p.slice(1).some((hole) => inRing(point, hole)),
      );
      if (!inside) {
        outside += 1;
        // The official polygons are generalised (~100 m); a point just across that line is tolerated.
        expect(nearestVertexKm(point, polygons)).toBeLessThan(1.5);
      }
    }
    expect(outside / hospices.length).toBeLessThan(0.03);
  });

  it('has history: some facilities grew, as of 2022 there were fewer beds', async () => {
    const earlier = (
      await app.inject('/api/v1/hospices?limit=1000&open=true&asOf=2022-01-01')
    ).json();
    const bedsThen = earlier.items.reduce((s: number, h: Hospice) => s + h.licensedBeds, 0);
    const bedsNow = hospices.reduce((s, h) => s + h.licensedBeds, 0);
    expect(bedsThen).toBeLessThan(bedsNow);
  });

  it('gives every facility contact details nobody can reach, marked as fictitious', async () => {
    // As stored (the public answer leaves the phone out): every version of every demo facility.
    const versions = await store.db
      .selectFrom('hospice_version as v')
      .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
      .select(['v.hospice_id', 'v.phone', 'v.website', 'v.street_address'])
      .where('h.is_synthetic', '=', true)
      .execute();
    expect(versions.length).toBeGreaterThanOrEqual(270);
    for (const v of versions) {
      // 030 000 0xxx: a subscriber number starting with 0 is never issued (trunk prefix).
      expect(v.phone).toMatch(/^\+31 \(0\)30 000 0\d{3}$/);
      expect(new URL(v.website!).hostname).toBe('example.org');
      expect(v.street_address).toMatch(/ \(fictief adres\)$/);
    }
    const phoneOf = new Map(versions.map((v) => [v.hospice_id, v.phone]));
    expect(new Set(phoneOf.values()).size).toBe(phoneOf.size);
  });

  it('seeding twice adds nothing', async () => {
    expect(await seedDemoRegistry(store.db, now)).toBe(0);
  });

  it('the overview sums regions to the national figures, with real population', async () => {
    const body = (await app.inject('/api/v1/overview')).json();
    expect(body.regions).toHaveLength(31);
    expect(body.national.population).toBe(17_475_415);
    expect(body.national.licensedBeds).toBe(hospices.reduce((s, h) => s + h.licensedBeds, 0));
    expect(body.national.syntheticFacilities).toBe(hospices.length);
    const utrecht = body.regions.find((r: { code: string }) => r.code === 'ZK23');
    expect(utrecht.bedsPer10k65Plus).toBeCloseTo(
      (utrecht.licensedBeds / utrecht.population65Plus) * 1e4,
      6,
    );
  });
});

describe(`real boundaries and postcodes on a new store, without an import (${storeName})`, () => {
  it('serves the 2025 boundaries of the three layers', async () => {
    for (const [layer, count] of [
      ['zorgkantoorregio', 31],
      ['provincie', 12],
      ['gemeente', 342],
    ] as const) {
      const res = await app.inject(`/api/v1/boundaries?layer=${layer}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.year).toBe(2025);
      expect(body.features).toHaveLength(count);
    }
  });

  it('finds beds near postcode 3511', async () => {
    const res = await app.inject('/api/v1/beds/available?near=3511');
    expect(res.statusCode).toBe(200);
    expect(res.json().origin).toMatchObject({ kind: 'postcode', label: '3511 Utrecht' });
  });
});
