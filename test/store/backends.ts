/**
 * Test backends: SQLite always (a fresh temp file per test file), PostgreSQL when TEST_PG_URL is set
 * (scripts/test-pg.sh) with a fresh randomly named database per test file.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type BackendName = "sqlite" | "postgresql";

export const backends: BackendName[] = process.env.TEST_PG_URL ? ["sqlite", "postgresql"] : ["sqlite"];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database of the given kind. */
export async function freshDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-store-"));
    return { url: `file:${join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_PG_URL;
  if (!admin) throw new Error("TEST_PG_URL is not set");
  const name = `newsbot_t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
