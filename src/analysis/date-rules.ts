/**
 * French date rules that chrono-node lacks or gets wrong: day lists ("les 11 et 12 novembre"), ranges, month+year,
 * bare years, parts of months ("fin octobre"), weekdays, relative months and years, and anniversaries.
 * Each rule yields resolved mentions; the caller (events.ts) orders, filters and summarises them.
 */
import type { Precision } from "../core/analysis-types.ts";
import { resolveRelative } from "./date-relative.ts";
import {
  addDays,
  daysInMonth,
  inferYear,
  iso,
  isPlausibleYear,
  isValidDay,
  MONTH_RE,
  monthNumber,
  monthYear,
  nearestYear,
  WEEKDAYS,
  weekdayOf,
} from "./dates-fr.ts";
import { fold } from "./french-words.ts";
import type { Tense } from "./tense-fr.ts";

/** A resolved date mention. */
export interface Mention {
  position: number;
  text: string;
  start: string;
  end: string;
  precision: Precision;
  /** True when the year is written in the phrase (used to date anniversaries). */
  explicitYear: boolean;
  /** Rule name, for debugging and for event-relative rules (which need day/period anchors). */
  rule: string;
  /** "horizon": a deadline or target ("d'ici 2030", "jusqu'en 2040"), a date but not a timeline event. */
  kind?: "horizon";
}

/** What the rules need besides the text. */
export interface RuleContext {
  text: string;
  /** Publication day, or null (yearless dates and weekdays are then dropped). */
  ref: [number, number, number] | null;
  /** Whether the sentence around an offset is in the future tense. */
  futureAt: (position: number) => boolean;
  /** Tense of the verb governing the phrase at an offset (see tense-fr.ts), null when no verb says. */
  tenseAt: (position: number, length: number) => Tense | null;
}

/** Where a matched phrase is: its core's offset, its start with the prefix, its length and the prefix itself. */
export interface At {
  core: number;
  start: number;
  length: number;
  lead: string;
}

const DAY = "(1er|[0-3]?\\d)";
const YEAR = "(?:\\s(\\d{4})(?![\\d,.]\\d))?";
/** No letter or digit right after the phrase (ASCII and Latin-1 letters: enough for French). */
const E = "(?![A-Za-z\\u00C0-\\u024F\\d])";
const WEEKDAY = "(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)";

/**
 * A rule: `core` finds the phrase from its distinctive start (a digit, a month, a weekday...), which keeps the
 * scan fast; `prefix` (tested on the few characters before, anchored at their end) extends the phrase leftwards
 * with its article or preposition ("le", "du", "en"), and `required` drops the match when it is absent.
 */
interface Rule {
  name: string;
  core: RegExp;
  prefix?: RegExp;
  required?: boolean;
}

const rule = (name: string, core: string, prefix?: string, required = false): Rule => ({
  name,
  core: new RegExp(core + E, "gi"),
  ...(prefix ? { prefix: new RegExp(`(?:${prefix})$`, "i"), required } : {}),
});

