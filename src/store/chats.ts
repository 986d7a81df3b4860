/**
 * Chats the bot posts to (scheduled delivery). A chat refused permanently by its platform is kept but
 * marked inactive, so nothing is retried there forever.
 */
import type { ChatRef, Lang, Platform } from "../core/command.ts";
import type { ChatRecord } from "../core/delivery.ts";
import { asLang } from "../core/i18n/index.ts";
import type { Db } from "./db.ts";

/** Default time zone of a new chat (the model's default). */
export const DEFAULT_TIMEZONE = "Europe/Paris";

export interface ChatRow {
  id: number;
  platform: string;
  externalId: string;
  type: string | null;
  title: string | null;
  language: string;
  timezone: string;
  active: boolean;
  inactiveReason: string | null;
  quietStart?: string | null;
  quietEnd?: string | null;
}

/** Maps a database row to the shared record. */
export function toChatRecord(r: ChatRow): ChatRecord {
  return {
    id: r.id,
    platform: r.platform,
    externalId: r.externalId,
    type: r.type,
    title: r.title,
    language: asLang(r.language),
    timezone: r.timezone,
    active: r.active,
    inactiveReason: r.inactiveReason,
    quietStart: r.quietStart ?? null,
    quietEnd: r.quietEnd ?? null,
  };
}

/** Chat operations of the delivery store. */
export function chatStore(db: Db) {
  return {
    async upsertChat(ref: ChatRef, defaults: { language?: Lang; timezone?: string } = {}): Promise<ChatRecord> {
      const r = await db.chat.upsert({
        where: { platform_externalId: { platform: ref.platform, externalId: ref.id } },
        create: {
          platform: ref.platform,
          externalId: ref.id,
          type: ref.type,
          title: ref.title ?? null,
          language: defaults.language ?? "fr",
          timezone: defaults.timezone ?? DEFAULT_TIMEZONE,
        },
        update: { type: ref.type, ...(ref.title ? { title: ref.title } : {}) },
      });
      return toChatRecord(r);
    },
    async findChat(platform: Platform, externalId: string): Promise<ChatRecord | null> {
      const r = await db.chat.findUnique({ where: { platform_externalId: { platform, externalId } } });
      return r ? toChatRecord(r) : null;
    },
    async markChatInactive(chatId: number, reason: string, at: Date): Promise<void> {
      await db.chat.updateMany({
        where: { id: chatId, active: true },
        data: { active: false, inactiveReason: reason.slice(0, 500), inactiveAt: at },
      });
    },
  };
}
