/**
 * PostgreSQL runner for the start-up migrator (node-postgres, one dedicated connection).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { AppliedRow, MigrationRunner } from "./migrate.ts";
import type { MigrationFile } from "./migration-files.ts";

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
export async function openPgRunner(url: string): Promise<MigrationRunner> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async withLock(fn) {
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
      try {
        // Inside the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide on pg_type.
        await client.query(CREATE_TABLE);
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
      }
    },
    async applied() {
      const r = await client.query(
        `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`,
      );
      return r.rows as AppliedRow[];
    },
    async apply(m: MigrationFile) {
      const started = new Date();
      await client.query("BEGIN");
      try {
        // Simple-query protocol (no parameters): runs a multi-statement script inside the transaction.
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query("COMMIT");
        return true;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      }
    },
    async close() {
      await client.end();
    },
  };
}
