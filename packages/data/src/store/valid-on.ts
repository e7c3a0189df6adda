import { sql, type RawBuilder } from 'kysely';

// Effective dating, written once. Rows hold [valid_from, valid_to): valid_from null means "since the
// start of our records", valid_to null "still in force". Facilities are open on [opened_on,
// closed_on) in the same way.

/** `alias` (a table or its alias) is in force on `asOf` ('YYYY-MM-DD'). */
export function validOn(alias: string, asOf: string): RawBuilder<boolean> {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<boolean>`(${from} is null or ${from} <= ${asOf}::date) and (${to} is null or ${to} > ${asOf}::date)`;
}

/** The facility version `alias` describes a facility that is open on `asOf`. */
export function openOn(alias: string, asOf: string): RawBuilder<boolean> {
  const opened = sql.ref(`${alias}.opened_on`);
  const closed = sql.ref(`${alias}.closed_on`);
  return sql<boolean>`(${opened} is null or ${opened} <= ${asOf}::date) and (${closed} is null or ${closed} > ${asOf}::date)`;
}