const RULES: Rule[] = [
  rule(
    "crossMonth",
    `${DAY}\\s(${MONTH_RE})${YEAR}\\s(?:au|jusqu'au)\\s${DAY}\\s(${MONTH_RE})${YEAR}`,
    "(?:du|depuis le)\\s",
    true,
  ),
  rule(
    "range",
    `${DAY}\\s(?:au|jusqu'au|et(?:\\sle)?)\\s([0-3]?\\d)\\s(${MONTH_RE})${YEAR}`,
    "(?:du|entre\\sle)\\s",
    true,
  ),
  rule("list", `${DAY}((?:,\\s[0-3]?\\d)*)\\set\\s([0-3]?\\d)\\s(${MONTH_RE})${YEAR}`, "(?:les|des|aux|ces)\\s", true),
  rule("dash", `${DAY}\\s?[-–]\\s?([0-3]?\\d)\\s(${MONTH_RE})${YEAR}`, "(?:les|du)\\s"),
  rule(
    "day",
    `${DAY}\\s(${MONTH_RE})${YEAR}(?:\\s(prochain|dernier))?`,
    `(?:(?:le|ce|dès le|depuis le|jusqu'au|au|à partir du|d'ici au|d'ici le|avant le|du)\\s)?(?:${WEEKDAY}\\s)?`,
  ),
  rule("part", `(début|mi|fin)[\\s-](${MONTH_RE})${YEAR}`, "(?:jusqu'à la|jusqu'à|à la|au|en|dès la|dès le)\\s"),
  rule("partYear", `(début|mi|fin)[\\s-](\\d{4})`, "(?:à la|au|en|dès la|dès le)\\s"),
  rule("partRelative", "(début|mi-?|fin)\\s?du\\smois(?:\\s(dernier|prochain))?", "(?:à la|au)\\s", true),
  rule("monthYear", `(${MONTH_RE})\\s(\\d{4})(?![\\d,.]\\d)`, "(?:en|depuis|dès|jusqu'en|au mois de|de)\\s|d'"),
  rule(
    "monthRel",
    `(${MONTH_RE})\\s(dernier|prochain)`,
    "(?:en|depuis|dès|au mois de|le mois de|dès le mois de|jusqu'en)\\s|au mois d'|le mois d'|d'",
  ),
  rule("monthRange", `entre\\s(${MONTH_RE})\\set\\s(${MONTH_RE})${YEAR}`),
  rule(
    "month",
    `(${MONTH_RE})(?!\\s\\d)`,
    "(?:en|depuis|dès|jusqu'en|(?:dès |depuis |à partir |)(?:le|du) mois de|au mois de|de)\\s|au mois d'|le mois d'|d'",
    true,
  ),
  rule("seasonRel", "(printemps|été|automne|hiver)\\s(dernier|prochain)", "(?:l'|le\\s|au\\s|à l'|en\\s|cet\\s)"),
  rule("seasonThis", "(?:cet\\s(été|automne|hiver)|ce\\s(printemps))"),
  rule("season", "(printemps|été|automne|hiver)\\s(\\d{4})", "(?:au|en)\\s|à l'", true),
  rule(
    "year",
    "(\\d{4})(?![A-Za-z\\d])(?!\\s?(?:%|ans|km|mètres|tonnes|dollars|euros|soldats|personnes|habitants|milliards?|millions?))",
    "(?:en|depuis|d'ici|d'ici à|à l'horizon|l'horizon|dès|avant|après|jusqu'en|courant|l'année|l'an|mois de|premier semestre|second semestre|fin|début)\\s",
    true,
  ),
  rule(
    "relYear",
    "(cette année|l'année dernière|l'an dernier|l'année passée|l'an passé|l'année prochaine|l'an prochain)",
  ),
  rule("relMonth", "(ce mois-ci|le mois dernier|le mois passé|le mois prochain)"),
  rule("relWeek", "(cette semaine|la semaine dernière|la semaine passée|la semaine prochaine)"),
  rule(
    "ago",
    "il\\sy\\sa\\s(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|\\d{1,3})\\s(jours?|semaines?|mois|ans|années?)",
  ),
  rule("relDay", "(avant-hier|après-demain|aujourd'hui|hier|demain)"),
  rule("weekday", `${WEEKDAY}(?:\\s(dernier|prochain))?`, "ce\\s"),
];

function dayOf(token: string | undefined): number {
  if (!token) return Number.NaN;
  return token.toLowerCase() === "1er" ? 1 : Number(token);
}

/** Bounds that point forward unless a past verb governs them: "jusqu'au 30 juin", "à partir du 1er juillet". */
const FORWARD_LEAD =
  /^(?:jusqu'au|jusqu'en|jusqu'à la|jusqu'à|à partir du|dès le|dès|d'ici le|d'ici au|d'ici|avant le)\s/i;

/**
 * Which occurrence of a yearless date the text means: the verb governing the phrase decides (future → the next
 * one, past → the last one); forward bounds ("jusqu'au") take the next one unless a past verb governs them, then
 * the nearest; with no verb at all, the sentence's tense as a whole.
 */
export function directionAt(ctx: RuleContext, at: At): "future" | "past" | "nearest" {
  const tense = ctx.tenseAt(at.start, at.length);
  if (FORWARD_LEAD.test(at.lead)) return tense === "past" ? "nearest" : "future";
  if (tense) return tense;
  return ctx.futureAt(at.core) ? "future" : "past";
}

/** Resolves the year of a yearless day; null when there is no reference day. */
function yearFor(
  ctx: RuleContext,
  month: number,
  day: number,
  at: At,
  written?: string,
  qualifier?: string,
): number | null {
  if (written) return isPlausibleYear(Number(written)) ? Number(written) : null;
  if (!ctx.ref) return null;
  const q = qualifier ? fold(qualifier) : "";
  const dir = q === "prochain" ? "future" : q === "dernier" ? "past" : directionAt(ctx, at);
  return dir === "nearest" ? nearestYear(month, day, ctx.ref) : inferYear(month, day, ctx.ref, dir === "future");
}

function dayRange(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): [string, string] | null {
  if (!isValidDay(y1, m1, d1) || !isValidDay(y2, m2, d2)) return null;
  const a = iso(y1, m1, d1);
  const b = iso(y2, m2, d2);
  // A span longer than a year is a misreading, not a period.
  if (b < a || Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1) > 366 * 86_400_000) return null;
  return [a, b];
}

