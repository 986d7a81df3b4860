/**
 * Shared by /subscribe, /unsubscribe, /subscriptions and /filter: kinds in French, English or Russian, a one-line
 * description of a subscription, and the subscriptions of the current chat.
 */
import type { SubscriptionFilter } from "../src/core/admin.ts";
import type { CommandRequest, Lang } from "../src/core/command.ts";
import type { SubscriptionKind, SubscriptionRecord } from "../src/core/delivery.ts";
import { t } from "../src/core/i18n/index.ts";
import { foldForMatch } from "../src/core/text.ts";
import { adminOf } from "./_admin.ts";
import { topicLabel } from "./_shared.ts";

const KIND_WORDS: Record<string, SubscriptionKind> = {
  digest: "digest",
  digests: "digest",
  revue: "digest",
  resume: "digest",
  обзор: "digest",
  дайджест: "digest",
  anniversaries: "anniversaries",
  anniversary: "anniversaries",
  годовщины: "anniversaries",
  годовщина: "anniversaries",
  anniversaire: "anniversaries",
  anniversaires: "anniversaries",
  alerts: "alerts",
  alert: "alerts",
  alerte: "alerts",
  alertes: "alerts",
  оповещения: "alerts",
  оповещение: "alerts",
};

/** The same words folded as user input is (accents and marks dropped: "дайджест" → "даиджест"). */
const FOLDED_KINDS = new Map(Object.entries(KIND_WORDS).map(([word, kind]) => [foldForMatch(word), kind]));

/** "revue", "digest", "alertes", "anniversaires", "обзор"… → kind; null otherwise. */
export function kindOf(word: string): SubscriptionKind | null {
  return FOLDED_KINDS.get(foldForMatch(word)) ?? null;
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  fr: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  ru: ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"],
};

/** "+Tokaïev, -sport" in the reply's language. */
export function describeFilter(req: CommandRequest, f: SubscriptionFilter): string {
  const parts: string[] = [];
  if (f.include.length > 0) parts.push(t(req.lang, "filter.include", { terms: f.include.join(", ") }));
  if (f.exclude.length > 0) parts.push(t(req.lang, "filter.exclude", { terms: f.exclude.join(", ") }));
  return parts.join(req.lang === "fr" ? " ; " : "; ");
}

/** "news digest, every day at 08:00 (Europe/Paris), energy". */
export function describe(req: CommandRequest, s: SubscriptionRecord, filter?: SubscriptionFilter | null): string {
  const kind = t(req.lang, `sub.kind.${s.kind}`);
  const when =
    s.kind === "alerts"
      ? t(req.lang, "sub.asap")
      : s.frequency === "weekly"
        ? t(req.lang, "sub.weekly", { day: WEEKDAYS[req.lang][s.weekday ?? 1] ?? "", time: s.time })
        : t(req.lang, "sub.daily", { time: s.time });
  const zone = s.kind === "alerts" ? "" : ` (${s.timezone})`;
  const topics =
    s.topics.length > 0 ? s.topics.map((x) => topicLabel(req, x)).join(", ") : t(req.lang, "sub.allTopics");
  const parts = [kind, `${when}${zone}`, topics];
  if (s.languages.length > 0) {
    parts.push(t(req.lang, "sub.languages", { languages: s.languages.map((l) => l.toUpperCase()).join(", ") }));
  }
  if (s.chart && s.kind === "digest" && s.frequency === "weekly") parts.push(t(req.lang, "sub.chart"));
  if (s.threadId) parts.push(t(req.lang, "sub.thread", { thread: s.threadId }));
  if (filter && (filter.include.length > 0 || filter.exclude.length > 0)) {
    parts.push(t(req.lang, "sub.filter", { filter: describeFilter(req, filter) }));
  }
  return parts.join(", ");
}

/** Active subscriptions of this chat (all threads). */
export function chatSubscriptions(req: CommandRequest): Promise<SubscriptionRecord[]> {
  return adminOf(req).subscriptions.subscriptionsOfChat(req.chat.platform, req.chat.id);
}

/** Same thread (forum topic / Discord thread) as the request. */
export function sameThread(req: CommandRequest, s: SubscriptionRecord): boolean {
  return (s.threadId ?? null) === (req.chat.threadId ?? null);
}
