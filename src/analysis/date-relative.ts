/**
 * Date phrases relative to the publication day: "hier", "aujourd'hui", "demain", "la semaine dernière", "cette
 * semaine", "il y a trois jours / deux mois", "février dernier", "juin prochain", "l'hiver dernier",
 * "entre janvier et juin". Weeks run Monday to Sunday; "février dernier" is the last February before the current
 * month, "juin prochain" the next June after it.
 */
import type { Precision } from "../core/analysis-types.ts";
import type { RuleContext } from "./date-rules.ts";
import { addDays, daysInMonth, iso, isPlausibleYear, monthNumber, weekdayOf } from "./dates-fr.ts";
import { fold } from "./french-words.ts";

type Resolved = [string, string, Precision, boolean] | null;

const COUNTS: Readonly<Record<string, number>> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
};

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  "avant-hier": -2,
  hier: -1,
  "aujourd'hui": 0,
  demain: 1,
  "apres-demain": 2,
};

const SEASONS: Readonly<Record<string, [number, number]>> = {
  printemps: [3, 5],
  ete: [6, 8],
  automne: [9, 11],
  hiver: [12, 2],
};

function monthSpan(y: number, m: number): [string, string, Precision, boolean] {
  return [iso(y, m, 1), iso(y, m, daysInMonth(y, m)), "month", false];
}

/** Month index (year × 12 + month − 1) shifted by `n` months, back to [year, month]. */
function shiftMonth(ref: readonly [number, number, number], n: number): [number, number] {
  const idx = ref[0] * 12 + ref[1] - 1 + n;
  return [Math.floor(idx / 12), (idx % 12) + 1];
}

/** Season span starting in year `y` (winter runs into the next year). */
function season(name: string, y: number): [string, string, Precision, boolean] | null {
  const s = SEASONS[name];
  if (!s) return null;
  const y2 = s[1] < s[0] ? y + 1 : y;
  return [iso(y, s[0], 1), iso(y2, s[1], daysInMonth(y2, s[1])), "period", false];
}

/** The season of that name containing the reference day, or null. Winter spans December–February. */
function seasonStartYear(name: string, ref: readonly [number, number, number]): number {
  // Winter containing January–February began the year before.
  return name === "hiver" && ref[1] <= 2 ? ref[0] - 1 : ref[0];
}

/** Resolves the relative rules of date-rules.ts's table; null drops the phrase (no reference day, odd values). */
export function resolveRelative(rule: string, g: Array<string | undefined>, ctx: RuleContext): Resolved {
  const ref = ctx.ref;
  if (rule === "monthRange") {
    const m1 = monthNumber(g[1] ?? "");
    const m2 = monthNumber(g[2] ?? "");
    const y = g[3] ? Number(g[3]) : ref ? (m2 <= ref[1] ? ref[0] : ref[0] - 1) : null;
    if (y === null || !m1 || !m2 || m2 < m1 || !isPlausibleYear(y)) return null;
    return [iso(y, m1, 1), iso(y, m2, daysInMonth(y, m2)), "period", Boolean(g[3])];
  }
  if (!ref) return null;
  const refIso = iso(ref[0], ref[1], ref[2]);
  switch (rule) {
    case "relDay": {
      const n = RELATIVE_DAYS[fold(g[1] ?? "").replace("’", "'")];
      if (n === undefined) return null;
      const d = addDays(refIso, n);
      return [d, d, "day", false];
    }
    case "relWeek": {
      const w = fold(g[1] ?? "");
      const shift = w.includes("dern") || w.includes("pass") ? -7 : w.includes("prochain") ? 7 : 0;
      const monday = addDays(refIso, -((weekdayOf(refIso) + 6) % 7) + shift);
      return [monday, addDays(monday, 6), "period", false];
    }
    case "ago": {
      const word = fold(g[1] ?? "");
      const n = COUNTS[word] ?? Number(word);
      const unit = fold(g[2] ?? "");
      if (!Number.isInteger(n) || n < 1) return null;
      if (unit.startsWith("jour")) {
        const d = addDays(refIso, -n);
        return [d, d, "day", false];
      }
      if (unit.startsWith("semaine")) {
        const d = addDays(refIso, -7 * n);
        return [d, d, "day", false];
      }
      if (unit === "mois") {
        const [y, m] = shiftMonth(ref, -n);
        return monthSpan(y, m);
      }
      const y = ref[0] - n;
      return [iso(y, 1, 1), iso(y, 12, 31), "year", false];
    }
    case "monthRel": {
      const m = monthNumber(g[1] ?? "");
      if (!m) return null;
      const next = fold(g[2] ?? "") === "prochain";
      const y = next ? (m > ref[1] ? ref[0] : ref[0] + 1) : m < ref[1] ? ref[0] : ref[0] - 1;
      return monthSpan(y, m);
    }
    case "seasonRel": {
      // "l'hiver dernier": the last such season already over; "l'été prochain": the next one not yet begun.
      const name = fold(g[1] ?? "");
      const current = seasonStartYear(name, ref);
      const span = season(name, current);
      if (!span) return null;
      if (fold(g[2] ?? "") === "prochain") return span[0] > refIso ? span : season(name, current + 1);
      return span[1] < refIso ? span : season(name, current - 1);
    }
    case "seasonThis": {
      const name = fold(g[1] ?? g[2] ?? "");
      return season(name, seasonStartYear(name, ref));
    }
    default:
      return null;
  }
}
