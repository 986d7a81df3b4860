import { mkdtempSync } from "node:fs";
import { createDb } from "../../src/store/db.ts";
import { applyMigrations } from "../../src/store/index.ts";
import { silentLogger } from "../../src/core/logger.ts";
const dir = mkdtempSync("/tmp/nb-bench-");
const url = process.argv[2] ?? `file:${dir}/b.db`;
await applyMigrations(url, silentLogger);
const { db } = await createDb(url);
for (const [name, f] of [
  ["findFirst", () => db.article.findFirst({ where: { OR: [{ url: "x" }, { contentHash: "y" }] }, select: { id: true } })],
  ["raw select 1", () => db.$queryRaw`SELECT 1`],
  ["executeRaw insert topic", () => db.$executeRaw`INSERT INTO "Topic" ("slug") VALUES (${"t" + Math.random()}) ON CONFLICT ("slug") DO NOTHING`],
  ["empty tx", () => db.$transaction(async (tx) => { await tx.$queryRaw`SELECT 1`; })],
] as const) {
  for (let i = 0; i < 50; i++) await (f as () => Promise<unknown>)();
  const t = performance.now(); for (let i = 0; i < 300; i++) await (f as () => Promise<unknown>)();
  console.log(name, ((performance.now() - t) / 300).toFixed(3), "ms");
}
await db.$disconnect();
