/**
 * Polling bench (`npm run bench -- --only polling`): one bot process polls 10,000 feeds served by
 * bench/feed-server.ts (in this process) through its real poller (bench/polling-child.ts: createApp +
 * startPoller, configured from the environment like `npm start`), for one real poll window of
 * POLL_INTERVAL_MINUTES (10 min; no compressed time: the scheduler runs on the wall clock). The archive and the
 * sources are seeded first (bench/polling-seed.ts) as a running bot would have them: validators known, due
 * times spread over the window. Measured in the poller process: CPU (process.cpuUsage over the window), peak
 * RSS (VmHWM), lateness of each poll against its due time, runs; in the server: requests at once per host,
 * bytes, 304s, Retry-After and declared intervals honoured, requests per second (herds).
 */
import { fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import {
  BENCH_DOMAIN,
  changePlan,
  declaredMs,
  type FeedServer,
  feedPlan,
  type ServerStats,
  startFeedServer,
} from "./feed-server.ts";
import type { ChildReport } from "./polling-child.ts";
import { scheduleFrom, seedPolling } from "./polling-seed.ts";

export interface PollingOptions {
  feeds: number;
  hosts: number;
  windowMinutes: number;
  /** Extra time after the window for the feeds due at its very end, ms. */
  tailMs?: number;
  /** NODE_OPTIONS of the poller process (npm start's flag by default). */
  nodeOptions?: string;
  concurrency?: number;
}

export interface PollingResult {
  feeds: number;
  hosts: number;
  windowMinutes: number;
  concurrency: number;
  nodeOptions: string;
  seedSeconds: number;
  archive: number;
  startupMs: number;
  /** Feeds due within the window, and how many of them were polled before their due time + one window. */
  dueInWindow: number;
  polledInTime: number;
  /** Distinct feeds requested in the first window and in the time after it. */
  polledFirstWindow: number;
  polledAfter: number;
  /** The due feeds never asked for (ids). */
  missed: number[];
  /** Lateness of the first poll of each feed due in the window (server clock against the seeded due time), s. */
  lateP50S: number;
  lateP99S: number;
  lateMaxS: number;
  /** Lateness as the poller reports it (PollSummary.lateMs of the runs that ended before the stop), s. */
  pollerLate: { p50: number; p99: number; n: number };
  runs: number;
  cpuShare: number;
  /** CPU of the poller per poll (redirect hops included), ms, and the feeds due per second of the window. */
  cpuMsPerPoll: number;
  dueRate: number;
  wallS: number;
  peakRssMb: number;
  rssP50Mb: number;
  /** RSS of the poller process once started, before its first poll, MB. */
  rssAtRestMb: number;
  /** V8 heap in use (median, max of the samples), MB. */
  heapP50Mb: number;
  heapMaxMb: number;
  /** Main-thread collections over the window (forced: the GC pacer's), counts and pause time. */
  gc: ChildReport["gc"];
  peakRssAnonMb: number;
  peakRssFileMb: number;
  inserted: number;
  insertedPerS: number;
  server: ServerStats;
  share304: number;
  /** Requests per second over the window: mean, p99, max (a herd shows as max ≫ mean). */
  rate: { mean: number; p99: number; max: number };
  load: { start: number[]; end: number[] };
  logLines: { warn: number; error: number };
  /** When the measurement ended, s after the start of the window. */
  endedAfterS: number;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

export async function benchPolling(tmp: string, o: PollingOptions, log: (s: string) => void): Promise<PollingResult> {
  const windowMs = o.windowMinutes * 60_000;
  // BENCH_POLLING_NODE_OPTIONS: other flags for the poller process (e.g. a heap cap), to compare
  const nodeOptions = o.nodeOptions ?? process.env.BENCH_POLLING_NODE_OPTIONS ?? "--max-semi-space-size=2";
  // BENCH_POLLING_TAG: a suffix of the log and memory-trace files, so two runs can write side by side
  const tag = process.env.BENCH_POLLING_TAG ? `-${process.env.BENCH_POLLING_TAG}` : "";
  const concurrency = o.concurrency ?? 8;
  const plan = feedPlan({ feeds: o.feeds, hosts: o.hosts });
  const t0 = Date.now();
  const server: FeedServer = await startFeedServer(plan, t0);
  const url = `file:${join(tmp, "polling.db")}`;
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  try {
    log(`polling: seeding ${o.feeds} sources and their archive…`);
    const tailMs = o.tailMs ?? Math.min(2 * 60_000, windowMs / 2);
    const changes = changePlan(o.feeds, windowMs, 0.1, windowMs + tailMs);
    const changing = new Set(changes.map((c) => c.id));
    const seed = await seedPolling(
      url,
      plan,
      server.port,
      t0,
      windowMs,
      (f) => changing.has(f.id) || (!f.etag && !f.lastModified),
    );
    log(`polling: ${seed.articles} articles seeded in ${seed.seconds.toFixed(0)} s; starting the poller process…`);
    const child = fork(join(root, "bench/polling-child.ts"), [], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      env: {
        ...process.env,
        NODE_OPTIONS: nodeOptions,
        DATABASE_URL: url,
        FETCH_ALLOW_HOSTS: `*.${BENCH_DOMAIN}`,
        POLL_INTERVAL_MINUTES: String(o.windowMinutes),
        POLL_CONCURRENCY: String(concurrency),
        NEWSBOT_DEMO: "false",
        LOG_LEVEL: "info",
        TELEGRAM_BOT_TOKEN: "",
        DISCORD_TOKEN: "",
        BENCH_LOG_FILE: fileURLToPath(new URL(`./results/polling${tag}.log`, import.meta.url)),
        BENCH_MEMORY_TRACE: fileURLToPath(new URL(`./results/polling-memory${tag}.jsonl`, import.meta.url)),
      },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const message = <T>(type: string) =>
      new Promise<T>((resolve, reject) => {
        const on = (m: { type: string }) => {
          if (m.type === type) {
            child.off("message", on);
            resolve(m as T);
          }
        };
        child.on("message", on);
        void exited.then((code) => reject(new Error(`the poller process exited (${code}) before '${type}'`)));
      });
    const ready = await message<{ startupMs: number }>("ready");
    const start = Date.now() + 1000;
    scheduleFrom(url, start, seed);
    seed.dueIn.forEach((d, i) => {
      const f = plan[i];
      if (f && declaredMs(f) > windowMs) server.declaredUntil(i, start + d);
    });
    const loadStart = loadavg();
    await new Promise((r) => setTimeout(r, start - Date.now()));
    server.startChanges(changes, start);
    child.send({ type: "start" });
    let runs = 0;
    child.on("message", (m: { type: string; sources?: number }) => {
      if (m.type === "run") log(`polling: run ${++runs} done (${m.sources} feeds), ${elapsed(start)}`);
    });
    const due = seed.dueIn.map((d, i) => ({ i, d })).filter((x) => x.d < windowMs);
    const progress = setInterval(() => log(`polling: ${elapsed(start)}, ${server.stats.requests} requests`), 60_000);
    // the window, then until every feed due in it was asked for (or the tail is over)
    await new Promise((r) => setTimeout(r, windowMs));
    while (Date.now() < start + windowMs + tailMs && due.some((x) => server.requestTimes(x.i).length === 0)) {
      await new Promise((r) => setTimeout(r, 1000));
    }
    clearInterval(progress);
    const end = Date.now();
    const loadEnd = loadavg();
    child.send({ type: "stop" });
    const { report } = await message<{ report: ChildReport }>("report");
    await exited;
    const inserted = countArticles(url) - seed.articles;

    let polledInTime = 0;
    const lates: number[] = [];
    const missed: number[] = [];
    for (const { i, d } of due) {
      const first = server.requestTimes(i)[0];
      if (first === undefined) {
        missed.push(i);
        continue;
      }
      const late = first - (start + d);
      lates.push(late);
      if (late < windowMs) polledInTime++;
    }
    let polls = 0;
    for (const f of plan) polls += server.requestTimes(f.id).length;
    let polledFirstWindow = 0;
    let polledAfter = 0;
    for (const f of plan) {
      const ts = server.requestTimes(f.id);
      if (ts.some((x) => x < start + windowMs)) polledFirstWindow++;
      if (ts.some((x) => x >= start + windowMs)) polledAfter++;
    }
    const st = server.stats;
    const ok = st.byStatus[200] ?? 0;
    const nm = st.byStatus[304] ?? 0;
    const perSecond = server.perSecond(start, start + windowMs);
    const wallS = report.wallMs / 1000;
    return {
      feeds: o.feeds,
      hosts: o.hosts,
      windowMinutes: o.windowMinutes,
      concurrency,
      nodeOptions,
      seedSeconds: seed.seconds,
      archive: seed.articles,
      startupMs: ready.startupMs,
      dueInWindow: due.length,
      polledInTime,
      polledFirstWindow,
      polledAfter,
      missed,
      lateP50S: pct(lates, 50) / 1000,
      lateP99S: pct(lates, 99) / 1000,
      lateMaxS: Math.max(0, ...lates) / 1000,
      pollerLate: { p50: pct(report.lateMs, 50) / 1000, p99: pct(report.lateMs, 99) / 1000, n: report.lateMs.length },
      runs: report.runs.length,
      cpuShare: (report.cpuUserMs + report.cpuSystemMs) / report.wallMs,
      cpuMsPerPoll: (report.cpuUserMs + report.cpuSystemMs) / Math.max(1, polls),
      dueRate: due.length / (windowMs / 1000),
      wallS,
      peakRssMb: report.peakRssMb,
      rssP50Mb: pct(report.rssMb, 50),
      inserted,
      insertedPerS: inserted / wallS,
      rssAtRestMb: report.rssAtRestMb,
      heapP50Mb: pct(report.heapMb, 50),
      heapMaxMb: Math.max(0, ...report.heapMb),
      gc: report.gc,
      peakRssAnonMb: report.peakRssAnonMb,
      peakRssFileMb: report.peakRssFileMb,
      server: st,
      share304: nm / Math.max(1, ok + nm),
      rate: {
        mean: perSecond.reduce((a, b) => a + b, 0) / Math.max(1, perSecond.length),
        p99: pct(perSecond, 99),
        max: Math.max(0, ...perSecond),
      },
      load: { start: loadStart, end: loadEnd },
      logLines: report.logLines,
      endedAfterS: (end - start) / 1000,
    };
  } finally {
    await server.close();
  }
}

function countArticles(url: string): number {
  const db = new Database(url.replace(/^file:/, ""), { readonly: true });
  const row = db.prepare('SELECT count(*) AS n FROM "Article"').get() as { n: number };
  db.close();
  return row.n;
}

function elapsed(start: number): string {
  const s = Math.round((Date.now() - start) / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

const f1 = (n: number, d = 1) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }) : "—";
const ok = (good: boolean) => (good ? "✅" : "❌");

/** The report section of bench/run.ts. */
export function pollingReport(r: PollingResult): string[] {
  const s = r.server;
  const out: string[] = [];
  out.push(
    `## Polling (${r.feeds.toLocaleString("en-US")} feeds on ${r.hosts} hosts, one bot process, POLL_INTERVAL_MINUTES=${r.windowMinutes}, POLL_CONCURRENCY=${r.concurrency}, NODE_OPTIONS \`${r.nodeOptions}\`, SQLite)`,
    "",
  );
  out.push("| measure | value | goal |", "|---|---:|:---:|");
  const row = (m: string, v: string, g = "") => out.push(`| ${m} | ${v} | ${g} |`);
  row(
    "feeds due in the window / polled within a window of their due time",
    `${r.dueInWindow.toLocaleString("en-US")} / ${r.polledInTime.toLocaleString("en-US")}${r.missed.length ? ` (never asked: ${r.missed.length})` : ""}`,
    ok(r.polledInTime === r.dueInWindow),
  );
  row(
    "feeds polled in the first window / after it",
    `${r.polledFirstWindow.toLocaleString("en-US")} / ${r.polledAfter.toLocaleString("en-US")}`,
  );
  row(
    "lateness of the first poll against the due time, p50 / p99 / max, s",
    `${f1(r.lateP50S)} / ${f1(r.lateP99S)} / ${f1(r.lateMaxS)} (poller's own figure over its ${r.runs} finished runs: p50 ${f1(r.pollerLate.p50)}, p99 ${f1(r.pollerLate.p99)}, ${r.pollerLate.n} polls)`,
    ok(r.lateMaxS < r.windowMinutes * 60),
  );
  row("CPU of the poller process, share of one core (average)", f1(r.cpuShare, 3), ok(r.cpuShare < 0.5));
  row(
    "CPU per poll, ms; share of a core the due rate needs at that cost",
    `${f1(r.cpuMsPerPoll)}; ${f1(r.dueRate)} feeds/s × ${f1(r.cpuMsPerPoll)} ms = ${f1((r.dueRate * r.cpuMsPerPoll) / 1000, 3)}`,
    ok((r.dueRate * r.cpuMsPerPoll) / 1000 < 0.5),
  );
  row(
    "peak RSS of the poller process (median over the run; at rest before the first poll), MB",
    `${f1(r.peakRssMb)} (${f1(r.rssP50Mb)}; ${f1(r.rssAtRestMb)})`,
    ok(r.peakRssMb < 250),
  );
  row("V8 heap in use, median / max, MB", `${f1(r.heapP50Mb)} / ${f1(r.heapMaxMb)}`);
  row(
    "peak of RSS's anonymous / file-backed part (sampled every 0.5 s), MB",
    `${r.peakRssAnonMb} / ${r.peakRssFileMb}`,
  );
  const g = r.gc;
  row(
    "main-thread collections over the window: forced by the GC pacer / other major / minor (count, pause s)",
    `${g.forced}, ${f1(g.forcedMs / 1000)} / ${g.major}, ${f1(g.majorMs / 1000)} / ${g.minor}, ${f1(g.minorMs / 1000)}`,
  );
  row(
    "requests / bytes sent by the server / bytes received",
    `${s.requests.toLocaleString("en-US")} / ${f1(s.bytesOut / 2 ** 20)} MB / ${f1(s.bytesIn / 2 ** 20)} MB`,
  );
  row(
    "answers by status",
    Object.entries(s.byStatus)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", "),
  );
  row(
    "304 share of 200 + 304; unconditional requests to feeds offering validators",
    `${f1(r.share304 * 100)} %; ${s.unconditional}`,
    ok(s.unconditional === 0),
  );
  row(
    "new articles stored (per second); new items published by the server",
    `${r.inserted.toLocaleString("en-US")} (${f1(r.insertedPerS, 2)}/s); ${s.newItemsPublished.toLocaleString("en-US")}`,
  );
  row(
    "most requests at once to one host (hosts over 2); to all hosts",
    `${s.peakPerHost} (${s.hostsOverTwo}); ${s.peakOverall}`,
    ok(s.peakPerHost <= 2),
  );
  row(
    "429s sent with Retry-After / asked again after it / asked too early",
    `${s.retryAfterSent} / ${s.retryAfterHonoured} / ${s.retryAfterIgnored}`,
    ok(s.retryAfterIgnored === 0),
  );
  row(
    "requests to feeds with a declared interval (ttl, sy:updatePeriod, max-age): after it / before it",
    `${s.hintedRequests} / ${s.hintIgnored}`,
    ok(s.hintIgnored === 0),
  );
  row("requests per second over the window: mean / p99 / max", `${f1(r.rate.mean)} / ${r.rate.p99} / ${r.rate.max}`);
  out.push("");
  out.push(
    `Poller process start-up ${f1(r.startupMs / 1000)} s; measured over ${f1(r.wallS, 0)} s. Seeding ${r.feeds.toLocaleString("en-US")} sources and an archive of ${r.archive.toLocaleString("en-US")} articles: ${f1(r.seedSeconds, 0)} s. Log lines: ${r.logLines.warn} warnings, ${r.logLines.error} errors. Load average (1/5/15 min) at the start ${r.load.start.map((x) => f1(x, 2)).join(" / ")}, at the end ${r.load.end.map((x) => f1(x, 2)).join(" / ")}.`,
    "",
  );
  return out;
}
