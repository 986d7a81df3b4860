/**
 * Helpers shared by command files: topic resolution with suggestions, paging limits, date arguments.
 * (Files starting with "_" are not commands; the registry lists commands explicitly.)
 */
import type { CommandRequest } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { MONTHS_LONG } from "../src/core/format.ts";
import { foldForMatch } from "../src/core/text.ts";

/** Lines per reply before adapters page; queries never return more than this. */
export const MAX_RESULTS = 50;

export function str(req: CommandRequest, name: string): string | undefined {
  const v = req.options[name];
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s.length > 0 ? s : undefined;
}

/**
 * A count option: `fallback` when absent; a whole number from 1 to `max`, else a clear refusal naming the
 * range (a count of 0, -5 or 999999999 is a typing mistake, not a request to be guessed at).
 */
export function int(req: CommandRequest, name: string, fallback: number, max: number): number {
  const v = req.options[name];
  if (v === undefined) return fallback;
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isInteger(n)) {
    throw new UserInputError({ key: "error.badInteger", params: { value: String(v).slice(0, 40), option: name } });
  }
  if (n < 1 || n > max)
    throw new UserInputError({ key: "error.badCount", params: { value: String(v).slice(0, 40), max } });
  return n;
}

/** Resolves a topic name or returns null; throws a helpful error when it looks like a misspelt topic. */
export function topicOrNull(req: CommandRequest, input: string, strict: boolean): string | null {
  const r = req.services.resolveTopic(input);
  if ("slug" in r) return r.slug;
  if (strict) {
    if (r.suggestions.length > 0) {
      throw new UserInputError({
        key: "error.unknownTopicSuggest",
        params: { value: input.slice(0, 60), suggestions: r.suggestions.join(", ") },
      });
    }
    throw new UserInputError({
      key: "error.unknownTopic",
      params: {
        value: input.slice(0, 60),
        topics: req.services.topics.map((x) => x.slug).join(", "),
      },
    });
  }
  return null;
}

/**
 * Removes quotation marks of every kind — « » “ ” " ‟ „ and, around words, ' ‘ ’ ‚ — that a user types
 * around a phrase (`/quote « destin commun »`); an apostrophe inside a word (l'accord, aujourd’hui) stays.
 */
export function stripQuotes(text: string): string {
  return text
    .replace(/[«»“”„‟"‹›]/g, " ")
    .replace(/(^|\s)['‘’‚‛]+/g, "$1")
    .replace(/['‘’‚‛]+(?=\s|$)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function topicLabel(req: CommandRequest, slug: string): string {
  return req.services.topics.find((x) => x.slug === slug)?.label[req.lang] ?? slug;
}

/** Month names as users type them: French and English, lower case, without accents (../src/core/format.ts). */
const MONTH_NAMES = [MONTHS_LONG.fr, MONTHS_LONG.en].map((names) => names.map(foldForMatch));

/**
 * Parses a user date: YYYY-MM-DD, DD/MM[/YYYY], DD.MM, "27 novembre", "november 27", "27 ноября [2025 г.]".
 * Returns month/day (and year when given); throws UserInputError (error.badDate) otherwise.
 */
export function parseUserDate(input: string): { year?: number; month: number; day: number } {
  const s = foldForMatch(input);
  let year: number | undefined;
  let month = 0;
  let day = 0;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const numeric = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?$/.exec(s);
  const dayMonth = /^(\d{1,2})(?:er)?\s+([a-zа-я]+)\.?(?:\s+(\d{4})(?:\s*(?:г\.?|года?))?)?$/.exec(s);
  const monthDay = /^([a-z]+)\s+(\d{1,2})(?:,?\s+(\d{4}))?$/.exec(s);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    year = numeric[3] ? Number(numeric[3]) : undefined;
  } else if (dayMonth) {
    day = Number(dayMonth[1]);
    month = monthIndex(dayMonth[2] ?? "") + 1;
    year = dayMonth[3] ? Number(dayMonth[3]) : undefined;
  } else if (monthDay) {
    month = monthIndex(monthDay[1] ?? "") + 1;
    day = Number(monthDay[2]);
    year = monthDay[3] ? Number(monthDay[3]) : undefined;
  }
  const probe = new Date(Date.UTC(year ?? 2024, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1) {
    throw new UserInputError({ key: "error.badDate", params: { value: input.slice(0, 40) } });
  }
  return { year, month, day };
}

/**
 * Beginnings of the Russian month names as user input is folded (marks dropped: "май" → "маи"), January first: a
 * word starting with one of them is that month, in any case ("ноября", "ноябрь") or abbreviated ("нояб", "мар").
 */
const RU_MONTHS: readonly (readonly string[])[] = [
  ["янв"],
  ["фев"],
  ["мар"],
  ["апр"],
  ["маи", "мая", "мае"],
  ["июн"],
  ["июл"],
  ["авг"],
  ["сен"],
  ["окт"],
  ["ноя"],
  ["дек"],
];

function monthIndex(word: string): number {
  if (/^[а-я]/.test(word)) return RU_MONTHS.findIndex((stems) => stems.some((x) => word.startsWith(x)));
  if (word.length < 3) return -1;
  for (const names of MONTH_NAMES) {
    const i = names.findIndex((x) => x.startsWith(word));
    if (i >= 0) return i;
  }
  return -1;
}
