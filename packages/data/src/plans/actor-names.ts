import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/**
 * The names of the people behind stored actors (`user:<e-mail>`), for showing who saved what
 * without the e-mail address. Actors that are not a person (the system, a token) are left out.
 */
export async function namesOfActors(
  db: Kysely<Database>,
  actors: readonly string[],
): Promise<Map<string, string>> {
  const emails = [
    ...new Set(actors.filter((a) => a.startsWith('user:')).map((a) => a.slice('user:'.length))),
  ];
  if (emails.length === 0) {
    return new Map();
  }
  const users = await db
    .selectFrom('app_user')
    .select(['email', 'name'])
    .where('email', 'in', emails)
    .execute();
  return new Map(users.map((u) => [`user:${u.email}`, u.name]));
}
