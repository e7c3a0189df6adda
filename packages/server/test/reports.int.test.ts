import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { listKeptReports, type Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import {
  makeMonthlyReports,
  previousMonth,
  scheduleMonthlyReports,
  type MonthlyRun,
} from '../src/reports/monthly-reports';
import { makeActors, type Actor } from './security-fixtures';

// The regional report: its figures are the API's own answers, the PDF made on the server says
// them, and the monthly job keeps one report per region and month however often it runs.

let store: Store;
let app: App;
let hospiceA: string;
let actors: Record<string, Actor>;
let clock = new Date('2026-03-10T09:00:00Z');
const FRESHNESS_HOURS = 24;

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock, freshnessHours: FRESHNESS_HOURS });
  hospiceA = await createUtrechtHospice(store, 'Hospice Rapport', 6, clock);
  actors = await makeActors(app, store, hospiceA, clock);
  const put = await app.inject({
    method: 'PUT',
    url: `/api/v1/hospices/${hospiceA}/bed-status`,
    headers: actors['hospice-editor']!.headers,
    payload: { bedsOpen: 5, bedsOccupied: 3 },
  });
  expect(put.statusCode).toBe(200);
  clock = new Date('2026-03-10T12:00:00Z');
});
afterAll(async () => {
  await app.close();
  await store.close();
});

async function json(url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ url, headers });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** The text of every page of a PDF, as a reader's PDF viewer finds it. */
async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(body), useSystemFonts: false, verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

