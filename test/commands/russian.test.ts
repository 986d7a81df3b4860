/**
 * The interface in Russian, without a platform: a Russian-client user (lang "ru") gets Russian titles, counts
 * with Russian plurals, Russian dates and topic names; topics typed in Russian, French or English are the same
 * topic.
 */
import { describe, expect, it } from "vitest";
import { parseUserDate } from "../../commands/_shared.ts";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import type { IncomingCommand } from "../../src/core/platform.ts";
import { replyText } from "../../src/core/reply.ts";
import { fakeQueries } from "../fakes/news-queries.ts";
import { testCore } from "../fakes/services.ts";

const chat: ChatRef = { platform: "console", id: "c1", type: "private" };
const member: UserRef = { id: "u1", isAdmin: async () => false };

function ru(command: string, args = ""): IncomingCommand {
  return { command, args, lang: "ru", chat, user: member };
}

describe("a Russian-speaking user", () => {
  it("gets /help in Russian: intro, every command described in Russian, audience in Russian", async () => {
    const text = replyText(await testCore().handle(ru("help")));
    expect(text).toContain("Newsbot — новости Казахстан–Россия");
    expect(text).toContain("/latest");
    expect(text).toContain("Последние новости, один сюжет на строку");
    expect(text).toContain("только для администраторов чата");
    expect(text).not.toContain("Dernières nouvelles");
  });

  it("gets /topics with Russian topic names and Russian plural forms of the counts", async () => {
    const reply = await testCore().handle(ru("topics"));
    expect(reply.title).toBe("Темы");
    const text = replyText(reply);
    expect(text).toContain("Дипломатия (diplomatie) — 3 статьи");
    expect(text).toContain("Транспорт и логистика (transport-logistique) — 1 статья");
    expect(text).toContain("Санкции (sanctions) — 0 статей");
    expect(text).toContain("Используйте /latest <тема> или /timeline <тема>.");
  });

  it("gets /start with the archive counted in Russian", async () => {
    const text = replyText(await testCore().handle(ru("start")));
    expect(text).toContain("Архив: 4 статьи, 2 сюжета, 2 цитаты, 2 события с датой.");
  });

  it("gets /latest in Russian, with sources counted in Russian", async () => {
    const text = replyText(await testCore().handle(ru("latest")));
    expect(text).toContain("Последние новости");
    expect(text).toContain("3 источника");
    expect(text).not.toContain("sources");
  });

  it("types a topic in Russian, French or English and gets the same topic, named in Russian", async () => {
    for (const arg of ["энергетика", "Энергетика", "énergie", "energy"]) {
      const queries = fakeQueries();
      const reply = await testCore({ queries }).handle(ru("latest", arg));
      expect(queries.calls.find((c) => c.method === "latest")?.args[0], arg).toMatchObject({ topic: "energie" });
      expect(reply.title, arg).toBe("Последние новости — Энергетика");
    }
  });

  it("gets /timeline with Russian dates and counts", async () => {
    const text = replyText(await testCore().handle(ru("timeline")));
    expect(text).toContain("11 нояб. 2013 — Signature du traité de bon voisinage");
    expect(text).toContain("(2 статьи)");
    expect(text).toContain("19–20 нояб. 2026 — ");
  });

  it("gets /onthisday with 'N лет назад' and the date in the genitive", async () => {
    const reply = await testCore().handle(ru("onthisday", "11.11"));
    expect(reply.title).toBe("В этот день — 11 ноября");
    expect(replyText(reply)).toContain("13 лет назад, 11 ноября 2013: Signature du traité de bon voisinage");
    const empty = await testCore().handle(ru("onthisday", "27 ноября"));
    expect(replyText(empty)).toContain("В нашем архиве нет ничего на 27 ноября.");
  });

  it("may write dates in Russian", () => {
    expect(parseUserDate("11 ноября")).toEqual({ month: 11, day: 11 });
    expect(parseUserDate("9 мая 2025 г.")).toEqual({ year: 2025, month: 5, day: 9 });
    expect(parseUserDate("1 мар.")).toEqual({ month: 3, day: 1 });
    expect(parseUserDate("30 июня 2024 года")).toEqual({ year: 2024, month: 6, day: 30 });
    expect(() => parseUserDate("31 июня")).toThrow();
  });

  it("gets errors in Russian", async () => {
    expect(replyText(await testCore().handle(ru("nope")))).toBe("Неизвестная команда: /nope. Список команд: /help.");
    expect(replyText(await testCore().handle(ru("latest", "500")))).toContain("Число вне допустимого диапазона");
  });
});
