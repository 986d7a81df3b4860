/**
 * Time axes in the chat's language: tick dates chosen by the builder (days, weeks, months or years, at most
 * `maxTicks`), labelled with our own French/English month names through a Vega `labelExpr` lookup, so that
 * no Vega locale (global state) is involved.
 */
import type { Lang } from "../core/command.ts";
import { MONTHS, MONTHS_ALONE } from "../core/format.ts";
import { formatNumber } from "../core/i18n/index.ts";

export const DAY_MS = 86_400_000;

/** Tick values (UTC milliseconds), their labels, and the Vega-Lite axis properties that show them. */
export interface TimeAxis {
  values: number[];
  labels: string[];
  unit: "day" | "month" | "year";
  axis: Record<string, unknown>;
}

type Step = { unit: "day" | "month" | "year"; n: number };
const STEPS: Step[] = [
  ...[1, 2, 7, 14].map((n) => ({ unit: "day" as const, n })),
  ...[1, 2, 3, 6].map((n) => ({ unit: "month" as const, n })),
  ...[1, 2, 5, 10, 20, 50, 100].map((n) => ({ unit: "year" as const, n })),
];

function ticksFor(d0: number, d1: number, step: Step): number[] {
  const out: number[] = [];
  const start = new Date(d0);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  if (step.unit === "day") {
    let t = Date.UTC(y, m, start.getUTCDate());
    // Weekly ticks fall on Mondays.
    if (step.n >= 7) t += ((8 - new Date(t).getUTCDay()) % 7) * DAY_MS;
    if (t < d0) t += step.n * DAY_MS;
    for (; t <= d1 && out.length < 500; t += step.n * DAY_MS) out.push(t);
    return out;
  }
  if (step.unit === "month") {
    m = Math.ceil(m / step.n) * step.n;
    for (let t = Date.UTC(y, m, 1); t <= d1 && out.length < 500; m += step.n, t = Date.UTC(y, m, 1)) {
      if (t >= d0) out.push(t);
    }
    return out;
  }
  y = Math.ceil(y / step.n) * step.n;
  for (let t = Date.UTC(y, 0, 1); t <= d1 && out.length < 500; y += step.n, t = Date.UTC(y, 0, 1)) {
    if (t >= d0) out.push(t);
  }
  return out;
}

function label(t: number, unit: Step["unit"], withYear: boolean, lang: Lang): string {
  const d = new Date(t);
  const month = MONTHS[lang][d.getUTCMonth()] ?? "";
  const year = d.getUTCFullYear();
  if (unit === "year") return String(year);
  if (unit === "month") {
    const alone = MONTHS_ALONE[lang][d.getUTCMonth()] ?? "";
    return withYear ? `${alone} ${year}` : alone;
  }
  const day = d.getUTCDate();
  const text = lang === "en" ? `${month} ${day}` : `${day} ${month}`;
  return withYear ? `${text} ${year}` : text;
}

/**
 * Chooses ticks for the domain [d0, d1] (UTC ms) and labels them in `lang`; `fits` may drop a tick whose label
 * would not fit (e.g. one sticking out of the plot).
 */
export function timeAxis(
  d0: number,
  d1: number,
  lang: Lang,
  maxTicks = 6,
  fits: (t: number, label: string) => boolean = () => true,
): TimeAxis {
  let chosen: { step: Step; values: number[] } | undefined;
  for (const step of STEPS) {
    const values = ticksFor(d0, d1, step);
    if (values.length <= maxTicks && values.length > 0) {
      chosen = { step, values };
      break;
    }
  }
  const step = chosen?.step ?? { unit: "day", n: 1 };
  const values = chosen?.values ?? [d0];
  // The first label shown, and each one in a new year, carries the year: labelled again once ticks that do not
  // fit are dropped (a dropped first tick would otherwise leave the year unsaid), at most twice.
  const labelsOf = (ts: number[]) =>
    ts.map((t, i) => {
      const prev = ts[i - 1];
      const newYear = prev === undefined || new Date(prev).getUTCFullYear() !== new Date(t).getUTCFullYear();
      return label(t, step.unit, newYear, lang);
    });
  let shownValues = values;
  let shownLabels = labelsOf(values);
  for (let pass = 0; pass < 3; pass++) {
    const keep = shownValues.map((v, i) => fits(v, shownLabels[i] ?? ""));
    if (keep.every(Boolean)) break;
    shownValues = shownValues.filter((_, i) => keep[i]);
    shownLabels = labelsOf(shownValues);
  }
  const table = Object.fromEntries(shownValues.map((v, i) => [String(v), shownLabels[i] ?? ""]));
  return {
    values: shownValues,
    labels: shownLabels,
    unit: step.unit,
    axis: {
      values: shownValues,
      labelExpr: `${JSON.stringify(table)}[""+time(datum.value)] || ""`,
      title: null,
      grid: true,
      labelOverlap: false,
      labelFlush: true,
    },
  };
}

/**
 * The Vega expression writing an axis count `datum.value` as `formatCount` does: thousands separated by a comma in
 * English, by the language's space in French (narrow no-break) and Russian (no-break).
 */
export function axisCountExpr(lang: Lang): string {
  const sep = formatCount(1000, lang).charAt(1);
  return sep === "," ? "format(datum.value, ',d')" : `replace(format(datum.value, ',d'), ',', '${sep}')`;
}

/**
 * The count scale of a bar chart (who, trend) on `field`: from 0 to `max` plus `headroom` (1.1 = 10 % above the
 * highest bar), no title, whole numbers written as the language writes them, a light grid, no domain line or
 * ticks, about `tickCount` ticks.
 */
export function countY(field: string, max: number, headroom: number, lang: Lang, tickCount: number) {
  return {
    field,
    type: "quantitative" as const,
    scale: { domain: [0, Math.ceil(max * headroom)], nice: false },
    axis: {
      title: null,
      tickMinStep: 1,
      labelExpr: axisCountExpr(lang),
      gridColor: "#e3e3e3",
      domain: false,
      ticks: false,
      tickCount,
    },
  };
}

/** "1 234" (French, Russian: a no-break space) / "1,234" (English). */
export function formatCount(n: number, lang: Lang): string {
  return formatNumber(n, lang);
}
