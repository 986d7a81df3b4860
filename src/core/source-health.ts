/**
 * Per-source retry schedule and health (shared by polling, the admin commands and the health warnings): exponential backoff from 5 minutes to a day, a warning after
 * three days of failures (so the chat that added the source can be told), disabling after seven days.
 */
import { backoffDelay } from "./backoff.ts";
import type { SourceRecord } from "./store.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Thresholds of the health rules; exported so admin replies can quote them. */
export const HEALTH_RULES = {
  /** Failing this long → "warn". */
  warnAfterMs: 3 * DAY,
  /** Failing this long (with at least minFailuresToDisable failures) → disabled. */
  disableAfterMs: 7 * DAY,
  /** A single failure after a long quiet period must not disable a source. */
  minFailuresToDisable: 5,
  /** This many failures in a row disable the source whatever the time span. */
  maxFailures: 100,
} as const;

/**
 * Delay before the next attempt after `consecutiveFailures` failures in a row: baseMs · 2^(n−1), capped
 * at maxMs, spread by ±jitter (a fraction, 0.1 = ±10 %) so sources failing together do not retry together.
 * 0 failures gives baseMs.
 */
export function nextFetchDelay(
  consecutiveFailures: number,
  baseMs = 5 * MINUTE,
  maxMs = DAY,
  jitter = 0.1,
  random: () => number = Math.random,
): number {
  const j = Math.max(0, Math.min(jitter, 1));
  return backoffDelay(consecutiveFailures, { baseMs, maxMs, spread: [1 - j, 1 + j], random, minMs: 1000 });
}

/** When the current run of failures started: the last success, else the creation of the source. */
export function failingSince(source: Pick<SourceRecord, "lastSuccessAt" | "createdAt">): Date {
  return source.lastSuccessAt ?? source.createdAt;
}

/** True when a source failing `failures` times in a row since `firstFailureAt` should be disabled. */
export function shouldDisable(failures: number, firstFailureAt: Date, now: Date): boolean {
  if (failures >= HEALTH_RULES.maxFailures) return true;
  return (
    failures >= HEALTH_RULES.minFailuresToDisable &&
    now.getTime() - firstFailureAt.getTime() >= HEALTH_RULES.disableAfterMs
  );
}

export type HealthState = "ok" | "failing" | "warn" | "disabled";

/**
 * Health of a source: "disabled" (by the failure rule), "ok" (last fetch worked), "failing" (recent
 * failures), "warn" (failing long enough that it will soon be disabled: time to tell the admins).
 */
export function healthState(
  source: Pick<SourceRecord, "disabled" | "consecutiveFailures" | "lastSuccessAt" | "createdAt">,
  now: Date = new Date(),
): HealthState {
  if (source.disabled) return "disabled";
  if (source.consecutiveFailures === 0) return "ok";
  const span = now.getTime() - failingSince(source).getTime();
  return span >= HEALTH_RULES.warnAfterMs ? "warn" : "failing";
}
