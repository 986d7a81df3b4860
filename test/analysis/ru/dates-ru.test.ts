/**
 * Russian date constructions added after the second corpus (ru-011…ru-030). Every sentence was written for these tests.
 */
import { describe, expect, it } from "vitest";
import { extractEventsRu } from "../../../src/analysis/ru/dates-ru.ts";

const ev = (text: string, ref: string | null = "2026-10-27") =>
  extractEventsRu(text, ref).map((e) => `${e.start}..${e.end}/${e.precision}`);

describe("Russian dates: more constructions", () => {
  it("does not take a dateline for an event", () => {
    expect(ev("ОРЕНБУРГ, 14 мая. /ТАСС/. Заседание комиссии пройдет в пятницу.", "2026-05-14")).toEqual([
      "2026-05-15..2026-05-15/day",
    ]);
    // The same day and month inside a sentence is still an event.
    expect(ev("Комиссия соберется 14 мая в Оренбурге.", "2026-05-10")).toEqual(["2026-05-14..2026-05-14/day"]);
  });

  it("reads quarters and halves of a year, with or without the year", () => {
    expect(ev("В первом квартале экспорт вырос на пять процентов.", "2026-04-15")).toEqual([
      "2026-01-01..2026-03-31/period",
    ]);
    expect(ev("Встреча запланирована на второе полугодие 2027 года.")).toEqual(["2027-07-01..2027-12-31/period"]);
  });

  it("reads the beginning, middle or end of a month as that month", () => {
    expect(ev("Лидеры встретятся в начале декабря.")).toEqual(["2026-12-01..2026-12-31/month"]);
    expect(ev("Переговоры прошли в середине мая 2025 года.")).toEqual(["2025-05-01..2025-05-31/month"]);
  });

  it("reads a span «с 14 по 20 сентября» as one period", () => {
    expect(ev("Учения прошли с 14 по 20 сентября.")).toEqual(["2026-09-14..2026-09-20/period"]);
  });

  it("reads «в минувшую пятницу» back and «в ближайшую среду» forward, whatever the verb", () => {
    expect(ev("В минувшую пятницу в Атырау отметили юбилей.")).toEqual(["2026-10-23..2026-10-23/day"]);
    expect(ev("Документ обсуждали в ближайшую среду.")).toEqual(["2026-10-28..2026-10-28/day"]);
  });

  it("reads «в будущем году» and «в минувшем году» like «в следующем» and «в прошлом»", () => {
    expect(ev("Путин посетит Казахстан в будущем году.")).toEqual(["2027-01-01..2027-12-31/year"]);
    expect(ev("В минувшем году товарооборот вырос.")).toEqual(["2025-01-01..2025-12-31/year"]);
  });

  it("counts an anniversary from the year the sentence celebrates it in", () => {
    expect(ev("В следующем году страны отметят 35-летие дипломатических отношений.", "2026-05-09")).toContain(
      "1992-01-01..1992-12-31/year",
    );
    expect(ev("Страны отметили 30-летие дипломатических отношений.", "2022-10-22")).toEqual([
      "1992-01-01..1992-12-31/year",
    ]);
  });
});
