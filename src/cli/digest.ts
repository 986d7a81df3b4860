/**
 * `newsbot digest --chat PLATFORM:ID --dry-run [--lang fr|en|ru]`: prints the next post of every
 * subscription of a chat, composed now, without sending anything or touching the outbox.
 */
import type { Lang, Platform, TopicInfo } from "../core/command.ts";
import type { DeliveryStore } from "../core/delivery.ts";
import { UserInputError } from "../core/errors.ts";
import { isLang } from "../core/i18n/index.ts";
import type { Clock } from "../core/logger.ts";
import type { PlatformLimitsTable } from "../core/platform.ts";
import { replyText } from "../core/reply.ts";
import { createDigestPreviewer } from "../schedule/preview.ts";

export interface DigestCliDeps {
  /** The opened store (app.store). */
  store: DeliveryStore;
  /** The taxonomy's topics (topicInfos(app.taxonomy)). */
  topics: TopicInfo[];
  /** Every platform's limits by id (app.limits): which platforms exist, and the size of their posts. */
  limits: PlatformLimitsTable;
  clock: Clock;
  /** Default language when the chat has none (config NEWSBOT_LANG). */
  lang: Lang;
  out(s: string): void;
}

export const DIGEST_USAGE =
  "usage: newsbot digest --chat telegram:ID|discord:ID [--thread ID] [--lang fr|en|ru] --dry-run";

/** Runs the subcommand; returns the exit code. Throws UserInputError on bad arguments. */
export async function runDigestCli(args: string[], deps: DigestCliDeps): Promise<number> {
  const get = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const chatArg = get("--chat");
  if (!chatArg || !args.includes("--dry-run")) throw new UserInputError(DIGEST_USAGE);
  const m = /^([a-z][a-z0-9]*):(.+)$/.exec(chatArg);
  if (!m) throw new UserInputError(`--chat must look like telegram:-100123 or discord:123 (${DIGEST_USAGE})`);
  const platform: Platform = m[1] ?? "";
  const id = m[2] ?? "";
  if (!Object.hasOwn(deps.limits, platform)) {
    const known = Object.keys(deps.limits).join(", ");
    throw new UserInputError(`--chat: unknown platform "${platform}" (known: ${known})`);
  }
  const langArg = get("--lang");
  const known = await deps.store.findChat(platform, id);
  const lang: Lang = isLang(langArg) ? langArg : (known?.language ?? deps.lang);
  const thread = get("--thread");
  const previewer = createDigestPreviewer({ store: deps.store, topics: deps.topics, limits: deps.limits });
  const replies = await previewer.previewAll(
    { platform, id, type: known?.type === "private" ? "private" : "group", ...(thread ? { threadId: thread } : {}) },
    lang,
    deps.clock.now(),
  );
  deps.out(replies.map((r) => replyText(r)).join("\n\n-----\n\n"));
  return 0;
}
