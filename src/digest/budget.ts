/**
 * How much of a platform's single message a scheduled post may fill, measured on the neutral Reply with the
 * platform's own line cost (`PlatformLimits`, declared by each adapter and passed in by the composition root).
 */
import type { Platform } from "../core/command.ts";
import type { PlatformLimits, PlatformLimitsTable } from "../core/platform.ts";
import type { Line } from "../core/reply.ts";

/** Total cost of several lines on a platform. */
export function linesCost(lines: Line[], limits: Pick<PlatformLimits, "lineCost">): number {
  return lines.reduce((n, l) => n + limits.lineCost(l), 0);
}

/** The limits of `platform`; throws (naming it) for a platform the bot has none for, e.g. a chat of a removed one. */
export function limitsOf(table: PlatformLimitsTable, platform: Platform): PlatformLimits {
  const limits = Object.hasOwn(table, platform) ? table[platform] : undefined;
  if (!limits) throw new Error(`no limits known for platform "${platform}" (known: ${Object.keys(table).join(", ")})`);
  return limits;
}
