/**
 * The Russian analysis, construction by construction. Every sentence here was written for these tests.
 */
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../../src/analysis/analyze.ts";
import { PersonRegistry } from "../../../src/analysis/names.ts";
import { extractEventsRu } from "../../../src/analysis/ru/dates-ru.ts";
import { SAME_STORY_THRESHOLD, storySimilarity } from "../../../src/analysis/stories.ts";

const TOK = "Kassym-Jomart Tokaïev";
const PUTIN = "Vladimir Poutine";

function analyze(text: string, publishedAt: string | null = "2025-11-12") {
  return analyzeDocument({ text, publishedAt }, { registry: new PersonRegistry() });
}

function speakers(text: string): Array<[string, string | null]> {
  return analyze(text).quotes.map((q) => [q.text, q.speaker]);
}

const LEAD = "Президент Казахстана Касым-Жомарт Токаев встретился в Москве с Владимиром Путиным.";

describe("Russian quotes and speakers", () => {
  it("reads a quote closed by a dash and a speech verb, in any form", () => {
    expect(speakers(`${LEAD}\n«Наши страны связывает многолетняя дружба», — заявил Токаев.`)).toEqual([
      ["Наши страны связывает многолетняя дружба", TOK],
    ]);
    expect(speakers(`${LEAD}\n«Работа будет продолжена», — также подчеркнул российский президент.`)).toEqual([
      ["Работа будет продолжена", PUTIN],
    ]);
  });

  it("reads a speaker before a colon, after «по словам» and «как заявил»", () => {
    const text = `${LEAD}\nПутин отметил на пресс-конференции: «Товарооборот растет быстрее, чем мы ожидали».\nПо словам Токаева, «интеграция отвечает интересам обоих народов».\nКак заявил пресс-секретарь Кремля, «график визита очень насыщенный».`;
    expect(speakers(text)).toEqual([
      ["Товарооборот растет быстрее, чем мы ожидали", PUTIN],
      ["интеграция отвечает интересам обоих народов", TOK],
      ["график визита очень насыщенный", "Dmitri Peskov"],
    ]);
  });

  it("gives a pronoun to the nearest person, and a dialogue dash line to its speaker", () => {
    const text = `${LEAD}\nОфициальный представитель МИД России Мария Захарова прокомментировала итоги встречи.\n— Мы удовлетворены результатами, — сказала она.`;
    expect(speakers(text)).toEqual([["Мы удовлетворены результатами", "Maria Zakharova"]]);
  });

  it("treats agencies as sources, never speakers", () => {
    const q = speakers(`${LEAD}\n«Переговоры прошли в конструктивном ключе», — передает ТАСС.`);
    expect(q).toEqual([["Переговоры прошли в конструктивном ключе", null]]);
    const cited = speakers(`${LEAD}\n«Переговоры прошли в конструктивном ключе», — цитирует Путина ТАСС.`);
    expect(cited).toEqual([["Переговоры прошли в конструктивном ключе", PUTIN]]);
  });

  it("keeps a short quote a verb attributes, drops names and scare quotes", () => {
    const text = `${LEAD}\nТокаев назвал отношения двух стран «образцовыми».\nКомпания «Газпром» увеличит поставки.`;
    expect(speakers(text)).toEqual([["образцовыми", TOK]]);
  });

  it("never gives a quote to a person it names", () => {
    const text = `Эксперты обсудили визит.\n«Путин и Токаев давно знают друг друга», — сказал политолог Андрей Смирнов.`;
    expect(speakers(text)).toEqual([["Путин и Токаев давно знают друг друга", "Андрей Смирнов"]]);
  });
});

describe("Russian people", () => {
  it("folds case forms and scripts to one person with the French spelling's key", () => {
    const a = analyze(
      `${LEAD}\nТокаеву вручили награду. Встреча с Токаевым продлилась три часа. Визит Токаева завершится завтра.`,
    );
    const tok = a.people.find((p) => p.name === TOK);
    expect(tok?.mentions).toBe(4);
    const fr = analyzeDocument({ text: "Kassym-Jomart Tokaïev a reçu Vladimir Poutine à Astana." });
    expect(tok?.key).toBe(fr.people.find((p) => p.name === TOK)?.key);
  });

  it("keeps a woman's surname feminine and does not take places for people", () => {
    const a = analyze("Анна Петрова выступила в Москве. Позже Петровой задали вопрос о Ростове и Берлине.");
    expect(a.people.map((p) => [p.name, p.mentions])).toEqual([["Анна Петрова", 2]]);
  });
});

