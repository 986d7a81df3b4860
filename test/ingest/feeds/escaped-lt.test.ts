/** An escaped "<" is a character: decoded once and never then stripped as the start of a tag. */
import { describe, expect, it } from "vitest";
import { htmlToText, inlineText } from "../../../src/ingest/html-text.ts";
import { parseFeed } from "../../../src/ingest/parse-feed.ts";
import { fixture } from "../helpers.ts";

describe("escaped < in feeds", () => {
  it("keeps 1 < 2 in RSS titles and descriptions, and strips real escaped markup", async () => {
    const feed = await parseFeed(fixture("feeds/escaped-lt.xml"));
    expect(feed.title).toBe("Chiffres < bruit");
    expect(feed.items[0]?.title).toBe("Exportations : 1 < 2, mais pas pour longtemps");
    expect(feed.items[0]?.summary).toBe("Si a < b et b < c, alors a < c : le transit l’emporte.");
  });

  it("keeps Atom type=text as written and reads type=html as HTML", async () => {
    const feed = await parseFeed(fixture("feeds/atom-text-lt.xml"));
    // type="text": nothing is markup, even what looks like a tag
    expect(feed.items[0]?.title).toBe("Tarifs : 3 < 5 et <b> reste du texte");
    // type="html": &amp;lt; is an escaped "<" in the HTML; <em> is markup
    expect(feed.items[0]?.summary).toBe("Le ratio 1 < 2 tient toujours ; à suivre.");
  });

  it("htmlToText treats '<' before a space or digit as text", () => {
    expect(htmlToText("<p>1 < 2</p><p>x <3 y</p>")).toBe("1 < 2\n\nx <3 y");
    expect(inlineText("a &lt; b <b>gras</b>")).toBe("a < b gras");
    // a tag cut by truncation still goes
    expect(htmlToText("Texte <a href='x")).toBe("Texte");
  });
});
