import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPostcodes, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { connectSse, type SseConnection } from '../src/live/sse-client';
import { adminHeaders } from './auth-helpers';

// The live feed over real HTTP on 127.0.0.1 (Server-Sent Events, Last-Event-ID replay) and the bed
// finder (postcode from the pc4 centroid file, place name, coordinates; unknown listed apart).

const pc4File = fileURLToPath(
  new URL('../../data/seed/reference/places/pc4_centroids.csv', import.meta.url),
);

let store: Store;
let app: App;
let base: string;
let clock = new Date('2026-03-15T10:00:00Z');
const open: SseConnection[] = [];
let auth: Record<string, string> = {};

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock });
  auth = await adminHeaders(app, store);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  for (const connection of open) {
    connection.close();
  }
  await app.close();
  await store.close();
});

async function createHospice(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${base}/api/v1/hospices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ type: 'bth', licensedBeds: 5, openedOn: '2020-01-01', ...body }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function putStatus(id: string, bedsOpen: number, bedsOccupied: number): Promise<number> {
  const res = await fetch(`${base}/api/v1/hospices/${id}/bed-status`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ bedsOpen, bedsOccupied }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { eventId: number }).eventId;
}

async function subscribe(headers: Record<string, string> = {}, query = ''): Promise<SseConnection> {
  const connection = await connectSse(`${base}/api/v1/bed-status/stream${query}`, headers);
  open.push(connection);
  return connection;
}

describe(`live feed (${storeName})`, () => {
  let id: string;
  beforeAll(async () => {
    id = await createHospice({
      name: 'Hospice Live',
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      latitude: 52.09,
      longitude: 5.12,
    });
  });

  // How fast it arrives is a benchmark (sse-delivery-p99-ms), not a test: a loaded machine is slow.
  it('a bed status set through the API reaches a subscribed stream', async () => {
    const stream = await subscribe();
    const eventId = await putStatus(id, 5, 2);
    const [event] = await stream.waitFor(1);
    expect(event).toMatchObject({
      id: eventId,
      event: 'bed-status',
      data: {
        hospiceId: id,
        kind: 'update',
        bedsOpen: 5,
        bedsOccupied: 2,
        bedsFree: 3,
        confirmedAt: clock.toISOString(),
      },
    });
    stream.close();
  });

  it('pushes every change, confirmations and movements included, in order', async () => {
    const stream = await subscribe();
    await putStatus(id, 5, 3);
    await fetch(`${base}/api/v1/hospices/${id}/bed-status/confirm`, {
      method: 'POST',
      headers: auth,
    });
    await fetch(`${base}/api/v1/hospices/${id}/stays`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ admittedOn: '2026-03-15', origin: 'home' }),
    });
    const events = await stream.waitFor(3);
    expect(events.map((e) => e.data['kind'])).toEqual(['update', 'confirm', 'movement']);
    expect(events[2]!.data['bedsOccupied']).toBe(4);
    expect(events[1]!.id).toBeGreaterThan(events[0]!.id);
    expect(events[2]!.id).toBeGreaterThan(events[1]!.id);
    stream.close();
  });

  it('a client reconnecting with Last-Event-ID misses nothing', async () => {
    const first = await subscribe();
    await putStatus(id, 5, 1);
    const [seen] = await first.waitFor(1);
    first.close();
    // While disconnected: three more changes.
    const missed = [
      await putStatus(id, 5, 2),
      await putStatus(id, 4, 2),
      await putStatus(id, 4, 3),
    ];
    const again = await subscribe({ 'last-event-id': String(seen!.id) });
    const replayed = await again.waitFor(3);
    expect(replayed.map((e) => e.id)).toEqual(missed);
    // And then live again, without a duplicate.
    const next = await putStatus(id, 4, 4);
    const all = await again.waitFor(4);
    expect(all.map((e) => e.id)).toEqual([...missed, next]);
    again.close();
  });

  it('filters by hospice', async () => {
    const other = await createHospice({
      name: 'Hospice Elders',
      place: 'Amersfoort',
      gemeenteCode: 'GM0307',
      latitude: 52.17,
      longitude: 5.39,
    });
    const stream = await subscribe({}, `?hospice=${other}`);
    await putStatus(id, 4, 1);
    const eventId = await putStatus(other, 5, 0);
    const [event] = await stream.waitFor(1);
    expect(event!.id).toBe(eventId);
    expect(event!.data['hospiceId']).toBe(other);
    stream.close();
  });
});

