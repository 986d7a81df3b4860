import type { AuditEntry } from "../src/core/admin.ts";
import type { Command } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import { type Line, line } from "../src/core/reply.ts";
import { truncate } from "../src/core/text.ts";
import { adminOf } from "./_admin.ts";
import { int } from "./_shared.ts";

function entryLine(e: AuditEntry): Line {
  const when = `${e.at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const { by, ...rest } = e.details ?? {};
  const who = typeof by === "string" ? `${by} (${e.userId ?? "?"})` : (e.userId ?? "?");
  const details = Object.keys(rest).length > 0 ? ` ${truncate(JSON.stringify(rest), 160)}` : "";
  const where = `${e.platform}:${e.chatId ?? "-"}`;
  return line({ text: when, italic: true }, " — ", { text: e.action, code: true }, ` ${who} @ ${where}${details}`);
}

/** /audit [n] — latest admin actions: everything for owners, this chat's for chat admins. */
const audit = {
  name: "audit",
  description: {
    fr: "Journal des actions d'administration",
    en: "Admin action log",
    ru: "Журнал действий администраторов",
  },
  options: [
    {
      name: "count",
      type: "integer",
      description: { fr: "Nombre d'entrées (20)", en: "Entries (20)", ru: "Число записей (20)" },
    },
  ],
  access: "admins",
  usage: { fr: "[n]", en: "[n]", ru: "[n]" },
  async run(req) {
    const log = adminOf(req).audit;
    const limit = int(req, "count", 20, 100);
    const owner = (await req.user.isOwner?.()) ?? false;
    const entries = await log.latest(limit, owner ? undefined : { platform: req.chat.platform, chatId: req.chat.id });
    if (entries.length === 0) return { lines: [line(t(req.lang, "audit.empty"))], kind: "empty" };
    return { title: t(req.lang, "audit.title"), lines: entries.map(entryLine) };
  },
} satisfies Command;

export default audit;
