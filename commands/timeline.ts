import type { Command } from "../src/core/command.ts";
import { formatEventDate } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import type { TimelineEntry, TimelineQuery } from "../src/core/queries.ts";
import { line } from "../src/core/reply.ts";
import { int, MAX_RESULTS, parseUserDate, str, topicLabel, topicOrNull } from "./_shared.ts";

function isoArg(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = parseUserDate(value);
  const y = d.year ?? new Date().getUTCFullYear();
  return `${y}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/**
 * /timeline [thème|personne|mot-clé] [from:AAAA-MM-JJ] [to:AAAA-MM-JJ] — dated events built from the
 * articles, merged across outlets, oldest first.
 */
const timeline = {
  name: "timeline",
  description: { fr: "Chronologie des événements datés", en: "Timeline of dated events" },
  options: [
    {
      name: "query",
      type: "string",
      description: { fr: "Thème, personne ou mot-clé", en: "Topic, person or keyword" },
      autocomplete: "topic",
    },
    { name: "from", type: "string", description: { fr: "Depuis (AAAA-MM-JJ)", en: "From (YYYY-MM-DD)" } },
    { name: "to", type: "string", description: { fr: "Jusqu'à (AAAA-MM-JJ)", en: "Until (YYYY-MM-DD)" } },
    { name: "count", type: "integer", description: { fr: "Nombre d'événements (20)", en: "Number of events (20)" } },
  ],
  adminOnly: false,
  usage: {
    fr: "[thème, personne ou mot-clé] [AAAA ou AAAA-MM] [from:AAAA-MM-JJ] [to:AAAA-MM-JJ] [n]",
    en: "[topic, person or keyword] [YYYY or YYYY-MM] [from:YYYY-MM-DD] [to:YYYY-MM-DD] [n]",
  },
  async run(req) {
    const q = str(req, "query");
    const base: TimelineQuery = {
      from: isoArg(str(req, "from")),
      to: isoArg(str(req, "to")),
      limit: int(req, "count", 20, MAX_RESULTS),
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
    const title = label ? t(req.lang, "timeline.titleFor", { query: label }) : t(req.lang, "timeline.title");
    if (entries.length === 0) {
      return {
        title,
        lines: [line(q ? t(req.lang, "timeline.emptyFor", { query: q }) : t(req.lang, "timeline.empty"))],
        kind: "empty",
      };
    }
    return {
      title,
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
