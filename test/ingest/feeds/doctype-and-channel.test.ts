/** A DOCTYPE does not hide a feed; an <rss> without a channel and without items is an error, not an empty feed. */
import { describe, expect, it } from "vitest";
import { FeedParseError } from "../../../src/core/errors.ts";
import { silentLogger } from "../../../src/core/logger.ts";
import { readArticleFile } from "../../../src/ingest/article-file.ts";
import { checkFeed } from "../../../src/ingest/check-feed.ts";
import { parseFeed } from "../../../src/ingest/parse-feed.ts";
import { createIngestor } from "../../../src/ingest/pipeline.ts";
import { sniffDocument } from "../../../src/ingest/sniff.ts";
import { memoryArticleStore, memorySourceStore } from "../../fakes/memory-store.ts";
import { fakeAnalyze, fakeClock, fixture, fixturePath } from "../helpers.ts";

function setup() {
  const clock = fakeClock("2024-03-15T12:00:00Z");
  const sources = memorySourceStore(clock.now);
  const articles = memoryArticleStore();
  const ingestor = createIngestor({
    sources,
    articles,
    analyze: fakeAnalyze,
    findStory: () => null,
    clock,
    logger: silentLogger,
  });
  return { ingestor, sources, articles };
}

describe("feeds that start with a DOCTYPE", () => {
  it.each(["doctype-entities.xml", "doctype-netscape.xml"])("%s is a feed, as a file and as text", async (name) => {
    expect(sniffDocument(fixture(`feeds/${name}`))).toEqual({ kind: "feed", format: "rss" });
    expect((await readArticleFile(fixturePath(`feeds/${name}`))).kind).toBe("feed");
    const check = await checkFeed(fixturePath(`feeds/${name}`));
    expect(check.ok).toBe(true);
    expect(check.items).toHaveLength(1);
  });

  it("expands the entities the DOCTYPE declares", async () => {
    const feed = await parseFeed(fixture("feeds/doctype-entities.xml"));
    expect(feed.errors).toEqual([]);
    expect(feed.title).toBe("Échos de la région d’Atyraou");
    expect(feed.items[0]?.title).toBe("Pêche\u00a0: les quotas de la région d’Atyraou");
  });

  it("ingests a DOCTYPE feed file as a feed, not as one article", async () => {
    const { ingestor, articles } = setup();
    expect(await ingestor.ingestFile(fixturePath("feeds/doctype-netscape.xml"))).toMatchObject({ inserted: 1 });
    expect(articles.rows[0]?.input).toMatchObject({ title: "Toujours lisible", url: "https://ancien.example/lisible" });
  });
});

describe("an <rss> without a <channel>", () => {
  it("is an error when it has no items, everywhere it is read", async () => {
    await expect(parseFeed(fixture("feeds/rss-no-channel.xml"))).rejects.toThrow(FeedParseError);
    await expect(parseFeed(fixture("feeds/rss-no-channel.xml"))).rejects.toThrow(/no <channel>/);
    const check = await checkFeed(fixturePath("feeds/rss-no-channel.xml"));
    expect(check.ok).toBe(false);
    expect(check.errors[0]).toMatch(/no <channel>/);
    const { ingestor, sources, articles } = setup();
    await expect(ingestor.ingestFeedXml(fixture("feeds/rss-no-channel.xml"))).rejects.toThrow(/no <channel>/);
    // nothing half-written: no article, and no source for the file
    await expect(ingestor.ingestFile(fixturePath("feeds/rss-no-channel.xml"))).rejects.toThrow(/no <channel>/);
    expect(articles.rows).toHaveLength(0);
    expect(await sources.listSources()).toHaveLength(0);
  });

  it("still gives the items it holds, and says the channel is missing", async () => {
    const feed = await parseFeed(fixture("feeds/rss-items-no-channel.xml"));
    expect(feed.items.map((i) => i.title)).toEqual(["Article posé hors du canal"]);
    expect(feed.errors.join(" ")).toMatch(/no <channel>/);
  });
});
