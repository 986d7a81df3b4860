/**
 * Russian topic cues added after the second corpus (ru-011…ru-030). Every sentence was written for these tests.
 */
import { describe, expect, it } from "vitest";
import { classifyTopicsRu } from "../../../src/analysis/ru/topics-ru.ts";

describe("Russian topics: the beat's vocabulary", () => {
  it("tags gasification and coal as energy", () => {
    expect(
      classifyTopicsRu("Власти ускорят газификацию сел и газоснабжение городов области.", "Газификация области"),
    ).toContain("energie");
    expect(classifyTopicsRu("Поставки угля по угольным маршрутам выросли.", "Поставки угля")).toContain("energie");
  });

  it("tags industrial cooperation and customs as economy and trade", () => {
    expect(
      classifyTopicsRu("Стороны обсудили промышленную кооперацию и таможенное регулирование.", "Кооперация и таможня"),
    ).toContain("economie-commerce");
  });

  it("tags exercises at a range with servicemen as security", () => {
    expect(
      classifyTopicsRu("На полигоне прошли учения, в них участвовали три тысячи военнослужащих.", "Учения на полигоне"),
    ).toContain("securite");
  });

  it("tags stay without registration as migration, a rocket launch as transport", () => {
    expect(classifyTopicsRu("Срок пребывания без регистрации увеличен до 90 дней.", "Правила пребывания")).toContain(
      "migration",
    );
    expect(classifyTopicsRu("Пуск ракеты с космодрома прошел штатно.", "Пуск ракеты")).toContain(
      "transport-logistique",
    );
  });
});
