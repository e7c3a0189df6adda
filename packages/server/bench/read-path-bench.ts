import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { getStatistics, seedDemoData, type Store } from '@palliamonitor/data';
import { buildApp } from '../src/app';
import { portOf, withBaseline, withStore } from './collection-bench';

// Benchmarks of the public read path, on the demo store (registry, 24 months of activity):
// - bed-finder-requests-per-second: GET /beds/available?near=Zwolle from the public, served by the
//   real server over loopback, beside a bare node:http server answering the same bytes; the same
//   load generator (autocannon, in a process of its own, 8 connections), the two measured in
//   alternating rounds so both see the same machine;
// - figures-10x-history-ratio: the national and a regional figure computed (not served from the
//   kept answers) on the demo store, and on a second demo store to which nine more copies of its
//   whole history were added further back in time (10× the stays, refusals, waiting-list reports
//   and bed-status events), in alternating rounds: the time on the second ÷ the time on the first.
//   Figures of a period must cost what the period holds.

const require = createRequire(import.meta.url);
const AUTOCANNON = path.join(
  path.dirname(require.resolve('autocannon/package.json')),
  'autocannon.js',
);

/** Requests per second from autocannon against `url` for `seconds`. */
function load(url: string, seconds: number): Promise<{ requests: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [AUTOCANNON, '--json', '-c', '8', '-d', String(seconds), url],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        if (error) {
          reject(error);
          return;
        }
        const result = JSON.parse(stdout) as {
          requests: { total: number };
          duration: number;
          non2xx: number;
          errors: number;
        };
        if (result.non2xx > 0 || result.errors > 0) {
          reject(new Error(`${url}: ${result.non2xx} answers not 2xx, ${result.errors} errors`));
          return;
        }
        resolve({ requests: result.requests.total, seconds: result.duration });
      },
    );
  });
}

