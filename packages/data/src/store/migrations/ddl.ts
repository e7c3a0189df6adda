import { sql } from 'kysely';

// Column groups that several tables declare alike, written once so that they stay alike. A
// released migration never changes, so neither do these: a new shape is a new fragment.

const USER_ID_COLUMN = 'user_id text not null references app_user (id)';

/** A row of a user account (a role, a session, a reset link): it cannot outlive the account. */
export const USER_ID = sql.raw(USER_ID_COLUMN);

/**
 * The key of a secret handed to a user (a session cookie, a reset link) and its owner: only the
 * secret's SHA-256 hash is kept, as the key.
 */
export function userSecret(hashColumn: 'id_hash' | 'token_hash') {
  return sql.raw(`${hashColumn} text primary key, ${USER_ID_COLUMN}`);
}

/** Where a place or a postcode lies: its gemeente and the coordinates of its centre. */
export const GEMEENTE_POINT = sql.raw(
  'gemeente_code text not null, latitude double precision not null, longitude double precision not null',
);
