// The database side of running Prisma's schema engine over adapter-pg (see schema-engine.ts): pools
// and adapters that work around adapter-pg's gaps, and throwaway shadow databases.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlResultSet } from "@prisma/driver-adapter-utils";
import pg from "pg";

// --- adapter-pg and PostgreSQL's internal "char" type ---------------------------------------------
// adapter-pg 7.10 rejects result columns of type "char" (OID 18), which the engine's catalog queries
// select (pg_constraint.contype), and the engine reads them as Character, not Text. The pg clients
// made here report such columns as text so adapter-pg accepts them, remembering their positions by
// the result's rows array (adapter-pg passes that array through), and the adapters made here then
// mark those columns as Character.
const INTERNAL_CHAR_OID = 18;
const TEXT_OID = 25;
const internalCharColumns = new WeakMap<object, number[]>();

function relabelInternalChar(result: unknown): void {
  for (const one of Array.isArray(result) ? result : [result]) {
    const { fields, rows } = (one ?? {}) as { fields?: { dataTypeID: number }[]; rows?: object };
    const indices = (fields ?? []).flatMap((field, i) => (field.dataTypeID === INTERNAL_CHAR_OID ? [i] : []));
    if (indices.length === 0 || !rows) continue;
    for (const i of indices) fields![i]!.dataTypeID = TEXT_OID;
    internalCharColumns.set(rows, indices);
  }
}

function markInternalChar(result: SqlResultSet): SqlResultSet {
  for (const i of internalCharColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
  return result;
}

type LooseQuery = (this: pg.Client, ...args: unknown[]) => unknown;
const clientQuery = pg.Client.prototype.query as LooseQuery;

class EngineClient extends pg.Client {}
// pg's overloaded query() cannot be overridden type-safely; it is either callback- or promise-based.
(EngineClient.prototype as unknown as { query: LooseQuery }).query = function (...args) {
  const last = args.at(-1);
  if (typeof last === "function") {
    args[args.length - 1] = (error: unknown, result: unknown) => {
      relabelInternalChar(result);
      (last as (error: unknown, result: unknown) => void)(error, result);
    };
    return clientQuery.apply(this, args);
  }
  const returned = clientQuery.apply(this, args);
  return returned instanceof Promise ? returned.then((result: unknown) => (relabelInternalChar(result), result)) : returned;
};

export function enginePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, Client: EngineClient });
  pool.on("error", () => {}); // idle-client errors surface on the next query instead
  return pool;
}

export async function engineAdapter(pool: pg.Pool, options?: { disposeExternalPool: boolean }): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg(pool, options).connect();
  // adapter-pg 7.10 runs a script by splitting it on ";", which breaks function bodies and any
  // literal holding a semicolon. Like the native engine, send it whole: one simple-protocol
  // query, which PostgreSQL runs as a single implicit transaction.
  const mapError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      mapError(error);
    }
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => markInternalChar(await queryRaw(query));
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    const txQueryRaw = transaction.queryRaw.bind(transaction);
    transaction.queryRaw = async (query) => markInternalChar(await txQueryRaw(query));
    return transaction;
  };
  return adapter;
}

// --- connections ----------------------------------------------------------------------------------
function databaseUrl(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// adapter-pg's own connectToShadowDb cannot be used: with a connection string its shadow pool still
// connects to the main database (the URL overrides `database`), and it drops the shadow database
// before closing its pool. This creates a throwaway database on the same server and always drops it.
export class ShadowDatabases {
  private readonly open = new Map<string, () => Promise<void>>();

  constructor(private readonly connectionString: string) {}

  private async drop(name: string): Promise<void> {
    await withClient(this.connectionString, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }

  async connect(): Promise<SqlDriverAdapter> {
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await withClient(this.connectionString, (c) => c.query(`CREATE DATABASE "${name}"`));
    const pool = enginePool(databaseUrl(this.connectionString, name));
    // The engine wipes the shadow database. A server that ignores the requested database (the
    // embedded PGlite serves only one) would hand it the main database instead.
    const connectedTo = await pool.query<{ db: string }>("SELECT current_database() AS db").then(
      (result) => result.rows[0]?.db,
      () => undefined,
    );
    if (connectedTo !== name) {
      await pool.end();
      await this.drop(name);
      throw new Error(`Cannot open the temporary shadow database "${name}" on this server; use a real PostgreSQL server.`);
    }
    const adapter = await engineAdapter(pool, { disposeExternalPool: true });
    const closePool = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      disposed ??= (async () => {
        this.open.delete(name);
        await closePool();
        await this.drop(name);
      })();
      return disposed;
    };
    this.open.set(name, adapter.dispose);
    return adapter;
  }

  async disposeAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((dispose) => dispose()));
  }
}
