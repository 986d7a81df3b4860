/**
 * French month names come from one table (src/core/format.ts): every date the bot writes in a reply, long or short,
 * is read back by the analysis and by the date a user types, whatever the accents and case.
 */
import { describe, expect, it } from "vitest";
import { parseUserDate } from "../../commands/_shared.ts";
import { parseDateline } from "../../src/analysis/dateline.ts";
import { monthNumber } from "../../src/analysis/dates-fr.ts";
import { formatDay, formatLongDay, MONTHS, MONTHS_LONG } from "../../src/core/format.ts";

const days = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}-14`);

describe("French month names", () => {
  it("reads back every long date the replies write", () => {
    for (const iso of days) expect(parseDateline(formatLongDay(iso, "fr"))).toBe(iso);
    expect(parseDateline("ASTANA, 3 FÉVRIER 2025 —")).toBe("2025-02-03");
    expect(parseDateline("mardi 12 aout 2025")).toBe("2025-08-12");
  });

  it("knows every month name and short form, with or without accents", () => {
    for (let m = 1; m <= 12; m++) {
      expect(monthNumber(MONTHS_LONG.fr[m - 1] ?? "")).toBe(m);
      expect(monthNumber(MONTHS.fr[m - 1] ?? "")).toBe(m);
    }
    expect(["Fév.", "fevr", "DECEMBRE", "aout"].map(monthNumber)).toEqual([2, 2, 12, 8]);
    expect(monthNumber("brumaire")).toBe(0);
    expect(formatDay(new Date("2025-02-14T00:00:00Z"), "fr")).toContain("févr.");
  });

  it("reads the month a user types, in French or English, from three letters", () => {
    expect(parseUserDate("14 Février")).toEqual({ year: undefined, month: 2, day: 14 });
    expect(parseUserDate("14 dec 2024")).toEqual({ year: 2024, month: 12, day: 14 });
    expect(parseUserDate("august 3")).toEqual({ year: undefined, month: 8, day: 3 });
    expect(() => parseUserDate("14 ju")).toThrow();
  });
});
