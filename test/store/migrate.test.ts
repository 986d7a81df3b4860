import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createDb } from "../../src/store/db.ts";
import { applyMigrations, createStore, MigrationError, resolveDatabaseUrl } from "../../src/store/index.ts";
import { listMigrations, prismaDir } from "../../src/store/migration-files.ts";
import { type BackendName, backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, hash, input, quote } from "./builder.ts";

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the provider's real migrations plus extra hand-written ones. */
function migrationsWith(backend: BackendName, extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "newsbot-migs-"));
  tmpDirs.push(dir);
  cpSync(join(prismaDir, backend, "migrations"), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function tableExists(url: string, backend: BackendName, table: string): Promise<boolean> {
  const { db } = await createDb(url);
  try {
    const rows =
      backend === "sqlite"
        ? await db.$queryRaw<unknown[]>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${table}`
        : await db.$queryRaw<unknown[]>`SELECT tablename::text FROM pg_tables WHERE tablename = ${table}`;
    return rows.length > 0;
  } finally {
    await db.$disconnect();
  }
}

async function recorded(url: string): Promise<string[]> {
  const { db } = await createDb(url);
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name"`;
    return rows.map((r) => r.migration_name);
  } finally {
    await db.$disconnect();
  }
}

describe("resolveDatabaseUrl", () => {
  it("falls back to the default SQLite file for unset or empty URLs", () => {
    expect(resolveDatabaseUrl(undefined)).toBe("file:./data/newsbot.db");
    expect(resolveDatabaseUrl("")).toBe("file:./data/newsbot.db");
    expect(resolveDatabaseUrl("postgresql://x@h/db")).toBe("postgresql://x@h/db");
  });
});

describe.each(backends)("applyMigrations on %s", (backend) => {
  let tdb: TestDatabase;
  beforeEach(async () => {
    tdb = await freshDatabase(backend);
  });
  afterEach(async () => {
    await tdb.drop();
  });

  it("applies every migration once and nothing on a second run", async () => {
    const all = listMigrations(backend).map((m) => m.name);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = await applyMigrations(tdb.url, silentLogger);
    expect(first.applied).toEqual(all);
    const second = await applyMigrations(tdb.url, silentLogger);
    expect(second.applied).toEqual([]);
    expect(await recorded(tdb.url)).toEqual(all);
    expect(await tableExists(tdb.url, backend, "Article")).toBe(true);
  });

  it("is safe when two start-ups migrate at the same time", async () => {
    const all = listMigrations(backend).map((m) => m.name);
    const [a, b] = await Promise.all([applyMigrations(tdb.url, silentLogger), applyMigrations(tdb.url, silentLogger)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(all);
    expect(await recorded(tdb.url)).toEqual(all);
  });

  it("reports a failed migration, rolls it back and does not record it", async () => {
    const dir = migrationsWith(backend, {
      "29990101000000_broken": `CREATE TABLE "Scratch" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n`,
    });
    const err = await applyMigrations(tdb.url, silentLogger, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toContain("29990101000000_broken");
    expect((err as Error).message).toMatch(/NoSuchTable/i);
    expect(await recorded(tdb.url)).not.toContain("29990101000000_broken");
    expect(await tableExists(tdb.url, backend, "Scratch")).toBe(false);
    // Earlier migrations stay applied; once fixed, the migration applies.
    expect(await tableExists(tdb.url, backend, "Article")).toBe(true);
    writeFileSync(join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "Scratch" ("id" INTEGER);\n`);
    const again = await applyMigrations(tdb.url, silentLogger, { migrationsDir: dir });
    expect(again.applied).toEqual(["29990101000000_broken"]);
    expect(await tableExists(tdb.url, backend, "Scratch")).toBe(true);
  });

  it("refuses to go on when prisma recorded a failed migration", async () => {
    await applyMigrations(tdb.url, silentLogger);
    const { db } = await createDb(tdb.url);
    await db.$executeRaw`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
      VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29990101000000_half', ${new Date()}, 0)`;
    await db.$disconnect();
    await expect(applyMigrations(tdb.url, silentLogger)).rejects.toThrow(/29990101000000_half.*failed/);
  });
});

describe.runIf(process.env.TEST_PG_URL)("PostgreSQL migration lock", () => {
  it("waits for a concurrent holder of the advisory lock", async () => {
    const tdb = await freshDatabase("postgresql");
    const holder = new pg.Client({ connectionString: tdb.url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock(72707369)");
    let done = false;
    const run = applyMigrations(tdb.url, silentLogger).then((r) => {
      done = true;
      return r;
    });
    // Bounded poll: the migrator must still be waiting while the lock is held.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    await holder.query("SELECT pg_advisory_unlock(72707369)");
    await holder.end();
    expect((await run).applied.length).toBeGreaterThanOrEqual(2);
    await tdb.drop();
  });
});

describe("SQLite table rebuild (Prisma RedefineTables)", () => {
  it("keeps child rows and full-text search when the Article table is rebuilt with the redefine hook", async () => {
    const tdb = await freshDatabase("sqlite");
    const store = await createStore(tdb.url, silentLogger);
    const text = "Le ministre Lavrov a rencontré son homologue à Almaty.";
    await saveArticle(store, {
      input: input({ title: "Lavrov à Almaty" }),
      analysis: analysis({ title: "Lavrov à Almaty", text, quotes: [quote("Nous avançons", "Sergueï Lavrov")] }),
      contentHash: hash(text),
      storyId: null,
    });
    await store.close();
    // The same statements Prisma emits for a rebuild, derived from the live table definition.
    const { db } = await createDb(tdb.url);
    const [row] = await db.$queryRaw<
      { sql: string }[]
    >`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Article'`;
    await db.$disconnect();
    const create = String(row?.sql).replace(/^CREATE TABLE "Article"/, 'CREATE TABLE "new_Article"');
    const hook = readFileSync(join(prismaDir, "sqlite", "redefine-hooks", "Article.sql"), "utf8");
    const rebuild = [
      "PRAGMA defer_foreign_keys=ON;",
      "PRAGMA foreign_keys=OFF;",
      `${create};`,
      'INSERT INTO "new_Article" SELECT * FROM "Article";',
      'DROP TABLE "Article";',
      'ALTER TABLE "new_Article" RENAME TO "Article";',
      "PRAGMA foreign_keys=ON;",
      "PRAGMA defer_foreign_keys=OFF;",
      hook,
    ].join("\n");
    const dir = migrationsWith("sqlite", { "29990101000000_rebuild": rebuild });
    expect((await applyMigrations(tdb.url, silentLogger, { migrationsDir: dir })).applied).toEqual([
      "29990101000000_rebuild",
    ]);
    const again = await createStore(tdb.url, silentLogger, { migrate: false });
    expect((await again.quotes({ speaker: "lavrov", limit: 5 })).length).toBe(1);
    expect((await again.search("rencontre almaty", 5)).map((h) => h.title)).toEqual(["Lavrov à Almaty"]);
    const t2 = "Nouvel accord sur l'uranium entre Kazatomprom et Rosatom.";
    await saveArticle(again, {
      input: input({ title: "Uranium" }),
      analysis: analysis({ title: "Uranium", text: t2 }),
      contentHash: hash(t2),
      storyId: null,
    });
    expect((await again.search("kazatomprom", 5)).map((h) => h.title)).toEqual(["Uranium"]);
    await again.close();
    await tdb.drop();
  });
});