describe(`bed finder (${storeName})`, () => {
  const hospices: Record<string, string> = {};

  beforeAll(async () => {
    clock = new Date('2026-03-15T10:00:00Z');
    const result = await importPostcodes(store.db, readFileSync(pc4File, 'utf8'));
    expect(result.imported).toBeGreaterThan(4000);
    // Utrecht centre (3511 ≈ 52.09, 5.12), Zeist ~10 km, Amersfoort ~20 km, Amsterdam ~35 km.
    const make = async (key: string, body: Record<string, unknown>) => {
      hospices[key] = await createHospice({ name: `Finder ${key}`, ...body });
    };
    await make('zeist', {
      place: 'Zeist',
      gemeenteCode: 'GM0355',
      latitude: 52.089,
      longitude: 5.233,
    });
    await make('utrecht', {
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      latitude: 52.092,
      longitude: 5.118,
      type: 'hch',
    });
    await make('amersfoort', {
      place: 'Amersfoort',
      gemeenteCode: 'GM0307',
      latitude: 52.156,
      longitude: 5.387,
    });
    await make('full', {
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      latitude: 52.1,
      longitude: 5.1,
    });
    await make('stale', {
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      latitude: 52.08,
      longitude: 5.13,
    });
    await make('amsterdam', {
      place: 'Amsterdam',
      gemeenteCode: 'GM0363',
      latitude: 52.37,
      longitude: 4.9,
    });
    clock = new Date('2026-03-13T08:00:00Z');
    await putStatus(hospices['stale']!, 5, 1);
    clock = new Date('2026-03-15T10:00:00Z');
    await putStatus(hospices['zeist']!, 5, 3);
    await putStatus(hospices['utrecht']!, 5, 4);
    await putStatus(hospices['amersfoort']!, 4, 2);
    await putStatus(hospices['full']!, 5, 5);
    await putStatus(hospices['amsterdam']!, 5, 0);
  });

  const find = async (query: string) => {
    const res = await fetch(`${base}/api/v1/beds/available?${query}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of the API under test
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  // Only this block's hospices (the live-feed block above has some in Utrecht too).
  const namesOf = (list: Array<{ name: string }>) =>
    list.map((h) => h.name).filter((name) => name.startsWith('Finder'));

  it('near a postcode: free beds now, nearest first, with distance and last confirmation; unknown apart', async () => {
    const { status, body } = await find('near=3511&radiusKm=30');
    expect(status).toBe(200);
    // The postcode with the gemeente it lies in: the nurse sees the place searched.
    expect(body['origin']).toMatchObject({ kind: 'postcode', label: '3511 Utrecht' });
    expect(namesOf(body['available'])).toEqual([
      'Finder utrecht',
      'Finder zeist',
      'Finder amersfoort',
    ]);
    const byName = (name: string) =>
      body['available'].find((h: { name: string }) => h.name === name);
    expect(byName('Finder zeist')).toMatchObject({
      bedsFree: 2,
      confirmedAt: '2026-03-15T10:00:00.000Z',
    });
    expect(byName('Finder utrecht').distanceKm).toBeLessThan(byName('Finder zeist').distanceKm);
    expect(byName('Finder zeist').distanceKm).toBeGreaterThan(5);
    // Not confirmed for 50 hours: unknown, never free.
    expect(namesOf(body['unknown'])).toContain('Finder stale');
    expect(body['unknown'].find((h: { name: string }) => h.name === 'Finder stale').bedsFree).toBe(
      null,
    );
    expect(body['full']).toBeGreaterThanOrEqual(1);
    expect(namesOf(body['available'])).not.toContain('Finder amsterdam');
  });

  it('lists every hospice within the radius with its status, free, full or unknown, nearest first', async () => {
    const { body } = await find('near=3511&radiusKm=30');
    const all = body['hospices'].filter((h: { name: string }) => h.name.startsWith('Finder'));
    const statusOf = (name: string) =>
      all.find((h: { name: string }) => h.name === name)?.status as string | undefined;
    expect(statusOf('Finder zeist')).toBe('free');
    expect(statusOf('Finder full')).toBe('full');
    expect(statusOf('Finder stale')).toBe('unknown');
    expect(statusOf('Finder amsterdam')).toBeUndefined();
    const distances = all.map((h: { distanceKm: number }) => h.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Confirmed by a person with a role (here the administrator), never shown as an address.
    const zeist = all.find((h: { name: string }) => h.name === 'Finder zeist');
    expect(zeist.confirmedBy).toBe('administrator');
    expect(JSON.stringify(body)).not.toContain('@');
  });

  it('words a typo and an ambiguous name as codes with suggestions and choices', async () => {
    const typo = await find('near=Zwole');
    expect(typo.status).toBe(422);
    expect(typo.body['invalidParams'][0]).toMatchObject({
      name: 'near',
      code: 'finder.placeUnknown',
    });
    expect(typo.body['invalidParams'][0].params.suggestions).toContain('Zwolle');
    const ambiguous = await find('near=Bergen');
    expect(ambiguous.body['invalidParams'][0]).toMatchObject({
      code: 'finder.placeAmbiguous',
      params: { near: 'Bergen', options: 'Bergen (NH)|Bergen L' },
    });
    expect((await find('near=Den%20Bosch')).status).toBe(200);
  });

  it('shows a bed set through the API at once', async () => {
    await putStatus(hospices['full']!, 5, 4);
    const { body } = await find('near=3511AB&radiusKm=30');
    expect(namesOf(body['available'])).toContain('Finder full');
  });

  it('accepts a place name and coordinates, and filters by type', async () => {
    const place = await find('near=Amsterdam&radiusKm=5');
    expect(place.body['origin']).toMatchObject({ kind: 'place', label: 'Amsterdam' });
    expect(namesOf(place.body['available'])).toEqual(['Finder amsterdam']);
    const point = await find('near=52.09,5.12&type=hch&radiusKm=50');
    expect(point.body['origin'].kind).toBe('coordinates');
    expect(namesOf(point.body['available'])).toEqual(['Finder utrecht']);
  });

  it('explains an unknown postcode or place with 422 naming near', async () => {
    for (const near of ['1000', 'Atlantis', '48.85,2.35']) {
      const { status, body } = await find(`near=${near}`);
      expect(status).toBe(422);
      expect(body['invalidParams'][0].name).toBe('near');
    }
    expect((await find('radiusKm=5')).status).toBe(400);
  });
});
