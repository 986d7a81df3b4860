import type { Command, Lang } from "../src/core/command.ts";
import { formatDay } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import type { StoryLine } from "../src/core/queries.ts";
import { line, type Span } from "../src/core/reply.ts";
import { int, MAX_RESULTS, str, topicLabel, topicOrNull } from "./_shared.ts";

/**
 * /latest [thème|source] [n] — newest stories, one line per story with how many outlets report it and, when
 * they report it in several languages, how many in each ("5 sources (3 FR · 2 RU)"); a story reported in one
 * language other than the reply language carries that language ("RU").
 */
const latest = {
  name: "latest",
  description: {
    fr: "Dernières nouvelles, un sujet par ligne",
    en: "Latest news, one story per line",
    ru: "Последние новости, один сюжет на строку",
  },
  options: [
    {
      name: "filter",
      type: "string",
      description: {
        fr: "Thème ou source (facultatif)",
        en: "Topic or source (optional)",
        ru: "Тема или источник (необязательно)",
      },
      autocomplete: "topic",
    },
    {
      name: "count",
      type: "integer",
      description: { fr: "Nombre de sujets (10)", en: "Number of stories (10)", ru: "Число сюжетов (10)" },
    },
  ],
  access: "everyone",
  usage: { fr: "[thème ou source] [n]", en: "[topic or source] [n]", ru: "[тема или источник] [n]" },
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
          ...outletsAndLanguages(req.lang, s),
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

/**
 * The outlets of a story and its languages: "5 sources (3 FR · 2 RU)" when several outlets report it in several
 * languages; the outlet or count, then the language tag ("Kazinform", "RU") when it is reported in one language
 * other than the reply language, or by one outlet in several ("2 FR · 1 RU" with no source count).
 */
function outletsAndLanguages(lang: Lang, s: StoryLine): string[] {
  const langs = s.languages ?? [];
  const several = langs.length > 1 ? langs.map((l) => `${l.sources} ${l.language.toUpperCase()}`).join(" · ") : null;
  if (s.sourceCount > 1) {
    return [
      several
        ? t(lang, "latest.sourcesByLanguage", { count: s.sourceCount, languages: several })
        : t(lang, "latest.sources", { count: s.sourceCount }),
      ...(!several && langs[0] && langs[0].language !== lang ? [langs[0].language.toUpperCase()] : []),
    ];
  }
  const outlet = s.sources[0]?.name ?? t(lang, "latest.source");
  if (several) return [outlet, several];
  return langs[0] && langs[0].language !== lang ? [outlet, langs[0].language.toUpperCase()] : [outlet];
}

export default latest;
