import type { SelectQueryBuilder } from 'kysely';

/** Which rows of a list a request asks for. */
export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

/**
 * One page of the rows `base` filters and the number of all of them, as two queries run at once:
 * `ordered` selects and orders the rows, this applies the page.
 */
export async function pageWithTotal<DB, TB extends keyof DB, O>(
  base: SelectQueryBuilder<DB, TB, object>,
  ordered: (base: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
): Promise<{ rows: O[]; total: number }> {
  const [rows, count] = await Promise.all([
    ordered(base).limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // kysely cannot name the selected column on a generic table; the count is the one column `n`,
  // which a driver may hand back as a string.
  return { rows, total: Number((count as { n: unknown }).n) };
}
