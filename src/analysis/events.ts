/**
 * Dated events for the timeline: French date phrases resolved to ISO days, with a one-line summary each.
 *
 * Rules (see date-rules.ts) handle what chrono-node misses: "les 11 et 12 novembre", ranges, "en novembre 2024",
 * "en 2013", "fin octobre" (a period: début = days 1–10, mi- = 11–20, fin = 21–end; "début 2024" = Jan–Mar),
 * weekdays, "cette année". chrono-node (`chrono.fr`) reads numeric dates (27/11/2024) and casual days
 * ("hier", "demain"). On top: anniversaries ("10ème anniversaire du traité" → the year, counted back from the
 * celebration), and event-relative phrases ("la veille de sa visite", "le deuxième jour").
 * Yearless dates take the publication year: the latest past occurrence unless the sentence is in the future tense;
 * without a publication date they are dropped rather than guessed.
 */
// The French locale alone: the package root loads every locale (~18 MB more resident memory).
import * as chronoFr from "chrono-node/fr";
import type { ExtractedEvent, Precision } from "../core/analysis-types.ts";
import { findAnniversaries, isBirthday } from "./anniversary.ts";
import { findMentions, type Mention, type RuleContext } from "./date-rules.ts";
import { leadDateline } from "./dateline.ts";
import {
  addDays,
  DAY_ORDINALS,
  dayNumber,
  isFutureClause,
  iso,
  isValidDay,
  MONTH_NAME_RE,
  MONTH_RE,
  monthNumber,
  parseIso,
  WEEKDAY_RE,
} from "./dates-fr.ts";
import { type Span, sentenceSpans, spanIndexAt, summarize } from "./event-context.ts";
import { fold } from "./french-words.ts";
import { governingTense, type TenseMarker, tenseMarkers } from "./tense-fr.ts";

/** Shorter lines holding a bare numeric date or weekday are datelines ("27/11/2024", "11/11/2025, mardi"). */
const DATELINE_MAX = 80;

const CHRONO_TRIGGER =
  /(?<!\d)\d{1,2}[/.]\d{1,2}[/.]\d{4}(?!\d)|(?<!\p{L})(?:avant-hier|hier|après-demain|demain)(?!\p{L})/giu;
const RELATIVE_RE =
  /(?<!\p{L})(?:à\s)?(?:la\sveille|le\slendemain)(?:\sd(?:e|u|es|')\s?(?:(?:sa|son|ses|la|le|l'|leur|cette|ce)\s?)?(?:(?:prochaine?|première|premier)\s)?(\p{L}+))?/giu;
const NTH_DAY_RE =
  /(?<!\p{L})(?:le|au|du|lors du)\s(premier|deuxième|second|troisième|quatrième|cinquième|dernier)\sjour(?!\p{L})(?:\s(?:de\sla|du|de\ssa|de\sson)\s\p{L}+)?/giu;
/** Cheap non-Unicode pre-checks: most articles have none of these, and the full patterns are slower. */
const HAS_CHRONO = /\d[/.]\d|hier|demain/i;
const HAS_RELATIVE = /veille|lendemain/i;
const HAS_NTH_DAY = /(?:premier|deuxi[eè]me|second|troisi[eè]me|quatri[eè]me|cinqui[eè]me|dernier)\sjour/i;
const CELEBRATION_RE = /celebr|fete|anniversaire|marqu|commemor|jubile/;
const ANNIV_DAY_RE = new RegExp(
  `(?:sign|concl|adopt|fond|cré|établi|inaugur)\\p{L}*\\s(?:à\\s\\p{Lu}[\\p{L}-]+\\s)?le\\s(1er|[0-3]?\\d)\\s(${MONTH_RE})(?!\\s?\\d)`,
  "iu",
);

interface Draft {
  position: number;
  text: string;
  start: string;
  end: string;
  precision: Precision;
  /** Length of the phrase in the source, for the summary window. */
  length: number;
  kind?: "horizon";
}

/** The day relative dates were read against: the feed's date, the article's dateline, or the text's latest date. */
export interface DateReference {
  date: string;
  source: "feed" | "dateline" | "text";
  /** "low" when no publication date was given: the reference is only the text's own anchor. */
  confidence: "high" | "low";
}