const PART_DAYS: Record<string, [number, number]> = { debut: [1, 10], mi: [11, 20], "mi-": [11, 20], fin: [21, 31] };
const PART_MONTHS: Record<string, [number, number]> = { debut: [1, 3], mi: [5, 8], fin: [10, 12] };
const SEASONS: Record<string, [number, number, number]> = {
  printemps: [3, 5, 0],
  ete: [6, 8, 0],
  automne: [9, 11, 0],
  hiver: [12, 2, 1],
};

type Resolved = [string, string, Precision, boolean] | null;

/** Applies one rule's match; returns [start, end, precision, explicitYear] or null to drop it. */
function resolve(rule: string, g: Array<string | undefined>, ctx: RuleContext, pos: At): Resolved {
  const ref = ctx.ref;
  switch (rule) {
    case "crossMonth": {
      const m1 = monthNumber(g[2] ?? "");
      const m2 = monthNumber(g[5] ?? "");
      const d1 = dayOf(g[1]);
      const d2 = dayOf(g[4]);
      const y2 = yearFor(ctx, m2, d2, pos, g[6]);
      if (y2 === null) return null;
      const y1 = g[3] ? Number(g[3]) : m1 > m2 ? y2 - 1 : y2;
      const r = dayRange(y1, m1, d1, y2, m2, d2);
      return r ? [r[0], r[1], "period", Boolean(g[6])] : null;
    }
    case "range":
    case "list":
    case "dash": {
      // range and dash: d1, d2, month, year; list: d1, middle days, d2, month, year.
      const parts = rule === "list" ? [g[1], g[3], g[4], g[5]] : [g[1], g[2], g[3], g[4]];
      const d1 = dayOf(parts[0]);
      const d2 = dayOf(parts[1]);
      const month = monthNumber(parts[2] ?? "");
      const written = parts[3];
      const y = yearFor(ctx, month, d1, pos, written);
      if (y === null) return null;
      const r = dayRange(y, month, d1, y, month, d2);
      if (!r) return null;
      return [r[0], r[1], r[0] === r[1] ? "day" : "period", Boolean(written)];
    }
    case "day": {
      const d = dayOf(g[1]);
      const m = monthNumber(g[2] ?? "");
      const y = yearFor(ctx, m, d, pos, g[3], g[4]);
      if (y === null || !isValidDay(y, m, d)) return null;
      return [iso(y, m, d), iso(y, m, d), "day", Boolean(g[3])];
    }
    case "part": {
      const m = monthNumber(g[2] ?? "");
      const y = yearFor(ctx, m, 15, pos, g[3]);
      const part = PART_DAYS[fold(g[1] ?? "")];
      if (y === null || !part || !m) return null;
      return [iso(y, m, part[0]), iso(y, m, Math.min(part[1], daysInMonth(y, m))), "period", Boolean(g[3])];
    }
    case "partYear": {
      const y = Number(g[2]);
      const part = PART_MONTHS[fold(g[1] ?? "")];
      if (!isPlausibleYear(y) || !part) return null;
      return [iso(y, part[0], 1), iso(y, part[1], daysInMonth(y, part[1])), "period", true];
    }
    case "partRelative": {
      if (!ref) return null;
      const part = PART_DAYS[fold(g[1] ?? "")];
      const shift = g[2] ? (fold(g[2]) === "dernier" ? -1 : 1) : 0;
      const idx = ref[0] * 12 + ref[1] - 1 + shift;
      const y = Math.floor(idx / 12);
      const m = (idx % 12) + 1;
      if (!part) return null;
      return [iso(y, m, part[0]), iso(y, m, Math.min(part[1], daysInMonth(y, m))), "period", false];
    }
    case "monthYear": {
      const m = monthNumber(g[1] ?? "");
      const y = Number(g[2]);
      if (!m || !isPlausibleYear(y)) return null;
      return [iso(y, m, 1), iso(y, m, daysInMonth(y, m)), "month", true];
    }
    case "month": {
      const m = monthNumber(g[1] ?? "");
      if (!ref || !m) return null;
      // A month with no verb to say ("la visite d'État de novembre"): the nearest one.
      const dir =
        ctx.tenseAt(pos.start, pos.length) === null && !ctx.futureAt(pos.core) ? "nearest" : directionAt(ctx, pos);
      const y = monthYear(m, ref, FORWARD_LEAD.test(pos.lead) ? directionAt(ctx, pos) : dir);
      return [iso(y, m, 1), iso(y, m, daysInMonth(y, m)), "month", false];
    }
    case "season": {
      const s = SEASONS[fold(g[1] ?? "")];
      const y = Number(g[2]);
      if (!s || !isPlausibleYear(y)) return null;
      const y2 = y + s[2];
      return [iso(y, s[0], 1), iso(y2, s[1], daysInMonth(y2, s[1])), "period", true];
    }
    case "year": {
      const y = Number(g[1]);
      return isPlausibleYear(y) ? [iso(y, 1, 1), iso(y, 12, 31), "year", true] : null;
    }
    case "relYear": {
      if (!ref) return null;
      const w = fold(g[1] ?? "");
      const y = ref[0] + (w.includes("dern") || w.includes("pass") ? -1 : w.includes("prochain") ? 1 : 0);
      return [iso(y, 1, 1), iso(y, 12, 31), "year", false];
    }
    case "relMonth": {
      if (!ref) return null;
      const w = fold(g[1] ?? "");
      const idx =
        ref[0] * 12 + ref[1] - 1 + (w.includes("dern") || w.includes("pass") ? -1 : w.includes("prochain") ? 1 : 0);
      const y = Math.floor(idx / 12);
      const m = (idx % 12) + 1;
      return [iso(y, m, 1), iso(y, m, daysInMonth(y, m)), "month", false];
    }
    case "weekday": {
      if (!ref) return null;
      const target = WEEKDAYS.get(fold(g[1] ?? "")) ?? 0;
      const refIso = iso(ref[0], ref[1], ref[2]);
      const refWd = weekdayOf(refIso);
      const qualifier = g[2] ? fold(g[2]) : "";
      let delta: number;
      // "ce jeudi", or a weekday no verb dates ("Minsk accueille jeudi le sommet"): the nearest such day.
      const untensed = qualifier === "" && ctx.tenseAt(pos.start, pos.length) === null && !ctx.futureAt(pos.core);
      if ((/^ce\s/i.test(pos.lead) && qualifier === "") || untensed) {
        // "ce jeudi": the day of the publication week, on either side of the publication day.
        delta = (target - refWd + 7) % 7;
        if (delta > 3) delta -= 7;
      } else {
        const dir = qualifier === "prochain" ? "future" : qualifier === "dernier" ? "past" : directionAt(ctx, pos);
        // Future on the publication weekday is that day too ("doivent signer mardi" in Tuesday's paper).
        if (dir === "future") delta = (target - refWd + 7) % 7;
        else {
          // A past verb on the publication weekday is that very day ("a annoncé mardi" in Tuesday's paper).
          delta = -((refWd - target + 7) % 7);
          if (qualifier === "dernier" && delta === 0) delta = -7;
        }
      }
      const d = addDays(refIso, delta);
      return [d, d, "day", false];
    }
    default:
      return resolveRelative(rule, g, ctx);
  }
}

