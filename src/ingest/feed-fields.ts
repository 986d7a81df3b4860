/**
 * Feed elements → FeedItem fields, as the most used feed parser (Python's feedparser) reads them:
 * - text constructs by their type: base64 (`mode="base64"`, or a non-text MIME type) decoded, inline XHTML
 *   (`type="xhtml"`, `mode="xml"`, or bare child elements) kept as text, HTML stripped, plain text kept as is
 *   (so "1 &lt; 2" stays "1 < 2"); outside Atom, plain text that looks like HTML is read as HTML;
 * - dates: published, pubDate, Atom 0.3 issued/created, dcterms:issued/created, then updated, Atom 0.3
 *   modified, dcterms:modified, dc:date; the first value of each that parses;
 * - links: Atom alternate link, RSS link, else a guid that is a permalink (the default) and a URL, else
 *   rdf:about; guid: guid, id, rdf:about;
 * - author: Atom author name, author, dc:creator, dc:author;
 * - summary and content in document order: the first of description / dc:description / summary is the
 *   summary, a second one the content unless content:encoded, content, fullitem or xhtml:body gave it.
 */

import type { XmlElement } from "./feed-xml.ts";
import { htmlToText, inlineText, normaliseText } from "./html-text.ts";

export interface MappedItem {
  title: string;
  url: string | null;
  guid: string | null;
  publishedAt: Date | null;
  author: string | null;
  summary: string | null;
  content: string | null;
}

const PUBLISHED = ["published", "pubdate", "issued", "dcterms:issued", "created", "dcterms:created"];
const UPDATED = ["updated", "modified", "dcterms:modified", "dc:date"];
const FEED_DATES = ["pubdate", "lastbuilddate", "updated", "modified", "dc:date", "dcterms:modified", "published"];
const SUMMARIES = new Set(["description", "dc:description", "summary"]);
const CONTENTS = new Set(["content:encoded", "content", "fullitem", "xhtml:body", "body"]);

/** The item's fields; `atom` selects Atom's text-construct rules. */
export function mapItem(el: XmlElement, opts: { atom: boolean; base?: string }): MappedItem {
  const kids = elements(el);
  const title = find(kids, "title") ?? find(kids, "dc:title");
  let summary: XmlElement | null = null;
  let content: XmlElement | null = null;
  for (const k of kids) {
    if (SUMMARIES.has(k.name)) {
      if (!summary) summary = k;
      else content ??= k;
    } else if (CONTENTS.has(k.name) && !k.attrs.src) content ??= k;
  }
  const guidEl = find(kids, "guid");
  const guid = textOf(guidEl) || textOf(find(kids, "id")) || el.attrs["rdf:about"]?.trim() || null;
  return {
    title: clean(title ? construct(title, opts.atom, "text") : null) ?? "",
    url: itemLink(kids, guidEl, opts.base) ?? absolute(el.attrs["rdf:about"], baseOf(el, opts.base)),
    guid: guid ? inlineText(guid) || null : null,
    publishedAt: firstDate(kids, PUBLISHED) ?? firstDate(kids, UPDATED),
    author: author(kids),
    summary: summary ? construct(summary, opts.atom, "html") || null : null,
    content: content ? construct(content, opts.atom, "html") || null : null,
  };
}

/** Feed title and date from the header elements. */
export function mapHeader(els: XmlElement[], atom: boolean): { title: string | null; date: Date | null } {
  const title = find(els, "title") ?? find(els, "dc:title");
  let date: Date | null = null;
  for (const name of FEED_DATES) date ??= firstDate(els, [name]);
  return { title: clean(title ? construct(title, atom, "text") : null), date };
}

/** Plain text of a text construct (title, summary, content), decoded by its type and mode. */
export function construct(el: XmlElement, atom: boolean, fallback: "text" | "html"): string {
  const type = (el.attrs.type ?? "").trim().toLowerCase();
  const mode = (el.attrs.mode ?? "").trim().toLowerCase();
  const hasElements = el.children.some((c) => typeof c !== "string");
  if (mode === "base64" || (!hasElements && isBinaryType(type))) {
    const decoded = Buffer.from(textOf(el).replace(/\s+/g, ""), "base64").toString("utf8");
    return type.includes("html") || /<\/?[a-z][^>]*>/i.test(decoded) ? htmlToText(decoded) : plain(decoded);
  }
  if (hasElements || type === "xhtml" || type.endsWith("xhtml+xml") || mode === "xml") {
    return htmlToText(serialize(unwrapDiv(el.children)));
  }
  const text = textOf(el);
  if (type === "html" || type === "text/html" || mode === "escaped") return htmlToText(text);
  const declaredText = type === "text" || type === "text/plain";
  if (atom && (declaredText || type === "")) return plain(text);
  if (!declaredText && fallback === "html") return htmlToText(text);
  return looksLikeHtml(text) ? htmlToText(text) : plain(text);
}

