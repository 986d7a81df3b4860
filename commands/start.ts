import type { Command } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import help from "./help.ts";

/** /start — the greeting: help plus what the archive holds. */
const start = {
  name: "start",
  description: { fr: "Présentation du bot", en: "About this bot", ru: "О боте" },
  options: [],
  access: "everyone",
  async run(req) {
    const reply = await help.run(req);
    const s = await req.services.queries.stats();
    reply.lines.splice(1, 0, line(t(req.lang, "start.stats", s)));
    return reply;
  },
} satisfies Command;

export default start;
