import { mkdtempSync } from "node:fs";
import { analyzeDocument } from "../../src/analysis/analyze.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { createDb } from "../../src/store/db.ts";
import { applyMigrations } from "../../src/store/index.ts";
import { saveEvents, savePeople, saveQuotes, saveTopics } from "../../src/store/save-analysis.ts";
import { generateArticle } from "../text.ts";
const dir = mkdtempSync("/tmp/nb-bench-");
const url = process.argv[2] ?? `file:${dir}/b.db`;
await applyMigrations(url, silentLogger);
const { db } = await createDb(url);
const T: Record<string, number> = {};
const tm = async <X>(k: string, f: () => Promise<X>) => { const t = performance.now(); const r = await f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
const N = 200;
const docs = Array.from({ length: N }, (_, i) => { const g = generateArticle(i); return analyzeDocument({ text: g.body, title: g.title, publishedAt: g.published }); });
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const an = docs[i]!;
  await tm("tx", () => db.$transaction(async (tx) => {
    const story = await tm("story", () => tx.story.create({ data: { title: an.title, firstSeenAt: new Date(), lastSeenAt: new Date(), articleCount: 1 } }));
    const a = await tm("article", () => tx.article.create({ data: { title: an.title, body: an.text, contentHash: `h${i}`, storyId: story.id, signature: JSON.stringify(an.signature) }, select: { id: true } }));
    const p = await tm("people", () => savePeople(tx, a.id, an));
    await tm("quotes", () => saveQuotes(tx, a.id, an, p));
    await tm("events", () => saveEvents(tx, a.id, an));
    await tm("topics", () => saveTopics(tx, a.id, an.topics));
  }));
}
console.log("total/item", ((performance.now() - t0) / N).toFixed(2));
for (const [k, v] of Object.entries(T)) console.log(k, (v / N).toFixed(2));
await db.$disconnect();