/** The item's link, absolute: relative ones resolve against xml:base, then the feed URL. */
function itemLink(kids: XmlElement[], guidEl: XmlElement | null, feedUrl?: string): string | null {
  const links = kids.filter((k) => k.name === "link");
  for (const l of links) {
    const rel = (l.attrs.rel ?? "alternate").trim().toLowerCase();
    if (l.attrs.href && rel === "alternate") return absolute(l.attrs.href, baseOf(l, feedUrl));
  }
  for (const l of links) if (textOf(l)) return absolute(textOf(l), baseOf(l, feedUrl));
  if (guidEl && (guidEl.attrs.ispermalink ?? "true").trim().toLowerCase() === "true") {
    const g = textOf(guidEl);
    if (/^https?:\/\/\S+$/i.test(g)) return absolute(g);
  }
  return null;
}

/** The element's xml:base (already resolved against enclosing ones), itself resolved against the feed URL. */
function baseOf(el: XmlElement, feedUrl?: string): string | undefined {
  const b = el.attrs["xml:base"];
  if (!b) return feedUrl;
  try {
    return new URL(b, feedUrl).href;
  } catch {
    return feedUrl;
  }
}

function author(kids: XmlElement[]): string | null {
  for (const name of ["author", "dc:creator", "dc:author", "itunes:author"]) {
    const el = find(kids, name);
    if (!el) continue;
    const nameEl = find(elements(el), "name");
    const raw = nameEl ? textOf(nameEl) : textOf(el);
    // RSS writes "email (Name)"
    const v = /^\S+@\S+\s*\((.+)\)$/.exec(raw)?.[1] ?? raw;
    const text = clean(v);
    if (text) return text;
  }
  return null;
}

function firstDate(kids: XmlElement[], names: readonly string[]): Date | null {
  for (const k of kids) {
    if (!names.includes(k.name)) continue;
    const d = parseDate(textOf(k));
    if (d) return d;
  }
  return null;
}

/** RFC 822 and ISO 8601 dates as JavaScript reads them; null when unreadable. */
export function parseDate(v: string): Date | null {
  const s = v.trim();
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

function isBinaryType(type: string): boolean {
  if (type === "" || type === "text" || type === "html" || type === "xhtml") return false;
  return !type.startsWith("text/") && !type.endsWith("/xml") && !type.endsWith("+xml");
}

/** feedparser's test: a closing tag or a character reference. */
function looksLikeHtml(s: string): boolean {
  return /<\/[a-z][a-z0-9]*\s*>/i.test(s) || /&#?[a-z0-9]+;/i.test(s);
}

/** Atom's inline XHTML sits in one wrapping <div>, which is not part of the content. */
function unwrapDiv(children: Array<XmlElement | string>): Array<XmlElement | string> {
  const els = children.filter((c) => typeof c !== "string");
  const onlyDiv = els.length === 1 && els[0]?.local.toLowerCase() === "div";
  const textOutside = children.some((c) => typeof c === "string" && c.trim() !== "");
  const div = onlyDiv && !textOutside ? els[0] : undefined;
  return div ? div.children : children;
}

function serialize(nodes: Array<XmlElement | string>): string {
  let out = "";
  for (const n of nodes) {
    if (typeof n === "string") out += n.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    else out += `<${n.local}>${serialize(n.children)}</${n.local}>`;
  }
  return out;
}

function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string");
}

function find(els: XmlElement[], name: string): XmlElement | null {
  return els.find((e) => e.name === name) ?? null;
}

/** Concatenated text of an element and its descendants, trimmed. */
function textOf(el: XmlElement | null): string {
  if (!el) return "";
  const parts: string[] = [];
  const walk = (n: XmlElement) => {
    for (const c of n.children) {
      if (typeof c === "string") parts.push(c);
      else walk(c);
    }
  };
  walk(el);
  return parts.join("").trim();
}

/** Plain text kept as written (no markup stripped), spaces collapsed, paragraphs kept. */
function plain(s: string): string {
  return normaliseText(s);
}

/** One line, spaces collapsed; NBSP kept (French typography puts it before ":", "»" …). */
function clean(v: string | null): string | null {
  if (v === null) return null;
  return v.replace(/[ \t\r\n\f\v\u200b]+/g, " ").trim() || null;
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
