/** Relative links resolve against xml:base (link, entry, feed, in that order), then the feed's URL. */
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../../src/ingest/parse-feed.ts";
import { fixture } from "../helpers.ts";

describe("xml:base", () => {
  it("resolves relative links against the nearest xml:base", async () => {
    const feed = await parseFeed(fixture("feeds/atom-xml-base.xml"), "https://ailleurs.example/flux.atom");
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://base.example/actualites/2024/mai/douane",
      "https://base.example/archives/silo-grain",
      "https://miroir.example/page",
    ]);
  });

  it("falls back on the feed URL without xml:base", async () => {
    const feed = await parseFeed(fixture("atom.xml"), "https://chronique-eurasienne.example/flux.atom");
    expect(feed.items[0]?.url).toBe("https://chronique-eurasienne.example/2024/04/visite-kazan");
  });
});
