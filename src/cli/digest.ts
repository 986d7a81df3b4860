/**
 * `newsbot digest --chat PLATFORM:ID --dry-run [--lang fr|en]`: prints the next post of every
 * subscription of a chat, composed now, without sending anything or touching the outbox.
 */
import type { Lang, Platform, TopicInfo } from "../core/command.ts";
import type { DeliveryStore } from "../core/delivery.ts";
import { UserInputError } from "../core/errors.ts";
import type { Clock } from "../core/logger.ts";
import { replyText } from "../core/reply.ts";
import { createDigestPreviewer } from "../schedule/preview.ts";

export interface DigestCliDeps {
  /** The opened store (app.store). */
  store: DeliveryStore;
  /** The taxonomy's topics (topicInfos(app.taxonomy)). */
  topics: TopicInfo[];
  clock: Clock;
  /** Default language when the chat has none (config NEWSBOT_LANG). */
  lang: Lang;
  out(s: string): void;
}

export const DIGEST_USAGE =
  "usage: newsbot digest --chat telegram:ID|discord:ID [--thread ID] [--lang fr|en] --dry-run";

/** Runs the subcommand; returns the exit code. Throws UserInputError on bad arguments. */
export async function runDigestCli(args: string[], deps: DigestCliDeps): Promise<number> {
  const get = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const chatArg = get("--chat");
  if (!chatArg || !args.includes("--dry-run")) throw new UserInputError(DIGEST_USAGE);
  const m = /^(telegram|discord|console):(.+)$/.exec(chatArg);
  if (!m) throw new UserInputError(`--chat must look like telegram:-100123 or discord:123 (${DIGEST_USAGE})`);
  const platform = m[1] as Platform;
  const id = m[2] as string;
  const langArg = get("--lang");
  const known = await deps.store.findChat(platform, id);
  const lang: Lang = langArg === "en" || langArg === "fr" ? langArg : (known?.language ?? deps.lang);
  const thread = get("--thread");
  const previewer = createDigestPreviewer({ store: deps.store, topics: deps.topics });
  const replies = await previewer.previewAll(
    { platform, id, type: known?.type === "private" ? "private" : "group", ...(thread ? { threadId: thread } : {}) },
    lang,
    deps.clock.now(),
  );
  deps.out(replies.map((r) => replyText(r)).join("\n\n-----\n\n"));
  return 0;
}
