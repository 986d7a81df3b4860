/**
 * Start-up migrator: applies pending `migration.sql` files from prisma/<provider>/migrations in order.
 * It records them in Prisma's own `_prisma_migrations` table (same columns and checksums), so
 * `prisma migrate status` / `deploy` stay usable, but it runs without Prisma's schema engine
 * (`migrate deploy` on PostgreSQL idles ~10 s on a wasm timer). Each migration runs in its own transaction;
 * a failed one is rolled back, reported as MigrationError and NOT recorded. Concurrent starts are safe:
 * PostgreSQL takes an advisory lock (Prisma's key), SQLite a write lock per migration.
 */
import { messageOf, NewsbotError } from "../core/errors.ts";
import type { Logger } from "../core/logger.ts";
import { listMigrations, type MigrationFile, type Provider, providerOf } from "./migration-files.ts";

/** The default database when DATABASE_URL is unset or empty. */
export const DEFAULT_DATABASE_URL = "file:./data/newsbot.db";

/** A migration could not be applied; the database is left as before that migration. */
export class MigrationError extends NewsbotError {
  override name = "MigrationError";
}

/** One row of `_prisma_migrations` as both backends report it. */
export interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** What a backend-specific runner does; see migrate-sqlite.ts and migrate-pg.ts. */
export interface MigrationRunner {
  /** Runs `fn` while holding the cross-process migration lock. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  applied(): Promise<AppliedRow[]>;
  /** Applies one migration and records it, in one transaction; returns false when someone else already did. */
  apply(m: MigrationFile): Promise<boolean>;
  close(): Promise<void>;
}

export interface MigrateOptions {
  /** Folder with <name>/migration.sql sub-folders, instead of prisma/<provider>/migrations. */
  migrationsDir?: string;
  /** PostgreSQL: limit of each start-up statement (lock, bookkeeping), default 2 minutes (pg-connect.ts). */
  statementTimeoutMs?: number;
}

export interface MigrateResult {
  provider: Provider;
  /** Names applied by this call. */
  applied: string[];
}

/** Resolves the URL the app uses: `url || DEFAULT_DATABASE_URL`. */
export function resolveDatabaseUrl(url: string | undefined): string {
  return url || DEFAULT_DATABASE_URL;
}

/** Applies every pending migration of the URL's provider. Throws MigrationError on the first failure. */
export async function applyMigrations(
  url: string | undefined,
  logger: Logger,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const dbUrl = resolveDatabaseUrl(url);
  const provider = providerOf(dbUrl);
  const files = listMigrations(provider, options.migrationsDir);
  const runner =
    provider === "postgresql"
      ? await (await import("./migrate-pg.ts")).openPgRunner(dbUrl, options.statementTimeoutMs)
      : await (await import("./migrate-sqlite.ts")).openSqliteRunner(dbUrl);
  const log = logger.child({ component: "migrate", provider });
  try {
    return await runner.withLock(async () => {
      const rows = await runner.applied();
      const failed = rows.find((r) => r.finished_at == null && r.rolled_back_at == null);
      if (failed) {
        throw new MigrationError(
          `migration "${failed.migration_name}" is recorded as failed in _prisma_migrations; fix the database, then ` +
            `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}'`,
          { migration: failed.migration_name, provider },
        );
      }
      const done = new Map(rows.filter((r) => r.rolled_back_at == null).map((r) => [r.migration_name, r.checksum]));
      for (const name of done.keys()) {
        if (!files.some((f) => f.name === name)) log.warn("applied migration missing from disk", { migration: name });
      }
      const applied: string[] = [];
      for (const m of files) {
        const checksum = done.get(m.name);
        if (checksum !== undefined) {
          if (checksum !== m.checksum) log.warn("applied migration was edited since", { migration: m.name });
          continue;
        }
        try {
          if (await runner.apply(m)) applied.push(m.name);
        } catch (err) {
          const reason = messageOf(err);
          log.error("migration failed", { migration: m.name, error: reason });
          throw new MigrationError(
            `migration "${m.name}" failed (${provider}): ${reason}`,
            {
              migration: m.name,
              provider,
            },
            { cause: err },
          );
        }
        log.info("migration applied", { migration: m.name });
      }
      return { provider, applied };
    });
  } finally {
    await runner.close();
  }
}
