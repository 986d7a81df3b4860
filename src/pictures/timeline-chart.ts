/**
 * The timeline picture, built from the same entries as the text timeline (pure: entries in, Vega-Lite out).
 * Days are circles (bigger when more outlets report them), months, years and periods are bars from start to end.
 * Labels (the event's summary, shortened) sit above their mark; events are packed into lanes so that no two
 * labels or marks overlap, measured with the bundled font's real advance widths. An event whose label finds no
 * room keeps its mark without a label and is counted in `unlabelled` (the caption says "+N more").
 */
import type { Lang } from "../core/command.ts";
import type { Chart } from "../core/picture.ts";
import type { TimelineEntry } from "../core/queries.ts";
import { drawable, type FontMetrics } from "./font.ts";
import { pictureText } from "./strings.ts";
import { baseConfig, DESIGN_WIDTH, FONT_SIZES, MUTED, PALETTE } from "./style.ts";
import { DAY_MS, timeAxis } from "./time-axis.ts";

/** Layout in design pixels. */
export const TIMELINE_LAYOUT = {
  width: DESIGN_WIDTH,
  laneHeight: 38,
  maxLanes: 12,
  /** Horizontal gap kept free between two labels or marks of one lane. */
  gap: 10,
  /** Longest label, in characters, before it is shortened at a word boundary. */
  labelChars: 38,
  barWidth: 8,
  /** Circle area (px²) for 1 outlet and for the most covered event. */
  circleArea: [70, 300] as [number, number],
} as const;

export type MarkKind = "day" | "month" | "year" | "period";

/** One event as drawn: its mark, lane and label. */
export interface TimelineRow {
  start: number;
  /** Exclusive end (UTC ms): the day after the event's last day. */
  end: number;
  /** Where a right-aligned label ends: the end of a bar, the centre of a day's circle. */
  rightAt: number;
  kind: MarkKind;
  kindLabel: string;
  lane: number;
  /** Mark centre / bar ends in design pixels. */
  x0: number;
  x1: number;
  /** Label text, or null when no lane had room for it. */
  label: string | null;
  align: "left" | "right";
  /** Label box in design pixels (empty when unlabelled). */
  labelBox: [number, number];
  outlets: number;
  articles: number;
}

export interface TimelineChart {
  chart: Chart;
  rows: TimelineRow[];
  /** Scale domain of the time axis (UTC ms). */
  domain: [number, number];
  lanes: number;
  labelled: number;
  unlabelled: number;
}

export interface TimelineChartInput {
  entries: TimelineEntry[];
  lang: Lang;
  title: string;
  metrics: FontMetrics;
}

const KINDS: MarkKind[] = ["day", "period", "month", "year"];

function utc(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) || 1);
}

function kindOf(e: TimelineEntry): MarkKind {
  if (e.precision === "day" || (e.precision === "period" && e.start === e.end)) return "day";
  return e.precision;
}

/** Drops characters the font cannot draw and shortens at a word boundary. */
export function shortLabel(text: string, maxChars: number, metrics: FontMetrics): string {
  let s = drawable(text.replace(/\s+/g, " ").trim(), metrics);
  if ([...s].length <= maxChars) return s;
  s = [...s].slice(0, maxChars - 1).join("");
  const space = s.lastIndexOf(" ");
  if (space > maxChars * 0.5) s = s.slice(0, space);
  return `${s.replace(/[\s,;:.—–-]+$/, "")}…`;
}

type Box = [number, number];
const overlaps = (a: Box, b: Box, gap: number) => a[0] < b[1] + gap && b[0] < a[1] + gap;

