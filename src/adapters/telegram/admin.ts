/**
 * Who may run admin commands on Telegram. Asked on every call, never cached (rights change at any time).
 *
 * Rules, in order:
 * 1. Bot owners (config, Telegram user ids) are admins everywhere.
 * 2. Private chat: the user administers their own chat, so chat-scoped admin commands (subscriptions,
 *    settings of that chat) are allowed. Commands that change global state must check ownership themselves.
 * 3. Channel posts: only channel administrators can post in a channel, so the poster is an admin.
 * 4. Anonymous group admins: `sender_chat` is the group itself (sent through GroupAnonymousBot) → admin.
 * 5. A message sent on behalf of another channel: admin only if that channel is the group's linked channel
 *    (its automatic forwards and its admins posting as it); any other channel is not.
 * 6. Otherwise `getChatMember`: creator or administrator → admin. An API failure means "no".
 */
import type { Api } from "grammy";
import type { Chat, User } from "grammy/types";
import type { Logger } from "../../core/logger.ts";

/** Telegram's GroupAnonymousBot, the `from` of messages sent by anonymous group admins. */
export const GROUP_ANONYMOUS_BOT_ID = 1087968824;

/** What the rights check needs to know about a message. */
export interface SenderInfo {
  chat: Pick<Chat, "id" | "type">;
  from?: Pick<User, "id">;
  senderChat?: Pick<Chat, "id" | "type">;
}

/** Returns an `isAdmin()` for one incoming message. */
export function adminCheck(api: Api, owners: ReadonlySet<string>, info: SenderInfo, logger: Logger) {
  return async (): Promise<boolean> => {
    const { chat, from, senderChat } = info;
    if (from && owners.has(String(from.id))) return true;
    if (chat.type === "private") return true;
    if (chat.type === "channel") return senderChat?.id === chat.id;
    try {
      if (senderChat) {
        if (senderChat.id === chat.id) return true;
        if (senderChat.type !== "channel") return false;
        const full = await api.getChat(chat.id);
        return "linked_chat_id" in full && full.linked_chat_id === senderChat.id;
      }
      if (!from || from.id === GROUP_ANONYMOUS_BOT_ID) return false;
      const member = await api.getChatMember(chat.id, from.id);
      return member.status === "creator" || member.status === "administrator";
    } catch (err) {
      logger.warn("telegram admin check failed", {
        chat: chat.id,
        error: err,
      });
      return false;
    }
  };
}
