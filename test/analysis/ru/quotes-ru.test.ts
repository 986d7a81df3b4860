/**
 * Russian quote constructions added after the second corpus (ru-011…ru-030). Every sentence was written for
 * these tests.
 */
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../../src/analysis/analyze.ts";
import { PersonRegistry } from "../../../src/analysis/names.ts";

const TOK = "Kassym-Jomart Tokaïev";

function speakers(text: string): Array<[string, string | null]> {
  return analyzeDocument({ text, publishedAt: "2026-05-12" }, { registry: new PersonRegistry() }).quotes.map((q) => [
    q.text,
    q.speaker,
  ]);
}

describe("Russian quotes: bodies as speakers", () => {
  it("gives a quote to the body named after the verb, in the nominative", () => {
    expect(
      speakers("Лидеры обсудили поставки зерна.\n«Достигнуто понимание по всем пунктам», — сообщил Кремль."),
    ).toEqual([["Достигнуто понимание по всем пунктам", "Кремль"]]);
    expect(speakers("Визит прошел успешно.\n«Подписано восемь документов», — сообщили в пресс-службе Акорды.")).toEqual(
      [["Подписано восемь документов", "пресс-служба Акорды"]],
    );
  });

  it("gives «говорится в сообщении пресс-службы / ведомства» to the body of that kind named before", () => {
    const text =
      "МИД РК направил ноту послу.\nДепутаты Госдумы обсудили вопрос.\n«Такие шаги недопустимы», — говорится в заявлении ведомства.";
    expect(speakers(text)).toEqual([["Такие шаги недопустимы", "МИД РК"]]);
    const press =
      "Визит анонсировала пресс-служба Кремля.\n«Программа пребывания будет насыщенной», — говорится в сообщении пресс-службы.";
    expect(speakers(press)).toEqual([["Программа пребывания будет насыщенной", "пресс-служба Кремля"]]);
  });
});

describe("Russian quotes: who a role noun or pronoun points to", () => {
  it("gives «— подчеркнула дипломат» / «— отметил глава государства» to the person just named, of the verb's gender", () => {
    const text =
      "Касым-Жомарт Токаев принял в Астане Марию Захарову.\n— Мы высоко ценим эту поддержку, — подчеркнула дипломат.\n«Двери Казахстана открыты», — отметил глава государства.";
    expect(speakers(text)).toEqual([
      ["Мы высоко ценим эту поддержку", "Maria Zakharova"],
      ["Двери Казахстана открыты", TOK],
    ]);
  });

  it("gives «Он добавил: «…»» to the person named before the sentence", () => {
    const text = "Касым-Жомарт Токаев выступил на форуме.\nОн добавил: «Границы должны объединять, а не разделять».";
    expect(speakers(text)).toEqual([["Границы должны объединять, а не разделять", TOK]]);
  });
});

describe("Russian quotes: shapes of the marks", () => {
  it("splits a quote whose attribution stands inside its marks, both parts to that speaker", () => {
    const text =
      "«Мы открыты к диалогу с соседями, — заявил Касым-Жомарт Токаев журналистам. — Но решения принимает сам Казахстан».";
    expect(speakers(text)).toEqual([
      ["Мы открыты к диалогу с соседями", TOK],
      ["Но решения принимает сам Казахстан", TOK],
    ]);
  });

  it("takes a company or exercise name in marks for a name, even after «заявил, что»", () => {
    const text = "Министр Асхат Бекенов заявил, что договор с АО «КТЖ» продлен.\nУчения «Рубеж-2026» завершились.";
    expect(speakers(text)).toEqual([]);
  });
});
