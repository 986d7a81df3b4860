/**
 * Digest composition: pure functions from stories, a quote and anniversaries to one neutral Reply that
 * fits one message of the target platform, with a pointer to /latest for what did not fit.
 */
import type { Lang, TopicInfo } from "../core/command.ts";
import type { DigestStory } from "../core/delivery.ts";
import { formatLongDay } from "../core/format.ts";
import type { PlatformLimits } from "../core/platform.ts";
import type { Anniversary, QuoteRow } from "../core/queries.ts";
import { type Line, line, type Reply, type Span } from "../core/reply.ts";
import { quoteMarks, truncate } from "../core/text.ts";
import { anniversaryLine } from "./anniversaries.ts";
import { linesCost } from "./budget.ts";
import { ds } from "./strings.ts";

export interface DigestInput {
  frequency: "daily" | "weekly";
  /** Local day of the digest ("YYYY-MM-DD"). */
  localDate: string;
  /** Stories that arrived in the window, newest first. */
  stories: DigestStory[];
  /** Stories in the window in all (may exceed `stories.length` when the query was capped). */
  totalStories: number;
  quote: QuoteRow | null;
  anniversaries: Anniversary[];
}

export interface ComposeOptions {
  lang: Lang;
  /** The target platform's message budget and line cost. */
  limits: PlatformLimits;
  /** The taxonomy, in display order (group order and labels). */
  topics: TopicInfo[];
  /** The subscription's filter: a story is grouped under its first topic in the filter. */
  filter?: string[];
  /** Compose a post even when nothing arrived (default false: no empty digest). */
  sendEmpty?: boolean;
}

const OTHER = "";

/** Groups stories by topic, in taxonomy order, "other" last; each story appears once. */
export function groupByTopic(
  stories: DigestStory[],
  topics: TopicInfo[],
  filter: string[] = [],
): Array<{ slug: string; stories: DigestStory[] }> {
  const order = topics.map((t) => t.slug);
  const rank = (slug: string) => {
    const i = order.indexOf(slug);
    return i < 0 ? order.length : i;
  };
  const groups = new Map<string, DigestStory[]>();
  for (const s of stories) {
    const candidates = (filter.length > 0 ? s.topics.filter((t) => filter.includes(t)) : s.topics).sort(
      (a, b) => rank(a) - rank(b) || a.localeCompare(b),
    );
    const slug = candidates[0] ?? OTHER;
    const list = groups.get(slug) ?? [];
    list.push(s);
    groups.set(slug, list);
  }
  return [...groups.entries()]
    .map(([slug, list]) => ({ slug, stories: list }))
    .sort((a, b) => (a.slug === OTHER ? 1 : b.slug === OTHER ? -1 : rank(a.slug) - rank(b.slug)));
}

/** Picks the quote of the day: the first of a readable length (40–280 characters), else the first. */
export function pickQuote(quotes: QuoteRow[]): QuoteRow | null {
  return quotes.find((q) => q.text.length >= 40 && q.text.length <= 280) ?? quotes[0] ?? null;
}

/** Outlets named on a story line; more are counted ("A, B, C et 2 autres"). */
const NAMED_OUTLETS = 4;

/** The outlets of a story, by name: the title links to one article, the line says who else reports it. */
export function outletList(names: string[], lang: Lang): string {
  if (names.length <= NAMED_OUTLETS) return names.join(", ");
  const shown = names.slice(0, NAMED_OUTLETS - 1).join(", ");
  return ds(lang, "moreOutlets", { names: shown, count: names.length - (NAMED_OUTLETS - 1) });
}

function storyLine(s: DigestStory, lang: Lang): Line {
  const parts: Span[] = [{ text: "• " }, { text: truncate(s.title, 200), url: s.url ?? undefined, bold: !s.url }];
  const meta = outletList(
    s.sources.map((x) => x.name),
    lang,
  );
  if (meta) parts.push({ text: ` — ${meta}`, italic: true });
  return parts;
}

function quoteLines(q: QuoteRow, lang: Lang): Line[] {
  const who = q.speaker ? ` — ${q.speaker}` : "";
  return [
    line({ text: ds(lang, "quote"), bold: true }),
    line(
      { text: quoteMarks(truncate(q.text, 400), q.language), italic: true },
      who,
      q.url ? { text: " ↗", url: q.url } : "",
    ),
  ];
}

/** Composes a digest, or returns null when nothing arrived and empty digests are off. */
export function composeDigest(input: DigestInput, opts: ComposeOptions): Reply | null {
  const { lang, limits } = opts;
  if (input.stories.length === 0 && !opts.sendEmpty) return null;
  const date = formatLongDay(input.localDate, lang);
  const title = ds(lang, input.frequency === "weekly" ? "titleWeekly" : "titleDaily", { date });

  const tail: Line[] = [];
  if (input.quote) tail.push([], ...quoteLines(input.quote, lang));
  if (input.anniversaries.length > 0) {
    tail.push([], line({ text: ds(lang, "anniversaries"), bold: true }));
    for (const a of input.anniversaries.slice(0, 5)) tail.push(anniversaryLine(a, lang));
  }

  const body: Line[] = [];
  if (input.stories.length === 0) body.push(line(ds(lang, "empty")));
  const moreReserve = 60;
  let room = limits.messageBudget - title.length - linesCost(tail, limits) - moreReserve;
  let shown = 0;
  const labelOf = (slug: string) =>
    slug === OTHER ? ds(lang, "other") : (opts.topics.find((t) => t.slug === slug)?.label[lang] ?? slug);
  outer: for (const g of groupByTopic(input.stories, opts.topics, opts.filter)) {
    const header = line({ text: labelOf(g.slug), bold: true });
    const block: Line[] = body.length > 0 ? [[], header] : [header];
    for (const s of g.stories) {
      const l = storyLine(s, lang);
      const cost = linesCost(block.length > 0 ? [...block, l] : [l], limits);
      if (cost > room) break outer;
      body.push(...block, l);
      room -= cost;
      block.length = 0;
      shown++;
    }
  }
  const hidden = Math.max(0, input.totalStories - shown);
  if (hidden > 0) body.push([], line({ text: ds(lang, "more", { count: hidden }), italic: true }));
  return { title, lines: [...body, ...tail], linkPreview: false };
}
