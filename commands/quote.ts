import type { Command } from "../src/core/command.ts";
import { formatDay } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import type { QuoteRow } from "../src/core/queries.ts";
import { type Line, line } from "../src/core/reply.ts";
import { int, MAX_RESULTS, str, stripQuotes } from "./_shared.ts";

/**
 * /quote [orateur|mot-clé] — quotations attributed to their speakers. A name in any spelling
 * (Tokayev, Tokaïev, M. Tokaïev) finds the speaker; otherwise the words are searched in quotes.
 * Without argument: a random quote.
 */
const quote = {
  name: "quote",
  description: { fr: "Citations d'une personne ou sur un sujet", en: "Quotes by a person or on a subject" },
  options: [
    {
      name: "speaker",
      type: "string",
      description: { fr: "Qui parle, ou un mot-clé", en: "Who is speaking, or a keyword" },
      autocomplete: "speaker",
    },
    { name: "count", type: "integer", description: { fr: "Nombre de citations (5)", en: "Number of quotes (5)" } },
  ],
  access: "everyone",
  usage: { fr: "[orateur ou mot-clé] [n]", en: "[speaker or keyword] [n]" },
  async run(req) {
    const typed = str(req, "speaker");
    const q = typed ? stripQuotes(typed) || undefined : undefined;
    const limit = int(req, "count", q ? 5 : 1, MAX_RESULTS);
    const queries = req.services.queries;
    let rows: QuoteRow[];
    let bySpeaker = false;
    if (!q) {
      rows = await queries.quotes({ random: true, limit });
    } else {
      rows = await queries.quotes({ speaker: q, limit });
      bySpeaker = rows.length > 0;
      if (!bySpeaker) rows = await queries.quotes({ keyword: q, limit });
    }
    const speaker = bySpeaker ? rows[0]?.speaker : null;
    const title = speaker ? t(req.lang, "quote.titleSpeaker", { speaker }) : t(req.lang, "quote.title");
    if (rows.length === 0) {
      return {
        title,
        lines: [line(q ? t(req.lang, "quote.empty", { query: q }) : t(req.lang, "quote.emptyAll"))],
        kind: "empty",
      };
    }
    const lines: Line[] = [];
    for (const r of rows) {
      lines.push(line({ text: `« ${r.text} »`, italic: true }));
      const who = r.speaker ?? t(req.lang, "quote.unknownSpeaker");
      const when = r.publishedAt ? `, ${formatDay(r.publishedAt, req.lang)}` : "";
      lines.push(line("— ", { text: who, bold: true }, when, " · ", { text: r.articleTitle, url: r.url ?? undefined }));
    }
    return { title, lines };
  },
} satisfies Command;

export default quote;
