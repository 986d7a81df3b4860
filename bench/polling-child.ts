/**
 * The poller process of the polling bench: the bot's own composition (createApp: store, ingestor with the
 * SSRF-safe fetch, analysis) and its poller (startPoller on POLL_CRON, one run at start-up, as startBot does),
 * configured from the environment like `npm start`. The only difference: host names `*.bench.test` resolve to
 * 127.0.0.1 (the address policy still checks them, FETCH_ALLOW_HOSTS allows them). Logs go to a file at
 * the configured level. Reports per poll run and, when told to stop, CPU, peak RSS and the lateness figures.
 * Talks to bench/polling.ts over the IPC channel.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";
import { createApp } from "../src/app.ts";
import { configFromEnvironment } from "../src/config.ts";
import { systemClock } from "../src/core/logger.ts";
import type { PollSummary } from "../src/ingest/poll-due.ts";
import { createLogger } from "../src/logging.ts";
import { startPoller } from "../src/schedule/poller.ts";

export interface ChildReport {
  startupMs: number;
  runs: Array<{ at: number; ms: number; sources: number; notModified: number; inserted: number; failed: number }>;
  /** Lateness of every poll against its due time, ms (from PollSummary.lateMs). */
  lateMs: number[];
  inserted: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  wallMs: number;
  peakRssMb: number;
  /** RSS once started, before the first poll, MB. */
  rssAtRestMb: number;
  /** RSS samples (one a second), MB. */
  rssMb: number[];
  /** V8 heap in use, samples (one a second), MB. */
  heapMb: number[];
  logLines: { warn: number; error: number };
  /** Collections of the main thread over the window: count and pause time, ms (forced: the GC pacer's). */
  gc: { major: number; majorMs: number; forced: number; forcedMs: number; minor: number; minorMs: number };
  /** Peak of the anonymous and file-backed parts of RSS (sampled), MB. */
  peakRssAnonMb: number;
  peakRssFileMb: number;
}

const send = (m: unknown) => process.send?.(m);
const t = Date.now();
const config = configFromEnvironment();
const logFile = createWriteStream(process.env.BENCH_LOG_FILE ?? "/dev/null");
const counts = { warn: 0, error: 0 };
const logger = createLogger({
  level: config.LOG_LEVEL,
  write: (line) => {
    if (line.includes('"level":"warn"')) counts.warn++;
    else if (line.includes('"level":"error"')) counts.error++;
    logFile.write(`${line}\n`);
  },
});
const app = await createApp(config, logger, systemClock, {
  lookup: async (host) => {
    if (host.endsWith(".bench.test")) return [{ address: "127.0.0.1", family: 4 }];
    throw new Error(`bench: no address for ${host}`);
  },
});
const startupMs = Date.now() - t;
const runs: ChildReport["runs"] = [];
const lateMs: number[] = [];
let inserted = 0;
const rssMb: number[] = [];
let rssAtRestMb = 0;
let cpu0 = process.cpuUsage();
let wall0 = Date.now();
const heapMb: number[] = [];
// BENCH_MEMORY_TRACE: a JSON line per sample (every 500 ms) with every figure of memoryUsage, the heap spaces
// and the thread count, to see what grows at the peak (main-thread heap, buffers, worker threads, native)
const trace = process.env.BENCH_MEMORY_TRACE ? createWriteStream(process.env.BENCH_MEMORY_TRACE) : null;
const MB = 2 ** 20;
const traceSample = () => {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((x) => [x.space_name.replace(/_space$/, ""), Math.round(x.space_used_size / MB)]),
  );
  const status = readFileSync("/proc/self/status", "utf8");
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const threads = field("Threads");
  const anon = Math.round(field("RssAnon") / 1024);
  const file = Math.round(field("RssFile") / 1024);
  peakRss.anon = Math.max(peakRss.anon, anon);
  peakRss.file = Math.max(peakRss.file, file);
  const r = (x: number) => Math.round(x / MB);
  trace?.write(
    `${JSON.stringify({ t: Date.now(), rss: r(m.rss), total: r(m.heapTotal), used: r(m.heapUsed), ext: r(m.external), ab: r(m.arrayBuffers), anon, file, threads, ...spaces })}\n`,
  );
};
const gcStats: ChildReport["gc"] = { major: 0, majorMs: 0, forced: 0, forcedMs: 0, minor: 0, minorMs: 0 };
let counting = false;
new PerformanceObserver((list) => {
  if (!counting) return;
  for (const e of list.getEntries()) {
    const { kind, flags } = (e as unknown as { detail: { kind: number; flags: number } }).detail;
    if (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) {
      gcStats.forced++;
      gcStats.forcedMs += e.duration;
    } else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      gcStats.minor++;
      gcStats.minorMs += e.duration;
    } else {
      gcStats.major++;
      gcStats.majorMs += e.duration;
    }
  }
}).observe({ entryTypes: ["gc"] });
const peakRss = { anon: 0, file: 0 };
const traceTimer = setInterval(traceSample, 500);
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  rssMb.push(m.rss / 2 ** 20);
  heapMb.push(m.heapUsed / 2 ** 20);
  if (rssMb.length % 10 === 0) logger.info("bench memory", { ...m });
}, 1000);

const start = () =>
  startPoller({
    cron: config.POLL_CRON,
    poll: async () => {
      const at = Date.now();
      const r: PollSummary = await app.ingestor.pollDue();
      runs.push({
        at,
        ms: Date.now() - at,
        sources: r.sources,
        notModified: r.notModified,
        inserted: r.inserted,
        failed: r.failedSources,
      });
      for (const x of r.lateMs) lateMs.push(x);
      inserted += r.inserted;
      send({ type: "run", at, sources: r.sources, inserted: r.inserted });
      return r;
    },
    logger,
  });
let poller: ReturnType<typeof startPoller> | null = null;

process.on("message", (m: { type: string }) => {
  if (m.type === "start") {
    rssAtRestMb = process.memoryUsage.rss() / 2 ** 20;
    cpu0 = process.cpuUsage();
    wall0 = Date.now();
    counting = true;
    poller = start();
    void poller.runOnce();
  }
  if (m.type === "stop") void stop();
});

async function stop() {
  const cpu = process.cpuUsage(cpu0);
  const wallMs = Date.now() - wall0;
  clearInterval(sampler);
  clearInterval(traceTimer);
  counting = false;
  trace?.end();
  const status = readFileSync("/proc/self/status", "utf8");
  const peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const report: ChildReport = {
    startupMs,
    runs,
    lateMs,
    inserted,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    wallMs,
    peakRssMb,
    rssAtRestMb,
    rssMb,
    heapMb,
    logLines: counts,
    gc: gcStats,
    peakRssAnonMb: peakRss.anon,
    peakRssFileMb: peakRss.file,
  };
  send({ type: "report", report });
  // the run in progress is not waited for: its figures are in
  await app.close().catch(() => {});
  logFile.end();
  setTimeout(() => process.exit(0), 200);
}

send({ type: "ready", startupMs });