describe("Russian dates", () => {
  const spans = (text: string, ref = "2025-11-12") =>
    extractEventsRu(text, ref).map((e) => `${e.start}..${e.end}/${e.precision}`);

  it("reads full dates, day spans, months and years", () => {
    expect(spans("Договор подписали 11 ноября 2015 года.")).toEqual(["2015-11-11..2015-11-11/day"]);
    expect(spans("Визит прошел 11–12 ноября.")).toEqual(["2025-11-11..2025-11-12/period"]);
    expect(spans("Форум прошел в октябре 2024 года.")).toEqual(["2024-10-01..2024-10-31/month"]);
    expect(spans("Соглашение вступило в силу в 2019 году.")).toEqual(["2019-01-01..2019-12-31/year"]);
  });

  it("resolves yearless dates and weekdays by the tense of the verb", () => {
    // 12 November 2025 is a Wednesday.
    expect(spans("Саммит состоится 5 февраля.")).toEqual(["2026-02-05..2026-02-05/day"]);
    expect(spans("Делегация прибыла 5 февраля.")).toEqual(["2025-02-05..2025-02-05/day"]);
    expect(spans("Лидеры встретились в понедельник.")).toEqual(["2025-11-10..2025-11-10/day"]);
    expect(spans("Лидеры встретятся в пятницу, переговоры состоятся в Кремле.")).toEqual([
      "2025-11-14..2025-11-14/day",
    ]);
    expect(spans("Заявление было сделано в среду.")).toEqual(["2025-11-12..2025-11-12/day"]);
  });

  it("reads relative days and periods, anniversaries, and ignores horizons", () => {
    expect(spans("Вчера министры подписали протокол.")).toEqual(["2025-11-11..2025-11-11/day"]);
    expect(spans("Накануне президенты провели телефонный разговор.")).toEqual(["2025-11-11..2025-11-11/day"]);
    expect(spans("На прошлой неделе стороны обменялись нотами.")).toEqual(["2025-11-03..2025-11-09/period"]);
    expect(spans("В прошлом году товарооборот вырос.")).toEqual(["2024-01-01..2024-12-31/year"]);
    expect(spans("Страны отмечают 30-летие установления отношений.")).toEqual(["1995-01-01..1995-12-31/year"]);
    expect(spans("Стороны намерены удвоить товарооборот до 2030 года.")).toEqual([]);
  });
});

describe("Russian articles as a whole", () => {
  it("says ru, keeps the text, dates it from the dateline and finds topics of the shared taxonomy", () => {
    const a = analyze(
      `Газовый союз обсудили в Астане\nАСТАНА, 3 марта 2026 года. Министры энергетики России и Казахстана обсудили поставки газа и строительство газопровода.\n«Газовый союз выгоден обеим сторонам», — заявил министр энергетики Казахстана Ерлан Аккенженов.`,
      null,
    );
    expect(a.language).toBe("ru");
    expect(a.publishedAt).toBe("2026-03-03");
    expect(a.topics[0]).toBe("energie");
    expect(a.quotes[0]?.speaker).toBe("Ерлан Аккенженов");
    expect(a.events).toEqual([]);
  });
});

describe("one story across languages", () => {
  const ru = `Токаев прибыл в Москву с государственным визитом
Президент Казахстана Касым-Жомарт Токаев прибыл во вторник в Москву для переговоров с Владимиром Путиным.
«Россия остается нашим главным стратегическим союзником», — заявил Токаев.
Визит продлится до 12 ноября.`;
  const fr = `Tokaïev en visite d'État à Moscou
Le président kazakh Kassym-Jomart Tokaïev est arrivé mardi à Moscou pour des entretiens avec Vladimir Poutine.
« La Russie reste notre principal allié stratégique », a déclaré M. Tokaïev.
La visite doit durer jusqu'au 12 novembre.`;
  const other = `Путин и Токаев провели телефонный разговор
Владимир Путин провел в среду телефонный разговор с Касым-Жомартом Токаевым.
Президенты обсудили поставки газа и договорились встретиться в сентябре.`;

  it("groups a Russian and a French report of one visit, not a later call between the same presidents", () => {
    const a = analyzeDocument({ text: ru, publishedAt: "2025-11-11" });
    const b = analyzeDocument({ text: fr, publishedAt: "2025-11-11" });
    const c = analyzeDocument({ text: other, publishedAt: "2026-07-01" });
    expect(storySimilarity(a.signature, b.signature)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    expect(storySimilarity(a.signature, c.signature)).toBeLessThan(SAME_STORY_THRESHOLD);
  });
});
