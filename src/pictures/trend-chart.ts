/**
 * The coverage picture of /trend and of weekly digests (pure: counted articles in, Vega-Lite out): articles per week
 * (per month beyond six months, per day when asked: a digest's week) as bars from `from` to `to`, empty periods included; stacked by outlet or topic when asked (the
 * five biggest groups, the rest as "other"); the biggest peaks annotated with the story most of their articles
 * report, as long as the annotations do not overlap.
 */
import type { Lang } from "../core/command.ts";
import type { Chart } from "../core/picture.ts";
import type { CoverageData } from "../core/queries.ts";
import { drawable, type FontMetrics } from "./font.ts";
import { pictureText } from "./strings.ts";
import { barChartFrame, DESIGN_WIDTH, FONT_SIZES, PALETTE } from "./style.ts";
import { countY, DAY_MS, formatCount, timeAxis } from "./time-axis.ts";

export const TREND_LAYOUT = { width: DESIGN_WIDTH, height: 300, maxGroups: 5, maxPeaks: 3, peakChars: 36 } as const;

export interface TrendBucket {
  start: number;
  /** Exclusive end (UTC ms). */
  end: number;
  total: number;
  /** Count per group (outlet or topic label) when split. */
  groups: Record<string, number>;
  /** Most reported story of the bucket and its article count. */
  story: { title: string; count: number } | null;
}

export interface TrendPeak {
  bucket: TrendBucket;
  /** Annotation text: the story's title, shortened, and the bucket's count. */
  label: string;
  /** Where the annotation starts (UTC ms on the time axis); it stays inside the plot. */
  at: number;
}

export interface TrendChart {
  chart: Chart;
  unit: TrendUnit;
  buckets: TrendBucket[];
  peaks: TrendPeak[];
  /** Groups in stacking order ("other" last), empty when not split. */
  groups: string[];
  total: number;
}

export type TrendUnit = "day" | "week" | "month";

export interface TrendChartInput {
  data: CoverageData;
  lang: Lang;
  title: string;
  from: string;
  to: string;
  split?: "source" | "topic";
  /** Display name of a topic slug. */
  topicLabel?: (slug: string) => string;
  metrics: FontMetrics;
  /** Bar width; default per week, per month beyond six months. */
  unit?: TrendUnit;
}

const utcDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function bucketStarts(from: number, to: number, unit: TrendUnit): number[] {
  const out: number[] = [];
  const d = new Date(from);
  if (unit === "day") {
    for (let t = from; t <= to; t += DAY_MS) out.push(t);
  } else if (unit === "week") {
    let t = from - ((d.getUTCDay() + 6) % 7) * DAY_MS;
    for (; t <= to; t += 7 * DAY_MS) out.push(t);
  } else {
    for (let m = 0, t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); t <= to; m++) {
      out.push(t);
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + m + 1, 1);
    }
  }
  return out;
}

/** Builds the picture's specification; `data.articles` must not be empty. */
export function buildTrendChart(input: TrendChartInput): TrendChart {
  const L = TREND_LAYOUT;
  const { lang, metrics } = input;
  const from = utcDay(input.from);
  const to = utcDay(input.to);
  const unit = input.unit ?? (to - from > 183 * DAY_MS ? "month" : "week");
  const starts = bucketStarts(from, to, unit);
  const ends = starts.map(
    (s, i) =>
      starts[i + 1] ??
      (unit === "month"
        ? Date.UTC(new Date(s).getUTCFullYear(), new Date(s).getUTCMonth() + 1, 1)
        : s + (unit === "week" ? 7 : 1) * DAY_MS),
  );
  const titles = new Map(input.data.stories.map((s) => [s.id, s.title]));
  // Each article is counted once, so the stacked bars add up to the articles the axis promises: by topic, an
  // article of several topics goes under the one the chart's articles share most (the stored topics carry no
  // rank), ties broken by name.
  const topicShare = new Map<string, number>();
  if (input.split === "topic")
    for (const a of input.data.articles) for (const t of a.topics) topicShare.set(t, (topicShare.get(t) ?? 0) + 1);
  const mainTopic = (topics: string[]): string | undefined =>
    [...topics].sort((x, y) => (topicShare.get(y) ?? 0) - (topicShare.get(x) ?? 0) || x.localeCompare(y))[0];
  const groupOf = (a: CoverageData["articles"][number]): string[] => {
    if (input.split === "source") return [a.source ?? pictureText(lang, "noSource")];
    if (input.split === "topic") {
      const t = mainTopic(a.topics);
      return [t === undefined ? pictureText(lang, "noTopic") : (input.topicLabel?.(t) ?? t)];
    }
    return [];
  };
  // The biggest groups keep their name; the others are summed as "other".
  const groupTotals = new Map<string, number>();
  for (const a of input.data.articles) for (const g of groupOf(a)) groupTotals.set(g, (groupTotals.get(g) ?? 0) + 1);
  const ranked = [...groupTotals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([g]) => g);
  const kept = new Set(ranked.slice(0, ranked.length > L.maxGroups + 1 ? L.maxGroups : L.maxGroups + 1));
  const other = pictureText(lang, "other");
  const groups = [...ranked.filter((g) => kept.has(g)), ...(ranked.length > kept.size ? [other] : [])];

  const buckets: TrendBucket[] = starts.map((start, i) => ({
    start,
    end: ends[i] ?? start,
    total: 0,
    groups: {},
    story: null,
  }));
  const perStory = buckets.map(() => new Map<number, number>());
  for (const a of input.data.articles) {
    const t = utcDay(a.day);
    if (t < from || t > to) continue;
    const i = starts.findIndex((s, k) => t >= s && t < (ends[k] ?? s));
    const b = buckets[i];
    if (!b) continue;
    b.total++;
    perStory[i]?.set(a.storyId, (perStory[i]?.get(a.storyId) ?? 0) + 1);
    for (const g of groupOf(a)) {
      const name = kept.has(g) ? g : other;
      b.groups[name] = (b.groups[name] ?? 0) + 1;
    }
  }
  buckets.forEach((b, i) => {
    const top = [...(perStory[i] ?? new Map<number, number>())].sort((x, y) => y[1] - x[1])[0];
    if (top) b.story = { title: titles.get(top[0]) ?? "", count: top[1] };
  });

  // Peaks: the biggest buckets, well above the typical one, whose annotations do not overlap.
  const first = starts[0] ?? from;
  const span = Math.max(1, (ends.at(-1) ?? to) - first);
  const xOf = (t: number) => ((t - first) / span) * L.width;
  const sorted = [...buckets].map((b) => b.total).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const peaks: TrendPeak[] = [];
  const taken: Array<[number, number]> = [];
  for (const b of [...buckets].sort((x, y) => y.total - x.total)) {
    const high = Math.max(3, median * 2, (sorted.at(-1) ?? 0) * 0.4);
    if (peaks.length >= L.maxPeaks || b.total < high || !b.story?.title) continue;
    let label = drawable(b.story.title, metrics);
    if ([...label].length > L.peakChars)
      label = `${[...label]
        .slice(0, L.peakChars - 1)
        .join("")
        .trimEnd()}…`;
    label = `${label} (${formatCount(b.total, lang)})`;
    const w = metrics.width(label, FONT_SIZES.axis);
    const mid = xOf((b.start + b.end) / 2);
    const box: [number, number] = [Math.max(0, Math.min(L.width - w, mid - w / 2)), 0];
    box[1] = box[0] + w;
    if (taken.some((t) => box[0] < t[1] + 8 && t[0] < box[1] + 8)) continue;
    taken.push(box);
    peaks.push({ bucket: b, label, at: first + (box[0] / L.width) * span });
  }

  const total = input.data.articles.length;
  return {
    chart: {
      spec: trendSpec(buckets, peaks, groups, unit, input),
      filename: "trend.png",
      alt: `${input.title}: ${pictureText(lang, "articles", total)}`,
    },
    unit,
    buckets,
    peaks,
    groups,
    total,
  };
}

