/**
 * The archive bench (`npm run bench -- --only archive --sizes 1000000`): on an archive of N generated articles,
 * per database — build time, size per article, every command's p50/p99 (wall and this process's CPU), /timeline
 * and /trend over a year, ingest of a 500-item feed into the archive, start-up time and RSS at rest of the bot
 * (`npm start`'s flags), and retention: how much pruning old bodies (ARCHIVE_KEEP_DAYS) saves.
 * The load average is read around each step: the machine is shared, so wall times are compared with CPU times.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import Database from "better-sqlite3";
import pg from "pg";
import { silentLogger } from "../src/core/logger.ts";
import { applyMigrations, createStore } from "../src/store/index.ts";
import { registerSearchFunctions } from "../src/store/search-sqlite.ts";
import { startFakeTelegram } from "../test/fakes/telegram-api.ts";
import { benchIngest, type IngestResult } from "./ingest.ts";
import { idleRss } from "./memory.ts";
import { benchQueries, buildArchive, CASES, type Latency } from "./queries.ts";

export type Backend = "sqlite" | "postgresql";

/** The commands of the query bench, plus year-long aggregations (the clock is 2026-03-01). */
export const ARCHIVE_CASES = [
  ...CASES,
  {
    name: "/timeline <topic> <year>",
    command: "timeline",
    args: ["énergie 2024", "sanctions 2023", "migration 2025", "transport 2022"],
  },
  { name: "/trend <topic> (a year)", command: "trend", args: ["énergie", "sanctions", "migration", "transport"] },
  { name: "/trend <person> (a year)", command: "trend", args: ["Lavrov", "Tokaïev", "Zakharova", "Peskov"] },
  { name: "/trend <word> (a year)", command: "trend", args: ["corridor", "pétrole", "universités"] },
  { name: "/trend (everything, a year)", command: "trend", args: [""] },
];

export interface StartupResult {
  /** From spawn to the first getUpdates (the bot answers from then on). */
  readyMs: number;
  /** CPU the process used until then (user + system). */
  readyCpuMs: number;
  /** RSS 10 s after ready, nothing asked (VmRSS). */
  restRssMb: number;
  peakRssMb: number;
  idleRssMb: number;
  nodeOptions: string;
}

export interface RetentionResult {
  keptDays: number;
  pruned: number;
  seconds: number;
  /**
   * Bytes of the database before (as built and grown by the ingest step: compact) and after the prune followed
   * by VACUUM (SQLite: rewrites the file; PostgreSQL: VACUUM FULL).
   */
  bytesBefore: number;
  bytesAfter: number;
}

export interface ArchiveResult {
  backend: Backend;
  size: number;
  seedSeconds: number;
  bytes: number;
  roundTrip: Latency | null;
  cases: Latency[];
  ingest: IngestResult | null;
  ingestCpuSeconds: number | null;
  startup: StartupResult | null;
  retention: RetentionResult | null;
  load: { start: number; end: number };
}

const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** Bytes the database takes: the SQLite file (WAL checkpointed) or pg_database_size. */
export async function databaseBytes(url: string): Promise<number> {
  if (url.startsWith("file:")) {
    const file = url.slice(5);
    const db = new Database(file);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    return statSync(file).size;
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ b: string }>("SELECT pg_database_size(current_database()) AS b");
    return Number(r.rows[0]?.b ?? 0);
  } finally {
    await c.end();
  }
}

/** VACUUM (SQLite: rewrites the file; PostgreSQL: VACUUM FULL, rewrites every table) and the size after. */
async function vacuumedBytes(url: string): Promise<number> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5));
    registerSearchFunctions(db);
    db.exec("VACUUM");
    db.close();
  } else {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("VACUUM FULL");
    await c.end();
  }
  return databaseBytes(url);
}

function statusKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): utime, stime in clock ticks.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / 100;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));
}

