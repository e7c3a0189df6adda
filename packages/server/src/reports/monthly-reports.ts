import {
  buildKeptReport,
  dutchDate,
  keepReport,
  listRegions,
  regionsWithKeptReport,
} from '@palliamonitor/data';
import type { AppContext } from '../context';

// The monthly report of every zorgkantoorregio and the nation, made once in the first hours of the
// next month and kept as it stood then. Each run makes only the reports still missing for last
// month, and storing is "insert unless kept" on the (region, month) key: a second run, or a second
// server instance on the same PostgreSQL, makes nothing twice.

/** Hourly: a server started mid-month, or down on the 1st, catches up within the hour. */
export const REPORT_RUN_EVERY_MS = 60 * 60 * 1000;
/** The first run waits until the server has settled after starting. */
export const REPORT_FIRST_RUN_MS = 5 * 60 * 1000;

/** The month before the Dutch calendar day of `now`, 'YYYY-MM'. */
export function previousMonth(now: Date): string {
  const [year, month] = dutchDate(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export interface MonthlyRun {
  readonly month: string;
  /** The regions whose report this run stored. */
  readonly made: string[];
}

/**
 * Makes last month's report of each region (all zorgkantoorregio's and NL, or `codes`) that has
 * none kept yet. The clock is the context's, so a test moves time instead of waiting for it.
 */
export async function makeMonthlyReports(
  ctx: Pick<AppContext, 'store' | 'now'>,
  freshnessHours: number,
  codes?: readonly string[],
): Promise<MonthlyRun> {
  const now = ctx.now();
  const month = previousMonth(now);
  const regions = codes ?? [
    ...(
      await listRegions(ctx.store.db, {
        type: 'zorgkantoorregio',
        asOf: dutchDate(now),
        limit: 1000,
        offset: 0,
      })
    ).items.map((r) => r.code),
    'NL',
  ];
  const kept = await regionsWithKeptReport(ctx.store.db, month);
  const made: string[] = [];
  for (const code of regions.filter((c) => !kept.has(c))) {
    // In full for those who may read the region's registrations, and as the public cut for the
    // other readers of kept reports (national analysts, other regions' regisseurs for NL).
    const report = await buildKeptReport(ctx.store.db, code, { now, freshnessHours });
    if (await keepReport(ctx.store.db, month, report)) {
      made.push(code);
    }
  }
  return { month, made };
}

export interface ReportSchedule {
  stop(): void;
}

/** Runs the monthly job on a timer; a failed run is logged and retried at the next tick. */
export function scheduleMonthlyReports(
  run: () => Promise<MonthlyRun>,
  log: (message: string) => void,
  timing: { firstAfterMs: number; everyMs: number } = {
    firstAfterMs: REPORT_FIRST_RUN_MS,
    everyMs: REPORT_RUN_EVERY_MS,
  },
): ReportSchedule {
  let running = false;
  const tick = async () => {
    // One run at a time in this process; a slow run is not overtaken by the next tick.
    if (running) {
      return;
    }
    running = true;
    try {
      const result = await run();
      if (result.made.length > 0) {
        log(`monthly reports ${result.month}: made ${result.made.join(', ')}`);
      }
    } catch (error) {
      log(`monthly reports failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void tick();
    interval = setInterval(() => void tick(), timing.everyMs);
    interval.unref();
  }, timing.firstAfterMs);
  first.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(interval);
    },
  };
}