/**
 * Extracts dated events from normalised French text. `publishedAt` (YYYY-MM-DD) anchors yearless dates, weekdays
 * and relative phrases; without it, the text's own anchor does (see {@link dateReference}). Horizons ("d'ici
 * 2030") and birthdays are dates but not events. Never throws: bad input yields an empty list.
 */
export function extractEvents(text: string, publishedAt: string | null): ExtractedEvent[] {
  return extractDateMentions(text, publishedAt)
    .filter((d) => d.kind === "event")
    .map(({ kind: _kind, ...event }) => event);
}

/** A resolved date expression: a timeline event, or a horizon (a target year such as "d'ici 2030"). */
export type ExtractedDate = ExtractedEvent & { kind: "event" | "horizon" };

/** Every resolved date expression of the text, timeline events and horizons alike. Never throws. */
export function extractDateMentions(text: string, publishedAt: string | null): ExtractedDate[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  try {
    const ref = dateReference(text, publishedAt);
    return extract(text, ref ? parseIso(ref.date) : null);
  } catch {
    return [];
  }
}

/**
 * The reference day of a text: the given publication date; else a dateline opening the text ("ASTANA, 14 mars
 * 2026 —"); else the latest full date written in a clause that is not about the future (low confidence: the
 * article may be later than everything it dates). Null when the text has no full date.
 */
export function dateReference(text: string, publishedAt: string | null): DateReference | null {
  if (parseIso(publishedAt)) return { date: (publishedAt as string).slice(0, 10), source: "feed", confidence: "high" };
  if (typeof text !== "string") return null;
  const dl = leadDateline(text);
  if (dl) return { date: dl.iso, source: "dateline", confidence: "low" };
  const { ctx } = contextOf(text, null);
  let latest: string | null = null;
  for (const m of findMentions(ctx)) {
    if (!m.explicitYear || m.precision !== "day") continue;
    if (ctx.tenseAt(m.position, m.text.length) === "future") continue;
    if (latest === null || m.end > latest) latest = m.end;
  }
  return latest ? { date: latest, source: "text", confidence: "low" } : null;
}

function contextOf(text: string, ref: [number, number, number] | null) {
  const spans = sentenceSpans(text);
  const futureCache = new Map<number, boolean>();
  const markerCache = new Map<number, TenseMarker[]>();
  const sentenceAt = (pos: number): Span => spans[spanIndexAt(spans, pos)] ?? [0, text.length];
  const futureAt = (pos: number): boolean => {
    const i = spanIndexAt(spans, pos);
    let f = futureCache.get(i);
    if (f === undefined) {
      const s = sentenceAt(pos);
      f = isFutureClause(text.slice(s[0], s[1]));
      futureCache.set(i, f);
    }
    return f;
  };
  const tenseAt = (pos: number, length: number) => {
    const i = spanIndexAt(spans, pos);
    const s = sentenceAt(pos);
    let markers = markerCache.get(i);
    if (markers === undefined) {
      markers = tenseMarkers(text.slice(s[0], s[1]));
      markerCache.set(i, markers);
    }
    return governingTense(text.slice(s[0], s[1]), markers, pos - s[0], length);
  };
  const ctx: RuleContext = { text, ref, futureAt, tenseAt };
  return { ctx, sentenceAt };
}

