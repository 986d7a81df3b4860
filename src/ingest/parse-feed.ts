/**
 * Feed parsing with three levels of leniency: a strict streaming read (./feed-xml.ts, sax) mapped as
 * feedparser maps feeds (./feed-fields.ts), then @rowanmanning/feed-parser (tolerates unescaped `&`,
 * unclosed `<br>`, truncation), then salvage of complete item blocks. Items stream out as they are read, so
 * a big feed is stored batch by batch instead of held whole. What happened is reported in `errors`; only
 * documents with nothing to recover throw FeedParseError. An item without a date takes the feed's date.
 */
import { parseFeed as lenientParse } from "@rowanmanning/feed-parser";
import { FeedParseError, messageOf } from "../core/errors.ts";
import { mapHeader, mapItem, parseDate } from "./feed-fields.ts";
import { type FeedText, textFromString } from "./feed-text.ts";
import { type FeedHeader, readFeedXml } from "./feed-xml.ts";
import { htmlToText, inlineText } from "./html-text.ts";
import { salvageBlocks, salvageItem } from "./salvage.ts";
import { type DocumentKind, discoverFeedLinks, sniffDocument } from "./sniff.ts";

/** One feed entry as text (HTML stripped, entities decoded). */
export interface FeedItem {
  /** Empty string when the feed gives none. */
  title: string;
  /** Absolute link as written in the feed (not canonicalised), or null. */
  url: string | null;
  guid: string | null;
  /** The item's date, else the feed's (channel pubDate, lastBuildDate, updated), else null. */
  publishedAt: Date | null;
  author: string | null;
  summary: string | null;
  content: string | null;
}

export interface ParsedFeed {
  title: string | null;
  format: "rss" | "atom" | "rdf";
  items: FeedItem[];
  /** Problems met and how they were worked around (empty for a clean feed). */
  errors: string[];
}

/** A feed being read: `items` parses as it is iterated; `title` and `errors` are complete after it. */
export interface FeedStream {
  format: ParsedFeed["format"];
  items: Iterable<FeedItem>;
  /** Item elements counted in the text (for progress; the parse decides the real number). */
  expectedItems: number;
  readonly title: string | null;
  readonly errors: string[];
}

/** Parses an RSS 2.0, Atom or RDF document. `url` resolves relative links and discovered feeds. */
export async function parseFeed(xml: string | FeedText, url?: string): Promise<ParsedFeed> {
  const stream = openFeed(xml, url);
  const items = [...stream.items];
  return { title: stream.title, format: stream.format, items, errors: stream.errors };
}

/**
 * Opens a document (a string, or a file's text read slice by slice: ./feed-text.ts) as a feed stream; throws
 * FeedParseError at once when it is not a feed.
 */
export function openFeed(input: string | FeedText, url?: string): FeedStream {
  const text = typeof input === "string" ? textFromString(input) : input;
  const kind = sniffDocument(text.head);
  if (kind.kind !== "feed") throw notAFeed(kind, typeof input === "string" ? input : text.head, url);
  const state = { title: null as string | null, errors: [] as string[] };
  return {
    format: kind.format,
    items: { [Symbol.iterator]: () => readItems(text, kind.format, url, state) },
    expectedItems: text.countItemTags(),
    get title() {
      return state.title;
    },
    get errors() {
      return state.errors;
    },
  };
}

function* readItems(
  text: FeedText,
  format: ParsedFeed["format"],
  url: string | undefined,
  state: { title: string | null; errors: string[] },
): Generator<FeedItem> {
  const atom = format === "atom";
  const header: FeedHeader = { elements: [], hasChannel: false };
  let read = 0;
  try {
    for (const el of readFeedXml(text.slices(), header)) {
      const h = mapHeader(header.elements, atom);
      state.title = h.title;
      const item = mapItem(el, { atom, base: url });
      read++;
      yield { ...item, publishedAt: item.publishedAt ?? h.date };
    }
    state.title = mapHeader(header.elements, atom).title;
    if (format === "rss" && !header.hasChannel) noChannel(read, state.errors);
    return;
  } catch (err) {
    if (err instanceof FeedParseError) throw err;
    state.errors.push(`strict XML parsing failed (${shortMessage(err)})`);
  }
  // Items already handed out are not repeated: the lenient parsers read the same items in the same order.
  const skip = (items: FeedItem[]) => {
    if (read > 0) state.errors.push(`${read} item(s) read before the error were kept`);
    return items.slice(read);
  };
  // the fallbacks need the whole document at once (broken feeds are small in practice)
  const xml = text.whole();
  const complete = salvageBlocks(xml);
  const truncated = !closesRoot(xml, format);
  const headDate = feedDateIn(xml);
  try {
    const feed = lenientParse(escapeBareBreaks(xml));
    const date = validDate(feed.published ?? feed.updated) ?? headDate;
    let items = feed.items.map((i) => fromLenient(i, date, url));
    if (truncated && items.length > complete.length) items = items.slice(0, complete.length);
    if (items.length > 0 || complete.length === 0) {
      state.title = clean(feed.title);
      if (format === "rss" && !/<channel[\s>]/i.test(xml)) noChannel(items.length, state.errors);
      state.errors.push(`recovered ${items.length} item(s) with the lenient parser`);
      if (truncated) state.errors.push(`the document is truncated; items after the cut are lost`);
      yield* skip(items);
      return;
    }
  } catch (err) {
    if (err instanceof FeedParseError) throw err;
    state.errors.push(`lenient parsing failed (${shortMessage(err)})`);
  }
  if (complete.length === 0)
    throw new FeedParseError(
      "the feed could not be parsed and has no complete item",
      { errors: state.errors },
      { reason: { key: "reason.unparseable" } },
    );
  const items = complete.map((b) => fromSalvage(b, headDate, url));
  state.errors.push(`salvaged ${items.length} complete item(s) from broken XML`);
  if (truncated) state.errors.push("the document is truncated; items after the cut are lost");
  const title = /<title[^>]*>([^<]{1,500})<\/title>/i.exec(xml)?.[1];
  state.title = title ? clean(title) : null;
  yield* skip(items);
}

