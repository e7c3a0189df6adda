import { demographySources } from '@palliamonitor/data';
import { backtest } from '@palliamonitor/model';
import { parseOptions, requireNumber, type Io } from '../usage';

/**
 * `palliamonitor backtest --cutoff <year>`: fits the demography on the CBS series up to the
 * cut-off and prints, as JSON, the predicted and observed national deaths of every later year and
 * each region's predicted and observed deaths of the last observed regional year, and the regional
 * errors of every regional year after the cut-off (docs/method.md §3).
 */
export async function backtestCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { cutoff: { type: 'string' } });
  const sources = demographySources();
  const last = sources.deaths.lastYear - 1;
  const cutoff = requireNumber(
    values.cutoff,
    'cutoff',
    (n) => Number.isInteger(n) && n >= 2005 && n <= last,
    `a year 2005–${last}`,
  );
  const result = backtest(sources, cutoff);
  const round = (x: number) => Math.round(x);
  const pct = (x: number) => Math.round(x * 10_000) / 10_000;
  io.out(
    JSON.stringify(
      {
        cutoff: result.cutoff,
        fitYears: result.fitYears,
        national: result.national.map((r) => ({
          year: r.year,
          predicted: round(r.predicted),
          observed: r.observed,
          error: pct(r.error),
        })),
        regions: {
          year: result.regions.year,
          smrYears: result.regions.smrYears,
          rows: result.regions.rows.map((r) => ({
            code: r.code,
            predicted: round(r.predicted),
            observed: r.observed,
            error: pct(r.error),
          })),
        },
        regionalYears: result.regionalYears.map((y) => ({
          year: y.year,
          meanAbsError: pct(y.meanAbsError),
          maxAbsError: pct(y.maxAbsError),
          within5Percent: y.within5Percent,
        })),
      },
      null,
      2,
    ),
  );
  await Promise.resolve();
  return 0;
}
