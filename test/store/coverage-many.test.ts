/**
 * /trend <word> when the word matches many articles: every match of the range is counted, however many there are
 * (SQLite binds at most 999 parameters per statement; a list of 20,000 ids failed there), and the matches of an
 * older year are found under more than COVERAGE_MAX newer ones. SQLite and, in the pg suite, PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { COVERAGE_MAX } from "../../src/store/coverage.ts";
import { createDb, type Db } from "../../src/store/db.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";

/** Articles of 2024 that name the caravan: more than SQLite's bound-parameter limit. */
const OLD = 1_200;
/** Articles of 2025 that name it too: more than coverage reads at most. */
const NEW = COVERAGE_MAX + 300;

describe.each(backends)("coverage of a word matched by many articles on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  let db: Db;

  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
    db = (await createDb(tdb.url)).db;
    const at = new Date("2024-01-01T00:00:00Z");
    const story = await db.story.create({ data: { title: "La caravane", firstSeenAt: at, lastSeenAt: at } });
    const article = (i: number, publishedAt: Date, text: string) => ({
      title: `Dépêche ${i}`,
      body: text,
      publishedAt,
      contentHash: `h${i}`,
      storyId: story.id,
    });
    const rows = [];
    // 2024: one article every 7 hours from January 1st (1,200 × 7 h = 350 days), 2025: every 25 minutes.
    for (let i = 0; i < OLD; i++) {
      rows.push(article(i, new Date(Date.UTC(2024, 0, 1) + i * 7 * 3_600_000), "Une caravane traverse la steppe."));
    }
    for (let i = 0; i < NEW; i++) {
      rows.push(article(OLD + i, new Date(Date.UTC(2025, 0, 1) + i * 25 * 60_000), "La caravane est arrivée."));
    }
    // Not matching, in both years.
    rows.push(article(OLD + NEW, new Date("2024-06-01T12:00:00Z"), "Le train de marchandises est arrivé."));
    await db.article.createMany({ data: rows });
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await store?.close();
    await tdb?.drop();
  });

  const trend = async (keyword: string, from: string, to: string) => {
    const data = await store.coverage?.({ keyword, from, to });
    if (!data) throw new Error("the store has no coverage query");
    return data;
  };

  it("counts every article of the year that has the word, however many, under newer matches", async () => {
    const data = await trend("caravane", "2024-01-01", "2024-12-31");
    expect(data.truncated).toBe(false);
    expect(data.articles).toHaveLength(OLD);
    expect(data.articles.every((a) => a.day.startsWith("2024-"))).toBe(true);
    // Newest first, as without a word.
    expect(data.articles[0]?.day).toBe("2024-12-15");
    expect(data.articles.at(-1)?.day).toBe("2024-01-01");
    // A month: 31 days of an article every 7 hours.
    const march = await trend("caravane", "2024-03-01", "2024-03-31");
    expect(march.articles).toHaveLength(
      Math.ceil((Date.UTC(2024, 3, 1) - Date.UTC(2024, 0, 1)) / 25_200_000) -
        Math.ceil((Date.UTC(2024, 2, 1) - Date.UTC(2024, 0, 1)) / 25_200_000),
    );
  });

  it("says when a year has more matches than it reads, and reads the newest", async () => {
    const data = await trend("caravane", "2025-01-01", "2025-12-31");
    expect(data.truncated).toBe(true);
    expect(data.articles).toHaveLength(COVERAGE_MAX);
    expect(data.articles.every((a) => a.day.startsWith("2025-"))).toBe(true);
    const both = await trend("caravane", "2024-01-01", "2025-12-31");
    expect(both.truncated).toBe(true);
    expect(both.articles.every((a) => a.day.startsWith("2025-"))).toBe(true);
  });
});
