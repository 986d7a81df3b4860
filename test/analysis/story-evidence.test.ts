/**
 * Story grouping causes of issue 12 on reports written for these tests: same event rewritten by different outlets
 * (shared people and places, the event's day, event nouns, rare words, a short quote fragment), and look-alikes
 * that must stay apart (same people, another day).
 */
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../src/analysis/analyze.ts";
import { PersonRegistry } from "../../src/analysis/names.ts";
import { findStory, groupStories, Rarity, storySimilarity } from "../../src/analysis/stories.ts";
import type { StorySignature } from "../../src/core/analysis-types.ts";

const registry = new PersonRegistry();
const sig = (text: string, publishedAt: string | null): StorySignature =>
  analyzeDocument({ text, publishedAt }, { registry }).signature;

const VISIT_A = sig(
  `Le président russe en visite d'État à Astana
Vladimir Poutine est arrivé lundi à Astana pour une visite d'État, à l'invitation de Kassym-Jomart Tokaïev. Les deux présidents doivent signer mardi une feuille de route pour une union gazière.
« Le Kazakhstan est un allié fiable », a déclaré le président russe à l'aéroport.`,
  "2026-03-09",
);
const VISIT_B = sig(
  `Union gazière : Astana et Moscou passent à l'acte
Kassym-Jomart Tokaïev a reçu aujourd'hui son hôte russe au palais Akorda, où les présidents ont paraphé la feuille de route de l'union gazière.
Vladimir Poutine a salué « un allié fiable, d'une grande loyauté » lors de la conférence de presse.`,
  "2026-03-10",
);
const VISIT_C = sig(
  `ASTANA, 10 mars 2026 — Au dernier jour de la visite d'État du président russe, Vladimir Poutine et Kassym-Jomart Tokaïev ont signé ce mardi une feuille de route vers une union gazière entre les deux pays.`,
  null,
);
// Same two presidents, three days later, another event.
const CALL = sig(
  `Entretien téléphonique entre Tokaïev et Poutine
Kassym-Jomart Tokaïev et Vladimir Poutine se sont entretenus jeudi par téléphone de la sécurité des frontières méridionales et du prochain sommet de l'OTSC.`,
  "2026-03-13",
);
// Same two ministers, same words, a meeting three weeks earlier.
const MEETING_OCT = sig(
  `Sergueï Lavrov reçoit Murat Nurtleu
Le ministre russe des Affaires étrangères Sergueï Lavrov a reçu mardi son homologue kazakh Murat Nurtleu pour des consultations sur la sécurité régionale.`,
  "2026-10-06",
);
const MEETING_SEP = sig(
  `Murat Nurtleu et Sergueï Lavrov en consultations
Le ministre kazakh des Affaires étrangères Murat Nurtleu s'est entretenu mardi avec Sergueï Lavrov de la sécurité régionale, lors de consultations à Moscou.`,
  "2026-09-15",
);

describe("stories across outlets", () => {
  it("groups three outlets' rewordings of one visit, a dateline-only report included", () => {
    expect(groupStories([VISIT_A, VISIT_B, VISIT_C])).toEqual([1, 1, 1]);
  });

  it("keeps a phone call between the same presidents three days later apart from the visit", () => {
    expect(groupStories([VISIT_A, VISIT_B, CALL, VISIT_C])).toEqual([1, 1, 2, 1]);
    expect(findStory(CALL, [{ storyId: 4, signature: VISIT_B }])).toBeNull();
  });

  it("keeps two meetings of the same ministers on different days apart, however alike their words", () => {
    expect(storySimilarity(MEETING_OCT, MEETING_SEP)).toBe(0);
  });

  it("does not group on shared words alone (no person, event day or quote in common)", () => {
    const stats = sig(
      `Le commerce bilatéral a reculé l'an dernier
Les échanges commerciaux ont baissé à 26 milliards de dollars, selon le Comité des statistiques, qui a publié ses chiffres mardi. La commission intergouvernementale se réunira à Omsk.`,
      "2026-01-20",
    );
    const record = sig(
      `Les échanges commerciaux dépassent 28 milliards de dollars
Le commerce bilatéral a atteint un record de 28 milliards de dollars, a annoncé le vice-ministre Arman Seitov devant la commission intergouvernementale.`,
      "2026-01-21",
    );
    expect(storySimilarity(stats, record)).toBeLessThan(0.5);
  });

  it("matches a short fragment of a quote reported by another outlet", () => {
    expect(VISIT_A.quoteShingles).toContain("alli fiabl");
    expect(VISIT_B.quoteShingles).toContain("alli fiabl");
  });

  it("weighs a person or word by rarity among the articles compared", () => {
    const r = new Rarity([VISIT_A, VISIT_B, VISIT_C, CALL, MEETING_OCT, MEETING_SEP]);
    const putin = VISIT_A.people.find((p) => /putin/.test(p)) as string;
    const lavrov = MEETING_OCT.people.find((p) => /lavrov/.test(p)) as string;
    expect(putin).toBeDefined();
    expect(r.weight("p", putin)).toBeLessThan(r.weight("p", lavrov));
    expect(r.weight("k", "gazier")).toBeGreaterThan(0);
  });

  it("compares signatures stored before event days existed by their dates", () => {
    const old = (s: StorySignature): StorySignature => ({
      people: s.people,
      dates: s.dates,
      quoteShingles: s.quoteShingles,
      keywords: s.keywords,
    });
    expect(groupStories([old(VISIT_A), old(VISIT_B)])).toEqual([1, 1]);
  });
});
