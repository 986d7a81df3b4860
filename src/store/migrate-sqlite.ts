/**
 * SQLite runner for the start-up migrator (better-sqlite3, one connection).
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { AppliedRow, MigrationRunner } from "./migrate.ts";
import type { MigrationFile } from "./migration-files.ts";
import { registerSearchFunctions } from "./search-sqlite.ts";
import { checkSqliteStorage } from "./sqlite-storage.ts";

/** Prisma's own definition, so `prisma migrate status` reads our rows. */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/**
 * The file path of a SQLite URL, creating its directory (better-sqlite3 does not) and checking that the
 * database can be written (sqlite-storage.ts): a read-only file or folder stops start-up with the path and fix.
 */
export function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:" && file !== "") checkSqliteStorage(file);
  return file;
}

/** Opens the runner. Writers wait up to 15 s for each other (busy timeout). */
export async function openSqliteRunner(url: string): Promise<MigrationRunner> {
  const db = new Database(sqliteFile(url), { timeout: 15_000 });
  if (!/^file::memory:|^:memory:/.test(url)) db.pragma("journal_mode = WAL");
  // Prisma's table rebuilds (DROP TABLE + RENAME) would otherwise fire ON DELETE CASCADE on child tables;
  // the pragma is a no-op inside a transaction, so it is set here and checked per migration instead.
  db.pragma("foreign_keys = OFF");
  // Migrations that (re)build the French stem index call the search functions.
  registerSearchFunctions(db);
  db.exec(CREATE_TABLE);
  const isApplied = db.prepare(
    `SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = ? AND "rolled_back_at" IS NULL AND "finished_at" IS NOT NULL`,
  );
  const record = db.prepare(
    `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, ?, 1)`,
  );
  return {
    // Each migration takes the write lock itself (BEGIN IMMEDIATE) and re-checks, which is enough here.
    withLock: (fn) => fn(),
    async applied() {
      return db
        .prepare(`SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`)
        .all() as AppliedRow[];
    },
    async apply(m: MigrationFile) {
      const started = new Date().toISOString();
      db.exec("BEGIN IMMEDIATE");
      try {
        if (isApplied.get(m.name)) {
          db.exec("ROLLBACK");
          return false;
        }
        db.exec(m.sql);
        const broken = db.prepare("PRAGMA foreign_key_check").all();
        if (broken.length > 0) throw new Error(`foreign key violations after migration: ${JSON.stringify(broken[0])}`);
        record.run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
        db.exec("COMMIT");
        return true;
      } catch (err) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw err;
      }
    },
    async close() {
      db.close();
    },
  };
}
