/** RSS and RDF elements mapped as feedparser maps them: links, ids, authors, summaries and contents. */
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../../src/ingest/parse-feed.ts";
import { fixture } from "../helpers.ts";

describe("RSS element mappings", async () => {
  const feed = await parseFeed(fixture("feeds/rss-mappings.xml"));
  const item = (title: string) => feed.items.find((i) => i.title === title);

  it("uses a permalink guid as the link when there is no link, never a guid marked isPermaLink=false", () => {
    expect(item("Le guid est le lien")?.url).toBe("https://correspondances.example/2024/guid-lien");
    expect(item("Un guid qui n’est pas un lien")?.url).toBeNull();
    expect(item("Un guid qui n’est pas un lien")?.guid).toBe("https://correspondances.example/interne/77");
    expect(item("Le lien passe avant le guid")?.url).toBe("https://correspondances.example/2024/lien");
  });

  it("reads dc:author and dc:description", () => {
    expect(item("Le guid est le lien")).toMatchObject({ author: "Dana Seitkali", summary: "Résumé en Dublin Core." });
  });

  it("reads <summary>, <fullitem> and xhtml:body", () => {
    expect(item("Un guid qui n’est pas un lien")).toMatchObject({
      summary: "Résumé RSS.",
      content: "Texte intégral de la dépêche.",
    });
    expect(item("Le lien passe avant le guid")?.content).toBe("Corps XHTML de l’article.");
  });

  it("gives the summary to the first of description and summary, the content to the second", () => {
    expect(item("Description puis résumé")).toMatchObject({
      summary: "La description d’abord.",
      content: "Le résumé ensuite.",
    });
    expect(item("Résumé puis description")).toMatchObject({
      summary: "Le résumé d’abord.",
      content: "La description ensuite.",
    });
    // content:encoded is the content even when a second summary follows it
    expect(item("Contenu encodé et deux résumés")).toMatchObject({
      summary: "Première description.",
      content: "Le contenu complet.",
    });
  });
});

describe("RDF (RSS 1.0) items", () => {
  it("use rdf:about as guid and link, with dc:description, dc:date and dc:creator", async () => {
    const feed = await parseFeed(fixture("feeds/rdf-about.xml"));
    expect(feed.items[0]).toEqual({
      title: "Crue de printemps",
      url: "https://irtych.example/breves/crue",
      guid: "https://irtych.example/breves/crue",
      publishedAt: new Date("2024-04-02T06:00:00Z"),
      author: "Rédaction",
      summary: "Le niveau de l’Irtych monte à Pavlodar.",
      content: null,
    });
  });
});
