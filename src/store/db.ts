/**
 * Opens the generated Prisma client that matches the URL's provider, through a driver adapter
 * (no query engine binary). The only module that loads src/generated.
 */
import type { PrismaClient } from "../generated/sqlite/client.ts";
import { guardDriver } from "./driver.ts";
import { sqliteFile } from "./migrate-sqlite.ts";
import { type Provider, providerOf } from "./migration-files.ts";
import { pgOptions, pgTarget } from "./pg-connect.ts";
import { withSearchFunctions } from "./search-sqlite.ts";

/** The client type used everywhere in src/store. The PostgreSQL client has the same model API. */
export type Db = PrismaClient;
/** The client given to interactive transaction callbacks. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface DbHandle {
  db: Db;
  provider: Provider;
}

/** Creates the client for `url` (already resolved: see resolveDatabaseUrl). */
export async function createDb(url: string): Promise<DbHandle> {
  const provider = providerOf(url);
  if (provider === "postgresql") {
    const [{ PrismaClient: PgClient }, { PrismaPg }] = await Promise.all([
      import("../generated/postgresql/client.ts"),
      import("@prisma/adapter-pg"),
    ]);
    const db = new PgClient({ adapter: guardDriver(new PrismaPg(pgOptions(url)), pgTarget(url)) });
    // The two generated clients differ only in provider-specific option types.
    return { db: db as unknown as Db, provider };
  }
  const file = sqliteFile(url);
  const [{ PrismaClient: SqliteClient }, { PrismaBetterSQLite3 }] = await Promise.all([
    import("../generated/sqlite/client.ts"),
    import("@prisma/adapter-better-sqlite3"),
  ]);
  return {
    db: new SqliteClient({
      // The search functions first: the stem index triggers call them on every article write.
      adapter: guardDriver(withSearchFunctions(new PrismaBetterSQLite3({ url, timeout: 15_000 })), file),
    }),
    provider,
  };
}

/** True for a unique-constraint violation, however the driver adapter reported it. */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const e = err as { code?: unknown; message?: unknown; meta?: { code?: unknown } };
  if (e.code === "P2002" || e.meta?.code === "23505" || e.meta?.code === "2067") return true;
  const msg = typeof e.message === "string" ? e.message : "";
  return /unique constraint|UNIQUE constraint failed|duplicate key value/i.test(msg);
}
