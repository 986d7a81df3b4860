/** The picture answer of `/timeline … image`: the same entries as the text timeline, drawn on a time axis. */
import type { CommandRequest } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import type { TimelineEntry } from "../src/core/queries.ts";
import { line, type Reply } from "../src/core/reply.ts";
import { buildTimelineChart } from "../src/pictures/timeline-chart.ts";
import { dayOf, fontMetrics, withPicture } from "./_pictures.ts";

/** Draws `entries` (not empty); the caption counts them, gives the span and how many have no label. */
export async function timelinePicture(
  req: CommandRequest,
  title: string,
  entries: TimelineEntry[],
  query: string | undefined,
): Promise<Reply> {
  const built = buildTimelineChart({ entries, lang: req.lang, title, metrics: fontMetrics() });
  const first = Math.min(...built.rows.map((r) => r.start));
  const last = Math.max(...built.rows.map((r) => r.end)) - 86_400_000;
  const lines = [
    line(
      t(req.lang, "timeline.pictureSummary", {
        count: entries.length,
        from: dayOf(first, req.lang),
        to: dayOf(last, req.lang),
      }),
    ),
  ];
  if (built.unlabelled > 0) {
    const more = t(req.lang, "timeline.pictureMore", { count: built.unlabelled, query: query ?? "" });
    lines.push(line(more.replace(/ {2,}/g, " ")));
  }
  return withPicture(req, built.chart, { title, lines });
}
