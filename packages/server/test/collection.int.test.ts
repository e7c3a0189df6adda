import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveGemeente, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { asAdmin } from './auth-helpers';

// Bed status, anonymous movements, validation, freshness, concurrency and the derived figures,
// through the HTTP API (app.inject) on the store chosen by TEST_DATABASE_URL.

let store: Store;
let app: App;
let clock = new Date('2026-03-15T10:00:00Z');

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock, freshnessHours: 24 });
  app = await asAdmin(app, store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

async function createHospice(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/hospices',
    payload: {
      name: 'Hospice De Test',
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      latitude: 52.09,
      longitude: 5.12,
      type: 'bth',
      licensedBeds: 5,
      openedOn: '2020-05-01',
      ...overrides,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

const put = (id: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'PUT',
    url: `/api/v1/hospices/${id}/bed-status`,
    payload,
    headers,
  } as never);
const post = (url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, ...(payload === undefined ? {} : { payload }) } as never);
const historyCount = async (id: string) =>
  (await app.inject(`/api/v1/hospices/${id}/bed-status/history?limit=1000`)).json().items.length;
const names = (res: { json: () => { invalidParams: Array<{ name: string }> } }) =>
  res
    .json()
    .invalidParams.map((p) => p.name)
    .sort();

describe(`bed status (${storeName})`, () => {
  let id: string;
  beforeAll(async () => {
    clock = new Date('2026-03-15T10:00:00Z');
    id = await createHospice();
  });

  it('is unknown, with every field null, before the first report', async () => {
    const res = await app.inject(`/api/v1/hospices/${id}/bed-status`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      hospiceId: id,
      bedsOpen: null,
      bedsOccupied: null,
      bedsFree: null,
      confirmedAt: null,
      freshness: 'unknown',
      licensedBeds: 5,
    });
    expect(res.headers.etag).toBeUndefined();
  });

  it('PUT {bedsOpen, bedsOccupied} stores a state and returns it with confirmedAt; GET returns the same', async () => {
    const res = await put(id, { bedsOpen: 5, bedsOccupied: 3 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      bedsOpen: 5,
      bedsOccupied: 3,
      bedsFree: 2,
      bedsClosed: 0,
      admissionStop: false,
      confirmedAt: clock.toISOString(),
      freshness: 'fresh',
      warnings: [],
    });
    expect(res.headers.etag).toBe(`"e${body.eventId}"`);
    const get = await app.inject(`/api/v1/hospices/${id}/bed-status`);
    const { warnings: _warnings, ...state } = body;
    expect(get.json()).toEqual(state);
    expect(get.headers.etag).toBe(res.headers.etag);
  });

  it('records temporarily closed beds with a reason and an admission stop', async () => {
    const res = await put(id, {
      bedsOpen: 3,
      bedsOccupied: 3,
      bedsClosed: 2,
      closedReason: 'staff-shortage',
      admissionStop: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      bedsFree: 0,
      closedReason: 'staff-shortage',
      admissionStop: true,
    });
  });

  it('rejects occupied > open > licensed with 422 naming every field, and stores nothing', async () => {
    const before = await historyCount(id);
    const res = await put(id, { bedsOpen: 6, bedsOccupied: 7, bedsClosed: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(names(res)).toEqual(['bedsOccupied', 'bedsOpen', 'closedReason']);
    expect(
      res.json().invalidParams.find((p: { name: string }) => p.name === 'bedsOpen').reason,
    ).toBe('must not exceed the licensed beds (5), got 6');
    // Every reason also comes as a code with its values, so the interface can word it in Dutch.
    expect(
      res.json().invalidParams.map((p: { code: string; params?: unknown }) => [p.code, p.params]),
    ).toEqual([
      ['bedStatus.occupiedAboveOpen', { open: 6, occupied: 7 }],
      ['bedStatus.openAboveLicensed', { licensed: 5, open: 6 }],
      ['bedStatus.closedReasonRequired', undefined],
    ]);
    expect(await historyCount(id)).toBe(before);
  });

  it('codes schema errors by keyword, with the limit a message needs', async () => {
    const res = await put(id, { bedsOpen: -1, bedsOccupied: 0, guestName: 'J. Jansen' });
    expect(res.statusCode).toBe(400);
    const byName = Object.fromEntries(
      res.json().invalidParams.map((p: { name: string }) => [p.name, p]),
    );
    expect(byName['bedsOpen']).toMatchObject({ code: 'schema.minimum', params: { limit: 0 } });
    expect(byName['guestName']).toMatchObject({
      code: 'schema.additionalProperties',
      params: { name: 'guestName' },
    });
  });

  it.each([
    [{ bedsOpen: 4, bedsOccupied: 1, guestName: 'J. Jansen' }, 'guestName'],
    [{ bedsOpen: 4 }, 'bedsOccupied'],
    [{ bedsOpen: -1, bedsOccupied: 0 }, 'bedsOpen'],
    [{ bedsOpen: 4, bedsOccupied: 1, closedReason: 'holiday' }, 'closedReason'],
  ])('rejects %j with 400 naming %s', async (payload, field) => {
    const before = await historyCount(id);
    const res = await put(id, payload);
    expect(res.statusCode).toBe(400);
    expect(names(res)).toContain(field);
    expect(await historyCount(id)).toBe(before);
  });

  it('"no change" refreshes confirmedAt only', async () => {
    await put(id, { bedsOpen: 5, bedsOccupied: 4 });
    const changedAt = clock.toISOString();
    clock = new Date('2026-03-15T13:00:00Z');
    const res = await post(`/api/v1/hospices/${id}/bed-status/confirm`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      bedsOpen: 5,
      bedsOccupied: 4,
      bedsFree: 1,
      confirmedAt: '2026-03-15T13:00:00.000Z',
      changedAt,
    });
    const history = (await app.inject(`/api/v1/hospices/${id}/bed-status/history`)).json().items;
    expect(history[0]).toMatchObject({ kind: 'confirm', bedsOccupied: 4 });
    expect(history[1]).toMatchObject({ kind: 'update', bedsOccupied: 4 });
  });

  it('files every change in the audit log with who, the region and the events before and after', async () => {
    const history = (await app.inject(`/api/v1/hospices/${id}/bed-status/history`)).json().items;
    const log = (await app.inject('/api/v1/audit-log?region=ZK23&limit=1000')).json()
      .items as Array<{
      method: string;
      path: string;
      role: string;
      actor: string;
      before: { eventId: number } | null;
      after: { eventId: number; kind: string };
    }>;
    const ofHospice = log.filter((e) => e.path.startsWith(`/api/v1/hospices/${id}/bed-status`));
    // One entry per stored event, newest first like the history, each following its predecessor.
    expect(ofHospice.map((e) => e.after.eventId)).toEqual(history.map((h: { id: number }) => h.id));
    expect(ofHospice[0]).toMatchObject({
      method: 'POST',
      path: `/api/v1/hospices/${id}/bed-status/confirm`,
      role: 'administrator',
      before: { eventId: history[1].id },
      after: { kind: 'confirm', bedsOccupied: 4 },
    });
    expect(ofHospice.slice(0, -1).map((e) => e.before?.eventId)).toEqual(
      history.slice(1).map((h: { id: number }) => h.id),
    );
    expect(ofHospice.at(-1)!.before).toBeNull();
  });

  it('counts as unknown, never free, once not confirmed within 24 hours', async () => {
    clock = new Date('2026-03-16T12:59:00Z');
    expect((await app.inject(`/api/v1/hospices/${id}/bed-status`)).json()).toMatchObject({
      freshness: 'fresh',
      bedsFree: 1,
      freshUntil: '2026-03-16T13:00:00.000Z',
    });
    clock = new Date('2026-03-16T13:00:01Z');
    const stale = (await app.inject(`/api/v1/hospices/${id}/bed-status`)).json();
    expect(stale).toMatchObject({ freshness: 'unknown', bedsFree: null, bedsOpen: 5 });
  });

  it('the freshness window is configurable', async () => {
    const relaxed = await buildApp(store, { now: () => clock, freshnessHours: 48 });
    try {
      const body = (await relaxed.inject(`/api/v1/hospices/${id}/bed-status`)).json();
      expect(body).toMatchObject({ freshness: 'fresh', bedsFree: 1 });
    } finally {
      await relaxed.close();
    }
  });

  it('refuses a stale write with 412 (If-Match) and stores nothing', async () => {
    clock = new Date('2026-03-16T14:00:00Z');
    const etag = (await app.inject(`/api/v1/hospices/${id}/bed-status`)).headers.etag as string;
    const first = await put(id, { bedsOpen: 5, bedsOccupied: 5 }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    const before = await historyCount(id);
    const second = await put(id, { bedsOpen: 5, bedsOccupied: 2 }, { 'if-match': etag });
    expect(second.statusCode).toBe(412);
    expect(await historyCount(id)).toBe(before);
    expect((await app.inject(`/api/v1/hospices/${id}/bed-status`)).json().bedsOccupied).toBe(5);
    const bad = await put(id, { bedsOpen: 5, bedsOccupied: 2 }, { 'if-match': '"v3"' });
    expect(bad.statusCode).toBe(400);
  });

  it('two concurrent writers never lose an update', async () => {
    const before = await historyCount(id);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, k) => put(id, { bedsOpen: 5, bedsOccupied: k % 6 })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    expect(await historyCount(id)).toBe(before + 12);
    // With the same If-Match, exactly one of them wins; the others learn they were too late.
    const etag = (await app.inject(`/api/v1/hospices/${id}/bed-status`)).headers.etag as string;
    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, k) =>
        put(id, { bedsOpen: 5, bedsOccupied: k }, { 'if-match': etag }),
      ),
    );
    const codes = racing.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 412, 412, 412, 412, 412]);
  });

  it('answers 404 for an unknown hospice', async () => {
    expect((await put('does-not-exist', { bedsOpen: 1, bedsOccupied: 0 })).statusCode).toBe(404);
    expect((await app.inject('/api/v1/hospices/nope/bed-status')).statusCode).toBe(404);
  });
});

