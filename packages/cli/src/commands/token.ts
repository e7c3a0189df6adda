import { createApiToken, findApiToken, listApiTokens, revokeApiToken } from '@palliamonitor/data';
import { parseOptions, UsageError, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';
import { cliAudit } from '../cli-audit';

/**
 * `palliamonitor token create --hospice <id> [--label L]`: the new token is the last line of output.
 * `palliamonitor token list --hospice <id>`, `palliamonitor token revoke <token-id>`.
 * Works on DATA_DIR while the server is stopped, and on DATABASE_URL at any time.
 */
export async function tokenCommand(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'create': {
      const { values } = parseOptions(rest, {
        hospice: { type: 'string' },
        label: { type: 'string' },
      });
      if (!values.hospice) {
        throw new UsageError('missing option --hospice <id>');
      }
      const { store } = await openStoreFromEnv(io);
      try {
        const { token, summary } = await createApiToken(
          store.db,
          { hospiceId: values.hospice, label: values.label ?? 'cli', actor: 'cli' },
          new Date(),
          await cliAudit(store, 'token create', values.hospice),
        );
        io.err(
          `token ${summary.id} for hospice ${summary.hospiceId}; store it now, it is not shown again:`,
        );
        io.out(token);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'list': {
      const { values } = parseOptions(rest, { hospice: { type: 'string' } });
      if (!values.hospice) {
        throw new UsageError('missing option --hospice <id>');
      }
      const { store } = await openStoreFromEnv(io);
      try {
        for (const t of await listApiTokens(store.db, values.hospice)) {
          io.out(
            `${t.id}\t${t.label}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\tlast used ${t.lastUsedAt ?? 'never'}`,
          );
        }
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'revoke': {
      const { positionals } = parseOptions(rest, {}, true);
      const id = positionals[0];
      if (!id || positionals.length > 1) {
        throw new UsageError('usage: palliamonitor token revoke <token-id>');
      }
      const { store } = await openStoreFromEnv(io);
      try {
        const hospiceId = (await findApiToken(store.db, id))?.hospiceId ?? null;
        const token = await revokeApiToken(
          store.db,
          id,
          new Date(),
          await cliAudit(store, 'token revoke', hospiceId),
        );
        io.out(`token ${token.id} revoked`);
      } finally {
        await store.close();
      }
      return 0;
    }
    case undefined:
    default:
      throw new UsageError('say create, list or revoke: palliamonitor token create --hospice <id>');
  }
}
