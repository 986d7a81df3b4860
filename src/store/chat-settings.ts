/**
 * Per-chat settings (/settings): reply language, time zone, quiet hours. Kept on the Chat row that
 * scheduled delivery also uses, so a time zone change moves the chat's digests too.
 */
import type { ChatSettings, ChatSettingsStore } from "../core/admin.ts";
import type { ChatRef, Lang } from "../core/command.ts";
import { isLang } from "../core/i18n/index.ts";
import { DEFAULT_TIMEZONE } from "./chats.ts";
import type { Db } from "./db.ts";

function lang(v: string | null): Lang | null {
  return isLang(v) ? v : null;
}

function toSettings(r: {
  uiLanguage: string | null;
  timezone: string;
  quietStart: string | null;
  quietEnd: string | null;
}): ChatSettings {
  return { language: lang(r.uiLanguage), timezone: r.timezone, quietStart: r.quietStart, quietEnd: r.quietEnd };
}

const where = (chat: ChatRef) => ({ platform_externalId: { platform: chat.platform, externalId: chat.id } });

/** Builds the settings store over a client. */
export function chatSettingsStore(db: Db): ChatSettingsStore {
  return {
    async get(chat) {
      const r = await db.chat.findUnique({ where: where(chat) });
      return r ? toSettings(r) : { language: null, timezone: DEFAULT_TIMEZONE, quietStart: null, quietEnd: null };
    },
    async update(chat, patch) {
      const data = {
        ...(patch.language !== undefined ? { uiLanguage: patch.language } : {}),
        // Digests follow the chosen language too (subscriptions without their own language).
        ...(patch.language ? { language: patch.language } : {}),
        ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
        ...(patch.quietStart !== undefined ? { quietStart: patch.quietStart } : {}),
        ...(patch.quietEnd !== undefined ? { quietEnd: patch.quietEnd } : {}),
      };
      return db.$transaction(async (tx) => {
        const r = await tx.chat.upsert({
          where: where(chat),
          create: {
            platform: chat.platform,
            externalId: chat.id,
            type: chat.type,
            title: chat.title ?? null,
            ...data,
          },
          update: data,
        });
        if (patch.timezone !== undefined) {
          // Subscriptions following the chat's zone must be planned again in the new one.
          await tx.subscription.updateMany({ where: { chatId: r.id, timezone: null }, data: { nextDueAt: null } });
        }
        return toSettings(r);
      });
    },
  };
}

/** The reply language a chat chose, or null (unknown chat, or no choice made). */
export async function chatLanguage(db: Db, chat: ChatRef): Promise<Lang | null> {
  const r = await db.chat.findUnique({ where: where(chat), select: { uiLanguage: true } });
  return r ? lang(r.uiLanguage) : null;
}
