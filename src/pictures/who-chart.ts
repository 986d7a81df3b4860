/**
 * The small chart of /who (pure: quote days in, Vega-Lite out): a person's quotes per month from the month of the
 * first to the month of the last, empty months included; per year when that spans more than four years.
 */
import type { Lang } from "../core/command.ts";
import type { Chart } from "../core/picture.ts";
import type { FontMetrics } from "./font.ts";
import { pictureText } from "./strings.ts";
import { barChartFrame, DESIGN_WIDTH, FONT_SIZES, PALETTE } from "./style.ts";
import { countY, timeAxis } from "./time-axis.ts";

export const WHO_LAYOUT = { width: DESIGN_WIDTH, height: 160, maxMonths: 48 } as const;

export interface WhoBucket {
  /** First day of the month (or year), UTC ms. */
  start: number;
  /** First day of the next one (exclusive). */
  end: number;
  count: number;
}

export interface WhoChart {
  chart: Chart;
  unit: "month" | "year";
  buckets: WhoBucket[];
  /** Quotes drawn (the dated ones). */
  total: number;
  /** Days (YYYY-MM-DD) of the first and the last quote. */
  first: string;
  last: string;
}

export interface WhoChartInput {
  /** Publication days (YYYY-MM-DD) of the quotes, in any order; must not be empty. */
  days: string[];
  lang: Lang;
  title: string;
  metrics: FontMetrics;
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthStart = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1);

/** Builds the person card's chart. */
export function buildWhoChart(input: WhoChartInput): WhoChart {
  const L = WHO_LAYOUT;
  const { lang } = input;
  const days = input.days.filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d)).sort();
  const first = days[0] ?? "";
  const last = days.at(-1) ?? "";
  const m0 = monthIndex(first);
  const m1 = monthIndex(last);
  const unit = m1 - m0 + 1 > L.maxMonths ? "year" : "month";
  // Months (or years) as indexes from the first one, so counting is one pass over the days.
  const i0 = unit === "month" ? m0 : Math.floor(m0 / 12);
  const n = (unit === "month" ? m1 : Math.floor(m1 / 12)) - i0 + 1;
  const buckets: WhoBucket[] = Array.from({ length: n }, (_, k) => {
    const start = unit === "month" ? monthStart(m0 + k) : Date.UTC(i0 + k, 0, 1);
    const end = unit === "month" ? monthStart(m0 + k + 1) : Date.UTC(i0 + k + 1, 0, 1);
    return { start, end, count: 0 };
  });
  for (const d of days) {
    const k = (unit === "month" ? monthIndex(d) : Number(d.slice(0, 4))) - i0;
    const b = buckets[k];
    if (b) b.count++;
  }
  const total = days.length;
  return {
    chart: {
      spec: whoSpec(buckets, unit, total, input),
      filename: "who.png",
      alt: `${input.title}: ${pictureText(lang, "quotes", total)}`,
    },
    unit,
    buckets,
    total,
    first,
    last,
  };
}

function whoSpec(
  buckets: WhoBucket[],
  unit: "month" | "year",
  total: number,
  input: WhoChartInput,
): Record<string, unknown> {
  const L = WHO_LAYOUT;
  const { lang } = input;
  const domain: [number, number] = [buckets[0]?.start ?? 0, buckets.at(-1)?.end ?? 0];
  const px = (t: number) => ((t - domain[0]) / Math.max(1, domain[1] - domain[0])) * L.width;
  const axis = timeAxis(domain[0], domain[1], lang, 6, (t, text) => {
    const half = input.metrics.width(text, FONT_SIZES.axis) / 2;
    return px(t) - half >= 0 && px(t) + half <= L.width;
  });
  // One bar per month with a 1-pixel gap (at most 48 bars: each is at least 12 pixels wide).
  const gap = (domain[1] - domain[0]) / L.width;
  const rows = buckets.map((b) => ({ start: b.start, end: b.end - gap, count: b.count, zero: 0 }));
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const per = pictureText(lang, unit === "month" ? "quotesPerMonth" : "quotesPerYear");
  return {
    ...barChartFrame({ title: input.title, metrics: input.metrics, lang, total, per, layout: L }),
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "start",
        type: "temporal",
        scale: { type: "utc", domain, nice: false },
        axis: { ...axis.axis, grid: false },
      },
      x2: { field: "end" },
      y: countY("count", max, 1.1, lang, 4),
      y2: { field: "zero" },
      color: { value: PALETTE[0] },
    },
  };
}
