import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';

// PGlite's own `query` parses and plans every statement anew and enters the WebAssembly engine six
// times per statement (parse, describe, bind, describe, execute, sync). On the embedded store that
// overhead, not the work itself, is most of the cost of a small write. Like the PostgreSQL drivers
// that cache prepared statements (pgjdbc, postgres.js, asyncpg), this keeps a named statement per
// SQL text, so a statement seen before is only bound and executed, in one call into the engine,
// with its plan cached by PostgreSQL itself (which re-plans when tables or search_path change).
// Values are serialised and rows parsed exactly as PGlite's `query` does, with its serializers and
// parsers, so callers see the same values either way.

const { serialize } = protocol;

/** Statements worth caching: those PostgreSQL plans. Utility statements (DDL, BEGIN) are not. */
const PLANNABLE = /^\s*(?:select|insert|update|delete|with)\b/i;

/** PostgreSQL refuses a cached statement whose result columns changed under it (after DDL). */
const STALE_PLAN = 'cached plan must not change result type';

interface Prepared {
  name: string;
  /** Type OIDs of the parameters, as PostgreSQL inferred them at parse time. */
  paramTypes: number[];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

export class StatementCache {
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  readonly #prepared = new Map<string, Prepared>();
  #counter = 0;

  constructor(
    private readonly pglite: PGlite,
    private readonly capacity = 200,
  ) {}

  /** Runs one statement; the caller makes sure nothing else uses the PGlite instance meanwhile. */
  async query<R>(text: string, params: readonly unknown[]): Promise<Results<R>> {
    if (!PLANNABLE.test(text)) {
      return this.pglite.query<R>(text, [...params]);
    }
    try {
      let statement = this.#prepared.get(text);
      if (statement) {
        // Re-inserting marks it as the most recently used.
        this.#prepared.delete(text);
        this.#prepared.set(text, statement);
      } else {
        statement = await this.#prepare(text);
      }
      const { messages } = await this.pglite.execProtocol(
        concat([
          serialize.bind({ statement: statement.name, values: this.#values(statement, params) }),
          serialize.describe({ type: 'P' }),
          serialize.execute(),
          serialize.sync(),
        ]),
      );
      return parse.parseResults(messages, this.pglite.parsers)[0] as Results<R>;
    } catch (error) {
      if (error instanceof Error && error.message.includes(STALE_PLAN)) {
        // Forget it: the next use prepares it again against the changed table.
        await this.#close(text);
      }
      throw Object.assign(error as object, { query: text, params });
    }
  }

  /** How many statements are prepared now (for tests). */
  get size(): number {
    return this.#prepared.size;
  }

  async #prepare(text: string): Promise<Prepared> {
    const name = `pm_${++this.#counter}`;
    // A failing parse (a syntax error, an aborted transaction) creates no statement: nothing cached.
    const { messages } = await this.pglite.execProtocol(
      concat([
        serialize.parse({ name, text }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
    );
    const prepared = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    this.#prepared.set(text, prepared);
    if (this.#prepared.size > this.capacity) {
      await this.#close(this.#prepared.keys().next().value!);
    }
    return prepared;
  }

  #values(statement: Prepared, params: readonly unknown[]): Array<string | null> {
    return params.map((value, i) => {
      if (value === null || value === undefined) {
        return null;
      }
      const serializer = this.pglite.serializers[statement.paramTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
  }

  async #close(text: string): Promise<void> {
    const prepared = this.#prepared.get(text);
    if (!prepared) {
      return;
    }
    this.#prepared.delete(text);
    await this.pglite.execProtocol(
      concat([serialize.close({ type: 'S', name: prepared.name }), serialize.sync()]),
    );
  }
}
