/**
 * The week's coverage chart of a weekly digest whose subscription asks for it (`/subscribe digest weekly chart`):
 * the articles published on each of the seven days before the post, in the subscription's topics and article
 * languages and through its word filter (applied to story titles, as the digest does), stacked by topic — by
 * outlet when the subscription follows one topic. A week without an article has no chart: the digest goes alone.
 * The chart is a specification (src/pictures/trend-chart.ts): delivery draws it when the post is sent.
 */
import type { TopicInfo } from "../core/command.ts";
import type { DigestQueries, SubscriptionRecord } from "../core/delivery.ts";
import type { Chart } from "../core/reply.ts";
import { matchesFilter } from "../digest/filter.ts";
import { fontMetrics } from "../pictures/font.ts";
import { pictureText } from "../pictures/strings.ts";
import { buildTrendChart } from "../pictures/trend-chart.ts";

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** True when a post of `sub` carries the week's chart. */
export function wantsWeekChart(sub: Pick<SubscriptionRecord, "kind" | "frequency" | "chart">): boolean {
  return sub.kind === "digest" && sub.frequency === "weekly" && sub.chart;
}

/**
 * The chart of the seven days before `localDate` (the post's local day), or null: not asked for, no coverage
 * query, or no article that week.
 */
export async function weekChart(
  sub: SubscriptionRecord,
  localDate: string,
  queries: Pick<DigestQueries, "coverage">,
  topics: TopicInfo[],
): Promise<Chart | null> {
  if (!wantsWeekChart(sub) || !queries.coverage) return null;
  const from = addDays(localDate, -7);
  const to = addDays(localDate, -1);
  const data = await queries.coverage({ from, to, topics: sub.topics, languages: sub.languages });
  const titles = new Map(data.stories.map((s) => [s.id, s.title]));
  const articles = data.articles.filter((a) => matchesFilter(titles.get(a.storyId) ?? "", sub.terms));
  if (articles.length === 0) return null;
  const lang = sub.language;
  const label = (slug: string) => topics.find((x) => x.slug === slug)?.label[lang] ?? slug;
  const built = buildTrendChart({
    data: { ...data, articles },
    lang,
    title: pictureText(lang, "week"),
    from,
    to,
    unit: "day",
    split: sub.topics.length === 1 ? "source" : "topic",
    topicLabel: label,
    metrics: fontMetrics(),
  });
  return { ...built.chart, filename: "week.png" };
}
