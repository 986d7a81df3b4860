/**
 * What kind of document a string is, decided from its first bytes: a feed (RSS, Atom, RDF), an HTML
 * page, JSON, binary data, empty, or something else. Used before parsing so errors can say what was found.
 */
import { decodeEntities } from "./html-text.ts";

export type DocumentKind =
  | { kind: "feed"; format: "rss" | "atom" | "rdf" }
  | { kind: "html" }
  | { kind: "json" }
  | { kind: "binary" }
  | { kind: "empty" }
  | { kind: "xml"; root: string }
  | { kind: "text" };

/** True when the text has NUL characters or many control characters (a decoded binary file). */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control / n > 0.1;
}

/** Classifies a document from its start (BOM, XML declaration, comments and doctype are skipped). */
export function sniffDocument(text: string): DocumentKind {
  const head = text.slice(0, 65_536).replace(/^\uFEFF/, "");
  if (head.trim() === "") return { kind: "empty" };
  if (looksBinary(head)) return { kind: "binary" };
  const start = skipProlog(head);
  const first = start.charAt(0);
  if (first === "{" || first === "[") return { kind: "json" };
  if (first !== "<") return /<html\b/i.test(head.slice(0, 4096)) ? { kind: "html" } : { kind: "text" };
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(start)?.[1] ?? "";
  const local = root.toLowerCase();
  if (local === "rss") return { kind: "feed", format: "rss" };
  if (local === "feed" || local.endsWith(":feed")) return { kind: "feed", format: "atom" };
  if (local === "rdf:rdf" || local === "rdf") return { kind: "feed", format: "rdf" };
  if (local === "html" || /^<!doctype\s+html/i.test(start) || /^<(head|body|meta|div|p)\b/i.test(start))
    return { kind: "html" };
  if (root === "") return { kind: "text" };
  return { kind: "xml", root };
}

/** Drops the XML declaration, processing instructions, comments and doctype (except an HTML doctype). */
function skipProlog(s: string): string {
  let rest = s.trimStart();
  for (let guard = 0; guard < 50; guard++) {
    if (rest.startsWith("<?")) {
      const end = rest.indexOf("?>");
      if (end < 0) return rest;
      rest = rest.slice(end + 2).trimStart();
    } else if (rest.startsWith("<!--")) {
      const end = rest.indexOf("-->");
      if (end < 0) return "";
      rest = rest.slice(end + 3).trimStart();
    } else if (/^<!doctype\s+(?!html)/i.test(rest)) {
      const end = doctypeEnd(rest);
      if (end < 0) return rest;
      rest = rest.slice(end + 1).trimStart();
    } else break;
  }
  return rest;
}

/**
 * Index of the '>' closing a DOCTYPE that starts `s`: an internal subset (`[ <!ENTITY … > ]`) and quoted
 * strings may hold '>' themselves. -1 when it does not close.
 */
function doctypeEnd(s: string): number {
  let quote = "";
  let subset = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[") subset = true;
    else if (c === "]") subset = false;
    else if (c === ">" && !subset) return i;
  }
  return -1;
}

/**
 * Feed URLs an HTML page advertises with `<link rel="alternate" type="application/rss+xml|atom+xml" href>`,
 * resolved against the page URL when one is given.
 */
export function discoverFeedLinks(html: string, pageUrl?: string): string[] {
  const found: string[] = [];
  const re = /<link\b[^>]*>/gi;
  const head = html.slice(0, 262_144);
  for (let m = re.exec(head); m && found.length < 10; m = re.exec(head)) {
    const tag = m[0];
    const rel = attr(tag, "rel")?.toLowerCase() ?? "";
    const type = attr(tag, "type")?.toLowerCase() ?? "";
    const href = attr(tag, "href");
    if (!href || !rel.split(/\s+/).includes("alternate")) continue;
    if (!/application\/(rss|atom|rdf)\+xml|application\/feed\+json/.test(type)) continue;
    try {
      const abs = pageUrl ? new URL(decodeEntities(href), pageUrl).toString() : decodeEntities(href);
      if (!found.includes(abs)) found.push(abs);
    } catch {
      // unusable href
    }
  }
  return found;
}

function attr(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i");
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}
