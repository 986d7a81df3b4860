import type { Command, CommandRequest } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { t } from "../src/core/i18n/index.ts";
import type { CoverageData, CoverageQuery } from "../src/core/queries.ts";
import { line } from "../src/core/reply.ts";
import { buildTrendChart } from "../src/pictures/trend-chart.ts";
import { dateRangeOptions, dayOf, fontMetrics, withPicture } from "./_pictures.ts";
import { parseUserDate, str, topicLabel, topicOrNull } from "./_shared.ts";

function isoArg(value: string | undefined, fallbackYear: number): string | undefined {
  if (!value) return undefined;
  const d = parseUserDate(value);
  return `${d.year ?? fallbackYear}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

function split(req: CommandRequest): "source" | "topic" | undefined {
  const v = str(req, "by")?.toLowerCase();
  if (!v) return undefined;
  if (/^(source|sources|outlet|outlets|média|medias|médias|media)$/.test(v)) return "source";
  if (/^(topic|topics|thème|theme|thèmes|themes)$/.test(v)) return "topic";
  throw new UserInputError(t(req.lang, "trend.badSplit", { value: v.slice(0, 40) }));
}

/**
 * /trend [thème|personne|mot] [from:AAAA-MM-JJ] [to:AAAA-MM-JJ] [by:source|by:topic] — articles per week (per month
 * beyond six months) as a picture, the biggest peaks annotated with the story that caused them. Default: the last
 * twelve months.
 */
const trend = {
  name: "trend",
  description: {
    fr: "Couverture d'un sujet dans le temps (graphique)",
    en: "Coverage of a subject over time (chart)",
    ru: "Освещение темы во времени (график)",
  },
  options: [
    {
      name: "query",
      type: "string",
      description: { fr: "Thème, personne ou mot", en: "Topic, person or word", ru: "Тема, человек или слово" },
      autocomplete: "topic",
    },
    ...dateRangeOptions,
    {
      name: "by",
      type: "string",
      description: {
        fr: "Répartir par média ou par thème",
        en: "Split by outlet or by topic",
        ru: "Разбивка по изданиям или по темам",
      },
      choices: [
        { value: "source", label: { fr: "par média", en: "by outlet", ru: "по изданиям" } },
        { value: "topic", label: { fr: "par thème", en: "by topic", ru: "по темам" } },
      ],
    },
  ],
  access: "everyone",
  usage: {
    fr: "[thème, personne ou mot] [from:AAAA-MM-JJ] [to:AAAA-MM-JJ] [by:source|by:topic]",
    en: "[topic, person or word] [from:YYYY-MM-DD] [to:YYYY-MM-DD] [by:source|by:topic]",
    ru: "[тема, человек или слово] [from:ГГГГ-ММ-ДД] [to:ГГГГ-ММ-ДД] [by:source|by:topic]",
  },
  async run(req) {
    const q = str(req, "query");
    const by = split(req);
    const year = req.now.getUTCFullYear();
    const to = isoArg(str(req, "to"), year) ?? req.now.toISOString().slice(0, 10);
    const from =
      isoArg(str(req, "from"), year) ??
      new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    const coverage = req.services.queries.coverage;
    if (!coverage) return { lines: [line(t(req.lang, "picture.unavailable"))], kind: "error" };
    const base: CoverageQuery = { from: lo, to: hi };
    const topic = q ? topicOrNull(req, q, false) : null;
    let data: CoverageData;
    let label = q;
    if (!q) data = await coverage(base);
    else if (topic) {
      data = await coverage({ ...base, topic });
      label = topicLabel(req, topic);
    } else {
      data = await coverage({ ...base, person: q });
      if (data.articles.length === 0) data = await coverage({ ...base, keyword: q });
    }
    const title = label ? t(req.lang, "trend.title", { query: label }) : t(req.lang, "trend.titleAll");
    if (data.articles.length === 0) {
      const empty = q ? t(req.lang, "trend.empty", { query: q }) : t(req.lang, "trend.emptyAll");
      return { title, lines: [line(empty)], kind: "empty" };
    }
    const built = buildTrendChart({
      data,
      lang: req.lang,
      title,
      from: lo,
      to: hi,
      ...(by ? { split: by } : {}),
      topicLabel: (slug) => topicLabel(req, slug),
      metrics: fontMetrics(),
    });
    const range = {
      from: dayOf(Date.parse(`${lo}T00:00:00Z`), req.lang),
      to: dayOf(Date.parse(`${hi}T00:00:00Z`), req.lang),
    };
    const lines = [line(t(req.lang, "trend.summary", { count: built.total, ...range }))];
    for (const p of built.peaks) {
      lines.push(
        line(
          t(req.lang, "trend.peak", {
            period: dayOf(p.bucket.start, req.lang),
            count: p.bucket.total,
            story: p.bucket.story?.title ?? "",
          }),
        ),
      );
    }
    return withPicture(req, built.chart, { title, lines });
  },
} satisfies Command;

export default trend;
