/**
 * Reads what a subscription's post needs (through `DigestQueries`) and composes it: a digest, an
 * anniversaries post or an alert. The window is what arrived since the previous post of the subscription
 * and was published (first seen, when undated) in its period: since the previous post for a daily digest or
 * an alert, the last 7 days for a weekly digest.
 */
import type { TopicInfo } from "../core/command.ts";
import type { DigestQueries, DigestStory, SubscriptionRecord } from "../core/delivery.ts";
import type { PlatformLimitsTable } from "../core/platform.ts";
import type { Anniversary } from "../core/queries.ts";
import type { Reply } from "../core/reply.ts";
import { composeAlert } from "./alert.ts";
import { composeAnniversaries } from "./anniversaries.ts";
import { limitsOf } from "./budget.ts";
import { composeDigest, pickQuote } from "./compose.ts";
import { matchesFilter } from "./filter.ts";

export interface BuildOptions {
  queries: DigestQueries;
  topics: TopicInfo[];
  /** Every platform's message budget and line cost, by platform id: a post fits its chat's platform. */
  limits: PlatformLimitsTable;
  /** Post a digest even when nothing arrived (default false). */
  sendEmptyDigest?: boolean;
}

/** The data window of a post: arrived in (from, to], published after `publishedAfter` (default: recentSince). */
export interface PostWindow {
  from: Date;
  to: Date;
  publishedAfter?: Date;
}

const HOUR_MS = 3_600_000;

/**
 * How late an article may reach us and still count as news of the period: a feed polled late or backing off
 * delivers an article published shortly before the previous post after it was sent. Arrival windows never
 * overlap, so such an article still appears once.
 */
export const LATE_ARRIVAL_MS = 12 * HOUR_MS;

/**
 * The oldest publication date a post shows: the last 7 days for a weekly digest; since the previous post
 * (less `LATE_ARRIVAL_MS`) for a daily digest or an alert. Articles published earlier — an old archive
 * imported today — are not news.
 */
export function recentSince(sub: Pick<SubscriptionRecord, "kind" | "frequency">, window: PostWindow): Date {
  if (sub.kind === "digest" && sub.frequency === "weekly") return new Date(window.to.getTime() - 7 * 24 * HOUR_MS);
  return new Date(window.from.getTime() - LATE_ARRIVAL_MS);
}

/** The start of the period a post covers, as said to readers (the late-arrival tolerance left out). */
export function periodStart(sub: Pick<SubscriptionRecord, "kind" | "frequency">, window: PostWindow): Date {
  const since = window.publishedAfter ?? recentSince(sub, window);
  return new Date(Math.max(since.getTime(), window.from.getTime()));
}

/** Stories read per digest before fitting (the rest is counted for the "/latest" pointer). */
const MAX_STORIES = 80;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Anniversaries of the `days` local days starting at `day`, day by day, most recent events first, for the
 * subscription's topics and article languages (curated events without an article always qualify) and word
 * filter (phrase + summary).
 */
export async function anniversariesFrom(
  queries: DigestQueries,
  day: string,
  days: number,
  perDay: number,
  sub?: Pick<SubscriptionRecord, "topics" | "terms" | "languages">,
): Promise<Anniversary[]> {
  const out: Anniversary[] = [];
  for (let i = 0; i < days; i++) {
    const d = addDays(day, i);
    const [y, m, dd] = d.split("-").map(Number) as [number, number, number];
    // Read a little more than needed: the word filter may drop some.
    const found = await queries.onThisDay(m, dd, y, perDay * 3, sub?.topics ?? [], sub?.languages ?? []);
    const kept = found.filter((a) => matchesFilter(`${a.entry.phrase} ${a.entry.summary}`, sub?.terms));
    out.push(...kept.slice(0, perDay));
  }
  return out;
}

/** Applies the subscription's word filter to story titles; `total` drops by what was filtered out. */
async function filteredStories(
  sub: SubscriptionRecord,
  window: PostWindow,
  queries: DigestQueries,
  limit: number,
): Promise<{ stories: DigestStory[]; total: number }> {
  const after = window.publishedAfter ?? recentSince(sub, window);
  const r = await queries.storiesArrived(window.from, window.to, sub.topics, limit, after, sub.languages);
  const kept = r.stories.filter((s) => matchesFilter(s.title, sub.terms));
  return { stories: kept, total: r.total - (r.stories.length - kept.length) };
}

/** Composes the post of `sub` for the local day `localDate` over `window`, or null when there is nothing. */
export async function buildPost(
  sub: SubscriptionRecord,
  localDate: string,
  window: PostWindow,
  opts: BuildOptions,
): Promise<Reply | null> {
  const { queries } = opts;
  const lang = sub.language;
  if (sub.kind === "anniversaries") {
    return composeAnniversaries(localDate, await anniversariesFrom(queries, localDate, 1, 10, sub), lang);
  }
  const limits = limitsOf(opts.limits, sub.chat.platform);
  if (sub.kind === "alerts") {
    const { stories, total } = await filteredStories(sub, window, queries, 30);
    return composeAlert(stories, total, { lang, limits, topics: opts.topics, filter: sub.topics });
  }
  const { stories, total } = await filteredStories(sub, window, queries, MAX_STORIES);
  if (stories.length === 0 && !opts.sendEmptyDigest) return null;
  const after = window.publishedAfter ?? recentSince(sub, window);
  const quotes = await queries.quotesArrived(window.from, window.to, sub.topics, 20, after, sub.languages);
  const horizon = sub.frequency === "weekly" ? 7 : 2;
  return composeDigest(
    {
      frequency: sub.frequency,
      localDate,
      stories,
      totalStories: total,
      quote: pickQuote(quotes),
      anniversaries: await anniversariesFrom(queries, localDate, horizon, 3, sub),
    },
    { lang, limits, topics: opts.topics, filter: sub.topics, sendEmpty: opts.sendEmptyDigest },
  );
}
