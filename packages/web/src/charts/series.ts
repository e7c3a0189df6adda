import type { BandSeries, LineSeries } from './line-chart';

// The charts' series from rows of an answer: each line a label, a colour and how to read its value
// from a row, all on the same x (a year, a month's index).

export interface LineSpec<R> {
  label: string;
  color: string;
  dash?: string;
  id?: string;
  /** The line's value in a row; null leaves a gap. */
  y: (row: R, index: number) => number | null;
}

/** One line per spec, each with a point per row. */
export function lineSeries<R>(
  rows: readonly R[],
  x: (row: R, index: number) => number,
  specs: readonly LineSpec<R>[],
): LineSeries[] {
  return specs.map(({ y, ...line }) => ({
    ...line,
    points: rows.map((row, i) => ({ x: x(row, i), y: y(row, i) })),
  }));
}

/** A band over the rows that have a range; undefined when none has, so no empty band is drawn. */
export function bandSeries<R>(
  rows: readonly R[],
  x: (row: R) => number,
  band: { label: string; color: string },
  range: (row: R) => { low: number; high: number } | null,
): BandSeries | undefined {
  const points = rows.flatMap((row) => {
    const r = range(row);
    return r === null ? [] : [{ x: x(row), ...r }];
  });
  return points.length === 0 ? undefined : { ...band, points };
}
