/**
 * Builders of the updates a real Telegram client would produce, for the fake Bot API: user messages with
 * `bot_command` entities (without them grammY ignores commands), channel posts and button presses.
 */
import { now } from "./telegram-wire.ts";

export interface FakeUser {
  id: number;
  is_bot?: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface FakeChat {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  title?: string;
  is_forum?: boolean;
}

/** A message typed by a user (or posted on behalf of `senderChat`); a leading `/command` gets its entity. */
export function userMessage(
  messageId: number,
  chat: FakeChat,
  text: string,
  o: { threadId?: number; senderChat?: FakeChat; from?: FakeUser },
) {
  const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return {
    message_id: messageId,
    date: now(),
    chat,
    ...(o.from ? { from: o.from } : {}),
    ...(o.senderChat ? { sender_chat: o.senderChat } : {}),
    ...(o.threadId ? { message_thread_id: o.threadId, is_topic_message: true } : {}),
    text,
    ...(cmd ? { entities: [{ type: "bot_command", offset: 0, length: cmd[0].length }] } : {}),
  };
}

/** The bot's own message as it appears inside a callback query. */
export function botMessageShown(chat: FakeChat, bot: FakeUser, messageId: number, text: string, threadId?: number) {
  return {
    message_id: messageId,
    date: now(),
    chat,
    from: bot,
    text,
    ...(threadId ? { message_thread_id: threadId, is_topic_message: true } : {}),
  };
}

/** A callback query: `from` pressed the button carrying `data` under `message`. */
export function buttonPress(id: string, from: FakeUser, message: { chat: FakeChat }, data: string) {
  return { id, from, chat_instance: `ci${message.chat.id}`, message, data };
}