function trendSpec(
  buckets: TrendBucket[],
  peaks: TrendPeak[],
  groups: string[],
  unit: TrendUnit,
  input: TrendChartInput,
): Record<string, unknown> {
  const L = TREND_LAYOUT;
  const { lang } = input;
  const domain: [number, number] = [buckets[0]?.start ?? 0, buckets.at(-1)?.end ?? 0];
  const px = (t: number) => ((t - domain[0]) / (domain[1] - domain[0])) * L.width;
  const axis = timeAxis(domain[0], domain[1], lang, 6, (t, text) => {
    const half = input.metrics.width(text, FONT_SIZES.axis) / 2;
    return px(t) - half >= 0 && px(t) + half <= L.width;
  });
  // Bars leave a 1-pixel gap; a stacked bar is one row per group.
  const gap = ((domain[1] - domain[0]) / L.width) * 1;
  // Stacks computed here (y0–y1 per group), so every bar stands on zero whatever Vega-Lite's stacking rules.
  const rows = buckets.flatMap((b) => {
    let y0 = 0;
    const parts = groups.length > 0 ? groups.map((g) => [g, b.groups[g] ?? 0] as const) : [["", b.total] as const];
    return parts.map(([group, count]) => {
      const row = { start: b.start, end: b.end - gap, group, count, y0, y1: y0 + count };
      y0 += count;
      return row;
    });
  });
  const maxTotal = Math.max(1, ...buckets.map((b) => b.total));
  const x = {
    field: "start",
    type: "temporal",
    scale: { type: "utc", domain, nice: false },
    axis: { ...axis.axis, grid: false },
  };
  const yTitle = pictureText(lang, unit === "day" ? "perDay" : unit === "week" ? "perWeek" : "perMonth");
  const total = input.data.articles.length;
  return {
    ...barChartFrame({ title: input.title, metrics: input.metrics, lang, total, per: yTitle, layout: L }),
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar", cornerRadiusEnd: 0 },
        encoding: {
          x,
          x2: { field: "end" },
          y: countY("y1", maxTotal, 1.18, lang, 5),
          y2: { field: "y0" },
          color:
            groups.length > 0
              ? {
                  field: "group",
                  type: "nominal",
                  sort: groups,
                  scale: { domain: groups, range: PALETTE.slice(0, groups.length) },
                  legend: { title: null, columns: 3 },
                }
              : { value: PALETTE[0] },
        },
      },
      ...(peaks.length > 0
        ? [
            {
              data: { values: peaks.map((p) => ({ at: p.at, total: p.bucket.total, label: p.label })) },
              mark: { type: "text", dy: -6, align: "left", fontSize: FONT_SIZES.axis, baseline: "bottom", limit: 0 },
              encoding: {
                x: { field: "at", type: "temporal" },
                y: { field: "total", type: "quantitative" },
                text: { field: "label" },
              },
            },
          ]
        : []),
    ],
  };
}
