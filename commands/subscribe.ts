import type { Command, CommandRequest } from "../src/core/command.ts";
import type { Frequency, SubscriptionKind, SubscriptionRecord } from "../src/core/delivery.ts";
import { UserInputError } from "../src/core/errors.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { foldForMatch } from "../src/core/text.ts";
import { adminOf, argText, audit } from "./_admin.ts";
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
  /** "tous", "all": every topic, replacing the topics of an existing subscription. */
  allTopics: boolean;
  time?: string;
  frequency?: Frequency;
}

const ALL_TOPICS = new Set(["all", "tous", "tout", "toutes", "tous-les-themes"]);

/**
 * "08:00", "8:00", "8h", "8h30": a time of day as "HH:MM"; null when the word is not written as a time;
 * a UserInputError naming it as a time when it is one but does not exist (25:00, 8:75).
 */
function timeOf(token: string): string | null {
  if (!/^\d{1,4}[:h]\d{0,4}$/i.test(token)) return null;
  const m = /^(\d{1,2})(?::(\d{2})|h(\d{2})?)$/i.exec(token);
  const h = Number(m?.[1] ?? 99);
  const min = Number(m?.[2] ?? m?.[3] ?? "0");
  if (!m || h > 23 || min > 59) throw new UserInputError({ key: "sub.badTime", params: { value: token.slice(0, 20) } });
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** `digest énergie politique 08:00 weekly` in any order after the kind; topics in French or English. */
function parse(req: CommandRequest): Wanted {
  const [first, ...rest] = argText(req).split(" ").filter(Boolean);
  const kind = first ? kindOf(first) : null;
  if (!kind) {
    const usage = t(req.lang, "sub.usage");
    throw new UserInputError(first ? t(req.lang, "sub.badToken", { value: first.slice(0, 40), usage }) : usage);
  }
  const wanted: Wanted = { kind, topics: [], allTopics: false };
  for (const token of rest) {
    const time = timeOf(token);
    if (time) {
      wanted.time = time;
      continue;
    }
    const freq = FREQUENCIES[foldForMatch(token)];
    if (freq) {
      wanted.frequency = freq;
      continue;
    }
    if (ALL_TOPICS.has(foldForMatch(token))) {
      wanted.allTopics = true;
      continue;
    }
    const slug = topicOrNull(req, token, true) as string;
    if (!wanted.topics.includes(slug)) wanted.topics.push(slug);
  }
  return wanted;
}

/**
 * A chat has one subscription of each kind per thread: subscribing again changes it, and says so. Topics
 * named again are added to the ones it had ("tous" returns to every topic); no topic named keeps them.
 */
function mergedTopics(current: SubscriptionRecord, w: Wanted): string[] {
  if (w.allTopics) return [];
  if (w.topics.length === 0) return current.topics;
  if (current.topics.length === 0) return w.topics;
  return [...new Set([...current.topics, ...w.topics])];
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
  access: "chatAdmins",
  usage: {
    fr: "digest|anniversaries|alerts [thèmes…] [HH:MM] [daily|weekly]",
    en: "digest|anniversaries|alerts [topics…] [HH:MM] [daily|weekly]",
  },
  async run(req) {
    const admin = adminOf(req);
    const w = parse(req);
    const current = (await chatSubscriptions(req)).find((s) => s.kind === w.kind && sameThread(req, s));
    if (current) {
      const before = describe(req, current);
      const updated = await admin.subscriptions.updateSubscription(current.id, {
        topics: mergedTopics(current, w),
        ...(w.time ? { time: w.time } : {}),
        ...(w.frequency
          ? { frequency: w.frequency, weekday: w.frequency === "weekly" ? (current.weekday ?? 1) : null }
          : {}),
      });
      const s = updated ?? current;
      await audit(req, "subscription.update", { subscriptionId: s.id, kind: s.kind, topics: s.topics });
      const after = describe(req, s);
      if (after === before) return { lines: [line(t(req.lang, "sub.unchanged", { id: s.id, what: after }))] };
      return {
        lines: [
          line(t(req.lang, "sub.updated", { id: s.id })),
          line(t(req.lang, "sub.before", { what: before })),
          line(t(req.lang, "sub.after", { what: after })),
        ],
      };
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
