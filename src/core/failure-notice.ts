/**
 * The short notice a chat gets when one of its scheduled posts is given up on for a reason other than the chat
 * being gone (repeated 5xx, message refused): admins see it in the chat, not only in the logs. Used by delivery
 * (the notice) and by /subscriptions and the digest preview (the last failure).
 */
import type { Lang } from "./command.ts";
import type { OutboxItem } from "./delivery.ts";
import { t } from "./i18n/index.ts";
import { line, type Reply } from "./reply.ts";
import { truncate } from "./text.ts";

/** "digest:2026-11-24" → "digest 2026-11-24"; alerts keep their minute. */
export function periodLabel(periodKey: string): string {
  const [kind = "", rest = ""] = periodKey.split(/:(.*)/s);
  return rest ? `${kind} ${rest.replace(/:00\.000Z$/, "Z")}` : periodKey;
}

/** One line of text for /subscriptions and /digest. */
export function failureText(lang: Lang, f: { periodKey: string; error: string }): string {
  return t(lang, "delivery.lastFailed", { period: periodLabel(f.periodKey), error: truncate(f.error, 120) });
}

/** The notice posted to the chat (one per failed post). */
export function failureNotice(item: OutboxItem, error: string): Reply {
  const lang = item.lang ?? "fr";
  return {
    lines: [line(t(lang, "delivery.failNotice", { period: periodLabel(item.periodKey), error: truncate(error, 120) }))],
    kind: "error",
    linkPreview: false,
  };
}
