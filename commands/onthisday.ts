import type { Command } from "../src/core/command.ts";
import { formatDayMonth, formatLongDay, isRoundAnniversary } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { int, MAX_RESULTS, parseUserDate, str } from "./_shared.ts";

/** /onthisday [date] — events from our archive that happened on this day in earlier years ("il y a N ans"). */
const onthisday = {
  name: "onthisday",
  description: {
    fr: "Ce jour-là, les années précédentes",
    en: "On this day in earlier years",
    ru: "Этот день в прошлые годы",
  },
  options: [
    {
      name: "date",
      type: "string",
      description: {
        fr: "Jour (JJ/MM ou AAAA-MM-JJ)",
        en: "Day (DD/MM or YYYY-MM-DD)",
        ru: "День (ДД.ММ или ГГГГ-ММ-ДД)",
      },
    },
    {
      name: "count",
      type: "integer",
      description: { fr: "Nombre d'événements (10)", en: "Number of events (10)", ru: "Число событий (10)" },
    },
  ],
  access: "everyone",
  usage: { fr: "[JJ/MM ou AAAA-MM-JJ] [n]", en: "[DD/MM or YYYY-MM-DD] [n]", ru: "[ДД.ММ или ГГГГ-ММ-ДД] [n]" },
  async run(req) {
    const arg = str(req, "date");
    const d = arg
      ? parseUserDate(arg)
      : { year: req.now.getUTCFullYear(), month: req.now.getUTCMonth() + 1, day: req.now.getUTCDate() };
    const year = d.year ?? req.now.getUTCFullYear();
    const dayLabel = formatDayMonth(d.month, d.day, req.lang);
    const rows = await req.services.queries.onThisDay(d.month, d.day, year, int(req, "count", 10, MAX_RESULTS));
    const title = t(req.lang, "onthisday.title", { date: dayLabel });
    if (rows.length === 0)
      return { title, lines: [line(t(req.lang, "onthisday.empty", { date: dayLabel }))], kind: "empty" };
    return {
      title,
      lines: rows.map((a) => {
        const ago =
          a.years === 1 ? t(req.lang, "onthisday.oneYearAgo") : t(req.lang, "onthisday.yearsAgo", { years: a.years });
        const src = a.entry.sources[0];
        return line(
          { text: `${isRoundAnniversary(a.years) ? "★ " : ""}${ago}`, bold: true },
          `, ${formatLongDay(a.entry.start, req.lang)}${req.lang === "fr" ? " : " : ": "}${a.entry.summary}`,
          src?.url ? { text: " ↗", url: src.url } : "",
        );
      }),
    };
  },
} satisfies Command;

export default onthisday;
