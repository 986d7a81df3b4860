import { describe, expect, it } from "vitest";
import {
  buildSignature,
  findStory,
  groupStories,
  Rarity,
  SAME_STORY_THRESHOLD,
  storySimilarity,
} from "../../src/analysis/stories.ts";
import type { StorySignature } from "../../src/core/analysis-types.ts";
import { signature } from "../helpers/signature.ts";

// Invented reports of one invented event, by two outlets with different wording.
const OUTLET_A = `Gaz : Astana et Moscou signent un accord sur les livraisons vers le nord
Le ministre kazakh de l'Énergie, Nurlan Sadykbekov, et son homologue russe Pavel Gromov ont signé le 14 mars 2026 à Orenbourg un accord sur l'approvisionnement en gaz des régions de Kostanaï et de Petropavl.
« Cet accord garantit aux foyers du nord un chauffage fiable pour les dix prochains hivers », a déclaré M. Sadykbekov.
Selon M. Gromov, les volumes livrés doubleront d'ici 2028.`;

const OUTLET_B = `Orenbourg : un accord gazier pour le nord du Kazakhstan
Réunis samedi à Orenbourg, Pavel Gromov et Nurlan Sadykbekov ont paraphé un texte qui prévoit de doubler les volumes de gaz russe destinés à Kostanaï et Petropavl.
Le ministre kazakh a estimé que le document « garantit aux foyers du nord un chauffage fiable » pour la décennie à venir.
Les présidents Vladimir Poutine et Kassym-Jomart Tokaïev avaient évoqué le projet lors de leur dernier entretien.`;

// Two different events, same two presidents, nearly the same wording, one year apart.
const CALL_2025 = `Poutine et Tokaïev font le point sur la coopération
Le président russe Vladimir Poutine et le président kazakh Kassym-Jomart Tokaïev se sont entretenus par téléphone le 3 février 2025. Ils ont évoqué la coopération économique et les préparatifs du prochain sommet de l'UEE.`;
const CALL_2026 = `Poutine et Tokaïev font le point sur la coopération
Le président russe Vladimir Poutine et le président kazakh Kassym-Jomart Tokaïev se sont entretenus par téléphone le 4 février 2026. Ils ont évoqué la coopération économique et les préparatifs du prochain sommet de l'UEE.`;

const title = (t: string) => t.split("\n")[0] ?? "";

describe("story grouping on invented reports", () => {
  const a = signature(OUTLET_A, title(OUTLET_A), "2026-03-14", ["nurlan sadykbekov", "pavel gromov"]);
  const b = signature(OUTLET_B, title(OUTLET_B), "2026-03-15", [
    "pavel gromov",
    "nurlan sadykbekov",
    "vladimir putin",
    "kassym-jomart tokaev",
  ]);
  const y1 = signature(CALL_2025, title(CALL_2025), "2025-02-03", ["vladimir putin", "kassym-jomart tokaev"]);
  const y2 = signature(CALL_2026, title(CALL_2026), "2026-02-04", ["vladimir putin", "kassym-jomart tokaev"]);

  it("builds a signature from people, dated days, event days, quote fragments and lead keywords", () => {
    expect(a.people).toEqual(["nurlan sadykbekov", "pavel gromov"]);
    expect(a.dates).toEqual(["2026-03-14"]);
    expect(a.eventDays).toEqual(["2026-03-14"]);
    expect(a.published).toBe("2026-03-14");
    // Fragments of 2–3 content words, function words skipped: "foyers du nord" → "foyer nord".
    expect(a.quoteShingles).toContain("foyer nord");
    expect(a.quoteShingles.some((s) => s.includes("doubl"))).toBe(false);
    const common = buildSignature({
      title: "",
      text: "",
      publishedAt: null,
      people: [],
      quotes: [{ text: "dans tous les domaines de la vie", speaker: null, position: 0 }],
      events: [],
    });
    expect(common.quoteShingles).toEqual(["domain vie"]);
    expect(a.keywords).toContain("orenbourg");
    expect(a.keywords).not.toContain("kazakhstan");
  });

  it("groups two outlets' different wording of one event", () => {
    expect(storySimilarity(a, b)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    expect(storySimilarity(a, b)).toBe(storySimilarity(b, a));
    expect(groupStories([a, b])).toEqual([1, 1]);
  });

  it("keeps apart two calls between the same presidents one year apart", () => {
    expect(storySimilarity(y1, y2)).toBeLessThan(SAME_STORY_THRESHOLD);
    expect(groupStories([y1, a, y2, b])).toEqual([1, 2, 3, 2]);
  });

  it("does not group on the two presidents alone", () => {
    const bare = (d: string): StorySignature => ({
      people: ["vladimir putin", "kassym-jomart tokaev"],
      dates: [d],
      quoteShingles: [],
      keywords: [],
    });
    expect(storySimilarity(bare("2025-05-01"), bare("2025-05-01"))).toBeLessThan(SAME_STORY_THRESHOLD);
  });

  it("findStory picks the most similar story and returns null for a new one", () => {
    expect(
      findStory(b, [
        { storyId: 7, signature: y1 },
        { storyId: 3, signature: a },
      ]),
    ).toBe(3);
    expect(
      findStory(y2, [
        { storyId: 7, signature: y1 },
        { storyId: 3, signature: a },
      ]),
    ).toBe(null);
    expect(findStory(a, [])).toBe(null);
  });

  it("is deterministic and tolerates empty signatures", () => {
    const empty = buildSignature({ title: "", text: "", publishedAt: null, people: [], quotes: [], events: [] });
    expect(empty).toEqual({ people: [], dates: [], quoteShingles: [], keywords: [], eventDays: [] });
    expect(storySimilarity(empty, empty)).toBe(0);
    expect(groupStories([])).toEqual([]);
    expect(groupStories([empty, a, empty, b])).toEqual([1, 2, 3, 2]);
    expect(groupStories([empty, a, empty, b])).toEqual(groupStories([empty, a, empty, b]));
  });

  it("weighs an article's people and words as the whole window does when counting only the article's keys", () => {
    // findStory counts only the keys of the article it matches; the weights it uses must not change.
    const window = [b, a, y1, y2];
    const full = new Rarity(window);
    const focused = new Rarity(window, b);
    expect(b.people.length).toBeGreaterThan(0);
    expect(b.keywords.length).toBeGreaterThan(0);
    for (const k of b.people) expect(focused.weight("p", k)).toBe(full.weight("p", k));
    for (const k of b.keywords) expect(focused.weight("k", k)).toBe(full.weight("k", k));
    expect(
      findStory(
        b,
        [a, y1, y2].map((signature, i) => ({ storyId: i + 1, signature })),
      ),
    ).toBe(1);
  });
});
