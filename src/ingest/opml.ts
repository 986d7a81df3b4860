/**
 * OPML 1.0/2.0 subscription lists: a strict little reader (well-formedness checked, no DTDs or entities
 * beyond XML's five, http(s) feed URLs only) and a writer. Reading is all-or-nothing: any problem throws a
 * UserInputError naming the line, so an import never stores half a file.
 */
import { UserInputError } from "../core/errors.ts";

/** One feed listed in an OPML file. */
export interface OpmlEntry {
  url: string;
  title: string | null;
  /** Raw `category` values split on "," and "/" (the caller maps them to topics). */
  categories: string[];
}

/** A source as written to OPML. */
export interface OpmlSource {
  url: string;
  title: string | null;
  topics: string[];
}

/** Most feeds one file may list. */
export const MAX_OPML_ENTRIES = 1000;

const NAME = "[A-Za-z_][\\w:.-]*";
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, "y");
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "g");
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function fail(message: string, xml: string, at: number): never {
  const lineNo = xml.slice(0, at).split("\n").length;
  throw new UserInputError(`malformed OPML (line ${lineNo}): ${message}`);
}

/** Decodes XML entities; a bare "&" is an error. */
function decode(raw: string, xml: string, at: number): string {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf("&", i);
    if (amp < 0) return out + raw.slice(i);
    out += raw.slice(i, amp);
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(raw);
    if (!m) fail("unescaped '&' (write &amp;)", xml, at);
    if (m[1]) out += NAMED[m[1]];
    else {
      const code = m[2] ? Number(m[2]) : Number.parseInt(m[3] ?? "", 16);
      if (code > 0x10ffff || code === 0) fail("invalid character reference", xml, at);
      out += String.fromCodePoint(code);
    }
    i = amp + m[0].length;
  }
  return out;
}

function attributes(raw: string, xml: string, at: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(ATTR)) out.set((m[1] ?? "").toLowerCase(), decode(m[2] ?? m[3] ?? "", xml, at));
  return out;
}

/** Skips a construct starting at `i` that is not an element (`<?…?>`, comment, CDATA); -1 when none. */
function skipSpecial(xml: string, i: number): number {
  const pairs: Array<[string, string]> = [
    ["<?", "?>"],
    ["<!--", "-->"],
    ["<![CDATA[", "]]>"],
  ];
  for (const [open, close] of pairs) {
    if (!xml.startsWith(open, i)) continue;
    const end = xml.indexOf(close, i + open.length);
    if (end < 0) fail(`unterminated ${open}`, xml, i);
    return end + close.length;
  }
  return -1;
}

/** Reads the feeds of an OPML document. Throws UserInputError("malformed OPML …") on any problem. */
export function parseOpml(xml: string): OpmlEntry[] {
  const text = xml.replace(/^\uFEFF/, "");
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) fail("DTDs and entity declarations are not accepted", text, 0);
  const stack: string[] = [];
  const entries: OpmlEntry[] = [];
  const seen = new Set<string>();
  let root: string | null = null;
  let sawBody = false;
  let localFiles = 0;
  let i = 0;
  for (;;) {
    const lt = text.indexOf("<", i);
    const chunk = text.slice(i, lt < 0 ? undefined : lt);
    if (stack.length === 0 && chunk.trim()) fail("text outside the root element", text, i);
    if (stack.length > 0) decode(chunk, text, i);
    if (lt < 0) break;
    const special = skipSpecial(text, lt);
    if (special >= 0) {
      i = special;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) fail("broken tag", text, lt);
    const [whole, closing, name = "", rawAttrs = "", selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) fail(`unexpected </${name}>`, text, lt);
    } else {
      if (stack.length === 0) {
        if (root !== null) fail("more than one root element", text, lt);
        root = name;
        if (name.toLowerCase() !== "opml") fail(`the root element is <${name}>, not <opml>`, text, lt);
      }
      if (name.toLowerCase() === "body") sawBody = true;
      if (name.toLowerCase() === "outline") {
        const attrs = attributes(rawAttrs, text, lt);
        const url = attrs.get("xmlurl")?.trim();
        if (url) addEntry(entries, seen, url, attrs, text, lt);
        else if (/^file:/i.test(attrs.get("url")?.trim() ?? "")) localFiles++;
      }
      if (!selfClosing) stack.push(name);
    }
    i = lt + whole.length;
  }
  if (root === null) fail("no <opml> element (is this an OPML file?)", text, 0);
  if (stack.length > 0) fail(`<${stack[stack.length - 1]}> is never closed`, text, text.length);
  if (!sawBody) fail("no <body> element", text, 0);
  if (entries.length === 0 && localFiles > 0) {
    throw new UserInputError(
      `the OPML file lists no feed to import: its ${localFiles} local feed file(s) are listed for reference only (add them on the bot's machine with newsbot ingest FILE)`,
    );
  }
  if (entries.length === 0) throw new UserInputError("the OPML file lists no feed (no outline with an xmlUrl)");
  return entries;
}

