import type { Command } from "../src/core/command.ts";
import { formatDay } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import type { QuoteRow } from "../src/core/queries.ts";
import { type Line, line } from "../src/core/reply.ts";
import { quoteMarks } from "../src/core/text.ts";
import { int, MAX_RESULTS, str, stripQuotes } from "./_shared.ts";

/**
 * /quote [orateur|mot-clé] — quotations attributed to their speakers. A name in any spelling
 * (Tokayev, Tokaïev, M. Tokaïev) finds the speaker; otherwise the words are searched in quotes.
 * Without argument: a random quote. Each quote is shown as said, in its own language (a Russian quote in Russian
 * in a French chat), with its outlet, and the language tagged when it is not the chat's ("stepnye-vesti (RU)").
 */
const quote = {
  name: "quote",
  description: {
    fr: "Citations d'une personne ou sur un sujet",
    en: "Quotes by a person or on a subject",
    ru: "Цитаты человека или по теме",
  },
  options: [
    {
      name: "speaker",
      type: "string",
      description: {
        fr: "Qui parle, ou un mot-clé",
        en: "Who is speaking, or a keyword",
        ru: "Кто говорит, или ключевое слово",
      },
      autocomplete: "speaker",
    },
    {
      name: "count",
      type: "integer",
      description: { fr: "Nombre de citations (5)", en: "Number of quotes (5)", ru: "Число цитат (5)" },
    },
  ],
  access: "everyone",
  usage: { fr: "[orateur ou mot-clé] [n]", en: "[speaker or keyword] [n]", ru: "[говорящий или ключевое слово] [n]" },
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
      // The words as said, in their own language and typography, whatever language the chat reads.
      lines.push(line({ text: quoteMarks(r.text, r.language), italic: true }));
      const who = r.speaker ?? t(req.lang, "quote.unknownSpeaker");
      const when = r.publishedAt ? `, ${formatDay(r.publishedAt, req.lang)}` : "";
      const foreign = r.language && /^[a-z]{2}$/.test(r.language) && r.language !== req.lang;
      const tag = foreign ? ` (${r.language?.toUpperCase()})` : "";
      const outlet = r.source ? `${r.source}${tag} · ` : tag ? `${tag.trim()} · ` : "";
      lines.push(
        line("— ", { text: who, bold: true }, when, ` · ${outlet}`, { text: r.articleTitle, url: r.url ?? undefined }),
      );
    }
    return { title, lines };
  },
} satisfies Command;

export default quote;
