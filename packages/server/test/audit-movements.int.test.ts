import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@palliamonitor/data';
import { storeName } from '../../data/test/test-store';
import { openWriteFixture, type WriteFixture } from './returns-fixtures';

// The movement and returns writes store their audit entry in the write's own transaction, with
// what was there before: the stay before its departure, the day's refusals, the last waiting-list
// report. A returns file files one entry per hospice under its region, so its regisseur sees it.
// A token revoke has the token as it was.

const clock = new Date('2026-03-15T10:00:00Z');

let fixture: WriteFixture;
let hospiceA: string;

beforeAll(async () => {
  fixture = await openWriteFixture(
    ['aud-a,Hospice Audit A,Utrecht,GM0344,bth,6,2015-01-01'],
    clock,
  );
  hospiceA = fixture.ids['aud-a']!;
});
afterAll(() => fixture.close());

const as: WriteFixture['as'] = (actor, options) => fixture.as(actor, options);
const countAudit = async () =>
  Number(
    (
      await fixture.store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`audit entries of movements and returns (${storeName})`, () => {
  const entriesFor = async (path: string) =>
    fixture.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('path', '=', path)
      .orderBy('id')
      .execute();

  it('a departure has the stay as it was as its "before", in the same transaction', async () => {
    const admitted = await as('hospice-editor', {
      method: 'POST',
      url: `/api/v1/hospices/${hospiceA}/stays`,
      payload: { admittedOn: '2026-03-01', origin: 'home' },
    });
    expect(admitted.statusCode, admitted.body).toBe(201);
    const stayId = admitted.json().stayId as string;
    const [admission] = await entriesFor(`/api/v1/hospices/${hospiceA}/stays`);
    expect(admission).toMatchObject({ status: 201, region_code: 'ZK23', before: null });
    expect(admission!.after).toMatchObject({ stayId, departedOn: null });

    const path = `/api/v1/hospices/${hospiceA}/stays/${stayId}/departure`;
    const departed = await as('hospice-editor', {
      method: 'POST',
      url: path,
      payload: { departedOn: '2026-03-10', kind: 'died' },
    });
    expect(departed.statusCode, departed.body).toBe(200);
    const entries = await entriesFor(path);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.before).toMatchObject({ stayId, departedOn: null, departureKind: null });
    expect(entries[0]!.after).toMatchObject({
      stayId,
      departedOn: '2026-03-10',
      departureKind: 'died',
    });
  });

  it('a refusal and a waiting-list report each have one entry, with what was there before', async () => {
    const refusalPath = `/api/v1/hospices/${hospiceA}/refusals`;
    for (const count of [2, 3]) {
      const res = await as('hospice-token', {
        method: 'POST',
        url: refusalPath,
        payload: { date: '2026-03-14', count },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const refusals = await entriesFor(refusalPath);
    expect(refusals.map((e) => [e.before, e.after])).toEqual([
      [
        { date: '2026-03-14', totalThatDay: 0 },
        { date: '2026-03-14', count: 2, totalThatDay: 2 },
      ],
      [
        { date: '2026-03-14', totalThatDay: 2 },
        { date: '2026-03-14', count: 3, totalThatDay: 5 },
      ],
    ]);
    const waitingPath = `/api/v1/hospices/${hospiceA}/waiting-list`;
    for (const size of [4, 6]) {
      const res = await as('hospice-token', { method: 'PUT', url: waitingPath, payload: { size } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const waiting = await entriesFor(waitingPath);
    expect(waiting).toHaveLength(2);
    expect(waiting[0]!.before).toBeNull();
    expect(waiting[1]!.before).toMatchObject({ size: 4 });
    expect(waiting[1]!).toMatchObject({
      actor: expect.stringMatching(/^token:/),
      region_code: 'ZK23',
    });
  });

  it('a refused movement writes no entry', async () => {
    const audit = await countAudit();
    const res = await as('hospice-editor', {
      method: 'POST',
      url: `/api/v1/hospices/${hospiceA}/stays`,
      payload: { admittedOn: '2027-01-01', origin: 'home' },
    });
    expect(res.statusCode).toBe(422);
    expect(await countAudit()).toBe(audit);
  });

  it('POST /returns files its entry under the hospice and region: the regisseur sees it', async () => {
    const res = await fixture.uploadReturns('hospice-editor', [
      'aud-a,2026-01,2,1,1,0,0,2,30,0,0,5',
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = await entriesFor('/api/v1/returns');
    expect(entry).toMatchObject({ hospice_id: hospiceA, region_code: 'ZK23', status: 200 });
    const log = await as('regisseur', { method: 'GET', url: '/api/v1/audit-log' });
    expect(log.statusCode).toBe(200);
    expect(
      log.json().items.filter((i: { path: string }) => i.path === '/api/v1/returns'),
    ).toHaveLength(1);
    // Sending the same file again changes nothing, and adds no entry.
    const again = await fixture.uploadReturns('hospice-editor', [
      'aud-a,2026-01,2,1,1,0,0,2,30,0,0,5',
    ]);
    expect(again.json()).toMatchObject({ unchanged: 1 });
    expect(await entriesFor('/api/v1/returns')).toHaveLength(1);
  });

  it('a token revoke has the token as it was as its "before"', async () => {
    const { summary } = await createApiToken(
      fixture.store.db,
      { hospiceId: hospiceA, label: 'intrekken', actor: 'test' },
      clock,
    );
    const path = `/api/v1/hospices/${hospiceA}/tokens/${summary.id}`;
    const res = await as('hospice-editor', { method: 'DELETE', url: path });
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = await entriesFor(path);
    expect(entry!.before).toMatchObject({ id: summary.id, label: 'intrekken', revokedAt: null });
    expect(entry!.after).toMatchObject({ id: summary.id, revokedAt: expect.any(String) });
  });
});