function addEntry(
  entries: OpmlEntry[],
  seen: Set<string>,
  url: string,
  attrs: Map<string, string>,
  xml: string,
  at: number,
): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    fail(`invalid feed URL "${url.slice(0, 100)}"`, xml, at);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    fail(`only http(s) feeds can be imported (got "${url.slice(0, 100)}")`, xml, at);
  }
  const href = parsed.toString();
  if (seen.has(href)) return;
  seen.add(href);
  if (entries.length >= MAX_OPML_ENTRIES) {
    throw new UserInputError(`the OPML file lists more than ${MAX_OPML_ENTRIES} feeds`);
  }
  const title = (attrs.get("title") ?? attrs.get("text") ?? "").trim().slice(0, 300) || null;
  const categories = (attrs.get("category") ?? "")
    .split(/[,/]/)
    .map((c) => c.trim())
    .filter(Boolean);
  entries.push({ url: href, title, categories });
}

function escapeAttr(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\p{Cc}/gu, (c) => (c === "\t" || c === "\n" || c === "\r" ? c : ""));
}

/** The label of the group of local feed files in an export (readers skip outlines without `xmlUrl`). */
const LOCAL_GROUP = "Local feed files (for reference: no feed reader can fetch them; re-add with newsbot ingest FILE)";

/**
 * Writes an OPML 2.0 document listing every source: http(s) feeds as subscriptions (topics become the
 * `category` attribute); sources read from local files (file: URLs) in a separate group, as outlines with
 * their file URL in `url` and no `xmlUrl`, so other readers and our import skip them instead of failing.
 */
export function buildOpml(sources: OpmlSource[], opts: { title?: string; now?: Date } = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    "  <head>",
    `    <title>${escapeAttr(opts.title ?? "newsbot sources")}</title>`,
    `    <dateCreated>${(opts.now ?? new Date()).toUTCString()}</dateCreated>`,
    "  </head>",
    "  <body>",
  ];
  const local: OpmlSource[] = [];
  for (const s of sources) {
    if (!isFeedUrl(s.url)) {
      local.push(s);
      continue;
    }
    const name = escapeAttr(s.title ?? s.url);
    const category = s.topics.length > 0 ? ` category="${escapeAttr(s.topics.map((t) => `/${t}`).join(","))}"` : "";
    lines.push(`    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeAttr(s.url)}"${category}/>`);
  }
  if (local.length > 0) {
    lines.push(`    <outline text="${escapeAttr(LOCAL_GROUP)}">`);
    for (const s of local) {
      const name = escapeAttr(s.title ?? s.url);
      lines.push(`      <outline type="link" text="${name}" title="${name}" url="${escapeAttr(s.url)}"/>`);
    }
    lines.push("    </outline>");
  }
  lines.push("  </body>", "</opml>", "");
  return lines.join("\n");
}

/** True for the sources an OPML export lists as subscriptions (http and https feeds). */
export function isFeedUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
