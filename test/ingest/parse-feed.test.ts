import { describe, expect, it } from "vitest";
import { FeedParseError } from "../../src/core/errors.ts";
import { parseFeed } from "../../src/ingest/parse-feed.ts";
import { fixture } from "./helpers.ts";

describe("parseFeed: well-formed feeds", () => {
  it("reads RSS 2.0 items as text", async () => {
    const feed = await parseFeed(fixture("rss-clean.xml"));
    expect(feed.title).toBe("Steppe & Volga — Actualités");
    expect(feed.errors).toEqual([]);
    expect(feed.items).toHaveLength(3);
    const first = feed.items[0];
    expect(first?.guid).toBe("sv-1001");
    expect(first?.author).toBe("Aïgerim Nourlanova");
    expect(first?.publishedAt?.toISOString()).toBe("2024-03-04T04:30:00.000Z");
    expect(first?.summary).toBe("Les deux gouvernements ont signé lundi un accord de partage des eaux.");
    // paragraphs kept apart, scripts dropped
    expect(first?.content).toContain("l’Irtych.\n\n« C’est une étape");
    expect(first?.content).not.toContain("alert");
    expect(feed.items[2]?.summary).toContain("dix-sept contrats.\n\nLes régions");
  });

  it("reads Atom with relative links resolved against the feed URL", async () => {
    const feed = await parseFeed(fixture("atom.xml"), "https://chronique-eurasienne.example/flux.atom");
    expect(feed.format).toBe("atom");
    expect(feed.items[0]?.url).toBe("https://chronique-eurasienne.example/2024/04/visite-kazan");
    expect(feed.items[0]?.author).toBe("Saule Omarova");
    expect(feed.items[0]?.content).toContain("Une déclaration commune est attendue jeudi.");
    expect(feed.items[1]?.publishedAt?.toISOString()).toBe("2024-04-09T16:30:00.000Z");
  });

  it("reads RDF (RSS 1.0)", async () => {
    const feed = await parseFeed(fixture("rdf.xml"));
    expect(feed.format).toBe("rdf");
    expect(feed.items[0]?.title).toBe("Oléoduc : les volumes de transit en hausse");
    expect(feed.items[0]?.url).toBe("https://caspienne.example/breves/oleoduc");
  });
});

describe("parseFeed: broken feeds", () => {
  it("recovers a feed with unescaped ampersands and says so", async () => {
    const feed = await parseFeed(fixture("broken-ampersand.xml"));
    expect(feed.items.map((i) => i.title)).toEqual([
      "Gaz & électricité : un nouveau protocole",
      "Céréales : les exportations reprennent",
    ]);
    expect(feed.items[0]?.url).toBe("https://irtych-oural.example/article?id=12&lang=fr");
    expect(feed.errors.join(" ")).toMatch(/strict XML parsing failed/);
  });

  it("recovers a feed with an unclosed <br> and keeps both lines", async () => {
    const feed = await parseFeed(fixture("broken-br.xml"));
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]?.summary).toBe(
      "Premier paragraphe sur les postes frontières.\nSecond paragraphe : les transporteurs restent prudents.",
    );
    expect(feed.errors.length).toBeGreaterThan(0);
  });

  it("keeps the items before the cut of a truncated feed", async () => {
    const xml = fixture("rss-clean.xml");
    const cut = xml.slice(0, xml.indexOf("Forum interrégional") + 12);
    const feed = await parseFeed(cut);
    expect(feed.items.map((i) => i.guid)).toEqual(["sv-1001", "sv-1002"]);
    expect(feed.errors.join(" ")).toMatch(/truncated/);
  });

  it("salvages complete items when no parser copes", async () => {
    const xml = `<rss version="2.0"><channel><title>Flux cassé</title>
      <item><title>Premier</title><link>https://x.example/1</link><description><![CDATA[<p>Un texte</p>]]></description></item>
      <item><title>Second</title><link>https://x.example/2</link><guid>g2</guid><description>&lt;b&gt;Deux&lt;/b&gt;</description></item>
      <item><title>Coupé <<<`;
    const feed = await parseFeed(xml);
    expect(feed.items.map((i) => i.title)).toEqual(["Premier", "Second"]);
    expect(feed.items[1]?.summary).toBe("Deux");
    expect(feed.errors.length).toBeGreaterThan(0);
  });

  it("copes with thousands of unterminated items", async () => {
    const xml = `<rss version="2.0"><channel>${"<item><title>x".repeat(20_000)}`;
    const feed = await parseFeed(xml).catch((e: unknown) => e);
    expect(feed instanceof FeedParseError || (feed as { items: unknown[] }).items.length === 0).toBe(true);
  });
});

describe("parseFeed: not a feed", () => {
  it("names an HTML page and the feed it advertises", async () => {
    const err = await parseFeed(fixture("page-with-feed.html"), "https://steppe-volga.example/").catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FeedParseError);
    expect((err as Error).message).toMatch(/HTML page, not a feed/);
    expect((err as FeedParseError).context.discoveredFeeds).toEqual([
      "https://steppe-volga.example/flux/actualites.xml",
    ]);
  });

  it.each([
    ["", /empty/],
    ["   \n ", /empty/],
    ['{"items": []}', /JSON/],
    ["\u0000\u0001\u0002PK\u0003\u0004binaire", /binary/],
    ["<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>", /root <svg>/],
    ["Juste une phrase.", /plain text/],
  ])("refuses %j", async (input, message) => {
    await expect(parseFeed(input)).rejects.toThrow(message);
  });
});
