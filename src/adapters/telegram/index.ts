/** Telegram adapter: the only module (with its siblings) that imports grammY. */
export { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from "./adapter.ts";
export { escapeHtml, packReply, renderLine, renderSpan, TELEGRAM_TEXT_LIMIT } from "./render.ts";
export type { SendLimits } from "./send-queue.ts";
