/**
 * Timeline: events merged across the articles that report them (on-this-day merges in SQL: ./on-this-day.ts).
 */
import type { Precision } from "../core/analysis-types.ts";
import type { SourceRef, TimelineEntry, TimelineQuery } from "../core/queries.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./db.ts";
import { daysBefore, MAX_SPAN_DAYS } from "./event-span.ts";
import { foldText } from "./fold.ts";
import { matchPeople } from "./people.ts";
import { addSourceRef } from "./source-ref.ts";

/** Rows read before merging; enough for one beat's archive. */
const MAX_EVENTS = 5000;

type EventWhere = Prisma.EventWhereInput;

const eventSelect = {
  startDate: true,
  endDate: true,
  startYear: true,
  precision: true,
  phrase: true,
  summary: true,
  curated: true,
  articleId: true,
  article: { select: { source: { select: { title: true, url: true } } } },
} as const;

interface EventRow {
  startDate: string;
  endDate: string;
  startYear: number;
  precision: string;
  phrase: string;
  summary: string;
  curated: boolean;
  articleId: number | null;
  article: { source: { title: string | null; url: string } | null } | null;
}

interface Merged {
  entry: TimelineEntry;
  year: number;
  articles: Set<number>;
}

/** Groups rows by (start, end, precision); a curated row supplies phrase and summary over extracted ones. */
export function mergeEvents(rows: EventRow[]): Merged[] {
  const groups = new Map<string, Merged>();
  for (const r of rows) {
    const k = `${r.startDate}|${r.endDate}|${r.precision}`;
    let g = groups.get(k);
    if (!g) {
      const sources: SourceRef[] = [];
      g = {
        entry: {
          start: r.startDate,
          end: r.endDate,
          precision: r.precision as Precision,
          phrase: r.phrase,
          summary: r.summary,
          articleCount: 0,
          sources,
          curated: r.curated,
        },
        year: r.startYear,
        articles: new Set(),
      };
      groups.set(k, g);
    } else if (r.curated && !g.entry.curated) {
      g.entry.phrase = r.phrase;
      g.entry.summary = r.summary;
      g.entry.curated = true;
    }
    if (r.articleId !== null) g.articles.add(r.articleId);
    addSourceRef(g.entry.sources, r.article?.source ?? null);
    g.entry.articleCount = g.articles.size;
  }
  return [...groups.values()].sort(
    (a, b) => a.entry.start.localeCompare(b.entry.start) || a.entry.end.localeCompare(b.entry.end),
  );
}

/** Completes a partial upper bound ("2024" -> "2024-12-31", "2024-03" -> "2024-03-31"). */
function upperBound(to: string): string {
  if (/^\d{4}$/.test(to)) return `${to}-12-31`;
  if (/^\d{4}-\d{2}$/.test(to)) return `${to}-31`;
  return to;
}

/** Completes a partial lower bound ("2024" -> "2024-01-01", "2024-03" -> "2024-03-01"); null if not a date. */
function lowerBound(from: string): string | null {
  const day = /^\d{4}$/.test(from) ? `${from}-01-01` : /^\d{4}-\d{2}$/.test(from) ? `${from}-01` : from;
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? day : null;
}

/** The topic / person / keyword conditions, or null when they match nothing. */
async function filters(db: Db, q: TimelineQuery): Promise<EventWhere[] | null> {
  const and: EventWhere[] = [];
  if (q.topic?.trim()) and.push({ article: { topics: { some: { topic: { slug: q.topic.trim().toLowerCase() } } } } });
  if (q.person?.trim()) {
    const people = await matchPeople(db, q.person);
    if (people.length === 0) return null;
    and.push({ article: { people: { some: { personId: { in: people.map((p) => p.id) } } } } });
  }
  if (q.keyword?.trim()) {
    const k = foldText(q.keyword);
    if (!k) return null;
    and.push({ searchFold: { contains: k } });
  }
  return and;
}

/**
 * Rows of the first (`asc`) or last (`desc`) `days` distinct start days matching `where`, in (startDate, id) order.
 * Every start day holds at least one merged entry, so the `limit` entries wanted all start on one of the first
 * `limit` distinct days: find the last of those days, then read only the rows up to it.
 */
async function rowsOfDays(db: Db, where: EventWhere, dir: "asc" | "desc", days: number, take: number) {
  if (days <= 0 || take <= 0) return [];
  const found = await db.event.groupBy({ by: ["startDate"], where, orderBy: { startDate: dir }, take: days });
  const edge = found[found.length - 1]?.startDate;
  if (edge === undefined) return [];
  return db.event.findMany({
    where: { AND: [where, { startDate: dir === "asc" ? { lte: edge } : { gte: edge } }] },
    orderBy: [{ startDate: dir }, { id: dir }],
    take,
    select: eventSelect,
  });
}

/**
 * Events filtered by topic / person / keyword / date range, merged, in date order. With `from`, the earliest
 * `limit` entries from that day on; without it, the most recent `limit` entries (what "/timeline" users expect).
 */
export async function timeline(db: Db, q: TimelineQuery): Promise<TimelineEntry[]> {
  const and = await filters(db, q);
  const limit = Math.max(0, q.limit);
  if (and === null || limit === 0) return [];
  if (q.to) and.push({ startDate: { lte: upperBound(q.to) } });
  const from = q.from ? lowerBound(q.from) : null;
  if (q.from && from === null) {
    // Not a date: compared as text, as before (no index bounds it, but only a malformed call gets here).
    and.push({ endDate: { gte: q.from } });
  }
  if (!from) {
    const rows = await rowsOfDays(db, { AND: and }, q.from ? "asc" : "desc", limit, MAX_EVENTS);
    const merged = mergeEvents(rows);
    return (q.from ? merged.slice(0, limit) : merged.slice(Math.max(0, merged.length - limit))).map((m) => m.entry);
  }
  // Overlap with [from, to] in two parts that indexes bound: the months, years and periods that began before `from`
  // and last into it (at most MAX_SPAN_DAYS before it: the (precision, startDate) index), then the events that
  // start from `from` on (the startDate index). The first part's days all come before the second's.
  const straddling = await db.event.findMany({
    where: {
      AND: [
        ...and,
        {
          OR: (["month", "year", "period"] as const).map((precision) => ({
            precision,
            startDate: { gte: daysBefore(from, MAX_SPAN_DAYS[precision]), lt: from },
          })),
        },
        { endDate: { gte: from } },
      ],
    },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    take: MAX_EVENTS,
    select: eventSelect,
  });
  const before = new Set(straddling.map((r) => r.startDate)).size;
  const after = await rowsOfDays(
    db,
    { AND: [...and, { startDate: { gte: from } }] },
    "asc",
    limit - before,
    MAX_EVENTS - straddling.length,
  );
  return mergeEvents([...straddling, ...after])
    .slice(0, limit)
    .map((m) => m.entry);
}
