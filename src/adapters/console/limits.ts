/**
 * The terminal chat's limits (`PlatformLimits`). A terminal has no message size, but a digest longer than a
 * screenful or two is not read: posts keep the budget of the chat platforms, counted in plain text (links are
 * printed after their text, not counted). Printing needs no pace.
 */
import type { PlatformLimits } from "../../core/platform.ts";
import { lineText } from "../../core/reply.ts";

export function consoleLimits(): PlatformLimits {
  return { messageBudget: 3800, lineCost: (l) => lineText(l).length + 1, sendRate: 0 };
}
