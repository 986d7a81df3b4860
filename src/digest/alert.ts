/**
 * Alerts: the new stories on a subscription's topics since its previous alert, in one post.
 */
import type { Lang, TopicInfo } from "../core/command.ts";
import type { DigestStory } from "../core/delivery.ts";
import type { PlatformLimits } from "../core/platform.ts";
import { line, type Reply } from "../core/reply.ts";
import { truncate } from "../core/text.ts";
import { linesCost } from "./budget.ts";
import { outletList } from "./compose.ts";
import { ds } from "./strings.ts";

/** The alert post for new stories, or null when there is none. */
export function composeAlert(
  stories: DigestStory[],
  total: number,
  opts: { lang: Lang; limits: PlatformLimits; topics: TopicInfo[]; filter: string[] },
): Reply | null {
  if (stories.length === 0) return null;
  const { lang, limits } = opts;
  const labels = opts.filter.map((s) => opts.topics.find((t) => t.slug === s)?.label[lang] ?? s);
  const title = labels.length > 0 ? ds(lang, "alertTitle", { topics: labels.join(", ") }) : ds(lang, "alertAll");
  const lines = [];
  let room = limits.messageBudget - title.length - 60;
  for (const s of stories) {
    const l = line(
      "• ",
      { text: truncate(s.title, 200), url: s.url ?? undefined, bold: !s.url },
      {
        text:
          s.sources.length > 0
            ? ` — ${outletList(
                s.sources.map((x) => x.name),
                lang,
              )}`
            : "",
        italic: true,
      },
    ).filter((x) => x.text !== "");
    const cost = linesCost([l], limits);
    if (cost > room) break;
    lines.push(l);
    room -= cost;
  }
  const hidden = total - lines.length;
  if (hidden > 0) lines.push(line({ text: ds(lang, "more", { count: hidden }), italic: true }));
  return { title, lines, linkPreview: false };
}
