import type { Command, CommandRequest } from "../src/core/command.ts";
import type { Frequency, SubscriptionKind } from "../src/core/delivery.ts";
import { UserInputError } from "../src/core/errors.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { foldForMatch } from "../src/core/text.ts";
import { adminOf, argText, audit, requireChatAdmin } from "./_admin.ts";
import { topicOrNull } from "./_shared.ts";
import { chatSubscriptions, describe, kindOf, sameThread } from "./_subscriptions.ts";

const FREQUENCIES: Record<string, Frequency> = {
  daily: "daily",
  quotidien: "daily",
  quotidienne: "daily",
  jour: "daily",
  weekly: "weekly",
  hebdo: "weekly",
  hebdomadaire: "weekly",
  semaine: "weekly",
};

interface Wanted {
  kind: SubscriptionKind;
  topics: string[];
  time?: string;
  frequency?: Frequency;
}

/** `digest énergie politique 08:00 weekly` in any order after the kind; topics in French or English. */
function parse(req: CommandRequest): Wanted {
  const [first, ...rest] = argText(req).split(" ").filter(Boolean);
  const kind = first ? kindOf(first) : null;
  if (!kind) {
    const usage = t(req.lang, "sub.usage");
    throw new UserInputError(first ? t(req.lang, "sub.badToken", { value: first.slice(0, 40), usage }) : usage);
  }
  const wanted: Wanted = { kind, topics: [] };
  for (const token of rest) {
    const time = /^(\d{1,2})[:h](\d{2})$/.exec(token);
    if (time && Number(time[1]) < 24 && Number(time[2]) < 60) {
      wanted.time = `${time[1]?.padStart(2, "0")}:${time[2]}`;
      continue;
    }
    const freq = FREQUENCIES[foldForMatch(token)];
    if (freq) {
      wanted.frequency = freq;
      continue;
    }
    const slug = topicOrNull(req, token, true) as string;
    if (!wanted.topics.includes(slug)) wanted.topics.push(slug);
  }
  return wanted;
}

/** /subscribe digest|anniversaries|alerts [thèmes…] [HH:MM] [daily|weekly] — for this chat (and forum topic). */
const subscribe = {
  name: "subscribe",
  description: {
    fr: "S'abonner : revue, anniversaires ou alertes",
    en: "Subscribe: digest, anniversaries or alerts",
  },
  options: [
    {
      name: "kind",
      type: "string",
      required: true,
      description: { fr: "Type d'abonnement", en: "Kind of subscription" },
      choices: [
        { value: "digest", label: { fr: "Revue de presse", en: "News digest" } },
        { value: "anniversaries", label: { fr: "Anniversaires", en: "Anniversaries" } },
        { value: "alerts", label: { fr: "Alertes", en: "Alerts" } },
      ],
    },
    {
      name: "topics",
      type: "string",
      description: { fr: "Thèmes (facultatif, séparés par des espaces)", en: "Topics (optional, space-separated)" },
      autocomplete: "topic",
    },
    { name: "time", type: "string", description: { fr: "Heure d'envoi HH:MM (08:00)", en: "Time HH:MM (08:00)" } },
    {
      name: "frequency",
      type: "string",
      description: { fr: "Fréquence", en: "Frequency" },
      choices: [
        { value: "daily", label: { fr: "Chaque jour", en: "Daily" } },
        { value: "weekly", label: { fr: "Chaque semaine", en: "Weekly" } },
      ],
    },
  ],
  adminOnly: false,
  access: "chatAdmins",
  usage: {
    fr: "digest|anniversaries|alerts [thèmes…] [HH:MM] [daily|weekly]",
    en: "digest|anniversaries|alerts [topics…] [HH:MM] [daily|weekly]",
  },
  async run(req) {
    const admin = adminOf(req);
    await requireChatAdmin(req);
    const w = parse(req);
    const current = (await chatSubscriptions(req)).find((s) => s.kind === w.kind && sameThread(req, s));
    if (current) {
      const updated = await admin.subscriptions.updateSubscription(current.id, {
        topics: w.topics,
        ...(w.time ? { time: w.time } : {}),
        ...(w.frequency
          ? { frequency: w.frequency, weekday: w.frequency === "weekly" ? (current.weekday ?? 1) : null }
          : {}),
      });
      const s = updated ?? current;
      await audit(req, "subscription.update", { subscriptionId: s.id, kind: s.kind, topics: s.topics });
      return { lines: [line(t(req.lang, "sub.updated", { id: s.id, what: describe(req, s) }))] };
    }
    const s = await admin.subscriptions.addSubscription({
      chat: req.chat,
      kind: w.kind,
      topics: w.topics,
      ...(w.time ? { time: w.time } : {}),
      ...(w.frequency ? { frequency: w.frequency } : {}),
    });
    await audit(req, "subscription.add", { subscriptionId: s.id, kind: s.kind, topics: s.topics });
    return { lines: [line(t(req.lang, "sub.created", { id: s.id, what: describe(req, s) }))] };
  },
} satisfies Command;

export default subscribe;
