import type { Command } from "../src/core/command.ts";
import { accessLabel, usageOf } from "../src/core/command-help.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";

/**
 * /help — what the bot does and every command once, in the caller's language: its argument syntax, what it
 * does, and who may use it when that is not everyone.
 */
const help = {
  name: "help",
  description: { fr: "Aide et liste des commandes", en: "Help and list of commands", ru: "Справка и список команд" },
  options: [],
  access: "everyone",
  async run(req) {
    const cmds = req.services.commands();
    return {
      title: t(req.lang, "help.title"),
      lines: [
        line(t(req.lang, "help.intro")),
        line(""),
        ...cmds.map((c) => {
          const usage = usageOf(c, req.lang);
          const who = c.access === "everyone" ? "" : ` · ${accessLabel(c, req.lang)}`;
          return line(
            { text: `/${c.name}`, bold: true },
            usage ? { text: ` ${usage}`, code: true } : "",
            ` — ${c.description[req.lang]}`,
            who ? { text: who, italic: true } : "",
          );
        }),
      ],
      footer: t(req.lang, "help.footer"),
    };
  },
} satisfies Command;

export default help;
