/**
 * Feed parsing with three levels of leniency: rss-parser (strict XML), then @rowanmanning/feed-parser
 * (tolerates unescaped `&`, unclosed `<br>`, truncation), then salvage of complete item blocks.
 * What happened is reported in `errors`; only documents with nothing to recover throw FeedParseError.
 */
import { parseFeed as lenientParse } from "@rowanmanning/feed-parser";
import Parser from "rss-parser";
import { FeedParseError } from "../core/errors.ts";
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

const MAX_ITEMS = 10_000;

/** Parses an RSS 2.0, Atom or RDF document. `url` resolves relative links and discovered feeds. */
export async function parseFeed(xml: string, url?: string): Promise<ParsedFeed> {
  const kind = sniffDocument(xml);
  if (kind.kind !== "feed") throw notAFeed(kind, xml, url);
  const format = kind.format;
  const errors: string[] = [];
  try {
    // a fresh parser per call: rss-parser reuses one xml2js parser whose state is unreliable after an error
    const out = await new Parser().parseString(xml);
    const items = out.items.slice(0, MAX_ITEMS).map((i) => fromStrict(i as Record<string, unknown>, format, url));
    return { title: clean(out.title), format, items, errors };
  } catch (err) {
    errors.push(`strict XML parsing failed (${shortMessage(err)})`);
  }
  const complete = salvageBlocks(xml);
  const truncated = !closesRoot(xml, format);
  try {
    const feed = lenientParse(escapeBareBreaks(xml));
    let items = feed.items.slice(0, MAX_ITEMS).map((i) => fromLenient(i, url));
    if (truncated && items.length > complete.length) items = items.slice(0, complete.length);
    if (items.length > 0 || complete.length === 0) {
      errors.push(`recovered ${items.length} item(s) with the lenient parser`);
      if (truncated) errors.push(`the document is truncated; items after the cut are lost`);
      return { title: clean(feed.title), format, items, errors };
    }
  } catch (err) {
    errors.push(`lenient parsing failed (${shortMessage(err)})`);
  }
  if (complete.length === 0)
    throw new FeedParseError("the feed could not be parsed and has no complete item", { errors });
  const items = complete.map((b) => fromSalvage(b, url));
  errors.push(`salvaged ${items.length} complete item(s) from broken XML`);
  if (truncated) errors.push("the document is truncated; items after the cut are lost");
  const title = /<title[^>]*>([^<]{1,500})<\/title>/i.exec(xml)?.[1];
  return { title: title ? clean(title) : null, format, items, errors };
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
      return new FeedParseError(`this is an HTML page, not a feed${hint}`, { discoveredFeeds: feeds });
    }
    case "json":
      return new FeedParseError("this is JSON, not an RSS or Atom feed");
    case "binary":
      return new FeedParseError("this is binary data, not a feed");
    case "empty":
      return new FeedParseError("the document is empty");
    case "xml":
      return new FeedParseError(`this is an XML document with root <${kind.root}>, not an RSS, Atom or RDF feed`);
    default:
      return new FeedParseError("this is plain text, not a feed");
  }
}

function closesRoot(xml: string, format: ParsedFeed["format"]): boolean {
  const tail = xml.slice(-512).toLowerCase();
  if (format === "rss") return tail.includes("</rss");
  if (format === "atom") return /<\/([\w-]+:)?feed\s*>/.test(tail);
  return tail.includes("rdf>");
}

function fromStrict(i: Record<string, unknown>, format: ParsedFeed["format"], base?: string): FeedItem {
  const atom = format === "atom";
  const summaryHtml = atom ? str(i.summary) : str(i.content);
  const contentHtml = atom ? str(i.content) : str(i["content:encoded"]);
  return {
    title: clean(str(i.title)) ?? "",
    url: absolute(str(i.link) ?? str(i["rdf:about"]), base),
    guid: clean(str(i.guid) ?? str(i.id)),
    publishedAt: toDate(str(i.isoDate) ?? str(i.pubDate)),
    author: clean(str(i.creator) ?? str(i.author) ?? str(i["dc:creator"])),
    summary: textOrNull(summaryHtml),
    content: textOrNull(contentHtml),
  };
}

type LenientItem = ReturnType<typeof lenientParse>["items"][number];

function fromLenient(i: LenientItem, base?: string): FeedItem {
  return {
    title: clean(i.title) ?? "",
    url: absolute(i.url, base),
    guid: clean(i.id),
    publishedAt: validDate(i.published ?? i.updated),
    author: clean(i.authors[0]?.name ?? null),
    summary: textOrNull(i.description),
    content: textOrNull(i.content),
  };
}

function fromSalvage(block: string, base?: string): FeedItem {
  const s = salvageItem(block);
  return {
    title: s.title ?? "",
    url: absolute(s.link, base),
    guid: s.guid,
    publishedAt: toDate(s.date),
    author: s.author,
    summary: s.summary,
    content: s.content,
  };
}

/** A string field of parser output (xml2js may leave objects such as `{ _: "text" }`). */
function str(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return str(o._ ?? o.name ?? null);
  }
  return null;
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

function toDate(v: string | null): Date | null {
  if (!v) return null;
  return validDate(new Date(v.trim()));
}

function validDate(d: Date | null | undefined): Date | null {
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

function shortMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split("\n")[0]?.slice(0, 200) ?? "unknown error";
}
