import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeName } from '../../data/test/test-store';
import type { App } from '../src/context';
import { openWriteFixture, RETURNS_HEADER, type WriteFixture } from './returns-fixtures';

// A returns upload takes the store's one transaction for the request: every query it needs
// (which hospice, may this caller write for it, in which region is it) runs inside it. Before, the
// scope check of a regisseur or of an editor's foreign row asked the store for a second session
// while the transaction held the only one, and the embedded server stopped answering; on
// PostgreSQL two such uploads on a pool of two waited for each other.

const clock = new Date('2026-03-15T10:00:00Z');

let fixture: WriteFixture;
let app: App;
let ids: Record<string, string>;

beforeAll(async () => {
  // Two connections: the pool size at which two uploads that each wanted a second one hung.
  fixture = await openWriteFixture(
    [
      'conc-a,Hospice Gelijktijdig A,Utrecht,GM0344,bth,6,2015-01-01',
      'conc-b,Hospice Gelijktijdig B,Amsterdam,GM0363,hch,6,2015-01-01',
      'conc-c,Hospice Gelijktijdig C,Utrecht,GM0344,bth,6,2015-01-01',
    ],
    clock,
    { maxConnections: 2 },
  );
  ({ app, ids } = fixture);
});
afterAll(() => fixture.close());

const row = (ref: string, month: string, occupied = 2) =>
  `${ref},${month},${occupied},1,1,0,0,${occupied},30,0,0,5`;

const upload = (actor: string, lines: string[]) => fixture.uploadReturns(actor, lines);

const storedReturns = async (hospiceId: string) =>
  Number(
    (
      await fixture.store.db
        .selectFrom('monthly_return')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('hospice_id', '=', hospiceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Enough health checks to tell "still working" from "never ends", on any machine. */
const MAX_PROBES = 2000;

/**
 * Sends /health one after the other until `work` is done; how many answered meanwhile. A server
 * that waits for a lost session answers none (and the test's own limit ends it); work that never
 * ends while /health answers is cut off after MAX_PROBES answers.
 */
async function healthWhile<T>(
  target: App,
  work: Promise<T>,
): Promise<{ result: T; answered: number }> {
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  let answered = 0;
  while (!done) {
    // One turn of the event loop between probes, as between requests from the network: injected
    // requests can complete in microtasks alone and would otherwise starve the upload.
    await new Promise((resolve) => setImmediate(resolve));
    const health = await target.inject({ url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    answered += 1;
    if (answered >= MAX_PROBES) {
      throw new Error(`the request did not finish while /health answered ${answered} times`);
    }
  }
  return { result: await finished, answered };
}

describe(`returns uploads and the store's sessions (${storeName})`, () => {
  it('a regisseur uploads for a hospice of their region, and /health answers meanwhile', async () => {
    const { result, answered } = await healthWhile(
      app,
      upload('regisseur', [row('conc-a', '2026-01'), row('conc-c', '2026-01')]),
    );
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({ rows: 2, created: 2 });
    expect(answered).toBeGreaterThan(0);
    const after = await app.inject({ url: '/api/v1/health' });
    expect(after.statusCode).toBe(200);
  });

  it('a regisseur is refused a row of another region, and nothing is stored', async () => {
    const res = await upload('regisseur', [row('conc-c', '2026-02'), row('conc-b', '2026-02')]);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().invalidParams).toEqual([
      expect.objectContaining({ name: 'hospice', line: 3, code: 'return.hospiceNotAllowed' }),
    ]);
    expect(await storedReturns(ids['conc-b']!)).toBe(0);
    expect(await storedReturns(ids['conc-c']!)).toBe(1);
  });

  it('an editor uploading a row for another hospice gets 403 and nothing is stored', async () => {
    const before = await storedReturns(ids['conc-a']!);
    const res = await upload('hospice-editor', [
      row('conc-a', '2026-02'),
      row('conc-c', '2026-02'),
    ]);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect(await storedReturns(ids['conc-a']!)).toBe(before);
    expect((await app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
  });

  it('two uploads at once both finish (on PostgreSQL with a pool of two connections)', async () => {
    const [first, second] = await Promise.all([
      upload('regisseur', [row('conc-a', '2025-11'), row('conc-c', '2025-11')]),
      upload('regisseur', [row('conc-a', '2025-12'), row('conc-c', '2025-12')]),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect(await storedReturns(ids['conc-c']!)).toBe(3);
  });

  it('a 1 MiB file of bad rows answers with the first 100 problems and their count, and /health answers meanwhile', async () => {
    // Rows that read well but do not balance: each is checked against the registry.
    const lines: string[] = [];
    let size = RETURNS_HEADER.length;
    for (let i = 0; size < 1_040_000; i += 1) {
      const line = `conc-a,20${String(10 + (i % 15)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')},1,1,0,0,0,9,30,0,0,`;
      lines.push(line);
      size += line.length + 1;
    }
    const before = await storedReturns(ids['conc-a']!);
    const { result, answered } = await healthWhile(app, upload('regisseur', lines));
    expect(result.statusCode, result.body.slice(0, 500)).toBe(422);
    const problem = result.json();
    expect(problem.invalidParams).toHaveLength(100);
    expect(problem.truncated).toBe(true);
    expect(problem.issueCount).toBeGreaterThanOrEqual(lines.length);
    expect(problem.detail).toContain(`${problem.issueCount} problem(s)`);
    expect(result.body.length).toBeLessThan(64 * 1024);
    // The upload gave way again and again: health checks were answered while it ran.
    expect(answered).toBeGreaterThanOrEqual(5);
    expect(await storedReturns(ids['conc-a']!)).toBe(before);
  });

  it('two PUTs of the same monthly return at once: both answered, one return current', async () => {
    const body = {
      occupiedStart: 2,
      admissions: 1,
      departuresDied: 1,
      departuresDischargedHome: 0,
      departuresTransferred: 0,
      occupiedEnd: 2,
      bedDays: 30,
      refusals: 0,
    };
    const put = (actor: string, month: string, refusals: number) =>
      fixture.as(actor, {
        method: 'PUT',
        url: `/api/v1/hospices/${ids['conc-c']}/returns/${month}`,
        payload: { ...body, refusals },
      });
    const asRegisseur = (month: string, refusals: number) => put('regisseur', month, refusals);
    // conc-c is not the token's hospice: the token may not; the regisseur may.
    expect((await put('hospice-token', '2024-01', 0)).statusCode).toBe(403);
    for (const month of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']) {
      // The same return twice, and two different ones.
      const same = await Promise.all([asRegisseur(month, 0), asRegisseur(month, 0)]);
      expect(
        same.map((r) => r.statusCode),
        same[1]!.body,
      ).toEqual([200, 200]);
      expect(same.map((r) => r.json().status).sort()).toEqual(['created', 'unchanged']);
      const different = await Promise.all([asRegisseur(month, 1), asRegisseur(month, 2)]);
      expect(
        different.map((r) => r.statusCode),
        different[1]!.body,
      ).toEqual([200, 200]);
      expect(different.map((r) => r.json().status)).toEqual(['superseded', 'superseded']);
      const current = await fixture.store.db
        .selectFrom('monthly_return')
        .select('refusals')
        .where('hospice_id', '=', ids['conc-c']!)
        .where('month', '=', `${month}-01`)
        .where('superseded_at', 'is', null)
        .execute();
      expect(current).toHaveLength(1);
    }
  });
});
