/**
 * Discord's limits as the rest of the bot sees them (`PlatformLimits`), and the hosts its attachments come from,
 * in a file that does not load discord.js: the composition root reads them even when no Discord token is set.
 * - A scheduled post is one embed whose description holds at most 4096 characters of Markdown (./render.ts):
 *   escapes, `**bold**`, `*italic*` and the URLs of `[masked](links)` all count, so a line costs exactly what
 *   ./markdown.ts renders. Posts keep about 300 characters free for the "… /latest" line.
 * - Discord allows 50 requests per second globally; the outbox paces scheduled posts below that
 *   (DISCORD_SEND_RATE).
 */
import type { PlatformLimits } from "../../core/platform.ts";
import { renderLine } from "./markdown.ts";

/** The limits, with the outbox pace the config asks for (DISCORD_SEND_RATE; default 40 per second). */
export function discordLimits(sendRate = 40): PlatformLimits {
  return { messageBudget: 3800, lineCost: (l) => renderLine(l).length + 1, sendRate };
}

/** Discord's attachment hosts: the only ones files sent with a command (/importsources) are downloaded from. */
export const DISCORD_FILE_HOSTS = ["cdn.discordapp.com", "media.discordapp.net"];
