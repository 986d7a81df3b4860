/**
 * Last-resort recovery for feeds no parser accepts: complete `<item>` / `<entry>` blocks are cut out of
 * the string with indexOf scanning (linear time, no backtracking) and their fields read the same way.
 */
import { findTagStart, htmlToText, inlineText } from "./html-text.ts";

/** Fields of one salvaged block, still raw (HTML in summary/content, unparsed date). */
export interface SalvagedItem {
  title: string | null;
  link: string | null;
  guid: string | null;
  date: string | null;
  author: string | null;
  summary: string | null;
  content: string | null;
}

/** Complete item/entry blocks of the document, in order; an unterminated last block is not returned. */
export function salvageBlocks(xml: string): string[] {
  const lower = xml.toLowerCase();
  const blocks: string[] = [];
  for (const name of ["item", "entry"]) {
    let pos = 0;
    for (;;) {
      const start = findTagStart(lower, `<${name}`, pos);
      if (start < 0) break;
      const end = lower.indexOf(`</${name}`, start);
      if (end < 0) break;
      const gt = lower.indexOf(">", end);
      blocks.push(xml.slice(start, gt < 0 ? xml.length : gt + 1));
      pos = gt < 0 ? xml.length : gt + 1;
    }
    if (blocks.length > 0) break;
  }
  return blocks;
}

/** Text of the first of `names` inside the block (CDATA unwrapped), or null. */
export function tagContent(block: string, names: readonly string[]): string | null {
  const lower = block.toLowerCase();
  for (const name of names) {
    const start = findTagStart(lower, `<${name}`, 1);
    if (start < 0) continue;
    const gt = lower.indexOf(">", start);
    if (gt < 0) continue;
    if (block.charAt(gt - 1) === "/") continue;
    const end = lower.indexOf(`</${name}`, gt + 1);
    if (end < 0) continue;
    const inner = block.slice(gt + 1, end).trim();
    const cdata = /^<!\[CDATA\[([\s\S]*?)\]\]>$/.exec(inner);
    return cdata ? (cdata[1] ?? "") : inner;
  }
  return null;
}

/** href of an Atom `<link>` (rel alternate or none), or null. */
function atomLink(block: string): string | null {
  const re = /<link\b[^>]*>/gi;
  for (let m = re.exec(block); m; m = re.exec(block)) {
    const tag = m[0];
    const href = /\shref\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    const rel = /\srel\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? "alternate";
    if (href && rel === "alternate") return href;
  }
  return null;
}

/** Reads the usual RSS/Atom/RDF fields of one block. */
export function salvageItem(block: string): SalvagedItem {
  const text = (v: string | null) => (v === null ? null : inlineText(v) || null);
  const about = /rdf:about\s*=\s*["']([^"']+)["']/i.exec(block.slice(0, 300))?.[1] ?? null;
  return {
    title: text(tagContent(block, ["title"])),
    link: text(tagContent(block, ["link"])) ?? atomLink(block) ?? about,
    guid: text(tagContent(block, ["guid", "id"])),
    date: text(tagContent(block, ["pubdate", "published", "updated", "dc:date"])),
    author: text(tagContent(block, ["dc:creator", "author"])),
    summary: wrap(tagContent(block, ["description", "summary"])),
    content: wrap(tagContent(block, ["content:encoded", "content"])),
  };
}

function wrap(v: string | null): string | null {
  if (v === null) return null;
  // escaped HTML (&lt;p&gt;) is the usual form in feeds: unescape once, then strip
  const unescaped = /&lt;[a-z/]/i.test(v)
    ? htmlToText(v.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"))
    : htmlToText(v);
  return unescaped || null;
}
