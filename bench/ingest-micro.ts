/**
 * Focused ingest benchmark: one generated feed of N items into a fresh SQLite database (no PostgreSQL, no
 * queries), for profiling with `node --cpu-prof --import tsx bench/ingest-micro.ts [--items 1000] [--pool N]
 * [--rounds R]` (`--pool 0`: no worker pool, analysis in-process).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateFeed } from "./feed.ts";
import { bareParseRate, benchIngest } from "./ingest.ts";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "1000" },
    pool: { type: "string" },
    rounds: { type: "string", default: "1" },
  },
});
const xml = generateFeed({ items: Number(values.items), seed: 7 });
const tmp = mkdtempSync(join(tmpdir(), "newsbot-ingest-micro-"));
try {
  const parse = await bareParseRate(xml);
  for (let round = 0; round < Number(values.rounds); round++) {
    const poolSize = values.pool === undefined ? undefined : Number(values.pool);
    const r = await benchIngest(`file:${join(tmp, `bench-${round}.db`)}`, xml, parse, { poolSize });
    process.stdout.write(
      `sqlite: ${r.inserted}/${r.items} inserted in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(1)} articles/s; bare parse ${parse.toFixed(0)} items/s; ratio ${(r.perSecond / parse).toFixed(3)}; pool ${values.pool ?? "default"}\n`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