describe(`guest movements (${storeName})`, () => {
  let id: string;
  beforeAll(async () => {
    clock = new Date('2026-03-15T10:00:00Z');
    id = await createHospice({ name: 'Hospice Beweging', licensedBeds: 3 });
    await put(id, { bedsOpen: 3, bedsOccupied: 0 });
  });

  it('an admission gets an anonymous stay id; current stays are listed by admission date', async () => {
    const late = await post(`/api/v1/hospices/${id}/stays`, {
      admittedOn: '2026-03-10',
      origin: 'hospital',
    });
    expect(late.statusCode).toBe(201);
    const early = await post(`/api/v1/hospices/${id}/stays`, {
      admittedOn: '2026-03-01',
      origin: 'home',
    });
    expect(early.json().stayId).toMatch(/^[0-9a-f-]{36}$/);
    expect(early.headers.location).toBe(`/api/v1/hospices/${id}/stays/${early.json().stayId}`);
    const list = (await app.inject(`/api/v1/hospices/${id}/stays`)).json();
    expect(list.total).toBe(2);
    expect(list.items.map((s: { admittedOn: string }) => s.admittedOn)).toEqual([
      '2026-03-01',
      '2026-03-10',
    ]);
    // Backdated movements leave the bed status alone and say so where it disagrees.
    expect(late.json().warnings).toEqual([]);
  });

  it('an admission and a departure dated today move the occupied beds of the bed status', async () => {
    const admitted = await post(`/api/v1/hospices/${id}/stays`, {
      admittedOn: '2026-03-15',
      origin: 'nursing-home',
    });
    expect(admitted.statusCode).toBe(201);
    expect((await app.inject(`/api/v1/hospices/${id}/bed-status`)).json().bedsOccupied).toBe(1);
    const departed = await post(
      `/api/v1/hospices/${id}/stays/${admitted.json().stayId}/departure`,
      {
        departedOn: '2026-03-15',
        kind: 'discharged-home',
      },
    );
    expect(departed.statusCode).toBe(200);
    expect(departed.json()).toMatchObject({
      departureKind: 'discharged-home',
      lengthOfStayDays: 0,
    });
    const status = (await app.inject(`/api/v1/hospices/${id}/bed-status`)).json();
    expect(status.bedsOccupied).toBe(0);
    const history = (await app.inject(`/api/v1/hospices/${id}/bed-status/history`)).json().items;
    expect(history.slice(0, 2).map((e: { kind: string }) => e.kind)).toEqual([
      'movement',
      'movement',
    ]);
  });

  it('rejects a departure before its admission, a future date and a second departure', async () => {
    const stays = (await app.inject(`/api/v1/hospices/${id}/stays`)).json().items;
    const stay = stays[1];
    const url = `/api/v1/hospices/${id}/stays/${stay.stayId}/departure`;
    const before = await post(url, { departedOn: '2026-03-09', kind: 'died' });
    expect(before.statusCode).toBe(422);
    expect(before.json().invalidParams).toEqual([
      {
        name: 'departedOn',
        reason: 'must not be before the admission on 2026-03-10, got 2026-03-09',
        code: 'stay.departureBeforeAdmission',
        params: { admittedOn: '2026-03-10', departedOn: '2026-03-09' },
      },
    ]);
    const future = await post(url, { departedOn: '2026-03-16', kind: 'died' });
    expect(future.statusCode).toBe(422);
    expect(names(future)).toEqual(['departedOn']);
    expect((await post(url, { departedOn: '2026-03-12', kind: 'died' })).statusCode).toBe(200);
    const again = await post(url, { departedOn: '2026-03-13', kind: 'died' });
    expect(again.statusCode).toBe(409);
  });

  it.each([
    [{ admittedOn: '2026-03-01', origin: 'home', birthDate: '1940-01-01' }, 'birthDate'],
    [{ admittedOn: '2026-03-01', origin: 'home', bsn: '123456782' }, 'bsn'],
    [{ admittedOn: '2026-03-01', origin: 'camping' }, 'origin'],
    [{ admittedOn: '2026-02-30', origin: 'home' }, 'admittedOn'],
  ])('refuses personal data and bad values: %j → 400 naming %s', async (payload, field) => {
    const before = (await app.inject(`/api/v1/hospices/${id}/stays?status=all`)).json().total;
    const res = await post(`/api/v1/hospices/${id}/stays`, payload);
    expect(res.statusCode).toBe(400);
    expect(names(res)).toContain(field);
    expect((await app.inject(`/api/v1/hospices/${id}/stays?status=all`)).json().total).toBe(before);
  });

  it('refuses an admission in the future or beyond the licensed beds', async () => {
    const future = await post(`/api/v1/hospices/${id}/stays`, {
      admittedOn: '2026-03-16',
      origin: 'home',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().invalidParams[0].name).toBe('admittedOn');
    for (const day of ['2026-03-11', '2026-03-12']) {
      expect(
        (await post(`/api/v1/hospices/${id}/stays`, { admittedOn: day, origin: 'home' }))
          .statusCode,
      ).toBe(201);
    }
    const full = await post(`/api/v1/hospices/${id}/stays`, {
      admittedOn: '2026-03-13',
      origin: 'home',
    });
    expect(full.statusCode).toBe(422);
    expect(full.json().invalidParams[0].reason).toBe(
      'on 2026-03-13 all 3 licensed beds are already occupied by registered guests',
    );
  });

  it('accepts a stay over 365 days with a warning', async () => {
    const other = await createHospice({ name: 'Hospice Lang', licensedBeds: 2 });
    const res = await post(`/api/v1/hospices/${other}/stays`, {
      admittedOn: '2024-01-01',
      origin: 'home',
      departure: { departedOn: '2025-06-01', kind: 'died' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().lengthOfStayDays).toBe(517);
    expect(res.json().warnings).toEqual([
      {
        field: 'departure.departedOn',
        message: 'a stay of 517 days is unusually long (over 365)',
        code: 'stay.unusuallyLong',
        params: { days: 517, limit: 365 },
      },
    ]);
  });

  it('records refusals and the waiting list, with warnings for unusual values', async () => {
    const refusal = await post(`/api/v1/hospices/${id}/refusals`, { date: '2026-03-14', count: 2 });
    expect(refusal.statusCode).toBe(201);
    expect(refusal.json()).toMatchObject({ count: 2, totalThatDay: 2, warnings: [] });
    const future = await post(`/api/v1/hospices/${id}/refusals`, { date: '2026-04-01' });
    expect(future.statusCode).toBe(422);
    const list = await app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${id}/waiting-list`,
      payload: { size: 60 },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ date: '2026-03-15', size: 60 });
    expect(list.json().warnings[0].message).toMatch(/unusually long/);
    expect((await app.inject(`/api/v1/hospices/${id}/waiting-list`)).json().size).toBe(60);
  });
});

describe(`derived figures (${storeName})`, () => {
  let id: string;
  let utrecht: string;

  beforeAll(async () => {
    clock = new Date('2026-03-15T10:00:00Z');
    // A hospice of 4 beds in Amsterdam (ZK02, PV27) with one month of movements in February.
    id = await createHospice({
      name: 'Hospice Cijfers',
      place: 'Amsterdam',
      gemeenteCode: 'GM0363',
      latitude: 52.37,
      longitude: 4.9,
      licensedBeds: 4,
    });
    const stays = [
      {
        admittedOn: '2026-01-25',
        origin: 'home',
        departure: { departedOn: '2026-02-03', kind: 'transferred' },
      },
      {
        admittedOn: '2026-02-01',
        origin: 'hospital',
        departure: { departedOn: '2026-02-11', kind: 'died' },
      },
      {
        admittedOn: '2026-02-05',
        origin: 'home',
        departure: { departedOn: '2026-02-25', kind: 'discharged-home' },
      },
      { admittedOn: '2026-02-20', origin: 'other' },
    ];
    for (const stay of stays) {
      expect((await post(`/api/v1/hospices/${id}/stays`, stay)).statusCode).toBe(201);
    }
    await post(`/api/v1/hospices/${id}/refusals`, { date: '2026-02-10', count: 2 });
    await post(`/api/v1/hospices/${id}/refusals`, { date: '2026-02-12' });
    await app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${id}/waiting-list`,
      payload: { size: 3, date: '2026-02-10' },
    });
    utrecht = await createHospice({ name: 'Hospice Alleen Status' });
  });

  const february = (path: string) =>
    app.inject(`${path}/statistics?from=2026-02&to=2026-02`).then((r) => {
      expect(r.statusCode).toBe(200);
      return r.json();
    });

  it('a month of movements yields the right occupancy, bed-days, length of stay and refusals', async () => {
    const body = await february(`/api/v1/hospices/${id}`);
    expect(body.scope).toEqual({ kind: 'hospice', code: id, name: 'Hospice Cijfers' });
    expect(body.items).toHaveLength(1);
    // Bed-days (midnight census): 2 + 10 + 20 + 9 = 41 of 4 × 28 = 112.
    expect(body.items[0]).toMatchObject({
      period: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
      days: 28,
      hospices: 1,
      bedDays: 41,
      bedDaysAvailable: 112,
      occupancy: 0.3661,
      admissions: 3,
      departures: { total: 3, died: 1, dischargedHome: 1, transferred: 1 },
      lengthOfStay: { count: 3, meanDays: 13, medianDays: 10 },
      refusals: 3,
      waitingList: { mean: 3, end: 3 },
      freshDataShare: 0,
      coverage: {
        hospiceMonthsFromEvents: 1,
        hospiceMonthsFromReturns: 0,
        hospiceMonthsWithoutData: 0,
      },
    });
  });

  it('gives occupancy per day on request', async () => {
    const body = (
      await app.inject(`/api/v1/hospices/${id}/statistics?from=2026-02&to=2026-02&daily=true`)
    ).json();
    expect(body.daily).toHaveLength(28);
    expect(body.daily[0]).toEqual({
      date: '2026-02-01',
      occupied: 2,
      beds: 4,
      occupancy: 0.5,
      freshDataShare: 0,
      suppressed: [],
    });
    expect(body.daily[19]).toMatchObject({ date: '2026-02-20', occupied: 2 });
    expect(body.daily.reduce((s: number, d: { occupied: number }) => s + d.occupied, 0)).toBe(41);
  });

  it('aggregates per zorgkantoorregio, provincie and nationally; a hospice without data adds no beds', async () => {
    for (const code of ['ZK02', 'PV27', 'GM0363']) {
      const body = await february(`/api/v1/regions/${code}`);
      expect(body.items[0]).toMatchObject({
        bedDays: 41,
        bedDaysAvailable: 112,
        admissions: 3,
        refusals: 3,
      });
    }
    const national = await february('/api/v1/regions/NL');
    expect(national.scope).toEqual({ kind: 'national', code: 'NL', name: 'Nederland' });
    // 'Hospice Lang' (2 beds) registers movements since 2024 and had no guest in February: it
    // counts with 0 of its 2 × 28 bed-days.
    expect(national.items[0]).toMatchObject({ bedDays: 41, bedDaysAvailable: 168, admissions: 3 });
    expect(national.items[0].coverage.hospiceMonthsWithoutData).toBeGreaterThan(0);
    const utrechtRegion = await february('/api/v1/regions/ZK23');
    // In ZK23 only 'Hospice Lang' registers movements; the other Utrecht hospices add no beds.
    expect(utrechtRegion.items[0]).toMatchObject({
      bedDays: 0,
      bedDaysAvailable: 56,
      occupancy: 0,
    });
    expect((await app.inject('/api/v1/regions/ZK05/statistics')).statusCode).toBe(404);
    expect(utrecht).toBeTruthy();
  });

  it('byHospice gives each hospice of a region exactly its own figures, in one answer', async () => {
    for (const code of ['ZK02', 'ZK23']) {
      const query = 'from=2026-01&to=2026-03&daily=true';
      const region = (
        await app.inject(`/api/v1/regions/${code}/statistics?${query}&byHospice=true`)
      ).json();
      expect(region.hospices.length).toBeGreaterThan(0);
      for (const hospice of region.hospices) {
        const own = (
          await app.inject(`/api/v1/hospices/${hospice.hospiceId}/statistics?${query}`)
        ).json();
        expect(hospice.items).toEqual(own.items);
        expect(hospice.daily).toEqual(own.daily);
      }
      const sum = (key: 'admissions' | 'bedDays') =>
        region.hospices.reduce(
          (s: number, h: { items: Array<Record<string, number>> }) => s + h.items[1]![key]!,
          0,
        );
      expect(sum('admissions')).toBe(region.items[1].admissions);
      expect(sum('bedDays')).toBe(region.items[1].bedDays);
    }
    const plain = (await app.inject('/api/v1/regions/ZK02/statistics')).json();
    expect(plain.hospices).toBeUndefined();
  });

  it('exports the same figures as CSV, per region and per hospice, unknown values left empty', async () => {
    const silent = await createHospice({
      name: 'Hospice Zonder Cijfers',
      place: 'Amsterdam',
      gemeenteCode: 'GM0363',
      openedOn: '2026-01-01',
    });
    const res = await app.inject(
      '/api/v1/regions/ZK02/statistics?from=2026-02&to=2026-02&byHospice=true&format=csv',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('cijfers-ZK02-2026-02-01-2026-02-28.csv');
    const [header, ...lines] = res.body.trim().split('\n');
    const columns = header!.split(',');
    const rows = lines.map((line) =>
      Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])),
    );
    expect(rows[0]).toMatchObject({
      scope_kind: 'zorgkantoorregio',
      scope_code: 'ZK02',
      period: '2026-02',
      bed_days: '41',
      bed_days_available: '112',
      admissions: '3',
      refusals: '3',
    });
    const json = (
      await app.inject(`/api/v1/hospices/${id}/statistics?from=2026-02&to=2026-02`)
    ).json();
    const own = rows.find((r) => r['scope_code'] === id)!;
    expect(own).toMatchObject({
      scope_kind: 'hospice',
      scope_name: 'Hospice Cijfers',
      occupancy: String(json.items[0].occupancy),
      length_of_stay_median_days: String(json.items[0].lengthOfStay.medianDays),
    });
    // A hospice of the region without movements: unknown figures are empty cells, not 0 or "null".
    expect(rows.find((r) => r['scope_code'] === silent)).toMatchObject({
      scope_name: 'Hospice Zonder Cijfers',
      occupancy: '',
      length_of_stay_mean_days: '',
      bed_days_available: '0',
    });
    expect(res.body).not.toContain('null');
  });

  it('gives the bed status of every open hospice of a region in one answer', async () => {
    await put(utrecht, { bedsOpen: 5, bedsOccupied: 2 });
    const res = await app.inject('/api/v1/regions/ZK23/bed-status');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ hospiceId: string }>;
    const listed = (await app.inject('/api/v1/hospices?region=ZK23&open=true&limit=1000')).json()
      .items as Array<{ id: string }>;
    expect(items.map((s) => s.hospiceId).sort()).toEqual(listed.map((h) => h.id).sort());
    for (const status of items) {
      const own = (await app.inject(`/api/v1/hospices/${status.hospiceId}/bed-status`)).json();
      expect(status).toEqual(own);
    }
    expect(items.find((s) => s.hospiceId === utrecht)).toMatchObject({
      bedsFree: 3,
      freshness: 'fresh',
    });
    expect((await app.inject('/api/v1/regions/ZK99/bed-status')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/regions/XX/bed-status')).statusCode).toBe(400);
  });

  it('by year sums the months', async () => {
    const body = (
      await app.inject(`/api/v1/hospices/${id}/statistics?period=year&from=2026&to=2026`)
    ).json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      period: '2026',
      from: '2026-01-01',
      to: '2026-03-15',
      admissions: 4,
      departures: { total: 3 },
    });
  });

  it('rejects a period in the future or reversed', async () => {
    expect((await app.inject(`/api/v1/hospices/${id}/statistics?from=2027-01`)).statusCode).toBe(
      400,
    );
    expect(
      (await app.inject(`/api/v1/hospices/${id}/statistics?from=2026-02&to=2026-01`)).statusCode,
    ).toBe(400);
    expect((await app.inject(`/api/v1/hospices/${id}/statistics?period=week`)).statusCode).toBe(
      400,
    );
  });

  it('the share of days with fresh data follows the confirmations', async () => {
    const fresh = await createHospice({ name: 'Hospice Vers' });
    clock = new Date('2026-03-10T09:00:00Z');
    await put(fresh, { bedsOpen: 5, bedsOccupied: 1 });
    clock = new Date('2026-03-12T09:00:00Z');
    await post(`/api/v1/hospices/${fresh}/bed-status/confirm`);
    clock = new Date('2026-03-15T10:00:00Z');
    const body = (
      await app.inject(`/api/v1/hospices/${fresh}/statistics?from=2026-03&to=2026-03&daily=true`)
    ).json();
    // Fresh on 10 and 12 March only: 2 of the 15 days so far.
    expect(body.items[0].freshDataShare).toBe(0.1333);
    expect(
      body.daily
        .filter((d: { freshDataShare: number }) => d.freshDataShare === 1)
        .map((d: { date: string }) => d.date),
    ).toEqual(['2026-03-10', '2026-03-12']);
  });

  it('follows the effective-dated region membership: a gemeente that moves counts for each region on its own days', async () => {
    await moveGemeente(store.db, {
      gemeenteCode: 'GM0363',
      toParentCode: 'ZK01',
      on: '2026-02-15',
    });
    const before = (await february('/api/v1/regions/ZK02')).items[0];
    const after = (await february('/api/v1/regions/ZK01')).items[0];
    expect(before.bedDays + after.bedDays).toBe(41);
    expect(before.bedDaysAvailable).toBe(4 * 14);
    expect(after.bedDaysAvailable).toBe(4 * 14);
    expect(before.admissions).toBe(2);
    expect(after.admissions).toBe(1);
  });
});

describe('OpenAPI document (data collection)', () => {
  it('documents the collection endpoints', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/hospices/{id}/bed-status',
        '/hospices/{id}/bed-status/confirm',
        '/bed-status/stream',
        '/hospices/{id}/stays',
        '/hospices/{id}/stays/{stayId}/departure',
        '/hospices/{id}/statistics',
        '/regions/{code}/statistics',
        '/hospices/{id}/returns/{month}',
        '/returns',
        '/beds/available',
      ]),
    );
    expect(doc.paths['/hospices/{id}/bed-status'].put.requestBody).toBeDefined();
  });
});
