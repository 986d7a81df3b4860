import type { Command } from "../src/core/command.ts";
import { failureText } from "../src/core/failure-notice.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf } from "./_admin.ts";
import { chatSubscriptions, describe } from "./_subscriptions.ts";

/** /subscriptions — what this chat receives (anyone may look). */
const subscriptions = {
  name: "subscriptions",
  description: { fr: "Abonnements de ce chat", en: "Subscriptions of this chat", ru: "Подписки этого чата" },
  options: [],
  access: "everyone",
  async run(req) {
    const admin = adminOf(req);
    const subs = await chatSubscriptions(req);
    if (subs.length === 0) return { lines: [line(t(req.lang, "sub.listEmpty"))], kind: "empty" };
    const lines = [];
    for (const s of subs) {
      const filter = await admin.subscriptions.filterOf(s.id);
      lines.push(line({ text: `#${s.id} `, bold: true }, describe(req, s, filter)));
      // A post given up on (5xx beyond the retries, message refused) stays visible here for the chat's admins.
      const failure = await admin.subscriptions.lastFailure?.(s.id);
      if (failure) lines.push(line({ text: `   ⚠️ ${failureText(req.lang, failure)}`, italic: true }));
    }
    return { title: t(req.lang, "sub.listTitle"), lines, footer: t(req.lang, "sub.listFooter") };
  },
} satisfies Command;

export default subscriptions;
