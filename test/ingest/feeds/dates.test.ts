/** Dates as feedparser reads them: Atom 0.3 and dcterms elements, the first of repeated values, the feed's date. */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/logger.ts";
import { parseFeed } from "../../../src/ingest/parse-feed.ts";
import { createIngestor } from "../../../src/ingest/pipeline.ts";
import { memoryArticleStore, memorySourceStore } from "../../fakes/memory-store.ts";
import { fakeAnalyze, fakeClock, fixture } from "../helpers.ts";

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe("item dates", () => {
  it("reads Atom 0.3 issued, then modified, then created", async () => {
    const feed = await parseFeed(fixture("feeds/atom03-dates.xml"));
    expect(feed.items.map((i) => iso(i.publishedAt))).toEqual([
      "2004-06-01T07:00:00.000Z",
      "2004-06-04T11:30:00.000Z",
      "2004-06-05T07:15:00.000Z",
    ]);
  });

  it("reads dcterms:issued before dcterms:modified, whatever the prefix", async () => {
    const feed = await parseFeed(fixture("feeds/dcterms-dates.xml"));
    expect(feed.items.map((i) => iso(i.publishedAt))).toEqual(["2024-01-15T10:00:00.000Z", "2024-01-21T08:45:00.000Z"]);
  });

  it("takes the first of several updated values", async () => {
    const feed = await parseFeed(fixture("feeds/atom-updated-twice.xml"));
    expect(feed.items.map((i) => iso(i.publishedAt))).toEqual(["2024-02-10T12:00:00.000Z", "2024-02-11T08:00:00.000Z"]);
  });
});

describe("undated items", () => {
  it("take the feed's date (lastBuildDate), never the day they were read", async () => {
    const feed = await parseFeed(fixture("feeds/undated-items.xml"));
    expect(feed.items.map((i) => iso(i.publishedAt))).toEqual(["2024-03-08T16:00:00.000Z", "2024-03-07T08:00:00.000Z"]);
  });

  it("take the feed's date in a broken feed too", async () => {
    const feed = await parseFeed(fixture("feeds/broken-undated.xml"));
    expect(feed.errors.length).toBeGreaterThan(0);
    expect(feed.items.map((i) => [i.title, iso(i.publishedAt)])).toEqual([
      ["Sans lien ni date", "2024-03-09T06:00:00.000Z"],
    ]);
  });

  it("stay undated when the feed has no date either, and are stored without one", async () => {
    const feed = await parseFeed(fixture("feeds/undated-feed.xml"));
    expect(feed.items[0]?.publishedAt).toBeNull();
    const clock = fakeClock("2026-12-02T10:00:00Z");
    const articles = memoryArticleStore();
    const ingestor = createIngestor({
      sources: memorySourceStore(clock.now),
      articles,
      analyze: fakeAnalyze,
      findStory: () => null,
      clock,
      logger: silentLogger,
    });
    await ingestor.ingestFeedXml(fixture("feeds/undated-items.xml"));
    await ingestor.ingestFeedXml(fixture("feeds/undated-feed.xml"));
    expect(articles.rows.map((r) => [r.input.title, iso(r.input.publishedAt)])).toEqual([
      ["Brève sans date ni lien", "2024-03-08T16:00:00.000Z"],
      ["Brève datée", "2024-03-07T08:00:00.000Z"],
      ["Note sans date", null],
    ]);
  });
});
