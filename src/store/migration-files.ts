/**
 * Reads the migration folders authored by `npm run db:migration` (prisma/<provider>/migrations/<stamp>_<name>/
 * migration.sql). Checksums are sha256 hex of the file, as Prisma records them in `_prisma_migrations`.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type Provider = "sqlite" | "postgresql";

export interface MigrationFile {
  /** Folder name, e.g. "20261123174309_init"; sorts in application order. */
  name: string;
  sql: string;
  checksum: string;
}

/** The repository's prisma/ folder. */
export const prismaDir = fileURLToPath(new URL("../../prisma", import.meta.url));

/** The provider a database URL selects: PostgreSQL for postgres(ql):// URLs, SQLite otherwise. */
export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Migrations of a provider in order. `dir` overrides the folder (tests). */
export function listMigrations(provider: Provider, dir = join(prismaDir, provider, "migrations")): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}
