/**
 * analyzeDocument on the development articles: quotes and speakers against hand-made gold.
 * Reads the development articles in ../shared/seeds at run time: runs under `npm run test:dev-set`.
 */
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../src/analysis/analyze.ts";
import { PersonRegistry } from "../../src/analysis/names.ts";
import { readSeed } from "../helpers/seeds.ts";

const TOK = "Kassym-Jomart Tokaïev";
const DOC = ["le document", "la Déclaration"];

/** Gold quotations of the seeds: how each quotation starts (≤ 6 words) and the acceptable speakers. */
const GOLD: readonly (readonly [number, string, string | null | readonly (string | null)[]])[] = [
  [0, "Je suis convaincu que", "Dauren Abaev"],
  [0, "Nous avons beaucoup en", "Alexander Pankin"],
  [0, "Cette base continuera", "Alexander Pankin"],
  [0, "Le traité bilatéral de bon", "Andrei Lukin"],
  [1, "la frénésie des sanctions", TOK],
  [1, "qui, par son importance", TOK],
  [1, "Un ensemble substantiel", TOK],
  [1, "indissociables de l'activité", TOK],
  [1, "Au Kazakhstan, il jouit", TOK],
  [1, "Bien que beaucoup", TOK],
  [1, "ouvrira une nouvelle ère", TOK],
  [1, "un niveau sans précédent", TOK],
  [1, "Les négociations porteront", "le communiqué"],
  [1, "très substantielles", TOK],
  [2, "mettrait fin au conflit", "Donald Trump"],
  [2, "penchera complètement", null],
  [2, "un symbole d'amitié", TOK],
  [2, "La coopération entre la Russie", "Vladimir Poutine"],
  [2, "se déroulant sous des", [null, "la presse russe"]],
  [2, "promeuvent les principes", "Sergueï Lavrov"],
  [2, "afin de renforcer", "Sergueï Lavrov"],
  [2, "développer ses relations", "Sergueï Lavrov"],
  [2, "accroître le dialogue efficace", "Dauren Abaev"],
  [2, "sans fondement", "Dauren Abaev"],
  [2, "aucun problème", "Roman Vassilenko"],
  [2, "d'autres problèmes", "Roman Vassilenko"],
  [2, "enrichira les contacts", "Sergueï Lavrov"],
  [2, "préoccupations concernant la menace", "Roman Vassilenko"],
  [2, "Pour nous, l'amitié", "Murat Nurtleu"],
  [2, "se développent avec succès", "Murat Nurtleu"],
  [2, "La visite d'État du", "Murat Nurtleu"],
  [2, "Même les bols", null],
  [3, "ouvrira une nouvelle ère", TOK],
  [3, "restent attachées", DOC],
  [3, "continueront également à déployer", DOC],
  [3, "renforcer l'interconnectivité", DOC],
  [3, "Tout en notant", DOC],
  [3, "poursuivront également leur", DOC],
  [4, "fondée sur la confiance", TOK],
  [4, "profonde confiance", TOK],
  [4, "ouvrira une nouvelle ère", TOK],
  [4, "un niveau sans précédent", TOK],
  [4, "jouit d'un respect", TOK],
  [4, "d'élément intégral", TOK],
  [4, "dynamiques et capables", TOK],
  [4, "pilier de stabilité", TOK],
  // Short quotations the sentence attributes ("a estimé … un partenariat "significatif"") are kept.
  [4, "significatif", TOK],
  [4, "amitié éternelle", TOK],
];

function score() {
  const registry = new PersonRegistry();
  let found = 0;
  let matched = 0;
  let right = 0;
  for (let seed = 0; seed < 5; seed++) {
    const quotes = analyzeDocument({ text: readSeed(seed) }, { registry }).quotes;
    found += quotes.length;
    const used = new Set<number>();
    for (const [s, start, speaker] of GOLD) {
      if (s !== seed) continue;
      const i = quotes.findIndex((q, k) => !used.has(k) && q.text.startsWith(start));
      if (i < 0) continue;
      used.add(i);
      matched++;
      const ok = Array.isArray(speaker) ? speaker : [speaker];
      if (ok.includes(quotes[i]?.speaker ?? null)) right++;
    }
  }
  return { found, matched, right, expected: GOLD.length };
}

describe("analyzeDocument on the seed articles", () => {
  const r = score();

  it("finds the real quotations (precision and recall ≥ 0.9)", () => {
    expect(r.matched / r.found).toBeGreaterThanOrEqual(0.9);
    expect(r.matched / r.expected).toBeGreaterThanOrEqual(0.9);
  });

  it("attributes them to the right speaker (≥ 0.9 of matched quotations)", () => {
    expect(r.right / r.matched).toBeGreaterThanOrEqual(0.9);
  });

  it("fills title, date, language and people", () => {
    const a = analyzeDocument({ text: readSeed(4) });
    expect(a.title.startsWith("Tokayev")).toBe(true);
    expect(a.publishedAt).toBe("2025-11-11");
    expect(a.language).toBe("fr");
    expect(a.people.map((p) => p.name)).toEqual(expect.arrayContaining([TOK, "Vladimir Poutine"]));
    expect(a.signature.people.length).toBeGreaterThan(0);
  });
});
