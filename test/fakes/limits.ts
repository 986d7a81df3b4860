/**
 * Platform limits for tests: the real table the composition root passes (src/platforms.ts), and the limits of
 * the recording adapters, which send unpaced so a test never waits for a rate limiter.
 */
import { consoleLimits } from "../../src/adapters/console/limits.ts";
import type { Platform } from "../../src/core/command.ts";
import type { PlatformLimits } from "../../src/core/platform.ts";
import { platformLimits } from "../../src/platforms.ts";

/** Every platform's limits at the default send rates, as `npm start` builds them. */
export const limits = platformLimits();

/** The real limits of `platform` (plain text for a made-up one), with no send pace. */
export function unpaced(platform: Platform): PlatformLimits {
  const real = Object.hasOwn(limits, platform) ? limits[platform] : undefined;
  return { ...(real ?? consoleLimits()), sendRate: 0 };
}
