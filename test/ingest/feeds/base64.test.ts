/** Base64 text constructs: Atom 1.0 non-text MIME types and Atom 0.3 mode="base64" are decoded, then read. */
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../../src/ingest/parse-feed.ts";
import { fixture } from "../helpers.ts";

describe("base64-encoded Atom text constructs", () => {
  it("decodes Atom 1.0 constructs typed application/octet-stream", async () => {
    const feed = await parseFeed(fixture("feeds/atom10-base64.xml"));
    expect(feed.errors).toEqual([]);
    expect(feed.title).toBe("Dépêches de la Caspienne");
    const item = feed.items[0];
    // decoded HTML, then read as HTML: the escaped <quai> is text, not a tag
    expect(item?.title).toBe("Le port d’Aktaou et la balise <quai>");
    expect(item?.summary).toBe("Le corridor maritime reliera Aktaou à Astrakhan dès l’été.");
    expect(item?.content).toBe(
      "Les armateurs kazakhs ont présenté leur calendrier.\n\nTrois navires neufs sont attendus.",
    );
    expect(item?.url).toBe("https://caspienne.example/depeches/aktaou");
  });

  it('decodes Atom 0.3 mode="base64" by its declared type', async () => {
    const feed = await parseFeed(fixture("feeds/atom03-base64.xml"));
    expect(feed.errors).toEqual([]);
    expect(feed.title).toBe("Revue de l’Oural");
    const item = feed.items[0];
    // text/plain stays as written, "<" included
    expect(item?.title).toBe("Orenbourg : 1 < 2 ponts rouverts");
    expect(item?.summary).toBe("Les travaux s’achèvent avant le dégel.");
    expect(item?.content).toBe("Le premier pont a rouvert lundi.\n\nLe second suivra en mars.");
    expect(item?.publishedAt?.toISOString()).toBe("2004-02-09T10:00:00.000Z");
  });
});
