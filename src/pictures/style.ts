/**
 * The look shared by every chart: sizes (a 640-pixel design drawn at 2× = 1,280 px, the width Telegram shows),
 * the Okabe–Ito colour-blind-safe palette, the font, and the Vega-Lite `config` block that applies them.
 */
import type { Lang } from "../core/command.ts";
import { drawable, FONT_FAMILY, type FontMetrics } from "./font.ts";
import { pictureText } from "./strings.ts";

/** Design width of the plot area in CSS pixels; pictures are rasterised at `SCALE`×. */
export const DESIGN_WIDTH = 600;
/** Space Vega adds around the plot (padding, axis, title) is measured by the renderer; this is the padding. */
export const PADDING = 16;
export const SCALE = 2;

/**
 * Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
 * Order: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black.
 */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#F0E442",
  "#000000",
] as const;

export const INK = "#1a1a1a";
export const MUTED = "#5f6368";
export const GRID = "#e3e3e3";

export const FONT_SIZES = { title: 20, subtitle: 13, label: 13, axis: 12, legend: 12 } as const;

/** Vega-Lite `config`: one font everywhere, quiet axes, no frame. */
export function baseConfig(): Record<string, unknown> {
  return {
    font: FONT_FAMILY,
    background: "#ffffff",
    padding: PADDING,
    view: { stroke: null },
    title: {
      anchor: "start",
      fontSize: FONT_SIZES.title,
      fontWeight: "bold",
      color: INK,
      subtitleFontSize: FONT_SIZES.subtitle,
      subtitleColor: MUTED,
      subtitlePadding: 6,
      offset: 14,
    },
    axis: {
      labelFontSize: FONT_SIZES.axis,
      labelColor: INK,
      titleFontSize: FONT_SIZES.axis,
      titleColor: MUTED,
      titleFontWeight: "normal",
      gridColor: GRID,
      domainColor: MUTED,
      tickColor: MUTED,
    },
    legend: {
      labelFontSize: FONT_SIZES.legend,
      titleFontSize: FONT_SIZES.legend,
      titleFontWeight: "normal",
      titleColor: MUTED,
      labelColor: INK,
      orient: "bottom",
      direction: "horizontal",
    },
    text: { font: FONT_FAMILY, color: INK },
  };
}

/**
 * The frame of a bar chart over time (who, trend): the Vega-Lite schema, the style, the size, and the title over
 * "N in all · per month" (`per`, already in the chart's language).
 */
export function barChartFrame(o: {
  title: string;
  metrics: FontMetrics;
  lang: Lang;
  total: number;
  per: string;
  layout: { width: number; height: number };
}) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: baseConfig(),
    width: o.layout.width,
    height: o.layout.height,
    title: {
      text: drawable(o.title, o.metrics),
      subtitle: `${pictureText(o.lang, "total", o.total)} · ${o.per}`,
    },
  };
}