const HORIZON_LEAD = /^(?:d'ici|d'ici à|jusqu'en|à l'horizon|l'horizon|avant)\s/i;

/** "d'ici 2030", "jusqu'en 2040", "à l'horizon 2035": a target year still ahead, not something that happened. */
function isHorizon(rule: string, lead: string, end: string, ctx: RuleContext): boolean {
  if (rule !== "year" || !HORIZON_LEAD.test(lead)) return false;
  return ctx.ref === null || Number(end.slice(0, 4)) >= ctx.ref[0];
}

/** Words before a weekday that make it habitual ("chaque mardi") or part of another phrase: not an event. */
const WEEKDAY_SKIP = /(?<!\p{L})(?:chaque|tous les|le|les|du|au)\s$/iu;

const LETTER_OR_DIGIT = /[\p{L}\d]/u;

/** Runs every rule over the text; earlier rules win overlapping spans. Never throws on odd input. */
export function findMentions(ctx: RuleContext): Mention[] {
  const { text } = ctx;
  const taken: Array<[number, number]> = [];
  const out: Mention[] = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  for (const r of RULES) {
    const re = r.core;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let pos = m.index;
      const end = pos + m[0].length;
      if (r.prefix) {
        const before = r.prefix.exec(text.slice(Math.max(0, pos - 24), pos));
        if (before) pos -= before[0].length;
        else if (r.required) {
          re.lastIndex = m.index + 1;
          continue;
        }
      }
      // The phrase must start a word: "125 novembre" is not "25 novembre".
      if (pos > 0 && LETTER_OR_DIGIT.test(text[pos - 1] as string)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (overlaps(pos, end)) continue;
      if (r.name === "weekday" && WEEKDAY_SKIP.test(text.slice(Math.max(0, pos - 12), pos))) continue;
      const lead = text.slice(pos, m.index);
      const res = resolve(r.name, Array.from(m), ctx, { core: m.index, start: pos, length: end - pos, lead });
      taken.push([pos, end]);
      if (!res) continue;
      const phrase = text.slice(pos, end);
      const mention: Mention = {
        position: pos,
        text: phrase,
        start: res[0],
        end: res[1],
        precision: res[2],
        explicitYear: res[3],
        rule: r.name,
      };
      if (isHorizon(r.name, lead, res[1], ctx)) mention.kind = "horizon";
      out.push(mention);
    }
  }
  return out.sort((a, b) => a.position - b.position);
}