describe(`the regional report (${storeName})`, () => {
  it('has the figures the API answers for the region', async () => {
    const report = await json('/api/v1/regions/ZK23/report');
    const [region, status, stats, forecast, capacity, plan] = await Promise.all([
      json('/api/v1/regions/ZK23'),
      json('/api/v1/regions/ZK23/bed-status'),
      json('/api/v1/regions/ZK23/statistics?period=month'),
      json('/api/v1/regions/ZK23/forecast'),
      json('/api/v1/regions/ZK23/capacity'),
      json('/api/v1/regions/ZK23/plan'),
    ]);
    expect(report.name).toBe(region.name);
    expect(report.asOf).toBe('2026-03-10');
    expect(report.capacity.facilities).toBe(region.hospices.length);
    expect(report.capacity.licensedBeds).toBe(region.licensedBeds);
    expect(report.capacity.freshFacilities).toBe(1);
    expect(report.capacity).toMatchObject({ bedsOpen: 5, bedsFree: 2 });
    expect(report.months.map((m: { period: string }) => m.period)).toEqual(
      stats.items.slice(-12).map((p: { period: string }) => p.period),
    );
    for (const [i, { waitingListMean, waitingListEnd, ...m }] of report.months.entries()) {
      // The statistics answer nests the waiting list; the report flattens it.
      expect(stats.items.slice(-12)[i]).toMatchObject({
        ...m,
        waitingList: { mean: waitingListMean, end: waitingListEnd },
      });
    }
    expect(report.forecast.scenario).toEqual(forecast.scenario);
    expect(report.forecast.years).toHaveLength(forecast.rows.length);
    for (const [i, year] of report.forecast.years.entries()) {
      expect(forecast.rows[i]).toMatchObject(year);
    }
    expect(report.norm).toEqual({
      year: capacity.year,
      target: capacity.target,
      occupancyNorm: capacity.occupancyNorm,
      bedsNeededErlang: capacity.byPooling[capacity.pooling].bedsNeeded,
      bedsNeededNorm: capacity.bedsNeededNorm,
      currentBeds: capacity.currentBeds,
    });
    expect(report.norm.occupancyNorm).toBeCloseTo(0.8);
    expect(report.plan.version).toBe(plan.version);
    expect(report.plan.serviceLevel).toEqual(plan.serviceLevel);
    expect(report.plan.years).toEqual(
      plan.years.map(({ difference: _, ...y }: { difference: number }) => y),
    );
    const own = report.completeness.hospices.find((h: { id: string }) => h.id === hospiceA);
    const live = status.items.find((s: { hospiceId: string }) => s.hospiceId === hospiceA);
    expect(own).toMatchObject({
      name: 'Hospice Rapport',
      confirmedAt: live.confirmedAt,
      ageHours: 3,
      freshness: 'fresh',
    });
    expect(report.completeness.hospices).toHaveLength(status.items.length);
    // The region's reporting totals are those of the completeness answer (staff only, per facility).
    const reporting = await json('/api/v1/regions/ZK23/completeness', actors['regisseur']!.headers);
    expect(report.completeness.summary).toEqual({
      last28DaysShare: reporting.summary.last28DaysShare,
      lastMonthShare: reporting.summary.lastMonthShare,
      behind: reporting.summary.behind,
      monthlyFiguresIn: reporting.summary.monthlyFiguresIn,
      monthlyFiguresOnTime: reporting.summary.monthlyFiguresOnTime,
    });
    expect(report.sources).toEqual(expect.arrayContaining(forecast.inputs));
    expect(new Set(report.sources.map((s: { provenance: string }) => s.provenance))).toEqual(
      new Set(['measured', 'imported', 'assumed']),
    );
  });

  it('as a PDF says the region’s name and its figures, in Dutch and in English', async () => {
    const report = await json('/api/v1/regions/ZK23/report');
    const res = await app.inject('/api/v1/regions/ZK23/report.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(`Hospicezorg in ${report.name}, 10 maart 2026`);
    expect(text).toContain(`Bedden in het register: ${report.capacity.licensedBeds}`);
    expect(text).toContain('Hospice Rapport');
    expect(text).toContain('bezettingsnorm van 80%: ');
    const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
    const { summary } = report.completeness;
    const share = summary.last28DaysShare === null ? '–' : percent.format(summary.last28DaysShare);
    expect(text).toContain(`Bevestigd op ${share} van de dagen in de laatste 28 dagen`);
    expect(text).toContain(
      `${summary.behind} van ${report.completeness.hospices.length} voorzieningen lopen achter`,
    );
    const y2050 = report.forecast.years.find((y: { year: number }) => y.year === 2050);
    const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
    expect(text).toContain(oneDecimal.format(y2050.bedsNeededErlang));
    for (const source of report.sources.slice(0, 3)) {
      expect(text).toContain(source.name);
    }
    const english = await app.inject('/api/v1/regions/ZK23/report.pdf?lang=en');
    expect(await pdfText(english.rawPayload)).toContain(
      `Hospice care in ${report.name}, 10 March 2026`,
    );
  });

  it('is made for the nation too (NL)', async () => {
    const res = await app.inject('/api/v1/regions/NL/report.pdf');
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Hospicezorg in Nederland, 10 maart 2026');
    expect(text).toContain('Som van de 31 regio’s');
  });

  it('answers an unknown or wrong code with problem+json naming the field', async () => {
    const unknown = await app.inject('/api/v1/regions/ZK99/report');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(unknown.json())).toContain('code');
    expect((await app.inject('/api/v1/regions/ZK99/report.pdf')).statusCode).toBe(404);
    for (const url of [
      '/api/v1/regions/GM0363/report',
      '/api/v1/regions/zk23/report.pdf',
      '/api/v1/regions/ZK23/report.pdf?lang=de',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe(`kept monthly reports (${storeName})`, () => {
  const kept = '/api/v1/regions/ZK23/reports';
  const regisseur = () => actors['regisseur']!.headers;

  it('the job keeps last month’s report once, however many runs race', async () => {
    expect(previousMonth(clock)).toBe('2026-02');
    expect(previousMonth(new Date('2026-01-01T00:30:00+01:00'))).toBe('2025-12');
    expect((await json(kept, regisseur())).items).toEqual([]);
    const ctx = { store, now: () => clock };
    const runs = await Promise.all([
      makeMonthlyReports(ctx, FRESHNESS_HOURS, ['ZK23']),
      makeMonthlyReports(ctx, FRESHNESS_HOURS, ['ZK23']),
    ]);
    expect(runs.flatMap((r) => r.made)).toEqual(['ZK23']);
    const again = await makeMonthlyReports(ctx, FRESHNESS_HOURS, ['ZK23']);
    expect(again).toEqual({ month: '2026-02', made: [] });
    const list = await json(kept, regisseur());
    expect(list).toEqual({
      region: 'ZK23',
      items: [{ month: '2026-02', generatedAt: clock.toISOString() }],
    });
  });

  it('a kept report is the report as it stood, as JSON or PDF', async () => {
    const live = await json('/api/v1/regions/ZK23/report');
    const stored = await json(`${kept}/2026-02`, regisseur());
    expect(stored).toEqual(live);
    const pdf = await app.inject({ url: `${kept}/2026-02?format=pdf`, headers: regisseur() });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.rawPayload)).toContain(`Hospicezorg in ${live.name}`);
    const missing = await app.inject({ url: `${kept}/2025-01`, headers: regisseur() });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().errors?.[0]?.field ?? missing.body).toContain('month');
    const bad = await app.inject({ url: `${kept}/2025-13`, headers: regisseur() });
    expect(bad.statusCode).toBe(400);
  });

  it('are read by the region’s regisseur and the national analyst, not by others', async () => {
    const status = async (who: string, url = kept) =>
      (await app.inject({ url, headers: actors[who]!.headers })).statusCode;
    expect(await status('national-analyst')).toBe(200);
    expect(await status('administrator')).toBe(200);
    expect(await status('regisseur', '/api/v1/regions/NL/reports')).toBe(200);
    expect(await status('regisseur', '/api/v1/regions/ZK01/reports')).toBe(403);
    expect(await status('care-professional')).toBe(403);
    expect(await status('hospice-editor')).toBe(403);
    expect([401, 403]).toContain(await status('anonymous'));
  });

  it('the schedule runs the job on its timer, with the clock it is given', async () => {
    const lines: string[] = [];
    let ran!: (run: MonthlyRun) => void;
    const done = new Promise<MonthlyRun>((resolve) => (ran = resolve));
    const schedule = scheduleMonthlyReports(
      async () => {
        const run = await makeMonthlyReports({ store, now: () => clock }, FRESHNESS_HOURS, [
          'ZK23',
        ]);
        ran(run);
        return run;
      },
      (line) => lines.push(line),
      { firstAfterMs: 0, everyMs: 3_600_000 },
    );
    clock = new Date('2026-04-02T06:00:00Z');
    const run = await done;
    schedule.stop();
    expect(run).toEqual({ month: '2026-03', made: ['ZK23'] });
    // Read from the store: the sessions of the actors have expired by April.
    expect((await listKeptReports(store.db, 'ZK23')).map((i) => i.month)).toEqual([
      '2026-03',
      '2026-02',
    ]);
  });
});
