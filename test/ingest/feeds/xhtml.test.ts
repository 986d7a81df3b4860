/** Inline XHTML and bare markup in Atom text constructs are read as text, never lost or thrown on. */
import { describe, expect, it } from "vitest";
import { checkFeed } from "../../../src/ingest/check-feed.ts";
import { parseFeed } from "../../../src/ingest/parse-feed.ts";
import { fixture, fixturePath } from "../helpers.ts";

describe('inline XHTML (type="xhtml") and bare markup', () => {
  it("reads XHTML feed and entry titles, summaries and contents as text, strictly", async () => {
    const feed = await parseFeed(fixture("feeds/atom-xhtml.xml"));
    // no fallback: the strict reader copes (rss-parser threw "html.replace is not a function" here)
    expect(feed.errors).toEqual([]);
    expect(feed.title).toBe("Chronique eurasienne");
    const [first, second] = feed.items;
    expect(first?.title).toBe("Visite à Kazan & Astana");
    expect(first?.summary).toBe("Les ministres se retrouvent jeudi.");
    expect(first?.content).toBe(
      "Première journée consacrée à l’énergie.\n\nLe transport occupera la seconde\net dernière journée.",
    );
    // bare markup in a construct without a type, and application/xhtml+xml content
    expect(second?.title).toBe("Accord céréalier prolongé");
    expect(second?.summary).toBe("Un an de plus sans changement de quotas.");
    expect(second?.content).toBe("Les volumes restent inchangés.");
  });

  it('reads Atom 0.3 mode="xml" titles and escaped summaries', async () => {
    const feed = await parseFeed(fixture("feeds/atom03-inline.xml"));
    expect(feed.errors).toEqual([]);
    expect(feed.title).toBe("Lettre d’Almaty");
    expect(feed.items[0]?.title).toBe("Le métro s’agrandit");
    expect(feed.items[0]?.summary).toBe("Deux stations de plus en 2005.");
  });

  it("feed check shows the XHTML-titled feed as OK", async () => {
    const r = await checkFeed(fixturePath("feeds/atom-xhtml.xml"));
    expect(r).toMatchObject({ ok: true, title: "Chronique eurasienne", errors: [] });
    expect(r.items).toHaveLength(2);
  });
});