/** Builds the picture's specification and layout. `entries` must not be empty. */
export function buildTimelineChart(input: TimelineChartInput): TimelineChart {
  const L = TIMELINE_LAYOUT;
  const { lang, metrics } = input;
  const events = [...input.entries].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const first = Math.min(...events.map((e) => utc(e.start)));
  const last = Math.max(...events.map((e) => utc(e.end) + DAY_MS));
  const span = Math.max(last - first, 30 * DAY_MS);
  const pad = span * 0.04;
  const domain: [number, number] = [first - pad, first + span + pad];
  const px = (t: number) => ((t - domain[0]) / (domain[1] - domain[0])) * L.width;
  const maxOutlets = Math.max(1, ...events.map((e) => e.sources.length));
  const radius = (outlets: number) => {
    const [a0, a1] = L.circleArea;
    const area = maxOutlets <= 1 ? a0 : a0 + ((a1 - a0) * (outlets - 1)) / (maxOutlets - 1);
    return Math.sqrt(area / Math.PI);
  };

  const lanes: Box[][] = [];
  const rows: TimelineRow[] = events.map((e) => {
    const kind = kindOf(e);
    const start = utc(e.start);
    const end = utc(e.end) + DAY_MS;
    const outlets = Math.max(1, e.sources.length);
    const r = radius(outlets);
    const mark: Box = kind === "day" ? [px(start) - r, px(start) + r] : [px(start), Math.max(px(end), px(start) + 2)];
    const suffix = outlets > 1 ? ` (${outlets})` : "";
    const text = shortLabel(e.summary || e.phrase, L.labelChars, metrics) + suffix;
    const w = metrics.width(text, FONT_SIZES.label);
    // Labels start 4 px left of the event's start, or end 4 px right of its end (a day's centre).
    const at = kind === "day" ? px(start) : px(end);
    const left: Box = [px(start) - 4, px(start) - 4 + w];
    const right: Box = [at + 4 - w, at + 4];
    const options: Array<{ align: "left" | "right"; box: Box }> = [];
    // Labels stay inside the plot, so the picture's width never depends on them.
    if (left[0] >= 0 && left[1] <= L.width) options.push({ align: "left", box: left });
    if (right[0] >= 0 && right[1] <= L.width) options.push({ align: "right", box: right });
    const row = {
      start,
      end,
      rightAt: kind === "day" ? start : end,
      kind,
      kindLabel: pictureText(lang, kind),
      x0: mark[0],
      x1: mark[1],
      outlets,
      articles: e.articleCount,
    };
    const free = (lane: Box[], box: Box) => lane.every((b) => !overlaps(b, box, L.gap));
    for (let lane = 0; lane < L.maxLanes; lane++) {
      const taken = lanes[lane] ?? [];
      lanes[lane] = taken;
      for (const o of options) {
        const box: Box = [Math.min(o.box[0], mark[0]), Math.max(o.box[1], mark[1])];
        if (free(taken, box)) {
          taken.push(box);
          return { ...row, lane, label: text, align: o.align, labelBox: o.box };
        }
      }
    }
    // No room for the label: the mark alone, in the first lane where it fits.
    let lane = Array.from({ length: L.maxLanes }, (_, i) => lanes[i] ?? []).findIndex((taken) => free(taken, mark));
    if (lane >= 0) lanes[lane] ??= [];
    // Every lane is full here: the mark goes to a strip below them, where only unlabelled marks may touch.
    if (lane < 0) lane = L.maxLanes;
    lanes[lane]?.push(mark);
    return { ...row, lane, label: null, align: "left" as const, labelBox: [0, 0] as Box };
  });

  const laneCount = Math.max(1, ...rows.map((r) => r.lane + 1));
  const labelled = rows.filter((r) => r.label !== null).length;
  return {
    chart: {
      spec: timelineSpec(rows, domain, laneCount, input),
      filename: "timeline.png",
      alt: `${input.title}: ${pictureText(lang, "events", rows.length)}`,
    },
    rows,
    domain,
    lanes: laneCount,
    labelled,
    unlabelled: rows.length - labelled,
  };
}

function timelineSpec(
  rows: TimelineRow[],
  domain: [number, number],
  laneCount: number,
  input: TimelineChartInput,
): Record<string, unknown> {
  const L = TIMELINE_LAYOUT;
  const { lang } = input;
  const height = laneCount * L.laneHeight + 6;
  const values = rows.map((r) => ({
    ...r,
    // Mark 26 px below the top of its lane, label baseline 12 px above the mark.
    ym: r.lane * L.laneHeight + 26,
    yl: r.lane * L.laneHeight + 13,
    labelAt: r.align === "left" ? r.start : r.rightAt,
  }));
  const px = (t: number) => ((t - domain[0]) / (domain[1] - domain[0])) * L.width;
  // A tick whose centred label would stick out of the plot is dropped, so the picture keeps its width.
  const axis = timeAxis(domain[0], domain[1], lang, 6, (t, text) => {
    const half = input.metrics.width(text, FONT_SIZES.axis) / 2;
    return px(t) - half >= 0 && px(t) + half <= L.width;
  });
  const kindsShown = KINDS.filter((k) => rows.some((r) => r.kind === k));
  const color = {
    field: "kindLabel",
    type: "nominal",
    scale: {
      domain: kindsShown.map((k) => pictureText(lang, k)),
      range: kindsShown.map((k) => PALETTE[KINDS.indexOf(k)]),
    },
    legend: kindsShown.length > 1 ? { title: null, symbolType: "circle" } : null,
  };
  const x = (field: string) => ({
    field,
    type: "temporal",
    scale: { type: "utc", domain, nice: false },
    axis: { ...axis.axis, orient: "bottom" },
  });
  const y = (field: string) => ({ field, type: "quantitative", scale: null, axis: null });
  const count = pictureText(lang, "events", rows.length);
  const maxOutlets = Math.max(...rows.map((r) => r.outlets));
  const subtitle = maxOutlets > 1 ? `${count} · ${pictureText(lang, "sizeHint")}` : count;
  const text = (align: "left" | "right") => ({
    transform: [{ filter: `datum.label !== null && datum.align === '${align}'` }],
    mark: {
      type: "text",
      align,
      baseline: "alphabetic",
      fontSize: FONT_SIZES.label,
      limit: 0,
      dx: align === "left" ? -4 : 4,
    },
    encoding: {
      x: { field: "labelAt", type: "temporal" },
      y: y("yl"),
      text: { field: "label" },
    },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: baseConfig(),
    width: L.width,
    height,
    title: { text: drawable(input.title, input.metrics), subtitle },
    data: { values },
    encoding: { x: x("start"), y: y("ym") },
    layer: [
      {
        transform: [{ filter: "datum.kind !== 'day'" }],
        mark: { type: "rule", strokeWidth: L.barWidth, strokeCap: "round" },
        encoding: { x2: { field: "end" }, color },
      },
      {
        transform: [{ filter: "datum.kind === 'day'" }],
        mark: { type: "circle", opacity: 0.9, stroke: "#ffffff", strokeWidth: 1 },
        encoding: {
          color,
          size: {
            field: "outlets",
            type: "quantitative",
            scale: { domain: [1, Math.max(2, maxOutlets)], range: L.circleArea },
            legend: null,
          },
        },
      },
      text("left"),
      text("right"),
    ],
    resolve: { scale: { color: "shared" } },
    usermeta: { muted: MUTED },
  };
}
