/**
 * The state the polling bench starts from: a migrated SQLite database holding the plan's feeds as sources
 * that were polled before (validators known, due times spread over the next window, as in a running bot), and
 * an archive with the items the feeds list now, so what the poller stores during the bench is what the feeds
 * publish during it. Only the feeds that will answer with a body are archived (those that publish during
 * the bench, those without validators): the others answer 304 all along. Written with direct batched inserts (the store's triggers still run).
 */
import Database from "better-sqlite3";
import { silentLogger } from "../src/core/logger.ts";
import { canonicalUrl } from "../src/ingest/canonical-url.ts";
import { createStore } from "../src/store/index.ts";
import { registerSearchFunctions } from "../src/store/search-sqlite.ts";
import { declaredMs, type FeedPlan, itemGuid, itemLink } from "./feed-server.ts";
import { rng } from "./text.ts";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export interface SeedResult {
  articles: number;
  /** Due time of each feed, ms after the start (see scheduleFrom), by feed id; source id = feed id + 1. */
  dueIn: number[];
  /** The interval that ran up to it (the window, or the feed's longer declared interval), ms. */
  interval: number[];
  seconds: number;
}

/**
 * Seeds `url` (a file: SQLite URL). Feeds with a declared interval longer than the window are due within that
 * interval; the others within `windowMs` after `t0`. The feed server must use the same `t0`.
 */
export async function seedPolling(
  url: string,
  plan: FeedPlan[],
  port: number,
  t0: number,
  windowMs: number,
  /** Feeds whose items go into the archive (the others answer 304 all along and are never read). */
  archived: (f: FeedPlan) => boolean,
): Promise<SeedResult> {
  const started = Date.now();
  const store = await createStore(url, silentLogger);
  await store.close();
  const db = new Database(url.replace(/^file:/, ""));
  registerSearchFunctions(db);
  db.pragma("journal_mode = WAL");
  const r = rng(99);
  const dueIn: number[] = [];
  const intervals: number[] = [];
  const addSource = db.prepare(
    `INSERT INTO "Source" ("id","url","title","etag","lastModified","lastFetchAt","lastSuccessAt","nextFetchAt","createdAt")
     VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  const addStory = db.prepare(
    `INSERT INTO "Story" ("id","title","firstSeenAt","lastSeenAt","articleCount","sourceCount") VALUES (?,?,?,?,?,1)`,
  );
  const addArticle = db.prepare(
    `INSERT INTO "Article" ("sourceId","url","guid","title","publishedAt","language","body","contentHash","storyId","createdAt")
     VALUES (?,?,?,?,?,'fr',?,?,?,?)`,
  );
  const created = iso(t0 - 30 * 86_400_000);
  let articles = 0;
  db.exec("BEGIN");
  for (const f of plan) {
    const interval = Math.max(windowMs, declaredMs(f));
    const due = t0 + Math.floor(r() * interval);
    const last = due - interval;
    dueIn.push(due - t0);
    intervals.push(interval);
    // what the feed answered last time (version 0 of the server): validators it offers
    const changed = Math.floor((t0 - 3_600_000) / 1000) * 1000;
    addSource.run(
      f.id + 1,
      `http://${f.host}:${port}${f.path}`,
      `Bench ${f.id} (${f.host})`,
      f.etag ? `"v0-${f.id}"` : null,
      f.lastModified ? new Date(changed).toUTCString() : null,
      iso(last),
      iso(last),
      iso(due),
      created,
    );
    addStory.run(f.id + 1, `Bench ${f.id}`, created, created, f.items);
    for (let j = 0; archived(f) && j < f.items; j++) {
      const at = iso(t0 - (f.items - j) * 3 * 3_600_000);
      const title = `Article ${j} du flux ${f.id}`;
      addArticle.run(
        f.id + 1,
        canonicalUrl(itemLink(f, j)),
        itemGuid(f, j),
        title,
        at,
        title,
        `seed-${f.id}-${j}`,
        f.id + 1,
        at,
      );
      articles++;
    }
    if (f.id % 500 === 499) {
      db.exec("COMMIT");
      db.exec("BEGIN");
    }
  }
  db.exec("COMMIT");
  db.exec("ANALYZE");
  db.close();
  return { articles, dueIn, interval: intervals, seconds: (Date.now() - started) / 1000 };
}

/** Moves the feeds' due times (and last fetches) so that the bench window starts at `start`. */
export function scheduleFrom(url: string, start: number, seed: SeedResult): void {
  const db = new Database(url.replace(/^file:/, ""));
  const stmt = db.prepare(
    `UPDATE "Source" SET "nextFetchAt" = ?, "lastFetchAt" = ?, "lastSuccessAt" = ? WHERE "id" = ?`,
  );
  db.exec("BEGIN");
  seed.dueIn.forEach((d, i) => {
    const last = iso(start + d - (seed.interval[i] ?? 0));
    stmt.run(iso(start + d), last, last, i + 1);
  });
  db.exec("COMMIT");
  db.close();
}
