/**
 * `rows` in consecutive batches of at most `size`, for inserts of many rows: one statement binds at
 * most 65,535 parameters in PostgreSQL, so a large load takes several.
 */
export function batches<T>(rows: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    result.push(rows.slice(i, i + size));
  }
  return result;
}
