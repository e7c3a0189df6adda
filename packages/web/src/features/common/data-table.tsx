import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';

// The one table of the app: every table is a DataTable, so each has a caption, scrolls on a
// narrow screen (a focusable region), and sorts where its columns say how.

export interface Column<T> {
  key: string;
  label: string;
  /** Sort key; rows without one sort last. */
  sortValue?: (row: T) => number | string | null;
  render: (row: T) => ReactNode;
  isNumeric?: boolean;
  /** A class of the column's cells beside `num`, for what a style reads. */
  className?: string;
}

/** Right-aligned columns from [key, label, render]: the figures of a table, unsorted. */
export function numeric<T>(
  specs: readonly (readonly [string, string, (row: T) => ReactNode])[],
): Column<T>[] {
  return specs.map(([key, label, render]) => ({ key, label, render, isNumeric: true }));
}

function cellClass<T>(column: Column<T>): string | undefined {
  const classes = [column.isNumeric === true ? 'num' : undefined, column.className].filter(
    (c) => c !== undefined,
  );
  return classes.length === 0 ? undefined : classes.join(' ');
}

/** A column of region names, each linked to the region's page, sorted by name. */
export function regionColumn<T>(
  key: string,
  label: string,
  region: (row: T) => { code: string; name: string },
): Column<T> {
  return {
    key,
    label,
    sortValue: (row) => region(row).name,
    render: (row) => {
      const { code, name } = region(row);
      return <Link href={`/regio/${code}`}>{name}</Link>;
    },
  };
}

/** What a sorted figure column shows: its figure formatted (the row for what a cell adds). */
type Show<T> = (value: number | null, row: T) => ReactNode;

/** A right-aligned column that sorts by its figure and shows it with `show`. */
export function sortedNumber<T>(
  key: string,
  label: string,
  figure: (row: T) => number | null,
  show: Show<T>,
): Column<T> {
  return {
    key,
    label,
    isNumeric: true,
    sortValue: figure,
    render: (row) => show(figure(row), row),
  };
}

/** Right-aligned columns from [key, label, figure, show] that sort by their figure. */
export function sortedNumeric<T>(
  specs: readonly (readonly [string, string, (row: T) => number | null, Show<T>])[],
): Column<T>[] {
  return specs.map(([key, label, figure, show]) => sortedNumber(key, label, figure, show));
}

type Sort = { key: string; direction: 'ascending' | 'descending' };

/** The rows in the order the sorted column gives (rows without a sort key last). */
function useSorted<T>(rows: readonly T[], columns: Column<T>[], sort: Sort | null): readonly T[] {
  const { locale } = useI18n();
  return useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (sort === null || column?.sortValue === undefined) {
      return rows;
    }
    const get = column.sortValue;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const va = get(a);
      const vb = get(b);
      if (va === null || vb === null) {
        return va === null ? (vb === null ? 0 : 1) : -1;
      }
      return (
        sign *
        (typeof va === 'number' && typeof vb === 'number'
          ? va - vb
          : String(va).localeCompare(String(vb), locale))
      );
    });
  }, [rows, columns, sort, locale]);
}

/**
 * What names a table: its caption (shown, or for screen readers only where a heading beside the
 * table says the same), or the heading it stands under (`labelledBy`, the heading's id).
 */
type TableName = { caption: ReactNode; hideCaption?: boolean } | { labelledBy: string };

/** A table whose column headers sort it (button in the header, aria-sort on the column). */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  initialSort,
  testId,
  rowAttributes,
  className,
  ...name
}: TableName & {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort?: Sort;
  testId?: string;
  /** Attributes of a row: a class for the chosen one, data-* for what a test or style reads. */
  rowAttributes?: (row: T) => Readonly<Record<string, string | number | undefined>>;
  /** A class of the table beside `data-table`. */
  className?: string;
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useSorted(rows, columns, sort);
  const label =
    'labelledBy' in name
      ? { 'aria-labelledby': name.labelledBy }
      : { 'aria-label': typeof name.caption === 'string' ? name.caption : t('common.table') };
  return (
    <div className="table-scroll" tabIndex={0} role="region" {...label}>
      <table
        className={className === undefined ? 'data-table' : `data-table ${className}`}
        data-testid={testId}
        {...('labelledBy' in name ? label : {})}
      >
        {'caption' in name ? (
          <caption className={name.hideCaption === true ? 'visually-hidden' : undefined}>
            {name.caption}
          </caption>
        ) : null}
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.isNumeric === true ? 'num' : undefined}
                  aria-sort={active ? sort.direction : undefined}
                >
                  {c.sortValue === undefined ? (
                    c.label
                  ) : (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        setSort({
                          key: c.key,
                          direction:
                            active && sort.direction === 'ascending' ? 'descending' : 'ascending',
                        })
                      }
                    >
                      {c.label}
                      <span aria-hidden="true" className="sort-icon">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row">
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.key} className={cellClass(c)}>
                    {c.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