/** RSS 0.9x/2.0 items live in a <channel>: without one, items found elsewhere are read, none is an error. */
function noChannel(items: number, errors: string[]): void {
  if (items === 0)
    throw new FeedParseError(
      "this <rss> document has no <channel>, so it has no items to read",
      {},
      { reason: { key: "reason.noChannel" } },
    );
  errors.push("the <rss> document has no <channel>; its items were read anyway");
}

/** The feed's own date in broken XML: the first channel/feed date element before the first item. */
function feedDateIn(xml: string): Date | null {
  const firstItem = xml.search(/<(item|entry)[\s>]/i);
  const head = xml.slice(0, firstItem < 0 ? 65_536 : Math.min(firstItem, 65_536));
  const m = /<(pubDate|lastBuildDate|updated|dc:date|modified)>([^<]{1,100})</i.exec(head);
  return m ? parseDate(m[2] ?? "") : null;
}

/**
 * Turns `<br>` written raw inside text elements into escaped markup, outside CDATA sections, so the
 * lenient parser keeps the line break instead of gluing the words around it.
 */
function escapeBareBreaks(xml: string): string {
  let out = "";
  let pos = 0;
  for (;;) {
    const start = xml.indexOf("<![CDATA[", pos);
    const plain = xml.slice(pos, start < 0 ? xml.length : start);
    out += plain.replace(/<br\s*\/?>/gi, "&lt;br&gt;");
    if (start < 0) return out;
    const end = xml.indexOf("]]>", start);
    if (end < 0) return out + xml.slice(start);
    out += xml.slice(start, end + 3);
    pos = end + 3;
  }
}

function notAFeed(kind: DocumentKind, text: string, url?: string): FeedParseError {
  switch (kind.kind) {
    case "html": {
      const feeds = discoverFeedLinks(text, url);
      const hint = feeds.length > 0 ? `; it advertises a feed at ${feeds[0]}` : "";
      const reason = feeds[0]
        ? { key: "reason.htmlWithFeed" as const, params: { url: feeds[0] } }
        : { key: "reason.html" as const };
      return new FeedParseError(`this is an HTML page, not a feed${hint}`, { discoveredFeeds: feeds }, { reason });
    }
    case "json":
      return new FeedParseError("this is JSON, not an RSS or Atom feed", {}, { reason: { key: "reason.json" } });
    case "binary":
      return new FeedParseError("this is binary data, not a feed", {}, { reason: { key: "reason.binary" } });
    case "empty":
      return new FeedParseError("the document is empty", {}, { reason: { key: "reason.empty" } });
    case "xml":
      return new FeedParseError(
        `this is an XML document with root <${kind.root}>, not an RSS, Atom or RDF feed`,
        {},
        { reason: { key: "reason.xmlRoot", params: { root: kind.root } } },
      );
    default:
      return new FeedParseError("this is plain text, not a feed", {}, { reason: { key: "reason.plainText" } });
  }
}

function closesRoot(xml: string, format: ParsedFeed["format"]): boolean {
  const tail = xml.slice(-512).toLowerCase();
  if (format === "rss") return tail.includes("</rss");
  if (format === "atom") return /<\/([\w-]+:)?feed\s*>/.test(tail);
  return tail.includes("rdf>");
}

type LenientItem = ReturnType<typeof lenientParse>["items"][number];

function fromLenient(i: LenientItem, feedDate: Date | null, base?: string): FeedItem {
  return {
    title: clean(i.title) ?? "",
    url: absolute(i.url, base),
    guid: clean(i.id),
    publishedAt: validDate(i.published ?? i.updated) ?? feedDate,
    author: clean(i.authors[0]?.name ?? null),
    summary: textOrNull(i.description),
    content: textOrNull(i.content),
  };
}

function fromSalvage(block: string, feedDate: Date | null, base?: string): FeedItem {
  const s = salvageItem(block);
  return {
    title: s.title ?? "",
    url: absolute(s.link, base),
    guid: s.guid,
    publishedAt: (s.date ? parseDate(s.date) : null) ?? feedDate,
    author: s.author,
    summary: s.summary,
    content: s.content,
  };
}

function clean(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return inlineText(v) || null;
}

function textOrNull(html: string | null | undefined): string | null {
  if (!html) return null;
  return htmlToText(html) || null;
}

function absolute(link: string | null | undefined, base?: string): string | null {
  const l = link?.trim();
  if (!l) return null;
  try {
    return new URL(l, base).toString();
  } catch {
    return null;
  }
}

function validDate(d: Date | null | undefined): Date | null {
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

function shortMessage(err: unknown): string {
  const m = messageOf(err);
  return m.split("\n")[0]?.slice(0, 200) ?? "unknown error";
}
