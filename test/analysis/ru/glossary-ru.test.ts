/**
 * The Russian–French glossary that lets a Russian and a French report of one event meet. Sentences written for
 * these tests.
 */
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../../src/analysis/analyze.ts";
import { PersonRegistry } from "../../../src/analysis/names.ts";
import { glossRussian } from "../../../src/analysis/ru/glossary-ru.ts";
import { SAME_STORY_THRESHOLD, storySimilarity } from "../../../src/analysis/stories.ts";

describe("Russian glossary", () => {
  it("gives places, bodies and event nouns of the beat their French form, in any case", () => {
    const g = glossRussian("В Акорде подписали программу; пуск ракеты перенесли, встретятся в Сочи.");
    for (const w of ["Akorda", "programme", "lancement", "fusee", "rencontrer", "Sotchi"]) expect(g).toContain(w);
  });

  it("lets a Russian and a French report of one rocket launch meet as one story", () => {
    const registry = new PersonRegistry();
    const ru = analyzeDocument(
      {
        text: "Пуск ракеты «Ангара» с космодрома Плесецк перенесен\nПуск ракеты «Ангара» с космодрома Плесецк перенесли на сутки из-за погоды, сообщили в Роскосмосе.",
        publishedAt: "2026-03-03",
      },
      { registry },
    );
    const fr = analyzeDocument(
      {
        text: "Le lancement de la fusée Angara depuis le cosmodrome de Plessetsk reporté\nLe lancement de la fusée Angara depuis le cosmodrome de Plessetsk a été reporté d'un jour en raison de la météo, a indiqué Roscosmos.",
        publishedAt: "2026-03-03",
      },
      { registry },
    );
    expect(storySimilarity(ru.signature, fr.signature)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
  });
});
