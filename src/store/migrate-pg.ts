/**
 * PostgreSQL runner for the start-up migrator (node-postgres, one dedicated connection). The connection and
 * every statement have a time limit (pg-connect.ts): a server that never answers is reported by name.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { AppliedRow, MigrationRunner } from "./migrate.ts";
import type { MigrationFile } from "./migration-files.ts";
import {
  connectTimeoutMs,
  explainPgError,
  MIGRATION_STATEMENT_TIMEOUT_MS,
  pgOptions,
  STARTUP_STATEMENT_TIMEOUT_MS,
} from "./pg-connect.ts";

/** Prisma Migrate's advisory lock key: we also exclude a concurrent `prisma migrate deploy`. */
const LOCK_KEY = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Opens the runner on its own connection (the app's pool is not involved). */
export async function openPgRunner(
  url: string,
  startupLimitMs = STARTUP_STATEMENT_TIMEOUT_MS,
): Promise<MigrationRunner> {
  const client = new pg.Client(pgOptions(url));
  // An error event after a timeout would otherwise be unhandled and crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (err) {
    throw explainPgError(err, url, "the connection", connectTimeoutMs(url));
  }
  /** A query with a client-side limit (the server may be the one that stopped answering). */
  async function query(text: string, values?: unknown[], limitMs = startupLimitMs) {
    try {
      return await client.query({ text, values, query_timeout: limitMs } as pg.QueryConfig);
    } catch (err) {
      throw explainPgError(err, url, "a start-up statement", limitMs);
    }
  }
  return {
    async withLock(fn) {
      await query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
      try {
        // Inside the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide on pg_type.
        await query(CREATE_TABLE);
        return await fn();
      } finally {
        // Closing the connection releases the lock too: a server that stopped answering is not waited for twice.
        await query("SELECT pg_advisory_unlock($1)", [LOCK_KEY], connectTimeoutMs(url)).catch(() => {});
      }
    },
    async applied() {
      const r = await query(
        `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`,
      );
      return r.rows as AppliedRow[];
    },
    async apply(m: MigrationFile) {
      const started = new Date();
      await query("BEGIN");
      try {
        // Simple-query protocol (no parameters): runs a multi-statement script inside the transaction.
        await query(m.sql, undefined, MIGRATION_STATEMENT_TIMEOUT_MS);
        await query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await query("COMMIT");
        return true;
      } catch (err) {
        await query("ROLLBACK", undefined, connectTimeoutMs(url)).catch(() => {});
        throw err;
      }
    },
    async close() {
      await endClient(client);
    },
  };
}

/** Ends the connection; a server that does not acknowledge within 2 s has its socket closed instead. */
async function endClient(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      resolve();
    }, 2000);
  });
  await Promise.race([client.end().catch(() => {}), gaveUp]);
  clearTimeout(timer);
}
