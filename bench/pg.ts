/**
 * A throwaway PostgreSQL for the bench (scripts/pg-test-server.sh), or null with the reason when none can start.
 * Each `database()` call creates a fresh database on it.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";

/** A running bench server. */
export interface BenchPg {
  /** A new empty database; returns its URL. */
  database(): Promise<string>;
  /** Drops a database `database()` made (a big archive is not left on disk until the server stops). */
  drop(url: string): Promise<void>;
  stop(): void;
}

/** Starts the server; `{ error }` when PostgreSQL is not installed or does not start. */
export function startPg(): BenchPg | { error: string } {
  if (process.env.BENCH_PG_URL) return serverAt(process.env.BENCH_PG_URL, () => {});
  if (!existsSync("/usr/lib/postgresql")) return { error: "PostgreSQL is not installed (/usr/lib/postgresql missing)" };
  let out: string;
  try {
    out = execFileSync("bash", ["scripts/pg-test-server.sh", "start"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (err) {
    return { error: `pg-test-server.sh failed: ${String((err as { stderr?: string }).stderr ?? err).slice(0, 300)}` };
  }
  const dir = /PG_TEST_DIR='([^']+)'/.exec(out)?.[1];
  const url = /TEST_PG_URL='([^']+)'/.exec(out)?.[1];
  if (!dir || !url) return { error: "pg-test-server.sh printed no URL" };
  return serverAt(url, () => {
    execFileSync("bash", ["scripts/pg-test-server.sh", "stop", dir], { stdio: "ignore" });
  });
}

function serverAt(admin: string, stop: () => void): BenchPg {
  return {
    async database() {
      const name = `newsbot_bench_${randomBytes(5).toString("hex")}`;
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`CREATE DATABASE "${name}"`);
      await c.end();
      const u = new URL(admin);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async drop(url) {
      const name = new URL(url).pathname.slice(1);
      if (!name.startsWith("newsbot_bench_")) return;
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
    stop,
  };
}