async function benchBedFinder(store: Store): Promise<[number, number]> {
  const app = await buildApp(store, { now: () => new Date() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const target = `/api/v1/beds/available?near=Zwolle`;
  const productUrl = `http://127.0.0.1:${portOf(app.server)}${target}`;
  const first = await fetch(productUrl);
  const body = await first.text();
  const contentType = first.headers.get('content-type') ?? 'application/json';
  if (first.status !== 200 || !body.includes('"available"')) {
    throw new Error(`bed finder answered ${first.status}: ${body.slice(0, 200)}`);
  }
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${portOf(bare)}${target}`;
  try {
    await load(productUrl, 1); // warm-up of both
    await load(bareUrl, 1);
    const totals = { product: [0, 0], bare: [0, 0] };
    for (let round = 0; round < 3; round++) {
      for (const [which, url] of [
        ['product', productUrl],
        ['bare', bareUrl],
      ] as const) {
        const run = await load(url, 4);
        totals[which][0]! += run.requests;
        totals[which][1]! += run.seconds;
      }
    }
    return [
      Math.round(totals.product[0]! / totals.product[1]!),
      Math.round(totals.bare[0]! / totals.bare[1]!),
    ];
  } finally {
    await app.close();
    bare.closeAllConnections();
    await new Promise((resolve) => bare.close(resolve));
  }
}

/** Ms of one computation of the national figures of this year and a region's last 12 months. */
async function figuresOnce(store: Store, now: Date): Promise<number> {
  const options = { now, freshnessHours: 24 };
  const started = performance.now();
  await getStatistics(store.db, { kind: 'region', code: 'NL' }, { period: 'year' }, options);
  await getStatistics(store.db, { kind: 'region', code: 'NL' }, { period: 'month' }, options);
  await getStatistics(
    store.db,
    { kind: 'region', code: 'ZK23' },
    { period: 'month', byHospice: true },
    options,
  );
  return performance.now() - started;
}

/**
 * The fastest of three rounds on each store, the rounds alternating between the store with the
 * demo's history and the one with ten times as much, after a warm-up round on each: both see the
 * same machine (a burst of other work, a collection, the JIT), as the national run's benchmark
 * does. Measured one after the other, the same figures on the same store differed by 40%.
 */
async function figuresMs(demo: Store, tenfold: Store, now: Date): Promise<[number, number]> {
  await figuresOnce(demo, now);
  await figuresOnce(tenfold, now);
  let [best, bestTenfold] = [Infinity, Infinity];
  for (let round = 0; round < 3; round++) {
    best = Math.min(best, await figuresOnce(demo, now));
    bestTenfold = Math.min(bestTenfold, await figuresOnce(tenfold, now));
  }
  return [best, bestTenfold];
}

async function eventCount(store: Store): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from bed_status_event`.execute(
    store.db,
  );
  return Number(rows[0]!.n);
}

/** Nine more copies of the whole history, each moved back by another two years. */
async function tenfoldHistory(store: Store): Promise<void> {
  // The copies are made of the original rows only: those with ids up to today's highest.
  const max = async (table: 'refusal' | 'waiting_list_report' | 'bed_status_event') =>
    Number(
      (
        await sql<{
          id: number;
        }>`select coalesce(max(id), 0) as id from ${sql.table(table)}`.execute(store.db)
      ).rows[0]!.id,
    );
  const last = {
    refusal: await max('refusal'),
    waiting: await max('waiting_list_report'),
    event: await max('bed_status_event'),
  };
  // Copy k moved back by 2k years: all nine copies of a table in one statement, every table in
  // one transaction (one round of index upkeep per table instead of nine).
  await copyHistory(store, last);
}

async function copyHistory(
  store: Store,
  last: { refusal: number; waiting: number; event: number },
): Promise<void> {
  const back = sql`(k * interval '2 years')`;
  const k = sql`generate_series(1, 9) k`;
  await store.db.transaction().execute(async (trx) => {
    await sql`insert into stay (id, hospice_id, admitted_on, origin, departed_on, departure_kind,
        recorded_at, recorded_by, departure_recorded_at, departure_recorded_by)
      select md5(id || k), hospice_id, (admitted_on - ${back})::date, origin,
        (departed_on - ${back})::date, departure_kind, recorded_at - ${back}, recorded_by,
        departure_recorded_at - ${back}, departure_recorded_by
      from stay, ${k} where id like '%-%'`.execute(trx);
    await sql`insert into refusal (hospice_id, refused_on, count, recorded_at, recorded_by)
      select hospice_id, (refused_on - ${back})::date, count, recorded_at - ${back}, recorded_by
      from refusal, ${k} where id <= ${last.refusal}`.execute(trx);
    await sql`insert into waiting_list_report (hospice_id, reported_on, size, recorded_at,
        recorded_by)
      select hospice_id, (reported_on - ${back})::date, size, recorded_at - ${back}, recorded_by
      from waiting_list_report, ${k} where id <= ${last.waiting}`.execute(trx);
    await sql`insert into bed_status_event (hospice_id, kind, beds_open, beds_occupied,
        beds_closed, closed_reason, admission_stop, recorded_at, recorded_by)
      select hospice_id, kind, beds_open, beds_occupied, beds_closed, closed_reason,
        admission_stop, recorded_at - ${back}, recorded_by
      from bed_status_event, ${k} where id <= ${last.event}
      order by k, id`.execute(trx);
  });
}

export async function readPathBenchmarks(): Promise<Array<[string, number]>> {
  return withStore({ kind: 'embedded' }, async (store) => {
    const now = new Date();
    const started = performance.now();
    const step = (what: string) =>
      console.error(
        `# read path (${((performance.now() - started) / 1000).toFixed(0)} s): ${what}`,
      );
    step('seeding the demo store');
    await seedDemoData(store, now);
    step('bed finder');
    const lines = withBaseline(
      'bed-finder-requests-per-second',
      ...(await benchBedFinder(store)),
      'bed-finder-requests-baseline',
      'bed-finder-requests-ratio',
    );
    step(lines.map(([name, value]) => `${name}: ${value}`).join(', '));
    step('figures: a second demo store, with nine more copies of its history');
    const [before, after] = await withStore({ kind: 'embedded' }, async (tenfold) => {
      await seedDemoData(tenfold, now);
      const events = await eventCount(tenfold);
      if ((await eventCount(store)) !== events) {
        throw new Error('the two demo stores do not start with the same history');
      }
      await tenfoldHistory(tenfold);
      const grown = (await eventCount(tenfold)) / events;
      if (grown < 9.5) {
        throw new Error(`the history grew ${grown.toFixed(1)}×, not 10×`);
      }
      step('figures on both stores, in alternating rounds');
      return figuresMs(store, tenfold, now);
    });
    console.error(`# figures: ${before.toFixed(1)} ms, with 10× history ${after.toFixed(1)} ms`);
    lines.push(['figures-10x-history-ratio', Number((after / before).toFixed(3))]);
    return lines;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, value] of await readPathBenchmarks()) {
    console.log(`${name}: ${value}`);
  }
}
