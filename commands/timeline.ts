import type { Command, CommandRequest } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { formatEventDate } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import type { TimelineEntry, TimelineQuery } from "../src/core/queries.ts";
import { line } from "../src/core/reply.ts";
import { dateRangeOptions, imageOption, wantsImage } from "./_pictures.ts";
import { int, MAX_RESULTS, parseUserDate, str, topicLabel, topicOrNull } from "./_shared.ts";
import { timelinePicture } from "./_timeline-picture.ts";

function isoArg(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = parseUserDate(value);
  const y = d.year ?? new Date().getUTCFullYear();
  return `${y}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** "2025" or "2025-03": the days it spans, or a UserInputError naming the period. */
function periodBounds(value: string): { from: string; to: string } {
  const m = /^(\d{4})(?:-(\d{1,2}))?$/.exec(value.trim());
  const year = Number(m?.[1] ?? 0);
  const month = m?.[2] ? Number(m[2]) : null;
  if (!m || year < 1000 || year > 2999 || (month !== null && (month < 1 || month > 12))) {
    throw new UserInputError({ key: "timeline.badPeriod", params: { value: value.slice(0, 20) } });
  }
  if (month === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const mm = String(month).padStart(2, "0");
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}` };
}

/** "2025" / "mars 2025" / "March 2025" for titles. */
function periodLabel(req: CommandRequest, value: string): string {
  const [y, m] = value.trim().split("-");
  return m
    ? formatEventDate(`${y}-${m.padStart(2, "0")}-01`, `${y}-${m.padStart(2, "0")}-01`, "month", req.lang)
    : `${y}`;
}

/** This request's options with `image` on and the count it used, for the "🖼 image" button. */
function imageOptions(req: CommandRequest, count: number): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(req.options)) if (v !== undefined && k !== "image") out[k] = v;
  return { ...out, count, image: true };
}

/**
 * /timeline [thème|personne|mot-clé] [AAAA|AAAA-MM] [from:AAAA-MM-JJ] [to:AAAA-MM-JJ] — dated events built from the
 * articles, merged across outlets, oldest first.
 */
const timeline = {
  name: "timeline",
  description: {
    fr: "Chronologie des événements datés",
    en: "Timeline of dated events",
    ru: "Хронология событий с датами",
  },
  options: [
    {
      name: "query",
      type: "string",
      description: {
        fr: "Thème, personne ou mot-clé",
        en: "Topic, person or keyword",
        ru: "Тема, человек или ключевое слово",
      },
      autocomplete: "topic",
    },
    {
      name: "period",
      type: "string",
      description: {
        fr: "Une année ou un mois (2025, 2025-03)",
        en: "A year or a month (2025, 2025-03)",
        ru: "Год или месяц (2025, 2025-03)",
      },
      match: /^[12]\d{3}(?:-\d{1,2})?$/,
    },
    ...dateRangeOptions,
    {
      name: "count",
      type: "integer",
      description: { fr: "Nombre d'événements (20)", en: "Number of events (20)", ru: "Число событий (20)" },
    },
    imageOption,
  ],
  access: "everyone",
  usage: {
    fr: "[thème, personne ou mot-clé] [AAAA ou AAAA-MM] [from:AAAA-MM-JJ] [to:AAAA-MM-JJ] [n] [image]",
    en: "[topic, person or keyword] [YYYY or YYYY-MM] [from:YYYY-MM-DD] [to:YYYY-MM-DD] [n] [image]",
    ru: "[тема, человек или ключевое слово] [ГГГГ или ГГГГ-ММ] [from:ГГГГ-ММ-ДД] [to:ГГГГ-ММ-ДД] [n] [image]",
  },
  async run(req) {
    const q = str(req, "query");
    const period = str(req, "period");
    const bounds = period ? periodBounds(period) : null;
    // a year or month is read from its first day on (oldest first); from:/to: narrow it further
    const base: TimelineQuery = {
      from: isoArg(str(req, "from")) ?? bounds?.from,
      to: isoArg(str(req, "to")) ?? bounds?.to,
      // A picture holds more than a screen of text: 30 events by default.
      limit: int(req, "count", wantsImage(req) ? 30 : 20, MAX_RESULTS),
    };
    const queries = req.services.queries;
    let entries: TimelineEntry[];
    let label = q;
    const topic = q ? topicOrNull(req, q, false) : null;
    if (!q) {
      entries = await queries.timeline(base);
    } else if (topic) {
      entries = await queries.timeline({ ...base, topic });
      label = topicLabel(req, topic);
    } else {
      entries = await queries.timeline({ ...base, person: q });
      if (entries.length === 0) entries = await queries.timeline({ ...base, keyword: q });
    }
    const heading = [label, period ? periodLabel(req, period) : undefined].filter(Boolean).join(", ");
    const title = heading ? t(req.lang, "timeline.titleFor", { query: heading }) : t(req.lang, "timeline.title");
    if (entries.length === 0) {
      return {
        title,
        lines: [
          line(
            q || period
              ? t(req.lang, "timeline.emptyFor", { query: [q, period].filter(Boolean).join(", ") })
              : t(req.lang, "timeline.empty"),
          ),
        ],
        kind: "empty",
      };
    }
    if (wantsImage(req)) return timelinePicture(req, title, entries, q);
    return {
      title,
      // "🖼 image": the same filter and number of events, drawn (only where the bot draws pictures).
      ...(req.services.pictures
        ? {
            actions: [
              { label: t(req.lang, "picture.button"), command: "timeline", options: imageOptions(req, base.limit) },
            ],
          }
        : {}),
      lines: entries.map((e) => {
        const src = e.sources[0];
        const count = e.articleCount > 1 ? ` (${t(req.lang, "timeline.articles", { count: e.articleCount })})` : "";
        return line(
          { text: formatEventDate(e.start, e.end, e.precision, req.lang), bold: true },
          ` — ${e.summary}`,
          src?.url ? { text: ` ↗`, url: src.url } : "",
          { text: count, italic: true },
        );
      }),
    };
  },
} satisfies Command;

export default timeline;
