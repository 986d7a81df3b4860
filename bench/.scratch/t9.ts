import { mkdtempSync } from "node:fs";
import { benchQueries } from "../queries.ts";
const dir = mkdtempSync("/tmp/nb-bench-");
const r = await benchQueries(process.argv[3] ?? `file:${dir}/b.db`, (process.argv[4] as "sqlite") ?? "sqlite", Number(process.argv[2] ?? 10000), 100);
console.log(r.seedSeconds.toFixed(1), r.roundTrip);
for (const c of r.cases) console.log(c.name.padEnd(20), c.p50.toFixed(2), c.p99.toFixed(2));
