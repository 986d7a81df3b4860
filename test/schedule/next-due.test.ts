import { describe, expect, it } from "vitest";
import { zonedTime } from "../../src/core/zoned-time.ts";
import { latestOccurrence, nextOccurrence } from "../../src/schedule/next-due.ts";

const iso = (d: Date) => d.toISOString();

describe("local schedule → instants (Intl only)", () => {
  it("follows Paris across both DST changes, Moscow and Almaty have none", () => {
    expect(iso(zonedTime(2026, 3, 28, 8, 0, "Europe/Paris"))).toBe("2026-03-28T07:00:00.000Z");
    expect(iso(zonedTime(2026, 3, 29, 8, 0, "Europe/Paris"))).toBe("2026-03-29T06:00:00.000Z");
    expect(iso(zonedTime(2026, 10, 25, 8, 0, "Europe/Paris"))).toBe("2026-10-25T07:00:00.000Z");
    expect(iso(zonedTime(2026, 1, 15, 8, 0, "Europe/Moscow"))).toBe("2026-01-15T05:00:00.000Z");
    expect(iso(zonedTime(2026, 7, 15, 8, 0, "Europe/Moscow"))).toBe("2026-07-15T05:00:00.000Z");
    expect(iso(zonedTime(2026, 1, 15, 8, 0, "Asia/Almaty"))).toBe("2026-01-15T03:00:00.000Z");
    expect(iso(zonedTime(2026, 7, 15, 8, 0, "Asia/Almaty"))).toBe("2026-07-15T03:00:00.000Z");
  });

  it("moves a skipped spring-forward time forward and takes the first of a repeated autumn time", () => {
    expect(iso(zonedTime(2026, 3, 29, 2, 30, "Europe/Paris"))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(zonedTime(2026, 10, 25, 2, 30, "Europe/Paris"))).toBe("2026-10-25T00:30:00.000Z");
  });

  it("finds the next and the latest occurrence, daily and weekly", () => {
    const daily = { time: "08:00", timezone: "Europe/Paris" };
    expect(nextOccurrence(daily, new Date("2026-03-28T07:00:00Z"))).toEqual({
      at: new Date("2026-03-29T06:00:00Z"),
      localDate: "2026-03-29",
    });
    expect(latestOccurrence(daily, new Date("2026-03-29T05:59:00Z"))?.localDate).toBe("2026-03-28");
    const weekly = { time: "07:00", timezone: "Asia/Almaty", weekday: 1 };
    const next = nextOccurrence(weekly, new Date("2026-11-23T02:00:00Z"));
    expect(next.localDate).toBe("2026-11-30");
    expect(latestOccurrence(weekly, new Date("2026-11-29T12:00:00Z"))?.localDate).toBe("2026-11-23");
  });

  it("uses the local day, not the UTC day, near midnight", () => {
    const late = { time: "00:30", timezone: "Asia/Almaty" };
    expect(nextOccurrence(late, new Date("2026-11-23T19:00:00Z"))).toEqual({
      at: new Date("2026-11-23T19:30:00Z"),
      localDate: "2026-11-24",
    });
  });
});
