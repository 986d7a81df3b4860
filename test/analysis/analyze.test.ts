import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../src/analysis/analyze.ts";

const TOK = "Kassym-Jomart Tokaïev";

describe("analyzeDocument on invented input", () => {
  it("prefers the caller's title and date over the text's", () => {
    const a = analyzeDocument({
      text: "Un titre\n12/03/2024\nLe président Tokaïev a déclaré : « Nous avancerons ensemble vers la paix. »",
      title: "Titre du flux",
      publishedAt: "2024-03-13",
    });
    expect(a.title).toBe("Titre du flux");
    expect(a.publishedAt).toBe("2024-03-13");
    expect(a.quotes[0]?.speaker).toBe(TOK);
  });

  it("uses the dateline and the first line otherwise", () => {
    const a = analyzeDocument({ text: "Astana et Moscou signent un accord\n12/03/2024\nLe texte suit ici." });
    expect(a.title).toBe("Astana et Moscou signent un accord");
    expect(a.publishedAt).toBe("2024-03-12");
  });

  it("does not throw on empty or binary-ish input", () => {
    expect(() => analyzeDocument({ text: "" })).not.toThrow();
    const a = analyzeDocument({ text: '\u0000\u0001\uFFFD«««»»"' });
    expect(a.language).toBe("und");
    expect(a.quotes).toEqual([]);
  });
});
