/** Word filters of subscriptions: signed terms, accent- and case-insensitive matching, never a regular expression. */
import { describe, expect, it } from "vitest";
import { matchesFilter, parseFilter } from "../../src/digest/filter.ts";

describe("filters", () => {
  it("parses signed terms with quotes and refuses unsigned ones", () => {
    expect(parseFilter('+Tokaïev -sport +"Union eurasiatique"')).toEqual({
      ok: true,
      filter: { include: ["Tokaïev", "Union eurasiatique"], exclude: ["sport"] },
    });
    expect(parseFilter("Tokaïev")).toEqual({ ok: false, problem: "badTerm", value: "Tokaïev" });
  });

  it("matches accent- and case-insensitively at word starts, never as regular expressions", () => {
    const f = { include: ["Tokaïev"], exclude: ["sport"] };
    expect(matchesFilter("TOKAIEV reçoit Poutine", f)).toBe(true);
    expect(matchesFilter("Tokaïev au match: le sportif kazakh", f)).toBe(false);
    expect(matchesFilter("Accord gazier à Astana", f)).toBe(false);
    expect(matchesFilter("Les transports reprennent", { include: [], exclude: ["sport"] })).toBe(true);
    expect(matchesFilter("n'importe quoi", { include: [], exclude: [] })).toBe(true);
    expect(matchesFilter(`${"a".repeat(50_000)}!`, f)).toBe(false);
    // regex syntax in a term is plain text
    expect(matchesFilter("a aaaa", { include: ["(a+)+b"], exclude: [] })).toBe(false);
  });
});
