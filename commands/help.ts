import type { Command } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";

/** /help — what the bot does and the list of commands in the caller's language. */
const help = {
  name: "help",
  description: { fr: "Aide et liste des commandes", en: "Help and list of commands" },
  options: [],
  adminOnly: false,
  async run(req) {
    const cmds = req.services.commands();
    return {
      title: t(req.lang, "help.title"),
      lines: [
        line(t(req.lang, "help.intro")),
        line(""),
        ...cmds.map((c) =>
          line(
            { text: `/${c.name}`, bold: true },
            ` — ${c.description[req.lang]}${c.adminOnly ? ` ${t(req.lang, "help.admin")}` : ""}`,
          ),
        ),
      ],
      footer: t(req.lang, "help.footer"),
    };
  },
} satisfies Command;

export default help;
