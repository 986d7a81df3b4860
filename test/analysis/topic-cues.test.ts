/** Topic causes of issue 12, on sentences written for these tests. */
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../src/analysis/analyze.ts";
import { classifyTopics } from "../../src/analysis/topics.ts";

describe("topics: diplomacy, heavy topics, 'Asie centrale', lead as title", () => {
  it("tags a meeting, a congratulation or a phone call between leaders as diplomacy", () => {
    const congrats =
      "Le président russe a félicité son homologue pour sa réélection et l'a invité au Kremlin. Dans son télégramme, il salue un allié fidèle.";
    expect(classifyTopics(congrats, "Félicitations de Moscou")).toContain("diplomatie");
    const call =
      "Les deux présidents se sont entretenus par téléphone et ont évoqué leur prochaine rencontre ainsi que la coopération entre leurs pays.";
    expect(classifyTopics(call, "Entretien téléphonique entre les deux présidents")).toContain("diplomatie");
  });

  it("keeps diplomacy when a heavier topic is mentioned many times", () => {
    const text =
      "Les sanctions occidentales visent trois banques. Ces sanctions, les plus dures depuis deux ans, compliquent le contournement des sanctions. " +
      "Le ministre des Affaires étrangères a reçu son homologue pour une visite de travail et des consultations sur cette question.";
    const topics = classifyTopics(text, "Sanctions : les banques visées");
    expect(topics[0]).toBe("sanctions");
    expect(topics).toContain("diplomatie");
  });

  it("does not read 'Asie centrale' as energy, but reads a nuclear power plant as energy", () => {
    const text =
      "Les ministres des pays d'Asie centrale se sont réunis à Douchanbé. L'Asie centrale reste un espace de dialogue, ont-ils dit à l'issue de la rencontre.";
    expect(classifyTopics(text, "Réunion des pays d'Asie centrale")).not.toContain("energie");
    expect(
      classifyTopics("La construction d'une centrale nucléaire a été approuvée.", "Une centrale nucléaire"),
    ).toContain("energie");
  });

  it("gives the lead sentence the title's weight when the text has no heading", () => {
    const text =
      "Le gazoduc vers le nord du pays sera achevé en 2027, a annoncé le ministre de l'Énergie lors d'une conférence de presse à Astana.\nLe tracé a été approuvé par le gouvernement.";
    const a = analyzeDocument({ text, publishedAt: "2026-05-12" });
    expect(a.title.startsWith("Le gazoduc vers le nord")).toBe(true);
    expect(a.topics).toContain("energie");
    // The same lead in the body only (a heading elsewhere) weighs less: one keyword is not a topic by itself.
    expect(
      classifyTopics(
        "Le tracé a été approuvé par le gouvernement. Le gazoduc sera prolongé.",
        "Au conseil des ministres",
      ),
    ).not.toContain("energie");
  });
});