function extract(text: string, ref: [number, number, number] | null): ExtractedDate[] {
  const { ctx, sentenceAt } = contextOf(text, ref);
  const dl = leadDateline(text);
  const mentions = findMentions(ctx).filter(
    (m) =>
      (m.rule !== "weekday" || !onDateline(text, m.position)) && !(dl && m.position < dl.end && m.position >= dl.start),
  );
  const drafts: Draft[] = mentions.map(toDraft);

  drafts.push(...anniversaries(text, mentions, ref, sentenceAt, drafts));
  if (HAS_RELATIVE.test(text) || HAS_NTH_DAY.test(text)) drafts.push(...relativeEvents(text, mentions, sentenceAt));
  if (HAS_CHRONO.test(text)) drafts.push(...chronoEvents(text, ref, mentions));

  drafts.sort((a, b) => a.position - b.position);
  const seen = new Set<string>();
  const events: ExtractedDate[] = [];
  for (const d of drafts) {
    const key = `${d.start}|${d.end}|${fold(d.text).replace(/^(?:a |au |le |les |la |en |du |l')/, "")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const summary = summarize(text, sentenceAt(d.position), d.position, d.length);
    events.push({
      start: d.start,
      end: d.end,
      precision: d.precision,
      text: d.text,
      summary,
      position: d.position,
      kind: d.kind ?? "event",
    });
  }
  return events;
}

function toDraft(m: Mention): Draft {
  return {
    position: m.position,
    text: m.text,
    start: m.start,
    end: m.end,
    precision: m.precision,
    length: m.text.length,
    ...(m.kind ? { kind: m.kind } : {}),
  };
}

/** Lower-case words a dateline may hold besides the date itself ("mis à jour le", weekday, month). */
const DATELINE_WORDS = new RegExp(`^(?:mis|mise|jour|publi[ée]e?|modifi[ée]e?|${WEEKDAY_RE}|${MONTH_NAME_RE})$`);

/** A short line with no lower-case word of its own: "11/11/2025, mardi", "Publié le 27/11/2024 à 18h03". */
function onDateline(text: string, pos: number): boolean {
  const from = text.lastIndexOf("\n", pos) + 1;
  const next = text.indexOf("\n", pos);
  const line = text.slice(from, next === -1 ? text.length : next);
  if (line.length >= DATELINE_MAX) return false;
  const words = line.match(/(?<!\p{L})\p{Ll}{3,}/gu) ?? [];
  return words.every((w) => DATELINE_WORDS.test(w));
}

/**
 * "10ème anniversaire du traité" in a sentence about an event of 2023 → 2013 (year precision). When the same
 * sentence says when the thing was signed/founded ("signé le 11 novembre"), that day is dated in the same year and
 * replaces the yearless reading of that date.
 */
function anniversaries(
  text: string,
  mentions: Mention[],
  ref: [number, number, number] | null,
  sentenceAt: (pos: number) => Span,
  drafts: Draft[],
): Draft[] {
  const out: Draft[] = [];
  for (const a of findAnniversaries(text)) {
    if (isBirthday(text, a.position, a.text.length)) continue;
    const s = sentenceAt(a.position);
    const sentence = text.slice(s[0], s[1]);
    if (!/anniversaire/i.test(a.text) && !CELEBRATION_RE.test(fold(sentence))) continue;
    const inSentence = mentions.filter((m) => m.position >= s[0] && m.position < s[1] && m.explicitYear);
    inSentence.sort((x, y) => Math.abs(x.position - a.position) - Math.abs(y.position - a.position));
    const anchorYear = inSentence[0] ? Number(inSentence[0].start.slice(0, 4)) : ref ? ref[0] : null;
    if (anchorYear === null) continue;
    let year = anchorYear - a.years;
    // "le 30e anniversaire des relations établies en 1992" written in 2022: the year in the sentence is the
    // origin itself, not the celebration, so it is not counted back again.
    if (inSentence[0] && ref && Math.abs(anchorYear + a.years - ref[0]) <= 1 && Math.abs(anchorYear - ref[0]) > 1) {
      year = anchorYear;
    }
    const after = sentence.slice(a.position - s[0]);
    const day = ANNIV_DAY_RE.exec(after);
    if (day) {
      const d = day[1]?.toLowerCase() === "1er" ? 1 : Number(day[1]);
      const mo = monthNumber(day[2] ?? "");
      if (isValidDay(year, mo, d)) {
        const pos = a.position + day.index + day[0].search(/le\s/);
        // Drop the reading of that date made with the publication year.
        for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i]?.position === pos) drafts.splice(i, 1);
        const dayIso = iso(year, mo, d);
        out.push({
          position: a.position,
          text: a.text,
          start: dayIso,
          end: dayIso,
          precision: "day",
          length: a.text.length,
        });
        continue;
      }
    }
    out.push({
      position: a.position,
      text: a.text,
      start: iso(year, 1, 1),
      end: iso(year, 12, 31),
      precision: "year",
      length: a.text.length,
    });
  }
  return out;
}

/** "la veille de sa visite", "le lendemain du sommet", "le deuxième jour": dated from an event of the text. */
function relativeEvents(text: string, mentions: Mention[], sentenceAt: (pos: number) => Span): Draft[] {
  const out: Draft[] = [];
  const anchors = mentions.filter((m) => m.precision === "day" || m.precision === "period");
  RELATIVE_RE.lastIndex = 0;
  for (let m = RELATIVE_RE.exec(text); m; m = RELATIVE_RE.exec(text)) {
    const isEve = /veille/i.test(m[0]);
    const noun = m[1] ? fold(m[1]).slice(0, 5) : null;
    let anchor: Mention | undefined;
    if (noun) {
      // The anchor is the dated mention of that noun ("la visite ... débutera le 11 novembre"), never the date of
      // the sentence that says "à la veille de" (that is when the eve happens) nor a weekday (the reporting day).
      const own = sentenceAt(m.index);
      anchor = nearest(
        anchors.filter((a) => {
          if (a.rule === "weekday" || (a.position >= own[0] && a.position < m.index)) return false;
          if (a.position >= own[0] && a.position < own[1]) return true;
          const s = sentenceAt(a.position);
          return fold(text.slice(s[0], s[1])).includes(noun);
        }),
        m.index,
      );
    } else {
      // Bare "le lendemain" / "la veille": the day after / before the last dated day mentioned before it, within
      // ~2 sentences.
      anchor = anchors.filter((a) => a.position < m.index && m.index - a.position < 400).at(-1);
    }
    if (!anchor) continue;
    const day = isEve ? addDays(anchor.start, -1) : addDays(anchor.end, 1);
    out.push({ position: m.index, text: m[0], start: day, end: day, precision: "day", length: m[0].length });
  }
  NTH_DAY_RE.lastIndex = 0;
  for (let m = NTH_DAY_RE.exec(text); m; m = NTH_DAY_RE.exec(text)) {
    const word = fold(m[1] ?? "");
    const periods = anchors.filter((a) => a.precision === "period" && a.position < m.index);
    const anchor = periods.at(-1);
    if (!anchor) continue;
    const span = dayNumber(anchor.end) - dayNumber(anchor.start) + 1;
    const n = word === "dernier" ? span : (DAY_ORDINALS.get(word) ?? 0);
    if (n < 1 || n > span) continue;
    const day = addDays(anchor.start, n - 1);
    out.push({ position: m.index, text: m[0], start: day, end: day, precision: "day", length: m[0].length });
  }
  return out;
}

function nearest(list: Mention[], pos: number): Mention | undefined {
  let best: Mention | undefined;
  for (const m of list) if (!best || Math.abs(m.position - pos) < Math.abs(best.position - pos)) best = m;
  return best;
}

/** Numeric dates and casual days through chrono-node, on the trigger phrase only (cheap on long texts). */
function chronoEvents(text: string, ref: [number, number, number] | null, mentions: Mention[]): Draft[] {
  const out: Draft[] = [];
  const instant = ref ? new Date(Date.UTC(ref[0], ref[1] - 1, ref[2], 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  CHRONO_TRIGGER.lastIndex = 0;
  for (let m = CHRONO_TRIGGER.exec(text); m; m = CHRONO_TRIGGER.exec(text)) {
    const pos = m.index;
    const numeric = /\d/.test(m[0]);
    if (!numeric && !ref) continue;
    if (numeric && onDateline(text, pos)) continue;
    if (mentions.some((x) => pos < x.position + x.text.length && pos + m[0].length > x.position)) continue;
    const result = chronoFr.parse(m[0], { instant, timezone: 0 })[0];
    if (!result) continue;
    const c = result.start;
    if (numeric && !(c.isCertain("day") && c.isCertain("month") && c.isCertain("year"))) continue;
    const y = c.get("year");
    const mo = c.get("month");
    const d = c.get("day");
    if (y === null || mo === null || d === null || !isValidDay(y, mo, d)) continue;
    const day = iso(y, mo, d);
    out.push({ position: pos, text: m[0], start: day, end: day, precision: "day", length: m[0].length });
  }
  return out;
}
