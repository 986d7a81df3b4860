/**
 * Renders the neutral `Reply` model to Telegram HTML and cuts it into messages that Telegram accepts.
 *
 * Telegram's rules this file follows:
 * - only `<b>`, `<i>`, `<code>` and `<a href>` (http/https) are emitted; `&`, `<`, `>` and `"` are escaped;
 * - a message may hold at most 4096 characters *after entity parsing*, counted in UTF-16 code units: tags do
 *   not count and `&amp;` counts as one;
 * - a tag is never cut in half: long spans are cut as plain text and each piece is wrapped again.
 */
import type { Line, Reply, Span } from "../../core/reply.ts";

/** Telegram's limit for a text message, in UTF-16 code units after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** A piece of HTML together with the length Telegram will count for it. */
export interface Rendered {
  html: string;
  /** UTF-16 code units of the text after entity parsing. */
  length: number;
}

/** Escapes text for Telegram HTML (also safe inside a double-quoted attribute). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Makes arbitrary text safe to send: lone surrogates become U+FFFD (Telegram rejects invalid UTF-8) and
 * control characters other than newline and tab are removed.
 */
export function sanitizeText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return s.replace(LONE_SURROGATE, "\ufffd").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/** True for URLs Telegram will accept in `<a href>`: absolute http(s) only. */
export function isSafeUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** Renders one span; its length is the length of its (sanitised) text. */
export function renderSpan(span: Span): Rendered {
  const text = sanitizeText(span.text);
  let html = escapeHtml(text);
  if (span.code && !isSafeUrl(span.url)) {
    // `code` may not contain other entities, so it is rendered alone.
    return { html: `<code>${html}</code>`, length: text.length };
  }
  if (span.italic) html = `<i>${html}</i>`;
  if (span.bold) html = `<b>${html}</b>`;
  if (isSafeUrl(span.url)) html = `<a href="${escapeHtml(span.url)}">${html}</a>`;
  return { html, length: text.length };
}

/** Renders a line (no splitting). */
export function renderLine(l: Line): Rendered {
  let html = "";
  let length = 0;
  for (const s of l) {
    const r = renderSpan(s);
    html += r.html;
    length += r.length;
  }
  return { html, length };
}

/** Cuts a string into pieces of at most `max` UTF-16 units, never between a surrogate pair, preferring spaces. */
export function cutText(s: string, max: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > max) {
    let cut = max;
    const space = rest.lastIndexOf(" ", max - 1);
    if (space > max * 0.6) cut = space + 1;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    // A pair cannot be cut; with max = 1 the caller accepts one 2-unit piece rather than looping forever.
    if (cut <= 0) cut = Math.min(2, rest.length);
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}

/**
 * Splits a line whose text exceeds `max` into several lines of at most `max` units each. Spans are cut as
 * text, so every resulting line is well-formed on its own.
 */
export function splitLine(l: Line, max: number): Line[] {
  const clean = l.map((s) => ({ ...s, text: sanitizeText(s.text) }));
  if (clean.reduce((n, s) => n + s.text.length, 0) <= max) return [clean];
  const lines: Line[] = [];
  let current: Span[] = [];
  let room = max;
  for (const span of clean) {
    let text = span.text;
    while (text.length > 0) {
      if (room < 2 && current.length > 0) {
        lines.push(current);
        current = [];
        room = max;
      }
      const [head = "", ...tail] = text.length > room ? cutText(text, room) : [text];
      current.push({ ...span, text: head });
      room -= head.length;
      text = tail.join("");
      if (text.length > 0) room = 0;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** The parts of a reply that frame the body: bold title first, italic footer last. */
function frame(reply: Reply): { head: Rendered | null; foot: Rendered | null } {
  const head = reply.title ? renderSpan({ text: reply.title.slice(0, 512), bold: true }) : null;
  const foot = reply.footer ? renderSpan({ text: reply.footer.slice(0, 1024), italic: true }) : null;
  return { head, foot };
}

/** Joins rendered lines with newlines (each newline counts as one unit). */
function join(parts: Rendered[]): Rendered {
  return {
    html: parts.map((p) => p.html).join("\n"),
    length: parts.reduce((n, p) => n + p.length, 0) + Math.max(0, parts.length - 1),
  };
}

/** Telegram trims messages; a message that is only whitespace is refused, so such chunks are dropped. */
function hasVisibleText(r: Rendered): boolean {
  return r.html.replace(/<[^>]*>/g, "").trim().length > 0;
}

export interface PackOptions {
  /** Maximum length of one message (default 4096). */
  maxLength?: number;
  /** Maximum body lines per chunk (default: unlimited). Used for paging. */
  maxLines?: number;
  /** Repeat the title and footer on every chunk (pages) instead of first/last message only. */
  repeatFrame?: boolean;
}

/**
 * Cuts a reply into chunks (messages or pages) of at most `maxLength` units, on line boundaries.
 * A line longer than a chunk is split by `splitLine`. Returns at least one chunk.
 */
export function packReply(reply: Reply, opts: PackOptions = {}): Rendered[] {
  const max = opts.maxLength ?? TELEGRAM_TEXT_LIMIT;
  const maxLines = opts.maxLines ?? Number.POSITIVE_INFINITY;
  const { head, foot } = frame(reply);
  const frameLen = (head ? head.length + 1 : 0) + (foot ? foot.length + 2 : 0);
  const room = Math.max(64, max - frameLen);
  const body = reply.lines.flatMap((l) => splitLine(l, room)).map(renderLine);

  const chunks: Rendered[][] = [];
  let current: Rendered[] = [];
  let used = 0;
  for (const r of body) {
    const add = (current.length > 0 ? 1 : 0) + r.length;
    if (current.length > 0 && (used + add > room || current.length >= maxLines)) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    used += (current.length > 0 ? 1 : 0) + r.length;
    current.push(r);
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);

  const out = chunks.map((lines, i) => {
    const parts: Rendered[] = [];
    if (head && (opts.repeatFrame || i === 0)) parts.push(head);
    parts.push(...lines);
    if (foot && (opts.repeatFrame || i === chunks.length - 1)) parts.push({ html: "", length: 0 }, foot);
    return join(parts);
  });
  const visible = out.filter(hasVisibleText);
  return visible.length > 0 ? visible : [{ html: "…", length: 1 }];
}
