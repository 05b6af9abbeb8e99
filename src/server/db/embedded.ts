// The embedded default database: PGlite (PostgreSQL in WebAssembly) persisted in a directory and
// served on a local TCP port, so the app reaches it through the same pg / adapter-pg code path as
// a real PostgreSQL server.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

// Frontend messages of the extended query protocol after which the client sends more before Sync.
const PARSE = 0x50;
const BIND = 0x42;
const DESCRIBE = 0x44;
const EXECUTE = 0x45;
const CLOSE = 0x43;
const FLUSH = 0x48;
const CONTINUES_BATCH = new Set([PARSE, BIND, DESCRIBE, EXECUTE, CLOSE, FLUSH]);
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]);

/**
 * PGlite is one backend session; pglite-socket multiplexes connections onto it one message at a
 * time, keeping the session for one connection only while `isInTransaction()`. Between the Parse,
 * Bind and Execute of one connection's query another connection's messages can run (this happens
 * once a message is split across TCP reads, e.g. a large parameter) and replace its unnamed
 * statement. Reporting "in transaction" until the batch's Sync makes the server finish a
 * connection's batch before serving anyone else.
 */
function holdSessionUntilSync(db: PGlite): PGlite {
  let midBatch = false;

  const execProtocolRawStream: PGlite["execProtocolRawStream"] = async (message, options) => {
    try {
      await db.execProtocolRawStream(message, options);
    } finally {
      midBatch = CONTINUES_BATCH.has(message[0] ?? 0);
    }
  };
  const isInTransaction = (): boolean => midBatch || db.isInTransaction();
  // pglite-socket calls exec("ROLLBACK") when the connection holding the session disconnects.
  const exec: PGlite["exec"] = async (query, options) => {
    if (midBatch) {
      await db.runExclusive(() => db.execProtocolRaw(SYNC_MESSAGE));
      midBatch = false;
    }
    return db.exec(query, options);
  };

  const overrides: Partial<PGlite> = { execProtocolRawStream, isInTransaction, exec };
  return new Proxy(db, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof PGlite];
      const value: unknown = Reflect.get(target, property, target);
      // PGlite's methods use private fields, so they must run with the real instance as `this`.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  /** Simultaneous client connections accepted (pglite-socket's default is 1). */
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir });
  const server = new PGLiteSocketServer({
    db: holdSessionUntilSync(db),
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 100,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  // getServerConn() is "host:port", with the port the OS chose when asked for port 0.
  const port = server.getServerConn().split(":").at(-1);

  let stopped: Promise<void> | undefined;
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      stopped ??= (async () => {
        await server.stop();
        await db.close();
      })();
      return stopped;
    },
  };
}
