import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Kysely,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type TransactionBuilder,
  type TransactionSettings,
} from 'kysely';

// A query through the store's own `db` while a transaction is open in the same async context
// (one request, one CLI command) asks the pool for a second connection. The embedded store has one
// session, held by that transaction, so the request waits for itself and every later request waits
// behind it; on PostgreSQL it takes a second connection from the pool (two such requests on a pool
// of two wait for each other) and reads outside the transaction's snapshot. Both are programming
// errors, so the store refuses them at once with a message that says what to do instead
// (docs/decisions/0004-one-transaction-per-request.md).

const openTransaction = new AsyncLocalStorage<true>();

export class TransactionInUseError extends Error {
  constructor(what: string) {
    super(
      `${what} while a transaction is open in the same request: pass that transaction (trx) ` +
        'instead; on the embedded store this would wait forever for the one session it holds',
    );
    this.name = 'TransactionInUseError';
  }
}

/** Throws when a transaction is open in the current async context. */
export function assertNoOpenTransaction(what: string): void {
  if (openTransaction.getStore() === true) {
    throw new TransactionInUseError(what);
  }
}

/** Whether a transaction is open in the current async context. */
export function inTransaction(): boolean {
  return openTransaction.getStore() === true;
}

/** The driver of a store: any new connection is refused while a transaction is open. */
class GuardedDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    assertNoOpenTransaction('a query through the store (store.db)');
    return this.inner.acquireConnection();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

function guardedDialect(inner: Dialect): Dialect {
  return {
    createDriver: () => new GuardedDriver(inner.createDriver()),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

/** Runs the transaction's callback marked as "a transaction is open here". */
function marked<DB>(builder: TransactionBuilder<DB>): TransactionBuilder<DB> {
  const wrapped: Pick<TransactionBuilder<DB>, 'execute' | 'setAccessMode' | 'setIsolationLevel'> = {
    execute: (callback) => builder.execute((trx) => openTransaction.run(true, () => callback(trx))),
    setAccessMode: (mode) => marked(builder.setAccessMode(mode)),
    setIsolationLevel: (level) => marked(builder.setIsolationLevel(level)),
  };
  return wrapped as TransactionBuilder<DB>;
}

class GuardedKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    return marked(super.transaction());
  }
}

/** The Kysely instance of a store, with the guard above. */
export function guardedKysely<DB>(dialect: Dialect): Kysely<DB> {
  return new GuardedKysely<DB>({ dialect: guardedDialect(dialect) });
}
