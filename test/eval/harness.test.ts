import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkGold, formatReports, runEval } from "../../eval/harness.ts";
import quotesMeasure, { pairQuotes, quotesMatch, speakersMatch } from "../../eval/measures/quotes.ts";

const corpus = fileURLToPath(new URL("../fixtures/eval-corpus", import.meta.url));
const measures = fileURLToPath(new URL("../../eval/measures", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

describe("quote matching rule", () => {
  it("matches equal texts up to case, accents, marks and end punctuation", () => {
    expect(quotesMatch("« Nous irons à Astana. »", "nous irons a astana")).toBe(true);
  });

  it("matches containment only when the shorter text is at least 80 % of the longer", () => {
    expect(quotesMatch("un partenaire fiable et sûr", "un partenaire fiable et sûr.")).toBe(true);
    expect(quotesMatch("partenaire fiable", "un partenaire fiable et sûr pour nous")).toBe(false);
  });

  it("matches speakers up to determiners and an acronym for the body it abbreviates", () => {
    expect(speakersMatch("le Kremlin", "Kremlin")).toBe(true);
    expect(speakersMatch("CPC", "Consortium du pipeline caspien")).toBe(true);
    expect(speakersMatch("CPC", "Caspian Oil Company")).toBe(false);
    expect(speakersMatch("OTSC", "Consortium du pipeline caspien")).toBe(false);
    expect(speakersMatch("M. Lavrov", "Sergueï Lavrov")).toBe(false);
  });

  it("pairs one found quote with one gold quote at most", () => {
    expect(pairQuotes([{ text: "oui merci" }, { text: "oui merci" }], [{ text: "oui merci" }])).toEqual([0, -1]);
  });
});

describe("npm run eval harness", () => {
  it("counts a missed quote and a wrong speaker, so the measure can fail", async () => {
    const { reports, problems, documents } = await runEval(corpus, measures);
    expect(documents).toBe(2);
    const q = reports.find((r) => r.title === "Quotes and speakers");
    const fig = (name: string) => q?.figures.find((f) => f.name.startsWith(name))?.value;
    expect(fig("quote recall")).toBeCloseTo(2 / 3);
    expect(fig("quote precision")).toBe(1);
    expect(fig("speaker accuracy")).toBe(0.5);
    expect(q?.misses["missed: absent-from-text"]).toHaveLength(1);
    expect(q?.misses["speaker: wrong-on-purpose"]?.[0]).toContain("got Dmitri Peskov");
    // The malformed gold is reported by file and field, and the other texts are still measured.
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toContain("fx-003.gold.json");
    expect(problems[0]?.message).toContain('"story"');
    expect(formatReports(reports, problems)).toContain("missed: absent-from-text (1)");
  });

  it("rejects gold files with a clear message naming the field", () => {
    expect(checkGold({ published: "14/03/2026" })).toContain('"published"');
    expect(
      checkGold({ published: null, language: "fr", story: "s", topics: [], quotes: [{ text: "" }], events: [] }),
    ).toContain("quotes[0].text");
    expect(checkGold([])).toContain("JSON object");
  });

  it("prints machine-readable JSON with --json and exits 1 when a corpus file is broken", async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, ["--import", "tsx", "eval/run.ts", "--json", "--corpus", corpus], {
      cwd: root,
    }).catch((e: { code: number; stdout: string }) => e);
    expect("code" in err ? err.code : 0).toBe(1);
    const out = JSON.parse(err.stdout) as { documents: number; reports: { title: string }[] };
    expect(out.documents).toBe(2);
    expect(out.reports.map((r) => r.title)).toContain(quotesMeasure.measure([]).title);
  });
});
