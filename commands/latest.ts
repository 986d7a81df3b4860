import type { Command } from "../src/core/command.ts";
import { formatDay } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import { line, type Span } from "../src/core/reply.ts";
import { int, MAX_RESULTS, str, topicLabel, topicOrNull } from "./_shared.ts";

/** /latest [thème|source] [n] — newest stories, one line per story with how many outlets report it. */
const latest = {
  name: "latest",
  description: { fr: "Dernières nouvelles, un sujet par ligne", en: "Latest news, one story per line" },
  options: [
    {
      name: "filter",
      type: "string",
      description: { fr: "Thème ou source (facultatif)", en: "Topic or source (optional)" },
      autocomplete: "topic",
    },
    { name: "count", type: "integer", description: { fr: "Nombre de sujets (10)", en: "Number of stories (10)" } },
  ],
  access: "everyone",
  usage: { fr: "[thème ou source] [n]", en: "[topic or source] [n]" },
  async run(req) {
    const filter = str(req, "filter");
    const limit = int(req, "count", 10, MAX_RESULTS);
    const topic = filter ? topicOrNull(req, filter, false) : null;
    const stories = await req.services.queries.latest({
      topic: topic ?? undefined,
      source: topic ? undefined : filter,
      limit,
    });
    const title = topic
      ? t(req.lang, "latest.titleTopic", { topic: topicLabel(req, topic) })
      : t(req.lang, "latest.title");
    if (stories.length === 0) {
      const text = filter ? t(req.lang, "latest.emptyTopic", { topic: filter }) : t(req.lang, "latest.empty");
      return { title, lines: [line(text)], kind: "empty" };
    }
    return {
      title,
      lines: stories.map((s) => {
        const parts: Span[] = [{ text: "• " }, { text: s.title, url: s.url ?? undefined, bold: !s.url }];
        const meta = [
          s.sourceCount > 1
            ? t(req.lang, "latest.sources", { count: s.sourceCount })
            : (s.sources[0]?.name ?? t(req.lang, "latest.source")),
          s.publishedAt
            ? s.firstSeen
              ? t(req.lang, "latest.firstSeen", { date: formatDay(s.publishedAt, req.lang) })
              : formatDay(s.publishedAt, req.lang)
            : null,
        ].filter(Boolean);
        parts.push({ text: ` — ${meta.join(" · ")}`, italic: true });
        return parts;
      }),
    };
  },
} satisfies Command;

export default latest;
