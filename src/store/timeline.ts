/**
 * Timeline: events merged across the articles that report them (on-this-day merges in SQL: ./on-this-day.ts).
 */
import type { Precision } from "../core/analysis-types.ts";
import type { SourceRef, TimelineEntry, TimelineQuery } from "../core/queries.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./db.ts";
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

/**
 * Events filtered by topic / person / keyword / date range, merged, in date order. With `from`, the earliest
 * `limit` entries from that day on; without it, the most recent `limit` entries (what "/timeline" users expect).
 */
export async function timeline(db: Db, q: TimelineQuery): Promise<TimelineEntry[]> {
  const and: EventWhere[] = [];
  if (q.topic?.trim()) and.push({ article: { topics: { some: { topic: { slug: q.topic.trim().toLowerCase() } } } } });
  if (q.person?.trim()) {
    const people = await matchPeople(db, q.person);
    if (people.length === 0) return [];
    and.push({ article: { people: { some: { personId: { in: people.map((p) => p.id) } } } } });
  }
  if (q.keyword?.trim()) {
    const k = foldText(q.keyword);
    if (!k) return [];
    and.push({ searchFold: { contains: k } });
  }
  // Overlap with [from, to]: a period that started before `from` but ends after it is kept.
  if (q.from) and.push({ endDate: { gte: q.from } });
  if (q.to) and.push({ startDate: { lte: upperBound(q.to) } });
  const limit = Math.max(0, q.limit);
  if (limit === 0) return [];
  const where: EventWhere = and.length > 0 ? { AND: and } : {};
  const dir = q.from ? "asc" : "desc";
  // Every start day holds at least one merged entry, so the `limit` entries wanted all start on one of the
  // first `limit` distinct days: find the last of those days, then read only the rows up to it.
  const days = await db.event.groupBy({ by: ["startDate"], where, orderBy: { startDate: dir }, take: limit });
  const edge = days[days.length - 1]?.startDate;
  if (edge === undefined) return [];
  const rows = await db.event.findMany({
    where: { AND: [where, { startDate: q.from ? { lte: edge } : { gte: edge } }] },
    orderBy: [{ startDate: dir }, { id: dir }],
    take: MAX_EVENTS,
    select: eventSelect,
  });
  const merged = mergeEvents(rows);
  return (q.from ? merged.slice(0, limit) : merged.slice(Math.max(0, merged.length - limit))).map((m) => m.entry);
}
