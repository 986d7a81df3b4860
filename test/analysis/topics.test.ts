import { describe, expect, it } from "vitest";
import { defaultTaxonomy, loadTaxonomy, resolveTopic } from "../../src/analysis/taxonomy.ts";
import { classifyTopics } from "../../src/analysis/topics.ts";

describe("classifyTopics", () => {
  it("classifies invented articles by their subject, best first", () => {
    const energy =
      "Le consortium a annoncé une hausse des livraisons de pétrole par l'oléoduc caspien. Les exportations de gaz " +
      "vers la Russie progressent et une nouvelle centrale électrique au charbon sera modernisée.";
    expect(classifyTopics(energy, "Pétrole et gaz : les livraisons augmentent")[0]).toBe("energie");
    const migration =
      "Les travailleurs migrants kazakhs en Russie devront obtenir un nouveau permis de travail. " +
      "Le ministère a précisé les conditions de séjour et les règles d'expulsion.";
    expect(classifyTopics(migration, "Nouvelles règles pour les migrants")[0]).toBe("migration");
    const war = "Kiev a accusé Moscou d'une nouvelle offensive. Les combats en Ukraine se poursuivent près du Donbass.";
    expect(classifyTopics(war, "Guerre en Ukraine : nouvelle offensive")).toContain("guerre-ukraine");
  });

  it("returns no topic for text without any keyword, and matches whole words only", () => {
    expect(classifyTopics("Il a fait beau toute la semaine à la campagne.", "Météo")).toEqual([]);
    expect(classifyTopics("", "")).toEqual([]);
    // "gazette" is not "gaz", "ukrainien" is an Ukraine stem, accents and case do not matter.
    expect(classifyTopics("La gazette locale a paru. La gazette du soir aussi.", "")).toEqual([]);
    expect(classifyTopics("Des soldats ukrainiens et des drones UKRAINIENS près de KIEV.", "")).toEqual([
      "guerre-ukraine",
    ]);
  });

  it("weights the title: the same body leans to the topic its title names", () => {
    const body =
      "Les deux pays ont évoqué le transit de marchandises par le corridor Nord-Sud et les livraisons de pétrole " +
      "et de gaz vers la Chine.";
    expect(classifyTopics(body, "Le corridor ferroviaire Nord-Sud accélère")[0]).toBe("transport-logistique");
    expect(classifyTopics(body, "Pétrole : le gaz kazakh vers la Chine")[0]).toBe("energie");
  });

  it("uses a custom taxonomy loaded from JSON", () => {
    const custom = loadTaxonomy({
      topics: [
        {
          slug: "espace",
          label: { fr: "Espace", en: "Space" },
          aliases: ["space"],
          keywords: ["baikonour^3", "spatial*"],
        },
        { slug: "sport", label: { fr: "Sport", en: "Sport" }, keywords: ["football", "hockey"] },
      ],
    });
    expect(classifyTopics("Le cosmodrome de Baïkonour accueillera un lancement spatial.", "", custom)).toEqual([
      "espace",
    ]);
    expect(custom.topics[1]?.aliases).toEqual([]);
  });

  it("rejects an invalid taxonomy", () => {
    expect(() => loadTaxonomy({ topics: [] })).toThrow();
    expect(() =>
      loadTaxonomy({ topics: [{ slug: "Bad Slug", label: { fr: "a", en: "b" }, keywords: ["x"] }] }),
    ).toThrow();
    const dup = { slug: "a", label: { fr: "a", en: "a" }, aliases: [], keywords: ["x"] };
    expect(() => loadTaxonomy({ topics: [dup, dup] })).toThrow();
    expect(() => loadTaxonomy({ topics: [{ ...dup, keywords: ["Énergie"] }] })).toThrow();
    expect(() => loadTaxonomy("not json")).toThrow();
    expect(loadTaxonomy(JSON.parse(JSON.stringify(defaultTaxonomy))).topics).toHaveLength(11);
  });
});

describe("resolveTopic", () => {
  it("accepts slugs, French and English names whatever the accents and case", () => {
    for (const input of ["énergie", "energie", "energy", "Energy", " ÉNERGIE ", "pétrole"]) {
      expect(resolveTopic(input)).toEqual({ slug: "energie" });
    }
    expect(resolveTopic("sécurité")).toEqual({ slug: "securite" });
    expect(resolveTopic("OTSC")).toEqual({ slug: "multilateral" });
    expect(resolveTopic("BRICS")).toEqual({ slug: "multilateral" });
    expect(resolveTopic("guerre en Ukraine")).toEqual({ slug: "guerre-ukraine" });
    expect(resolveTopic("economie-commerce")).toEqual({ slug: "economie-commerce" });
    expect(resolveTopic("Trade")).toEqual({ slug: "economie-commerce" });
  });

  it("suggests the closest topics for misspellings and prefixes", () => {
    expect(resolveTopic("enrgie")).toEqual({ suggestions: ["energie"] });
    expect(resolveTopic("migartion")).toEqual({ suggestions: ["migration"] });
    const eco = resolveTopic("econ");
    expect("suggestions" in eco && eco.suggestions).toContain("economie-commerce");
    expect(resolveTopic("xyzzy")).toEqual({ suggestions: [] });
    expect(resolveTopic("")).toEqual({ suggestions: [] });
  });

  it("resolves against a custom taxonomy", () => {
    const custom = loadTaxonomy({
      topics: [{ slug: "espace", label: { fr: "Espace", en: "Space" }, aliases: ["cosmos"], keywords: ["spatial*"] }],
    });
    expect(resolveTopic("Cosmos", custom)).toEqual({ slug: "espace" });
    expect(resolveTopic("energie", custom)).toEqual({ suggestions: [] });
  });
});
