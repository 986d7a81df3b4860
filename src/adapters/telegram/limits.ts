/**
 * Telegram's limits as the rest of the bot sees them (`PlatformLimits`), in a file that does not load grammY:
 * the composition root reads them for digests even when no Telegram token is set.
 * - A text message holds 4096 characters after entity parsing (./render.ts): tags and link URLs cost nothing,
 *   so a line costs its text. Scheduled posts keep about 300 characters free for the "… /latest" line and the
 *   footer.
 * - Telegram accepts about 30 messages per second from a bot overall; the outbox paces scheduled posts a little
 *   below that (TELEGRAM_SEND_RATE), on top of the per-chat pacing of ./send-queue.ts.
 */
import type { PlatformLimits } from "../../core/platform.ts";
import { lineText } from "../../core/reply.ts";

/** The limits, with the outbox pace the config asks for (TELEGRAM_SEND_RATE; default 25 per second). */
export function telegramLimits(sendRate = 25): PlatformLimits {
  return { messageBudget: 3800, lineCost: (l) => lineText(l).length + 1, sendRate };
}
