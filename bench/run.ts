/**
 * `npm run bench [-- --quick] [-- --no-pg] [-- --only ingest,queries,fanout,memory,bigfeed,polling,archive] [-- --sizes 100000]
 * [-- --backend sqlite|postgresql]`: runs the benchmarks (polling, one real 10-minute poll window of 10,000 feeds, and
 * archive, 1,000,000 articles by default, only when named),
 * prints one markdown report and writes it to bench/results/latest.md. Every figure comes with a reference
 * measured in the same run (rss-parser's bare parse, one Prisma round trip, Telegram's allowed rate, an idle
 * process). Not a test: nothing here asserts; goals are shown as ✅ / ❌.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type ArchiveResult, benchArchive } from "./archive.ts";
import { archiveReport } from "./archive-report.ts";
import { benchFanoutTelegram, type FanoutResult, storeFanoutCeiling } from "./fanout-telegram.ts";
import { generateFeed } from "./feed.ts";
import { benchFeedMemory, type FeedMemoryResult } from "./feed-memory.ts";
import { analysisOnlyRate, bareParseRate, benchIngest, type IngestResult } from "./ingest.ts";
import { describeMachine, machineLine } from "./machine.ts";
import { benchMemory, type MemoryResult } from "./memory.ts";
import { type BenchPg, startPg } from "./pg.ts";
import { benchPictures, type PicturesResult } from "./pictures.ts";
import { benchPolling, type PollingResult, pollingReport } from "./polling.ts";
import { benchQueries, buildArchive, failed, type Latency } from "./queries.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "no-pg": { type: "boolean", default: false },
    only: { type: "string" },
    sizes: { type: "string" },
    /** `--backend sqlite` or `--backend postgresql`: one database only. */
    backend: { type: "string" },
    /**
     * `--archive-db <url>`: run the archive steps on an archive an earlier run built (copy it first: the ingest and
     * retention steps change it), with `--backend` and `--sizes` saying what it is; it is migrated, not rebuilt.
     */
    "archive-db": { type: "string" },
  },
});
const quick = values.quick === true;
const only = new Set((values.only ?? "ingest,queries,fanout,memory,pictures,bigfeed").split(","));
// `--sizes 100000` (comma-separated) replaces the archive sizes, e.g. to look at one size only.
const sizesArg = values.sizes ? values.sizes.split(",").map(Number) : null;
const cfg = quick
  ? {
      feed: 200,
      growthFeed: 50,
      sizes: [2_000, 10_000],
      runs: 30,
      chats: 150,
      memorySizes: [10_000],
      subs: 1_000,
      bigFeed: 5_000,
    }
  : {
      bigFeed: 20_000,
      feed: 5_000,
      growthFeed: 500,
      sizes: [10_000, 100_000],
      runs: 200,
      chats: 1_000,
      memorySizes: [10_000, 100_000],
      subs: 1_000,
    };

type Backend = "sqlite" | "postgresql";
const SMALL_HEAP = "--max-semi-space-size=2";
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const fmt = (n: number, d = 1) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }) : "—";
const ok = (good: boolean) => (good ? "✅" : "❌");

const machine = describeMachine();
const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), "newsbot-bench-"));
let pgServer: BenchPg | null = null;
const notes: string[] = [];
if (
  !values["no-pg"] &&
  values.backend !== "sqlite" &&
  (only.has("ingest") || only.has("queries") || only.has("archive"))
) {
  log("starting a throwaway PostgreSQL…");
  const r = startPg();
  if ("error" in r) notes.push(`PostgreSQL skipped: ${r.error}`);
  else pgServer = r;
} else if (values["no-pg"]) notes.push("PostgreSQL skipped (--no-pg).");
if (sizesArg?.every((n) => Number.isInteger(n) && n > 0)) {
  cfg.sizes = sizesArg;
  cfg.memorySizes = cfg.memorySizes.filter((n) => sizesArg.includes(n));
}
const backends: Backend[] = (pgServer ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const)).filter(
  (b) => !values.backend || b === values.backend,
);
let dbCount = 0;
async function freshUrl(b: Backend): Promise<string> {
  if (b === "postgresql" && pgServer) return pgServer.database();
  return `file:${join(tmp, `bench-${++dbCount}.db`)}`;
}

const ingestRows: Array<{ backend: Backend; archive: number; r: IngestResult }> = [];
const queryRows: Array<{ backend: Backend; size: number; seed: number; roundTrip: Latency; cases: Latency[] }> = [];
const memoryRows: MemoryResult[] = [];
let pictures: PicturesResult | null = null;
let fanout: FanoutResult | null = null;
const bigFeed: FeedMemoryResult[] = [];
// `--only archive`: the archive bench, by default at 1,000,000 articles (not part of the default run: ~1 h here).
const archiveSizes = sizesArg ?? (quick ? [5_000] : [1_000_000]);
const archiveRows: ArchiveResult[] = [];
/** A heap cap for the CLI process (V8 otherwise lets garbage grow with the memory it may take). */
const CAPPED_HEAP = "--max-old-space-size=192 --max-semi-space-size=2";
let ceiling: number | null = null;
let polling: PollingResult | null = null;
let analysisRef: ReturnType<typeof analysisOnlyRate> | null = null;

