/**
 * Strings of scheduled posts (digests, anniversaries, alerts, previews), French first, then English and Russian. Kept beside the
 * composition rather than in src/core/i18n so the delivery feature stays in its own folder.
 */
import type { Lang } from "../core/command.ts";
import { fill } from "../core/i18n/index.ts";

const fr = {
  titleDaily: "Revue du {date}",
  titleWeekly: "Revue de la semaine — {date}",
  other: "Autres sujets",
  moreOutlets: "{names} et {count} {count|autre|autres}",
  quote: "Citation du jour",
  anniversaries: "Anniversaires à venir",
  more: "… et {count} {count|autre sujet|autres sujets} : /latest",
  empty: "Rien de nouveau depuis la dernière revue.",
  yearsAgo: "Il y a {years} {years|an|ans}, le {date} : {summary}",
  oneYearAgo: "Il y a 1 an, le {date} : {summary}",
  round: "anniversaire rond",
  annivTitle: "Ce jour-là — {date}",
  alertTitle: "Nouveau : {topics}",
  alertAll: "Nouveaux sujets",
  previewNext: "Aperçu — prochain envoi le {date} à {time} ({tz})",
  previewNone: "Aucun abonnement ici : aperçu d'une revue quotidienne. Un administrateur peut abonner ce chat.",
  previewPeriod: "Période couverte : ce qui a été publié depuis le {date} à {time} ({tz}).",
  previewPeriodWeekly: "Période couverte : les 7 derniers jours, depuis le {date} à {time} ({tz}).",
  previewNothing: "Rien à envoyer pour l'instant : rien de nouveau publié depuis le {date} à {time} ({tz}).",
  previewUnavailable: "Les envois programmés ne sont pas activés sur ce bot.",
} as const;

const en: Record<keyof typeof fr, string> = {
  titleDaily: "Digest for {date}",
  titleWeekly: "Weekly digest — {date}",
  other: "Other stories",
  moreOutlets: "{names} and {count} more",
  quote: "Quote of the day",
  anniversaries: "Coming anniversaries",
  more: "… and {count} more {count|story|stories}: /latest",
  empty: "Nothing new since the last digest.",
  yearsAgo: "{years} {years|year|years} ago, on {date}: {summary}",
  oneYearAgo: "1 year ago, on {date}: {summary}",
  round: "round anniversary",
  annivTitle: "On this day — {date}",
  alertTitle: "New: {topics}",
  alertAll: "New stories",
  previewNext: "Preview — next post on {date} at {time} ({tz})",
  previewNone: "No subscription here: preview of a daily digest. An admin can subscribe this chat.",
  previewPeriod: "Period covered: what was published since {date} at {time} ({tz}).",
  previewPeriodWeekly: "Period covered: the last 7 days, since {date} at {time} ({tz}).",
  previewNothing: "Nothing to send yet: nothing new published since {date} at {time} ({tz}).",
  previewUnavailable: "Scheduled posts are not enabled on this bot.",
};

const ru: Record<keyof typeof fr, string> = {
  titleDaily: "Обзор за {date}",
  titleWeekly: "Обзор недели — {date}",
  other: "Другие сюжеты",
  moreOutlets: "{names} и ещё {count}",
  quote: "Цитата дня",
  anniversaries: "Ближайшие годовщины",
  more: "… и ещё {count} {count|сюжет|сюжета|сюжетов}: /latest",
  empty: "Ничего нового с прошлого обзора.",
  yearsAgo: "{years} {years|год|года|лет} назад, {date}: {summary}",
  oneYearAgo: "Год назад, {date}: {summary}",
  round: "круглая дата",
  annivTitle: "В этот день — {date}",
  alertTitle: "Новое: {topics}",
  alertAll: "Новые сюжеты",
  previewNext: "Предпросмотр — следующая отправка {date} в {time} ({tz})",
  previewNone: "Здесь нет подписок: предпросмотр ежедневного обзора. Администратор может подписать этот чат.",
  previewPeriod: "Охваченный период: всё, что опубликовано с {date}, {time} ({tz}).",
  previewPeriodWeekly: "Охваченный период: последние 7 дней, с {date}, {time} ({tz}).",
  previewNothing: "Пока нечего отправлять: с {date}, {time} ({tz}) ничего нового не опубликовано.",
  previewUnavailable: "Запланированные публикации на этом боте не включены.",
};

const tables: Record<Lang, Record<keyof typeof fr, string>> = { fr, en, ru };

export type DigestKey = keyof typeof fr;

/** The string for `key` in `lang` with `{name}` placeholders filled. */
export function ds(lang: Lang, key: DigestKey, params: Record<string, string | number> = {}): string {
  return fill(lang, tables[lang][key], params);
}
