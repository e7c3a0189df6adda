import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHospiceIdByRef, importHospiceCsv, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { asAdmin } from './auth-helpers';

// Monthly aggregate returns by CSV upload and JSON, their validation, supersession with history,
// the comparison with registered movements, and their place in the derived figures.

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../data/test/fixtures/returns/${name}`, import.meta.url)),
    'utf8',
  );

let store: Store;
let app: App;
const clock = new Date('2026-03-15T10:00:00Z');
const ids: Record<string, string> = {};

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock });
  app = await asAdmin(app, store);
  await importHospiceCsv(
    store.db,
    [
      'ref,name,place,gemeente_code,type,licensed_beds,opened_on',
      'ret-a,Hospice Opgave A,Utrecht,GM0344,bth,4,2015-01-01',
      'ret-b,Hospice Opgave B,Amsterdam,GM0363,hch,6,2015-01-01',
      'ret-c,Hospice Opgave C,Amersfoort,GM0307,bth,4,2015-01-01',
    ].join('\n'),
    { actor: 'test', now: clock },
  );
  for (const ref of ['ret-a', 'ret-b', 'ret-c']) {
    ids[ref] = (await findHospiceIdByRef(store.db, ref))!;
  }
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const upload = (csv: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/returns',
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
const countReturns = async () =>
  Number(
    (
      await store.db
        .selectFrom('monthly_return')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`monthly returns by CSV (${storeName})`, () => {
  it('a bad file is rejected with line-numbered messages and stores nothing', async () => {
    const res = await upload(fixture('errors.csv'));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problems = res
      .json()
      .invalidParams.map((p: { line: number; name: string }) => `${p.line}:${p.name}`);
    expect(problems).toEqual([
      '2:occupied_end',
      '3:occupied_start',
      '3:occupied_end',
      '3:occupied_start',
      '4:hospice',
      '5:month',
      '6:admissions',
      '7:bed_days',
      '8:month',
    ]);
    const reasons = res.json().invalidParams.map((p: { reason: string }) => p.reason);
    expect(reasons[0]).toBe(
      'flow does not balance: 3 at the start + 4 admissions − 4 departures = 3, not 2',
    );
    expect(reasons).toContain('must equal 2, the occupied beds at the end of 2026-01 (line 2)');
    expect(reasons).toContain('must not be in the future (this month is 2026-03), got 2026-05');
    expect(reasons).toContain('a second return for 2026-02 (first on line 7)');
    // Each row's reason also as a code with its values, for a sender's own language.
    expect(res.json().invalidParams[0]).toMatchObject({
      code: 'return.flowUnbalanced',
      params: { start: 3, admissions: 4, departures: 4, expected: 3, end: 2 },
    });
    expect(res.json().invalidParams.every((p: { code?: string }) => p.code !== undefined)).toBe(
      true,
    );
    expect(await countReturns()).toBe(0);
  });

  it('refuses unknown columns, which could carry personal data', async () => {
    const res = await upload(
      'hospice,month,occupied_start,admissions,departures_died,departures_discharged_home,departures_transferred,occupied_end,bed_days,refusals,name\n',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams).toEqual([expect.objectContaining({ line: 1, name: 'name' })]);
  });

  it('stores a valid file; the same file twice changes nothing', async () => {
    const first = await upload(fixture('valid.csv'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 4, created: 4, superseded: 0, unchanged: 0 });
    const again = await upload(fixture('valid.csv'));
    expect(again.json()).toMatchObject({ rows: 4, created: 0, superseded: 0, unchanged: 4 });
    expect(await countReturns()).toBe(4);
  });

  it('a corrected file supersedes the earlier return and keeps it in history', async () => {
    const res = await upload(fixture('corrected.csv'));
    expect(res.json()).toMatchObject({ created: 0, superseded: 1, unchanged: 3 });
    const month = (await app.inject(`/api/v1/hospices/${ids['ret-a']}/returns/2026-02`)).json();
    expect(month.current).toMatchObject({ bedDays: 88, refusals: 1, source: 'csv' });
    expect(month.history).toHaveLength(1);
    expect(month.history[0]).toMatchObject({ bedDays: 84, refusals: 0 });
    expect(month.history[0].supersededAt).toBe(clock.toISOString());
    const list = (await app.inject(`/api/v1/hospices/${ids['ret-a']}/returns`)).json();
    expect(list.items.map((r: { month: string }) => r.month)).toEqual(['2026-02', '2026-01']);
  });

  it('returns feed the figures of hospices without movement registration', async () => {
    const body = (
      await app.inject(`/api/v1/hospices/${ids['ret-a']}/statistics?from=2026-01&to=2026-01`)
    ).json();
    // 90 bed-days of 4 beds × 31 days; mean stay 80 days / 4 departures.
    expect(body.items[0]).toMatchObject({
      bedDays: 90,
      bedDaysAvailable: 124,
      occupancy: 0.7258,
      admissions: 4,
      departures: { total: 4, died: 3, dischargedHome: 1, transferred: 0 },
      lengthOfStay: { count: 4, meanDays: 20, medianDays: null },
      refusals: 2,
      waitingList: { end: 1 },
      coverage: { hospiceMonthsFromEvents: 0, hospiceMonthsFromReturns: 1 },
    });
    const region = (
      await app.inject('/api/v1/regions/NL/statistics?from=2026-01&to=2026-02')
    ).json();
    expect(region.items.map((i: { admissions: number }) => i.admissions)).toEqual([10, 5]);
  });
});

describe(`monthly returns by API (${storeName})`, () => {
  const body = {
    occupiedStart: 0,
    admissions: 2,
    departuresDied: 2,
    departuresDischargedHome: 0,
    departuresTransferred: 0,
    occupiedEnd: 0,
    bedDays: 7,
    refusals: 0,
    lengthOfStayDaysTotal: 9,
  };
  const putReturn = (payload: unknown, month = '2026-02') =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${ids['ret-c']}/returns/${month}`,
      payload,
    } as never);

  it('checks a return against the registered movements and reports the differences', async () => {
    const stay = await app.inject({
      method: 'POST',
      url: `/api/v1/hospices/${ids['ret-c']}/stays`,
      payload: {
        admittedOn: '2026-02-03',
        origin: 'home',
        departure: { departedOn: '2026-02-10', kind: 'died' },
      },
    });
    expect(stay.statusCode).toBe(201);
    const res = await putReturn(body);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('created');
    expect(res.json().differences).toEqual([
      { hospiceId: ids['ret-c'], month: '2026-02', field: 'admissions', returned: 2, derived: 1 },
      {
        hospiceId: ids['ret-c'],
        month: '2026-02',
        field: 'departuresDied',
        returned: 2,
        derived: 1,
      },
      {
        hospiceId: ids['ret-c'],
        month: '2026-02',
        field: 'lengthOfStayDaysTotal',
        returned: 9,
        derived: 7,
      },
    ]);
    // Where events exist they are the figures; the return is only compared.
    const stats = (
      await app.inject(`/api/v1/hospices/${ids['ret-c']}/statistics?from=2026-02&to=2026-02`)
    ).json();
    expect(stats.items[0]).toMatchObject({ admissions: 1, bedDays: 7 });
  });

  it('the same return again is unchanged; a different one supersedes', async () => {
    expect((await putReturn(body)).json().status).toBe('unchanged');
    const corrected = await putReturn({
      ...body,
      admissions: 1,
      departuresDied: 1,
      lengthOfStayDaysTotal: 7,
    });
    expect(corrected.json()).toMatchObject({ status: 'superseded', differences: [] });
  });

  it('rejects a flow that does not balance, naming the field, and stores nothing', async () => {
    const before = await countReturns();
    const res = await putReturn({ ...body, occupiedEnd: 3, bedDays: 500 }, '2026-01');
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'occupiedEnd',
      'bedDays',
    ]);
    expect(await countReturns()).toBe(before);
    const unknown = await putReturn({ ...body, diagnosis: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams[0].name).toBe('diagnosis');
  });

  it('accepts an unusually long mean stay with a warning', async () => {
    const res = await putReturn(
      { ...body, admissions: 1, departuresDied: 1, lengthOfStayDaysTotal: 400, bedDays: 20 },
      '2025-12',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings).toEqual([
      {
        field: 'lengthOfStayDaysTotal',
        message: 'a mean stay of 400 days is unusually long (over 365)',
        code: 'return.meanStayUnusuallyLong',
        params: { days: 400, limit: 365 },
      },
    ]);
  });
});
