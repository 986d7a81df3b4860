import type { Command } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf, argText, audit } from "./_admin.ts";
import { chatSubscriptions, kindOf, sameThread } from "./_subscriptions.ts";

/** /unsubscribe N|digest|alerts|anniversaries — removes a subscription of this chat. */
const unsubscribe = {
  name: "unsubscribe",
  description: { fr: "Supprimer un abonnement", en: "Remove a subscription", ru: "Удалить подписку" },
  options: [
    {
      name: "subscription",
      type: "string",
      required: true,
      description: {
        fr: "Numéro ou type de l'abonnement",
        en: "Subscription number or kind",
        ru: "Номер или тип подписки",
      },
    },
  ],
  access: "chatAdmins",
  usage: { fr: "N ou type", en: "N or kind", ru: "N или тип" },
  async run(req) {
    const admin = adminOf(req);
    const ref = argText(req);
    if (!ref) throw new UserInputError({ key: "unsub.usage" });
    const subs = await chatSubscriptions(req);
    const id = /^#?(\d{1,9})$/.exec(ref)?.[1];
    const kind = kindOf(ref);
    const target = id
      ? subs.find((s) => s.id === Number(id))
      : kind
        ? subs.find((s) => s.kind === kind && sameThread(req, s))
        : undefined;
    if (!target) throw new UserInputError({ key: "unsub.notFound", params: { value: ref.slice(0, 40) } });
    await admin.subscriptions.removeSubscription(target.id);
    await audit(req, "subscription.remove", { subscriptionId: target.id, kind: target.kind });
    return {
      lines: [line(t(req.lang, "unsub.done", { id: target.id, kind: t(req.lang, `sub.kind.${target.kind}`) }))],
    };
  },
} satisfies Command;

export default unsubscribe;
