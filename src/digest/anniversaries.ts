/**
 * Anniversary lines and posts: "Il y a 2 ans, le 27 novembre 2024 : …", round anniversaries (5, 10,
 * 15… years) marked with a star.
 */
import type { Lang } from "../core/command.ts";
import { formatDayMonth, formatLongDay, isRoundAnniversary } from "../core/format.ts";
import type { Anniversary } from "../core/queries.ts";
import { type Line, line, type Reply } from "../core/reply.ts";
import { truncate } from "../core/text.ts";
import { ds } from "./strings.ts";

/** One anniversary as a line; round ones start with "★" and end with "(anniversaire rond)". */
export function anniversaryLine(a: Anniversary, lang: Lang): Line {
  const round = isRoundAnniversary(a.years);
  const params = { years: a.years, date: formatLongDay(a.entry.start, lang), summary: truncate(a.entry.summary, 300) };
  const text = ds(lang, a.years === 1 ? "oneYearAgo" : "yearsAgo", params);
  const src = a.entry.sources[0];
  return line(
    round ? { text: "★ ", bold: true } : "",
    { text, bold: round },
    round ? ` (${ds(lang, "round")})` : "",
    src?.url ? { text: " ↗", url: src.url } : "",
  ).filter((s) => s.text !== "");
}

/** The anniversaries post of a local day ("YYYY-MM-DD"), or null when the archive has none (no empty post). */
export function composeAnniversaries(day: string, items: Anniversary[], lang: Lang): Reply | null {
  if (items.length === 0) return null;
  const label = formatDayMonth(Number(day.slice(5, 7)), Number(day.slice(8, 10)), lang);
  return { title: ds(lang, "annivTitle", { date: label }), lines: items.map((a) => anniversaryLine(a, lang)) };
}