/** Runs one measurement; a failure becomes a note in the report instead of losing the whole run. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    const msg = err instanceof Error ? err.message.replace(/\s+/g, " ").slice(0, 300) : String(err);
    notes.push(`${name} failed: ${msg}`);
    log(`${name} FAILED: ${msg}`);
    return null;
  }
}

try {
  const feedXml = generateFeed({ items: cfg.feed, seed: 7 });
  const growthXml = generateFeed({ items: cfg.growthFeed, seed: 8 });
  const parseRate = only.has("ingest") ? await bareParseRate(feedXml) : 0;
  const growthParseRate = only.has("ingest") ? await bareParseRate(growthXml) : 0;
  if (only.has("ingest")) {
    log("analysis alone (one thread) on the feed's articles…");
    analysisRef = analysisOnlyRate(cfg.feed, parseRate);
  }
  for (const b of backends) {
    if (only.has("ingest")) {
      log(`ingest: ${cfg.feed}-item feed into an empty ${b} database…`);
      const r = await step(`ingest (${b})`, async () => benchIngest(await freshUrl(b), feedXml, parseRate));
      if (r) ingestRows.push({ backend: b, archive: 0, r });
    }
    for (const size of cfg.sizes) {
      if (!only.has("queries") && !(only.has("memory") && b === "sqlite" && cfg.memorySizes.includes(size))) continue;
      const url = await freshUrl(b);
      log(`archive: ${size} articles on ${b}…`);
      const seed = await step(`archive ${size} (${b})`, () => buildArchive(url, b, size));
      if (seed === null) continue;
      if (only.has("queries")) {
        log(`queries on ${size} articles (${b})…`);
        const q = await step(`queries ${size} (${b})`, () => benchQueries(url, size, cfg.runs));
        if (q) queryRows.push({ backend: b, size, seed, ...q });
      }
      if (only.has("ingest")) {
        log(`ingest: ${cfg.growthFeed}-item feed into the ${size}-article archive (${b})…`);
        const r = await step(`ingest into ${size} (${b})`, () => benchIngest(url, growthXml, growthParseRate));
        if (r) ingestRows.push({ backend: b, archive: size, r });
      }
      if (only.has("memory") && b === "sqlite" && cfg.memorySizes.includes(size)) {
        log(`memory: bot process on ${size} articles + ${cfg.subs} subscriptions…`);
        const m = await step(`memory ${size}`, () => benchMemory(url, size, cfg.subs));
        if (m) memoryRows.push(m);
        // The same bot with smaller V8 young-generation semi-spaces (a start-up flag, see the README).
        log(`memory: the same with NODE_OPTIONS=${SMALL_HEAP}…`);
        const s = await step(`memory ${size} (${SMALL_HEAP})`, () =>
          benchMemory(url, size, cfg.subs, { nodeOptions: SMALL_HEAP, addSubscriptions: false }),
        );
        if (s) memoryRows.push(s);
      }
      if (url.startsWith("file:")) rmSync(url.slice(5), { force: true });
    }
  }
  if (only.has("archive")) {
    const archiveXml = generateFeed({ items: 500, seed: 9 });
    const archiveParse = await bareParseRate(archiveXml);
    for (const b of backends) {
      for (const size of archiveSizes) {
        const reused = values["archive-db"];
        const url = reused ?? (await freshUrl(b));
        const r = await benchArchive(url, b, size, {
          prebuilt: reused !== undefined,
          runs: cfg.runs,
          growthXml: archiveXml,
          growthParseRate: archiveParse,
          nodeOptions: SMALL_HEAP,
          step,
          log,
        });
        if (r) archiveRows.push(r);
        if (reused) continue;
        if (url.startsWith("file:")) rmSync(url.slice(5), { force: true });
        else await pgServer?.drop(url);
      }
    }
  }
  if (only.has("pictures")) {
    log("pictures: 50-event timeline and a year's coverage, drawn again and again…");
    pictures = await step("pictures", async () => benchPictures(quick ? 15 : 60));
  }
  if (only.has("fanout")) {
    log(
      `fan-out: one digest to ${cfg.chats} chats through the Telegram adapter (real limits: ~${Math.ceil(cfg.chats / 30)} s)…`,
    );
    fanout = await step("fan-out", async () => benchFanoutTelegram(await freshUrl("sqlite"), cfg.chats));
    log("fan-out reference: bench/fanout.ts without a platform limit…");
    ceiling = await storeFanoutCeiling(cfg.chats);
  }
  if (only.has("polling")) {
    // not in the default set: one real poll window (10 min) and its tail
    const o = quick ? { feeds: 1_000, hosts: 40, windowMinutes: 1 } : { feeds: 10_000, hosts: 300, windowMinutes: 10 };
    log(`polling: ${o.feeds} feeds on ${o.hosts} hosts for one ${o.windowMinutes}-minute window (real time)…`);
    polling = await step("polling", () => benchPolling(tmp, o, log));
  }
  if (only.has("bigfeed")) {
    log(`big feed: newsbot ingest of a ${cfg.bigFeed}-item feed file, peak RSS of the process…`);
    const plain = await step("big feed", () => benchFeedMemory(tmp, cfg.bigFeed));
    if (plain) bigFeed.push(plain);
    log(`big feed: the same with NODE_OPTIONS=${CAPPED_HEAP}…`);
    const capped = await step("big feed (capped heap)", () => benchFeedMemory(tmp, cfg.bigFeed, CAPPED_HEAP));
    if (capped) bigFeed.push(capped);
  }
} finally {
  pgServer?.stop();
  rmSync(tmp, { recursive: true, force: true });
}

const out: string[] = [];
out.push(`# newsbot benchmarks${quick ? " (quick)" : ""}`, "");
out.push(
  `Run ${new Date(started).toISOString()} in ${fmt((Date.now() - started) / 1000, 0)} s. Machine: ${machineLine(machine)}.`,
  "",
);
for (const n of notes) out.push(`> ${n}`, "");
if (ingestRows.length > 0) {
  out.push("## Ingest (parse, analyse, dedupe, story grouping, store, full-text index)", "");
  out.push(
    "| backend | archive before | feed items | inserted | articles/s | CPU ms per article | rss-parser bare parse, items/s | ratio | goals (≥ 1,000/s SQLite; ratio ≥ 0.5) |",
  );
  out.push("|---|---:|---:|---:|---:|---:|---:|---:|:---:|");
  for (const { backend, archive, r } of ingestRows) {
    const ratio = r.perSecond / r.parsePerSecond;
    const goal =
      archive === 0 ? `${backend === "sqlite" ? ok(r.perSecond >= 1000) : "—"} ${ok(ratio >= 0.5)}` : "(growth)";
    out.push(
      `| ${backend} | ${archive.toLocaleString("en-US")} | ${r.items} | ${r.inserted} | ${fmt(r.perSecond)} | ${fmt(r.cpuMsPerArticle, 2)} | ${fmt(r.parsePerSecond, 0)} | ${fmt(ratio, 3)} | ${goal} |`,
    );
  }
  out.push("");
  if (analysisRef) {
    out.push(
      `Reference: the French analysis alone runs at ${fmt(analysisRef.perSecond, 0)} articles/s on one thread; with all ${analysisRef.cores} cores analysing and parsing and storage free, ingest could reach at most ${fmt(analysisRef.perSecond * analysisRef.cores, 0)} articles/s, a ratio of ${fmt(analysisRef.ceilingRatio, 3)} to the bare parse.`,
      "",
    );
  }
}
if (queryRows.length > 0) {
  out.push("## Queries (whole command: core.handle = option parsing, query, reply building), ms", "");
  out.push("| backend | articles | command | p50 | p99 | p99 / 20 ms goal | ref: `SELECT 1` p50 / p99 |");
  out.push("|---|---:|---|---:|---:|:---:|---:|");
  for (const q of queryRows) {
    for (const c of q.cases) {
      out.push(
        `| ${q.backend} | ${q.size.toLocaleString("en-US")} | \`${c.name}\` | ${fmt(c.p50, 2)} | ${fmt(c.p99, 2)} | ${c.failures ? failed(c.failures) : `${fmt(c.p99 / 20, 2)} ${ok(c.p99 < 20)}`} | ${fmt(q.roundTrip.p50, 2)} / ${fmt(q.roundTrip.p99, 2)} |`,
      );
    }
  }
  out.push(
    "",
    `${cfg.runs} runs per command after 10 warm-up runs, arguments rotating (speakers, topics, words, days). Archive build time: ${queryRows.map((q) => `${q.backend} ${q.size.toLocaleString("en-US")} = ${fmt(q.seed, 0)} s`).join(", ")}.`,
    "",
  );
}
out.push(...archiveReport(archiveRows, cfg.runs));
if (fanout) {
  const share = fanout.perSecond / fanout.allowedPerSecond;
  out.push(
    "## Fan-out (digest → outbox → delivery → Telegram adapter send() → fake Bot API enforcing 30/s, 1/s per chat, 20/min per group)",
    "",
  );
  out.push(
    "| chats | messages | seconds | messages/s | allowed/s | share of allowed (goal ≥ 90 %) | lost | 429 answered (all retried) | left unhandled | ref: store + outbox alone, msg/s (bench/fanout.ts) |",
  );
  out.push("|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|");
  out.push(
    `| ${fanout.chats} | ${fanout.messages} | ${fmt(fanout.seconds)} | ${fmt(fanout.perSecond)} | ${fanout.allowedPerSecond} | ${fmt(share * 100)} % ${ok(share >= 0.9)} | ${fanout.lost} ${ok(fanout.lost === 0)} | ${fanout.handled429} | ${fanout.unhandled} ${ok(fanout.unhandled === 0)} | ${ceiling === null ? "—" : fmt(ceiling)} |`,
  );
  out.push("");
}
if (memoryRows.length > 0) {
  out.push(
    "## Memory (the bot process: `node --import tsx src/main.ts`, Telegram adapter on the fake Bot API, SQLite)",
    "",
  );
  out.push(
    "| articles | subscriptions | NODE_OPTIONS | commands answered | peak RSS, MB | ref: idle `node --import tsx`, MB | ratio | goal < 200 MB |",
  );
  out.push("|---:|---:|---|---:|---:|---:|---:|:---:|");
  for (const m of memoryRows) {
    out.push(
      `| ${m.articles.toLocaleString("en-US")} | ${m.subscriptions} | ${m.nodeOptions ? `\`${m.nodeOptions}\`` : "(defaults)"} | ${m.commands} | ${fmt(m.peakRssMb)} | ${fmt(m.idleRssMb)} | ${fmt(m.peakRssMb / m.idleRssMb, 2)} | ${ok(m.peakRssMb < 200)} |`,
    );
  }
  out.push("");
}
if (pictures) {
  const p = pictures;
  out.push(
    "## Pictures (chart spec + Vega-Lite → Vega canvas renderer on Skia (@napi-rs/canvas) → PNG at 2×, one at a time; child process)",
    "",
  );
  out.push("| chart | runs | wall p50 / p99, ms | CPU p50 / p99, ms | PNG, KB | goal p99 < 300 ms |");
  out.push("|---|---:|---:|---:|---:|:---:|");
  for (const [name, m] of [
    ["timeline, 50 events", p.timeline],
    ["trend, 1 year by outlet", p.trend],
  ] as const) {
    out.push(
      `| ${name} | ${p.runs} | ${fmt(m.p50, 0)} / ${fmt(m.p99, 0)} | ${fmt(m.cpuP50, 0)} / ${fmt(m.cpuP99, 0)} | ${fmt(m.kb, 0)} | ${name.startsWith("timeline") ? ok(m.p99 < 300) : ""} |`,
    );
  }
  out.push("");
  out.push(
    `First picture (starts the renderer's process, loads Vega, Vega-Lite, the Skia canvas, the font): ${fmt(p.firstMs, 0)} ms. 1-minute load average ${fmt(p.load[0], 1)} before the runs, ${fmt(p.load[1], 1)} after. RSS of the bot-side process: ${fmt(p.restMb, 0)} MB before any picture, ${fmt(p.afterMb, 0)} MB right after ${p.runs * 2 + 1} pictures, ${fmt(p.idleMb, 0)} MB once the renderer's process has ${p.exited ? "exited" : "NOT exited"}: the renderer keeps ${fmt(p.idleMb - p.restMb, 0)} MB at rest. The renderer's own process: ${fmt(p.childMb, 0)} MB after the last picture (peak ${fmt(p.childPeakMb, 0)} MB), gone at rest.`,
    "",
  );
}
if (bigFeed.length > 0) {
  out.push("## Big feed (`newsbot ingest FILE`, the CLI process with its analysis workers, into a fresh SQLite)", "");
  out.push(
    "| feed items | file, MB | NODE_OPTIONS | stored | seconds | peak RSS, MB | ref: idle `node --import tsx`, MB | goal < 300 MB |",
  );
  out.push("|---:|---:|---|---:|---:|---:|---:|:---:|");
  for (const b of bigFeed) {
    out.push(
      `| ${b.items.toLocaleString("en-US")} | ${fmt(b.feedMb)} | ${b.nodeOptions ? `\`${b.nodeOptions}\`` : "`newsbot` as installed"} | ${b.inserted.toLocaleString("en-US")} ${ok(b.inserted === b.items)} | ${fmt(b.seconds)} | ${fmt(b.peakRssMb)} | ${fmt(b.idleRssMb)} | ${ok(b.peakRssMb < 300)} |`,
    );
  }
  out.push("");
}
if (polling) out.push(...pollingReport(polling));
const report = out.join("\n");
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/latest.md", import.meta.url), `${report}\n`);
process.stdout.write(`${report}\n`);
