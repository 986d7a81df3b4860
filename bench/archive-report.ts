/** The markdown section of the archive bench (bench/archive.ts) in the report of bench/run.ts. */
import type { ArchiveResult } from "./archive.ts";
import { failed } from "./queries.ts";

const fmt = (n: number | null | undefined, d = 1) =>
  n != null && Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d })
    : "—";
const ok = (good: boolean) => (good ? "✅" : "❌");
const mb = (bytes: number) => bytes / 2 ** 20;
const n0 = (n: number) => n.toLocaleString("en-US");

export function archiveReport(rows: ArchiveResult[], runs: number): string[] {
  if (rows.length === 0) return [];
  const out: string[] = ["## Archive (bench/archive.ts)", ""];
  out.push(
    "| backend | articles | build, s | database, MB | bytes / article | load avg (1 min) start → end |",
    "|---|---:|---:|---:|---:|---|",
  );
  for (const r of rows) {
    out.push(
      `| ${r.backend} | ${n0(r.size)} | ${fmt(r.seedSeconds, 0)} | ${fmt(mb(r.bytes), 0)} | ${fmt(r.bytes / r.size, 0)} | ${r.load.start} → ${r.load.end} |`,
    );
  }
  out.push("", "Commands (whole command: option parsing, query, reply building; /trend without drawing), ms:", "");
  out.push(
    "| backend | articles | command | p50 | p99 | goal p99 < 20 ms | CPU p50 / p99 of this process | ref: `SELECT 1` p50 / p99 |",
    "|---|---:|---|---:|---:|:---:|---:|---:|",
  );
  for (const r of rows) {
    for (const c of r.cases) {
      out.push(
        `| ${r.backend} | ${n0(r.size)} | \`${c.name}\` | ${fmt(c.p50, 2)} | ${fmt(c.p99, 2)} | ${c.failures ? failed(c.failures) : ok(c.p99 < 20)} | ${fmt(c.cpuP50, 2)} / ${fmt(c.cpuP99, 2)} | ${fmt(r.roundTrip?.p50, 2)} / ${fmt(r.roundTrip?.p99, 2)} |`,
      );
    }
  }
  out.push(
    "",
    `${runs} runs per command after 10 warm-up runs. CPU: user + system time of the bench process per run — all of the work on SQLite, without the server's on PostgreSQL.`,
    "",
    "| backend | articles | ingest of a 500-item feed, articles/s | goal ≥ 500/s | CPU of this process, s (incl. analysis workers) | articles per CPU-second |",
    "|---|---:|---:|:---:|---:|---:|",
  );
  for (const r of rows) {
    if (!r.ingest) continue;
    out.push(
      `| ${r.backend} | ${n0(r.size)} | ${fmt(r.ingest.perSecond)} (${r.ingest.inserted} in ${fmt(r.ingest.seconds, 2)} s) | ${ok(r.ingest.perSecond >= 500)} | ${fmt(r.ingestCpuSeconds, 2)} | ${fmt(r.ingest.inserted / (r.ingestCpuSeconds ?? Number.NaN), 0)} |`,
    );
  }
  out.push(
    "",
    "| backend | articles | NODE_OPTIONS | start-up to ready, s (CPU s) | RSS at rest, MB | peak RSS, MB | ref: idle `node --import tsx`, MB | goal < 200 MB |",
    "|---|---:|---|---:|---:|---:|---:|:---:|",
  );
  for (const r of rows) {
    const s = r.startup;
    if (!s) continue;
    out.push(
      `| ${r.backend} | ${n0(r.size)} | \`${s.nodeOptions}\` | ${fmt(s.readyMs / 1000, 2)} (${fmt(s.readyCpuMs / 1000, 2)}) | ${fmt(s.restRssMb)} | ${fmt(s.peakRssMb)} | ${fmt(s.idleRssMb)} | ${ok(s.restRssMb < 200)} |`,
    );
  }
  out.push(
    "",
    "| backend | articles | kept days | bodies pruned | seconds | size before → after (VACUUMed), MB | saved per pruned article, bytes |",
    "|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of rows) {
    const t = r.retention;
    if (!t) continue;
    out.push(
      `| ${r.backend} | ${n0(r.size)} | ${n0(t.keptDays)} | ${n0(t.pruned)} | ${fmt(t.seconds)} | ${fmt(mb(t.bytesBefore), 0)} → ${fmt(mb(t.bytesAfter), 0)} | ${fmt((t.bytesBefore - t.bytesAfter) / Math.max(1, t.pruned), 0)} |`,
    );
  }
  out.push("");
  return out;
}
