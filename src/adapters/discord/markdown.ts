/**
 * Discord markdown for plain text: user and article text must never become formatting, links or mentions.
 * Spans of a Reply are plain text; this file turns them into safe Discord markdown.
 */
import type { Line, Span } from "../../core/reply.ts";

/** Characters that start or end Discord markdown anywhere in a line (also `<` for `<@id>`, `<#id>`, `<t:…>`). */
const INLINE_SPECIAL = /[\\*_~`|[\]()<>#]/;
/** Markers that only mean something at the start of a line: headings, quotes, lists, subtext. */
const LINE_START = /^(\s*)([-+>#]|\d+\.)/;

/**
 * Escapes plain text for Discord markdown (embed descriptions, titles, message content).
 * Newlines become spaces, `@everyone`/`@here` get a zero-width space so they never read as mentions.
 */
export function escapeMarkdown(text: string): string {
  let out = "";
  for (const ch of text.replace(/[\r\n\u2028\u2029]+/g, " ")) {
    out += INLINE_SPECIAL.test(ch) ? `\\${ch}` : ch;
  }
  out = out.replace(/@(everyone|here)/gi, "@\u200b$1");
  return out.replace(LINE_START, (_m, space: string, marker: string) =>
    marker.endsWith(".") ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`,
  );
}

/** Escapes `text` and shortens it (with an ellipsis) so the escaped form has at most `max` characters. */
export function escapeWithin(text: string, max: number): string {
  const full = escapeMarkdown(text);
  if (full.length <= max) return full;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapeMarkdown(text.slice(0, mid)).length + 1 <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${escapeMarkdown(text.slice(0, lo))}…`;
}

/** The URL to use in a masked link, or null when it is not http(s) or not a valid URL. */
export function safeLinkUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const href = parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20");
  return href.length <= 1000 ? href : null;
}

/** Renders one span: escaped text, then code, link, bold and italic wrappers. */
export function renderSpan(span: Span): string {
  if (span.text === "") return "";
  if (span.code) {
    // Backslashes do not escape inside code spans: replace backticks with a look-alike instead.
    const inner = span.text.replace(/[\r\n]+/g, " ").replace(/`/g, "ˋ");
    return `\`${inner}\``;
  }
  let out = escapeMarkdown(span.text);
  const url = safeLinkUrl(span.url);
  if (url) out = `[${out}](${url})`;
  if (span.bold && span.italic) return `***${out}***`;
  if (span.bold) return `**${out}**`;
  if (span.italic) return `*${out}*`;
  return out;
}

/** Renders a line; line-start markers in the first span are escaped by `escapeMarkdown` already. */
export function renderLine(line: Line): string {
  return line.map(renderSpan).join("");
}
