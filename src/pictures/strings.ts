/** Words drawn inside pictures (legends, subtitles) in each reply language. Reply text stays in src/core/i18n. */
import type { Lang } from "../core/command.ts";
import { fill } from "../core/i18n/index.ts";

const STRINGS = {
  fr: {
    day: "jour",
    period: "période",
    month: "mois",
    year: "année",
    events: "{count} {count|événement|événements}",
    sizeHint: "cercle plus grand = plus de médias",
    articles: "{count} {count|article|articles}",
    perDay: "articles par jour",
    perWeek: "articles par semaine",
    week: "La semaine en articles",
    perMonth: "articles par mois",
    quotesPerMonth: "citations par mois",
    quotesPerYear: "citations par an",
    quotes: "{count} {count|citation|citations}",
    other: "autres",
    noTopic: "Sans thème",
    noSource: "Média inconnu",
    total: "{count} au total",
  },
  en: {
    day: "day",
    period: "period",
    month: "month",
    year: "year",
    events: "{count} {count|event|events}",
    sizeHint: "bigger circle = more outlets",
    articles: "{count} {count|article|articles}",
    perDay: "articles per day",
    perWeek: "articles per week",
    week: "The week in articles",
    perMonth: "articles per month",
    quotesPerMonth: "quotes per month",
    quotesPerYear: "quotes per year",
    quotes: "{count} {count|quote|quotes}",
    other: "other",
    noTopic: "No topic",
    noSource: "Unknown outlet",
    total: "{count} in all",
  },
  ru: {
    day: "день",
    period: "период",
    month: "месяц",
    year: "год",
    events: "{count} {count|событие|события|событий}",
    sizeHint: "больше круг = больше изданий",
    articles: "{count} {count|статья|статьи|статей}",
    perDay: "статей в день",
    perWeek: "статей в неделю",
    week: "Неделя в статьях",
    perMonth: "статей в месяц",
    quotesPerMonth: "цитат в месяц",
    quotesPerYear: "цитат в год",
    quotes: "{count} {count|цитата|цитаты|цитат}",
    other: "другие",
    noTopic: "Без темы",
    noSource: "Издание неизвестно",
    total: "всего {count}",
  },
} as const;

export type PictureStringKey = keyof (typeof STRINGS)["fr"];

/**
 * The words for `key` in `lang`; `count` fills `{count}`, written the language's way (1 234) and choosing the
 * form of the word after it (1 событие, 2 события, 5 событий).
 */
export function pictureText(lang: Lang, key: PictureStringKey, count?: number): string {
  const s: string = STRINGS[lang][key];
  return count === undefined ? s : fill(lang, s, { count });
}
