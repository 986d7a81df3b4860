import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/core/command.ts";
import { formatDayMonth, formatEventDate, formatIsoDay, formatLongDay } from "../../src/core/format.ts";
import { en } from "../../src/core/i18n/en.ts";
import { fr, type MessageKey } from "../../src/core/i18n/fr.ts";
import { asLang, fill, pickLang, plural, t } from "../../src/core/i18n/index.ts";
import { ru } from "../../src/core/i18n/ru.ts";
import { ds } from "../../src/digest/strings.ts";
import { pictureText } from "../../src/pictures/strings.ts";

const tables = { fr, en, ru } as Record<string, Record<string, string>>;

/** The placeholder names of a template: `{name}` and the counts of `{name|…}` forms. */
function placeholders(template: string): string[] {
  const names = [...template.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1] ?? "");
  return [...new Set(names)].sort();
}

/** The number of forms of each `{name|…}` in a template. */
function formCounts(template: string): number[] {
  return [...template.matchAll(/\{\w+((?:\|[^|{}]*)+)\}/g)].map((m) => (m[1] ?? "").split("|").length - 1);
}

describe("string tables", () => {
  it("have every key in French, English and Russian, non-empty, with the same placeholders", () => {
    const keys = Object.keys(fr) as MessageKey[];
    for (const lang of LANGS) {
      const table = tables[lang] ?? {};
      expect(Object.keys(table).sort(), lang).toEqual([...keys].sort());
      for (const key of keys) {
        const s = table[key] ?? "";
        expect(s.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
        expect(placeholders(s), `${lang} ${key}`).toEqual(placeholders(fr[key]));
      }
    }
  });

  it("write counts with two forms in French and English and three in Russian", () => {
    for (const key of Object.keys(fr) as MessageKey[]) {
      for (const n of formCounts(fr[key])) expect(n, `fr ${key}`).toBe(2);
      for (const n of formCounts(en[key])) expect(n, `en ${key}`).toBe(2);
      for (const n of formCounts(ru[key])) expect(n, `ru ${key}`).toBe(3);
    }
  });

  it("leave no placeholder unfilled in Russian when every parameter is given", () => {
    for (const key of Object.keys(fr) as MessageKey[]) {
      const params = Object.fromEntries(placeholders(fr[key]).map((p) => [p, 3]));
      expect(t("ru", key, params), key).not.toMatch(/[{}]/);
    }
  });

  it("digest and picture strings exist in Russian, with Russian plurals", () => {
    expect(ds("ru", "more", { count: 1 })).toBe("… и ещё 1 сюжет: /latest");
    expect(ds("ru", "more", { count: 3 })).toBe("… и ещё 3 сюжета: /latest");
    expect(ds("ru", "more", { count: 11 })).toBe("… и ещё 11 сюжетов: /latest");
    expect(ds("ru", "titleDaily", { date: "11 ноября 2025" })).toBe("Обзор за 11 ноября 2025");
    expect(pictureText("ru", "events", 22)).toBe("22 события");
    expect(pictureText("ru", "articles", 1500)).toBe("1\u00a0500 статей");
    expect(pictureText("en", "events", 1)).toBe("1 event");
  });
});

describe("plural forms", () => {
  it("Russian: 1 статья, 2 статьи, 5 статей, 11 статей, 21 статья, 22 статьи", () => {
    const form = (n: number) => `${n} ${plural("ru", n, "статья", "статьи", "статей")}`;
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(form)).toEqual([
      "1 статья",
      "2 статьи",
      "4 статьи",
      "5 статей",
      "11 статей",
      "12 статей",
      "14 статей",
      "21 статья",
      "22 статьи",
      "25 статей",
      "101 статья",
      "111 статей",
    ]);
    expect(form(0)).toBe("0 статей");
  });

  it("French and English keep their rules (0 article / 0 articles)", () => {
    expect(t("fr", "topics.articles", { count: 0 })).toBe("0 article");
    expect(t("en", "topics.articles", { count: 0 })).toBe("0 articles");
    expect(t("ru", "topics.articles", { count: 0 })).toBe("0 статей");
    expect(t("ru", "topics.articles", { count: 3 })).toBe("3 статьи");
  });

  it("writes a count the language's way, but not an id or a year", () => {
    expect(t("ru", "topics.articles", { count: 12345 })).toBe("12\u00a0345 статей");
    expect(t("fr", "topics.articles", { count: 12345 })).toBe("12\u202f345 articles");
    expect(t("en", "topics.articles", { count: 12345 })).toBe("12,345 articles");
    expect(t("ru", "source.paused", { id: 1234, title: "ТАСС" })).toBe("Источник № 1234 приостановлен (ТАСС).");
    expect(fill("ru", "{n}", { n: 2025 })).toBe("2025");
  });

  it("anniversaries read 'N лет назад' with the right form of год", () => {
    expect(t("ru", "onthisday.yearsAgo", { years: 2 })).toBe("2 года назад");
    expect(t("ru", "onthisday.yearsAgo", { years: 5 })).toBe("5 лет назад");
    expect(t("ru", "onthisday.yearsAgo", { years: 21 })).toBe("21 год назад");
    expect(t("fr", "onthisday.yearsAgo", { years: 5 })).toBe("Il y a 5 ans");
    expect(ds("ru", "yearsAgo", { years: 12, date: "11 ноября 2013", summary: "договор" })).toBe(
      "12 лет назад, 11 ноября 2013: договор",
    );
  });
});

describe("Russian dates", () => {
  it("write the month in the genitive after a day and in the nominative alone", () => {
    expect(formatLongDay("2025-11-11", "ru")).toBe("11 ноября 2025");
    expect(formatLongDay("2025-03-01", "ru")).toBe("1 марта 2025");
    expect(formatLongDay("2025-03-01", "fr")).toBe("1er mars 2025");
    expect(formatDayMonth(5, 9, "ru")).toBe("9 мая");
    expect(formatIsoDay("2025-11-11", "ru")).toBe("11 нояб. 2025");
    expect(formatEventDate("2025-11-01", "2025-11-30", "month", "ru")).toBe("ноябрь 2025");
    expect(formatEventDate("2025-11-11", "2025-11-12", "period", "ru")).toBe("11–12 нояб. 2025");
    expect(formatEventDate("2025-11-11", "2025-11-12", "period", "en")).toBe("Nov 11–12, 2025");
  });
});

describe("language of a client", () => {
  it("maps Telegram and Discord codes to a reply language", () => {
    expect(pickLang("ru")).toBe("ru");
    expect(pickLang("ru-RU")).toBe("ru");
    expect(pickLang("RU")).toBe("ru");
    expect(pickLang("kk")).toBe("ru");
    expect(pickLang("en-GB")).toBe("en");
    expect(pickLang("fr")).toBe("fr");
    expect(pickLang("de")).toBe("fr");
    expect(pickLang("de", "en")).toBe("en");
    expect(pickLang(undefined)).toBe("fr");
    expect(asLang("ru")).toBe("ru");
    expect(asLang("de")).toBe("fr");
  });
});
