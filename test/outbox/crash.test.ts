/**
 * kill -9 mid fan-out: a child process delivers ~300 posts from a SQLite file and is killed; restarted, it
 * delivers the rest. Nothing is lost and no period is sent twice, except posts in flight at the kill
 * (accepted by the platform, not yet recorded): at most one per concurrent send, counted and reported.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { createDelivery } from "../../src/outbox/delivery.ts";
import { createDigestScheduler } from "../../src/schedule/digest-scheduler.ts";
import { createStore } from "../../src/store/index.ts";
import { limits } from "../fakes/limits.ts";
import { topics } from "../helpers/world.ts";
import { freshDatabase, type TestDatabase } from "../store/backends.ts";

const SUBS = 300;
const NOW = "2026-11-23T07:00:00Z";
const child = join(import.meta.dirname, "crash-child.ts");

async function prepare(tdb: TestDatabase): Promise<void> {
  const store = await createStore(tdb.url, silentLogger);
  for (let i = 0; i < SUBS; i++) {
    await store.addSubscription({
      chat: { platform: "telegram", id: `-100${i}`, type: "group" },
      kind: "digest",
      time: "08:00",
      timezone: "Europe/Paris",
    });
  }
  const clock = { now: () => new Date("2026-11-23T06:00:00Z") };
  const delivery = createDelivery({ store, adapters: {}, clock, logger: silentLogger });
  await createDigestScheduler({ store, delivery, topics, limits, clock, logger: silentLogger }).tick();
  await store.close();
}

function run(
  env: Record<string, string>,
  killWhenLogHas?: { file: string; lines: number },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p: ChildProcess = spawn(process.execPath, ["--import", "tsx", child], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    p.stdout?.on("data", (d) => (out += d));
    p.stderr?.on("data", (d) => (err += d));
    let timer: NodeJS.Timeout | undefined;
    if (killWhenLogHas) {
      timer = setInterval(() => {
        const f = killWhenLogHas.file;
        const n = existsSync(f) ? readFileSync(f, "utf8").split("\n").length - 1 : 0;
        if (n >= killWhenLogHas.lines) {
          p.kill("SIGKILL");
          clearInterval(timer);
        }
      }, 5);
    }
    const guard = setTimeout(() => p.kill("SIGKILL"), 60_000);
    p.on("error", reject);
    p.on("exit", (code, signal) => {
      clearInterval(timer);
      clearTimeout(guard);
      if (code !== 0 && signal === null) reject(new Error(`child failed: ${err}`));
      else resolve({ code, signal, out });
    });
  });
}

function sends(file: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of readFileSync(file, "utf8").split("\n").filter(Boolean)) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

async function outboxState(tdb: TestDatabase) {
  const store = await createStore(tdb.url, silentLogger);
  const rows = await store.outboxRows();
  await store.close();
  return rows;
}

describe("crash mid fan-out (SQLite file, child process killed with SIGKILL)", () => {
  const dbs: TestDatabase[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const tdb = await freshDatabase("sqlite");
      await prepare(tdb);
      dbs.push(tdb);
    }
  }, 120_000);
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it("killed at a random point: nothing lost, duplicates only for sends in flight", async () => {
    const tdb = dbs[0] as TestDatabase;
    const log = `${tdb.url.slice(5)}.sends`;
    const env = { DB_URL: tdb.url, SEND_LOG: log, NOW, CONCURRENCY: "8", SEND_DELAY_MS: "5" };
    const killed = await run(env, { file: log, lines: 100 });
    expect(killed.signal).toBe("SIGKILL");
    const partial = sends(log).size;
    expect(partial).toBeGreaterThanOrEqual(100);
    expect(partial).toBeLessThan(SUBS);
    const restarted = await run(env);
    expect(restarted.code).toBe(0);
    const again = await run(env);
    expect(JSON.parse(again.out).delivery.sent).toBe(0);

    const m = sends(log);
    expect(m.size).toBe(SUBS);
    const duplicated = [...m.values()].filter((n) => n > 1).length;
    // In flight at the kill: at most one per concurrent send.
    expect(duplicated).toBeLessThanOrEqual(8);
    expect([...m.values()].every((n) => n <= 2)).toBe(true);
    const rows = await outboxState(tdb);
    expect(rows).toHaveLength(SUBS);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    process.stderr.write(`crash test: ${duplicated} duplicate(s) from sends in flight at the kill\n`);
  }, 120_000);

  it("killed right after a send was recorded: every period exactly once", async () => {
    const tdb = dbs[1] as TestDatabase;
    const log = `${tdb.url.slice(5)}.sends`;
    const env = { DB_URL: tdb.url, SEND_LOG: log, NOW, CONCURRENCY: "1", SEND_DELAY_MS: "0" };
    const killed = await run({ ...env, KILL_AFTER_SENT: "150" });
    expect(killed.signal).toBe("SIGKILL");
    expect(sends(log).size).toBe(150);
    await run(env);
    const m = sends(log);
    expect(m.size).toBe(SUBS);
    expect([...m.values()].every((n) => n === 1)).toBe(true);
    expect([...m.keys()].every((k) => k.endsWith("\tRevue du 23 novembre 2026"))).toBe(true);
  }, 120_000);
});
