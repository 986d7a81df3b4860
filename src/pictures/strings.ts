/** Words drawn inside pictures (legends, subtitles), French and English. Reply text stays in src/core/i18n. */
import type { Lang } from "../core/command.ts";

const STRINGS = {
  fr: {
    day: "jour",
    period: "période",
    month: "mois",
    year: "année",
    events: "{count} événements",
    event: "1 événement",
    sizeHint: "cercle plus grand = plus de médias",
    articles: "articles",
    perWeek: "articles par semaine",
    perMonth: "articles par mois",
    quotesPerMonth: "citations par mois",
    quotesPerYear: "citations par an",
    quotes: "{count} citations",
    other: "autres",
    total: "{count} au total",
  },
  en: {
    day: "day",
    period: "period",
    month: "month",
    year: "year",
    events: "{count} events",
    event: "1 event",
    sizeHint: "bigger circle = more outlets",
    articles: "articles",
    perWeek: "articles per week",
    perMonth: "articles per month",
    quotesPerMonth: "quotes per month",
    quotesPerYear: "quotes per year",
    quotes: "{count} quotes",
    other: "other",
    total: "{count} in all",
  },
} as const;

export type PictureStringKey = keyof (typeof STRINGS)["fr"];

/** The word for `key` in `lang`, `{count}` replaced. */
export function pictureText(lang: Lang, key: PictureStringKey, count?: string): string {
  const s: string = STRINGS[lang][key];
  return count === undefined ? s : s.replace("{count}", count);
}
