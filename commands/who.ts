import type { Command } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { formatDay } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import { type Line, line } from "../src/core/reply.ts";
import { buildWhoChart } from "../src/pictures/who-chart.ts";
import { dayOf, fontMetrics, withPicture } from "./_pictures.ts";
import { str, stripQuotes } from "./_shared.ts";

/** Quotes in the caption. */
const LATEST = 3;

/**
 * /who <personne> — a person card: their quotes per month as a small chart, the three most recent quotes in the
 * caption. A name in any spelling finds the person, as /quote does (Tokayev, Tokaïev, M. Tokaïev).
 */
const who = {
  name: "who",
  description: {
    fr: "Fiche d'une personne : ses citations dans le temps",
    en: "A person's card: quotes over time",
    ru: "Карточка человека: его цитаты во времени",
  },
  options: [
    {
      name: "person",
      type: "string",
      required: true,
      description: {
        fr: "Qui (nom, dans n'importe quelle graphie)",
        en: "Who (name, any spelling)",
        ru: "Кто (имя в любом написании)",
      },
      autocomplete: "speaker",
    },
  ],
  access: "everyone",
  usage: { fr: "<personne>", en: "<person>", ru: "<человек>" },
  async run(req) {
    const typed = str(req, "person");
    const q = typed ? stripQuotes(typed) : "";
    if (!q) throw new UserInputError({ key: "who.missing" });
    const queries = req.services.queries;
    const latest = await queries.quotes({ speaker: q, limit: LATEST });
    const name = latest[0]?.speaker;
    if (!name) return { lines: [line(t(req.lang, "who.empty", { query: q.slice(0, 80) }))], kind: "empty" };
    const title = t(req.lang, "who.title", { name });
    const quoteLines: Line[] = [line({ text: t(req.lang, "who.latest"), bold: true })];
    for (const r of latest) {
      quoteLines.push(line({ text: `« ${r.text} »`, italic: true }));
      const when = r.publishedAt ? `${formatDay(r.publishedAt, req.lang)} · ` : "";
      quoteLines.push(line("— ", when, { text: r.articleTitle, url: r.url ?? undefined }));
    }
    const days = queries.quoteDays ? await queries.quoteDays(q) : null;
    if (!days)
      return { title, lines: [line({ text: t(req.lang, "picture.unavailable"), italic: true }), ...quoteLines] };
    if (days.days.length === 0) {
      return { title, lines: [line(t(req.lang, "who.undated", { query: name })), ...quoteLines], kind: "empty" };
    }
    const built = buildWhoChart({ days: days.days, lang: req.lang, title, metrics: fontMetrics() });
    const summary = t(req.lang, "who.summary", {
      count: built.total,
      from: dayOf(Date.parse(`${built.first}T00:00:00Z`), req.lang),
      to: dayOf(Date.parse(`${built.last}T00:00:00Z`), req.lang),
    });
    return withPicture(req, built.chart, { title, lines: [line(summary), ...quoteLines] });
  },
} satisfies Command;

export default who;
