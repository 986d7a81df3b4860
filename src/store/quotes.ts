/**
 * /quotes: by speaker (any alias or transliteration, surname alone), by keyword (accent-insensitive), random.
 */
import { foldKey } from "../core/name-key.ts";
import type { QuoteDays, QuoteRow, QuotesQuery } from "../core/queries.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./db.ts";
import { foldText, keyContains, tokens } from "./fold.ts";
import { matchPeople } from "./people.ts";
import { sourceName } from "./source-ref.ts";

/** Upper bound on rows considered for a random pick. */
const RANDOM_POOL = 5000;

/** Quotes of one speaker read at most for /who (years of a head of state's quotes are a few thousand). */
export const QUOTE_DAYS_MAX = 20_000;

/** What a quote row reads: the quote, its speaker and its article (for /quote and the digests' quotes). */
export const QUOTE_ROW_SELECT = {
  id: true,
  text: true,
  speakerName: true,
  person: { select: { name: true } },
  article: {
    select: {
      title: true,
      url: true,
      publishedAt: true,
      language: true,
      source: { select: { title: true, url: true } },
    },
  },
} satisfies Prisma.QuoteSelect;

/** Maps a row read with QUOTE_ROW_SELECT: the linked person's canonical name wins over the name as written. */
export function toQuoteRow(r: Prisma.QuoteGetPayload<{ select: typeof QUOTE_ROW_SELECT }>): QuoteRow {
  return {
    id: r.id,
    text: r.text,
    speaker: r.person?.name ?? r.speakerName,
    articleTitle: r.article.title,
    url: r.article.url,
    publishedAt: r.article.publishedAt,
    source: r.article.source ? sourceName(r.article.source) : null,
    language: r.article.language,
  };
}

type QuoteWhere = Prisma.QuoteWhereInput;

/** Speaker condition: linked people, or unlinked speaker names (documents) whose key contains the query. */
async function speakerWhere(db: Db, speaker: string): Promise<QuoteWhere | null> {
  const key = foldKey(speaker);
  const longest = [...tokens(key)].sort((a, b) => b.length - a.length)[0];
  if (!longest) return null;
  const people = await matchPeople(db, speaker);
  const unlinked = await db.quote.findMany({
    where: { personId: null, speakerKey: { contains: longest } },
    select: { speakerKey: true },
    distinct: ["speakerKey"],
    take: 500,
  });
  const keys = unlinked.flatMap((u) => (u.speakerKey && keyContains(u.speakerKey, key) ? [u.speakerKey] : []));
  if (people.length === 0 && keys.length === 0) return null;
  return { OR: [{ personId: { in: people.map((p) => p.id) } }, { personId: null, speakerKey: { in: keys } }] };
}

/** Quotes newest article first, then in text order; or a random pick. */
export async function quotes(db: Db, q: QuotesQuery): Promise<QuoteRow[]> {
  const and: QuoteWhere[] = [];
  if (q.speaker?.trim()) {
    const w = await speakerWhere(db, q.speaker);
    if (!w) return [];
    and.push(w);
  }
  if (q.keyword?.trim()) {
    const k = foldText(q.keyword);
    if (!k) return [];
    and.push({ textFold: { contains: k } });
  }
  const where = and.length > 0 ? { AND: and } : {};
  const limit = Math.max(0, q.limit);
  let ids: number[] | undefined;
  if (q.random) {
    const pool = await db.quote.findMany({ where, select: { id: true }, take: RANDOM_POOL });
    const picked = pool.map((p) => p.id);
    for (let i = picked.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [picked[i], picked[j]] = [picked[j] as number, picked[i] as number];
    }
    ids = picked.slice(0, limit);
  }
  let inArticles: QuoteWhere | undefined;
  if (!ids && limit > 0) {
    // The newest `limit` quotes come from at most `limit` articles: find those first by walking articles
    // newest first (publishedAt index), instead of sorting every matching quote by its article's date.
    // Dated articles first, then undated ones: Prisma writes `nulls: "last"` as ORDER BY CASE …, which no index
    // serves (a sort of every matching article); two plain index walks give the same order.
    const dated = await db.article.findMany({
      where: { quotes: { some: where }, publishedAt: { not: null } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true },
    });
    const undated =
      dated.length < limit
        ? await db.article.findMany({
            where: { quotes: { some: where }, publishedAt: null },
            orderBy: { id: "desc" },
            take: limit - dated.length,
            select: { id: true },
          })
        : [];
    inArticles = { articleId: { in: [...dated, ...undated].map((a) => a.id) } };
  }
  const rows = await db.quote.findMany({
    where: ids ? { id: { in: ids } } : { AND: [...and, ...(inArticles ? [inArticles] : [])] },
    orderBy: [
      { article: { publishedAt: { sort: "desc", nulls: "last" } } },
      { articleId: "desc" },
      { position: "asc" },
    ],
    take: limit,
    select: QUOTE_ROW_SELECT,
  });
  const out = rows.map(toQuoteRow);
  if (ids) {
    const order = new Map(ids.map((id, i) => [id, i]));
    out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  return out;
}

/** Publication days of a speaker's quotes (the speaker found as `quotes` finds one), newest first. */
export async function quoteDays(db: Db, speaker: string): Promise<QuoteDays> {
  const empty: QuoteDays = { days: [], undated: 0, truncated: false };
  if (!speaker.trim()) return empty;
  const where = await speakerWhere(db, speaker);
  if (!where) return empty;
  const [rows, undated] = await Promise.all([
    db.quote.findMany({
      where: { AND: [where, { article: { publishedAt: { not: null } } }] },
      orderBy: [{ article: { publishedAt: "desc" } }, { id: "desc" }],
      take: QUOTE_DAYS_MAX + 1,
      select: { article: { select: { publishedAt: true } } },
    }),
    db.quote.count({ where: { AND: [where, { article: { publishedAt: null } }] } }),
  ]);
  return {
    days: rows
      .slice(0, QUOTE_DAYS_MAX)
      .flatMap((r) => (r.article.publishedAt ? [r.article.publishedAt.toISOString().slice(0, 10)] : [])),
    undated,
    truncated: rows.length > QUOTE_DAYS_MAX,
  };
}
