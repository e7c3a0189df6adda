import { randomBytes } from 'node:crypto';
import { createUser } from '@palliamonitor/data';
import { ROLES, type Role } from '@palliamonitor/contracts';
import { readConfig } from '@palliamonitor/server';
import { parseOptions, UsageError, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';
import { cliAudit } from '../cli-audit';

/**
 * `palliamonitor user create --email E --name N --role R [--scope S]`: creates an account, e.g. the
 * first administrator of a new installation. The password comes from PALLIAMONITOR_PASSWORD, or a
 * random one is generated and printed as the last line (shown once).
 */
export async function userCommand(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'create') {
    throw new UsageError(
      'usage: palliamonitor user create --email <e-mail> --name <name> --role <role> [--scope <id|ZKxx>]',
    );
  }
  const { values } = parseOptions(rest, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    scope: { type: 'string' },
  });
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
    throw new UsageError('--email must be an e-mail address');
  }
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  }
  const given = readConfig(io.env).newUserPassword;
  const generated = given ? undefined : randomBytes(15).toString('base64url');
  const password = given ?? generated!;
  const { store } = await openStoreFromEnv(io);
  try {
    const user = await createUser(
      store.db,
      {
        email: values.email,
        name: values.name ?? values.email,
        password,
        roles: [{ role: values.role as Role, scope: values.scope ?? null }],
      },
      new Date(),
      await cliAudit(store, 'user create'),
    );
    io.err(
      `account ${user.email} created with role ${values.role}${values.scope ? ` for ${values.scope}` : ''}`,
    );
    if (generated) {
      io.err('its password (shown once):');
      io.out(generated);
    }
  } finally {
    await store.close();
  }
  return 0;
}
