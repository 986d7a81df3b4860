import type { Command } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";

/** /topics — the taxonomy with how many articles each topic has. */
const topics = {
  name: "topics",
  description: { fr: "Thèmes suivis et nombre d'articles", en: "Topics and article counts", ru: "Темы и число статей" },
  options: [],
  access: "everyone",
  async run(req) {
    const counts = new Map((await req.services.queries.topicCounts()).map((c) => [c.slug, c.articleCount]));
    return {
      title: t(req.lang, "topics.title"),
      lines: req.services.topics.map((tp) =>
        line(
          { text: tp.label[req.lang], bold: true },
          ` (${tp.slug}) — ${t(req.lang, "topics.articles", { count: counts.get(tp.slug) ?? 0 })}`,
        ),
      ),
      footer: t(req.lang, "topics.footer"),
    };
  },
} satisfies Command;

export default topics;
