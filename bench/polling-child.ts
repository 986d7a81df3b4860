/**
 * The poller process of the polling bench: the bot's own composition (createApp: store, ingestor with the
 * SSRF-safe fetch, analysis) and its poller (startPoller on POLL_CRON, one run at start-up, as startBot does),
 * configured from the environment like `npm start`. The only difference: host names `*.bench.test` resolve to
 * 127.0.0.1 (the address policy still checks them, FETCH_ALLOW_HOSTS allows them). Logs go to a file at
 * the configured level. Reports per poll run and, when told to stop, CPU, peak RSS and the lateness figures.
 * Talks to bench/polling.ts over the IPC channel.
 */
import { createWriteStream, readFileSync } from "node:fs";
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
    poller = start();
    void poller.runOnce();
  }
  if (m.type === "stop") void stop();
});

async function stop() {
  const cpu = process.cpuUsage(cpu0);
  const wallMs = Date.now() - wall0;
  clearInterval(sampler);
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
  };
  send({ type: "report", report });
  // the run in progress is not waited for: its figures are in
  await app.close().catch(() => {});
  logFile.end();
  setTimeout(() => process.exit(0), 200);
}

send({ type: "ready", startupMs });
