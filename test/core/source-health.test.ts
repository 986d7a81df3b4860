import { describe, expect, it } from "vitest";
import { healthState, nextFetchDelay, shouldDisable } from "../../src/core/source-health.ts";

const MIN = 60_000;
const DAY = 86_400_000;
const noJitter = () => 0.5;

describe("nextFetchDelay", () => {
  it("doubles from 5 minutes up to a day", () => {
    expect(nextFetchDelay(1, undefined, undefined, 0.1, noJitter)).toBe(5 * MIN);
    expect(nextFetchDelay(2, undefined, undefined, 0.1, noJitter)).toBe(10 * MIN);
    expect(nextFetchDelay(4, undefined, undefined, 0.1, noJitter)).toBe(40 * MIN);
    expect(nextFetchDelay(12, undefined, undefined, 0.1, noJitter)).toBe(DAY);
    expect(nextFetchDelay(1000, undefined, undefined, 0.1, noJitter)).toBe(DAY);
  });

  it("spreads retries by the jitter and never exceeds the cap", () => {
    expect(nextFetchDelay(3, MIN, DAY, 0.1, () => 0)).toBe(3.6 * MIN);
    expect(nextFetchDelay(3, MIN, DAY, 0.1, () => 1)).toBe(4.4 * MIN);
    expect(nextFetchDelay(40, MIN, DAY, 0.5, () => 1)).toBe(DAY);
  });
});

describe("shouldDisable and healthState", () => {
  const t0 = new Date("2024-03-01T00:00:00Z");
  const at = (days: number) => new Date(t0.getTime() + days * DAY);

  it("disables after a week of repeated failures, not after one late failure", () => {
    expect(shouldDisable(14, t0, at(6.9))).toBe(false);
    expect(shouldDisable(14, t0, at(7))).toBe(true);
    expect(shouldDisable(1, t0, at(30))).toBe(false);
    expect(shouldDisable(100, t0, at(1))).toBe(true);
  });

  it("goes ok → failing → warn → disabled", () => {
    const base = { createdAt: t0, lastSuccessAt: t0, disabled: false };
    expect(healthState({ ...base, consecutiveFailures: 0 }, at(10))).toBe("ok");
    expect(healthState({ ...base, consecutiveFailures: 3 }, at(1))).toBe("failing");
    expect(healthState({ ...base, consecutiveFailures: 9 }, at(3.5))).toBe("warn");
    expect(healthState({ ...base, consecutiveFailures: 15, disabled: true }, at(8))).toBe("disabled");
  });
});
