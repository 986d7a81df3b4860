/**
 * How much of a platform's single message a scheduled post may fill, measured on the neutral Reply.
 * Telegram counts 4096 characters of text after entity parsing (links cost nothing); the Discord adapter
 * renders an embed whose 4096-character description holds Markdown links, so URLs count there.
 */
import type { Platform } from "../core/command.ts";
import type { Line } from "../core/reply.ts";

/** Characters a post may use per platform, with headroom for the adapter's markup and footer. */
export const MESSAGE_BUDGET: Record<Platform, number> = { telegram: 3800, discord: 3800, console: 3800 };

/** Characters a line costs on a platform (plus its line break). */
export function lineCost(l: Line, platform: Platform): number {
  let n = 1;
  for (const s of l) {
    n += s.text.length;
    if (platform === "discord") {
      if (s.url) n += s.url.length + 4;
      if (s.bold) n += 4;
      if (s.italic) n += 2;
    }
  }
  return n;
}

/** Total cost of several lines. */
export function linesCost(lines: Line[], platform: Platform): number {
  return lines.reduce((n, l) => n + lineCost(l, platform), 0);
}
