/** The OPML reader and writer: nested outlines, categories, a round trip, and each malformed document refused. */
import { describe, expect, it } from "vitest";
import { buildOpml, parseOpml } from "../../src/ingest/opml.ts";

const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Veille</title></head><body>
  <outline text="Asie centrale">
    <outline text="Steppe &amp; Co" type="rss" xmlUrl="https://steppe.example/rss" category="/energie,/Politique"/>
    <outline title="Kazinform FR" xmlUrl="https://kaz.example/fr/feed"/>
  </outline>
</body></opml>`;

describe("OPML", () => {
  it("reads nested outlines with titles and categories, and round-trips through the writer", () => {
    const entries = parseOpml(OPML);
    expect(entries).toEqual([
      { url: "https://steppe.example/rss", title: "Steppe & Co", categories: ["energie", "Politique"] },
      { url: "https://kaz.example/fr/feed", title: "Kazinform FR", categories: [] },
    ]);
    const written = buildOpml([{ url: "https://steppe.example/rss", title: "Steppe & Co", topics: ["energie"] }]);
    expect(parseOpml(written)).toEqual([
      { url: "https://steppe.example/rss", title: "Steppe & Co", categories: ["energie"] },
    ]);
  });

  it.each([
    ["<opml><body><outline xmlUrl='https://a.example/rss'></body></opml>", "unexpected </body>"],
    ["<opml><body><outline xmlUrl='https://a.example/rss?a=1&b=2'/></body></opml>", "unescaped '&'"],
    ["<rss><channel/></rss>", "the root element is <rss>"],
    ["<!DOCTYPE x [<!ENTITY a 'b'>]><opml/>", "DTDs and entity declarations"],
    ["<opml><body><outline xmlUrl='file:///etc/passwd'/></body></opml>", "only http(s) feeds"],
    ["<opml><body><outline text='vide'/></body></opml>", "lists no feed"],
    ["<opml><body>", "is never closed"],
    ["not xml at all", "text outside the root element"],
  ])("refuses %s", (xml, message) => {
    expect(() => parseOpml(xml)).toThrow(message);
  });
});