/** Starts the bot on the archive as `npm start` does (its node flags), times start-up, reads RSS at rest. */
export async function benchStartup(url: string, nodeOptions: string, restMs = 10_000): Promise<StartupResult> {
  const fake = await startFakeTelegram();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeOptions.split(" ").filter(Boolean), "--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      NEWSBOT_CONSOLE: "false",
      NEWSBOT_DEMO: "false",
      LOG_LEVEL: "warn",
      NODE_OPTIONS: "",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  try {
    await fake
      .waitForCall("getUpdates", () => true, 300_000)
      .catch(() => {
        throw new Error(`the bot did not start: ${stderr}`);
      });
    const readyMs = performance.now() - t0;
    const pid = child.pid as number;
    const readyCpuMs = cpuMs(pid);
    await new Promise((r) => setTimeout(r, restMs));
    return {
      readyMs,
      readyCpuMs,
      restRssMb: statusKb(pid, "VmRSS") / 1024,
      peakRssMb: statusKb(pid, "VmHWM") / 1024,
      idleRssMb: await idleRss(),
      nodeOptions,
    };
  } finally {
    child.kill("SIGTERM");
    await Promise.race([exited(child), new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    await fake.close();
  }
}

/** The archive spans 11 years ending 2025-11-20 (bench/seed-rows.ts). */
const ARCHIVE_END = Date.UTC(2025, 10, 20, 9);
const ARCHIVE_DAYS = 11 * 365;

/**
 * Prunes the bodies of the oldest articles — at most 100,000, or 9 in 11 of a smaller archive — through the
 * store (as the bot's daily job does), then VACUUMs and compares sizes.
 */
export async function benchRetention(url: string, size: number): Promise<RetentionResult> {
  const prunedShare = Math.min(9 / 11, 100_000 / size);
  const keptDays = Math.round(ARCHIVE_DAYS * (1 - prunedShare));
  const bytesBefore = await databaseBytes(url);
  const store = await createStore(url, silentLogger, { migrate: false });
  try {
    const t = performance.now();
    const r = await store.pruneArticleBodies(new Date(ARCHIVE_END - keptDays * 86_400_000));
    const seconds = (performance.now() - t) / 1000;
    await store.close();
    return { keptDays, pruned: r.pruned, seconds, bytesBefore, bytesAfter: await vacuumedBytes(url) };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** Runs every step on a fresh database at `url`; `step` turns a failing step into a note. */
export async function benchArchive(
  url: string,
  backend: Backend,
  size: number,
  opts: {
    runs: number;
    growthXml: string;
    growthParseRate: number;
    nodeOptions: string;
    /** The archive at `url` was built by an earlier run (`--archive-db`): migrate it, do not build it. */
    prebuilt?: boolean;
    step: <T>(name: string, fn: () => Promise<T>) => Promise<T | null>;
    log: (s: string) => void;
  },
): Promise<ArchiveResult | null> {
  const { step, log } = opts;
  const start = load1();
  log(`archive: ${opts.prebuilt ? "reusing" : "building"} ${size.toLocaleString("en-US")} articles on ${backend}…`);
  const seedSeconds = await step(`archive build ${size} (${backend})`, async () => {
    if (!opts.prebuilt) return buildArchive(url, backend, size);
    await applyMigrations(url, silentLogger);
    return Number.NaN;
  });
  if (seedSeconds === null) return null;
  const bytes = await databaseBytes(url);
  log(`archive: commands on ${size} articles (${backend})…`);
  const q = await step(`archive queries ${size} (${backend})`, () => benchQueries(url, size, opts.runs, ARCHIVE_CASES));
  log(`archive: start-up and RSS at rest (${backend})…`);
  const startup = await step(`archive start-up ${size} (${backend})`, () => benchStartup(url, opts.nodeOptions));
  log(`archive: ingest of a 500-item feed into ${size} articles (${backend})…`);
  let ingestCpuSeconds: number | null = null;
  const ingest = await step(`archive ingest ${size} (${backend})`, async () => {
    const c = process.cpuUsage();
    const r = await benchIngest(url, opts.growthXml, opts.growthParseRate);
    const d = process.cpuUsage(c);
    ingestCpuSeconds = (d.user + d.system) / 1e6;
    return r;
  });
  log(`archive: retention (prune old bodies, VACUUM) on ${backend}…`);
  const retention = await step(`archive retention ${size} (${backend})`, () => benchRetention(url, size));
  return {
    backend,
    size,
    seedSeconds,
    bytes,
    roundTrip: q?.roundTrip ?? null,
    cases: q?.cases ?? [],
    ingest,
    ingestCpuSeconds,
    startup,
    retention,
    load: { start, end: load1() },
  };
}
