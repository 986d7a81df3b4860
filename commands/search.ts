import type { Command } from "../src/core/command.ts";
import { formatDay } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import { type Line, line } from "../src/core/reply.ts";
import { truncate } from "../src/core/text.ts";
import { int, MAX_RESULTS, str } from "./_shared.ts";

/** /search texte — full-text search over every stored article, accents optional ("tokaiev" finds "Tokaïev"). */
const search = {
  name: "search",
  description: { fr: "Recherche dans les articles", en: "Search the articles", ru: "Поиск по статьям" },
  options: [
    {
      name: "text",
      type: "string",
      required: true,
      description: { fr: "Mots à chercher", en: "Words to search for", ru: "Слова для поиска" },
    },
    {
      name: "count",
      type: "integer",
      description: { fr: "Nombre de résultats (10)", en: "Number of results (10)", ru: "Число результатов (10)" },
    },
  ],
  access: "everyone",
  usage: { fr: "mots [n]", en: "words [n]", ru: "слова [n]" },
  async run(req) {
    const q = str(req, "text");
    if (!q) return { lines: [line(t(req.lang, "search.missing"))], kind: "error", ephemeral: true };
    const hits = await req.services.queries.search(q, int(req, "count", 10, MAX_RESULTS));
    const title = t(req.lang, "search.title", { query: truncate(q, 80) });
    if (hits.length === 0)
      return { title, lines: [line(t(req.lang, "search.empty", { query: truncate(q, 80) }))], kind: "empty" };
    const lines: Line[] = [];
    for (const h of hits) {
      const meta = [h.source, h.publishedAt ? formatDay(h.publishedAt, req.lang) : null].filter(Boolean).join(" · ");
      lines.push(
        line(
          "• ",
          { text: h.title, url: h.url ?? undefined, bold: !h.url },
          meta ? { text: ` — ${meta}`, italic: true } : "",
        ),
      );
      if (h.snippet && h.snippet !== h.title) lines.push(line({ text: `  ${truncate(h.snippet, 200)}` }));
    }
    return { title, lines };
  },
} satisfies Command;

export default search;
