/**
 * Renders a Reply as terminal text: title underlined, links shown after their text, ANSI bold/italic
 * only when the output is a colour terminal.
 */
import type { Reply, Span } from "../../core/reply.ts";

export interface TextStyle {
  color: boolean;
}

function span(s: Span, style: TextStyle): string {
  let text = s.text;
  if (s.url && /^https?:\/\//.test(s.url) && s.url !== s.text) text = `${text} <${s.url}>`;
  if (!style.color) return text;
  if (s.bold) text = `\x1b[1m${text}\x1b[22m`;
  if (s.italic) text = `\x1b[3m${text}\x1b[23m`;
  return text;
}

export function renderText(reply: Reply, style: TextStyle = { color: false }): string {
  const out: string[] = [];
  if (reply.title) {
    out.push(style.color ? `\x1b[1m${reply.title}\x1b[22m` : reply.title);
    out.push("─".repeat(Math.min(60, reply.title.length)));
  }
  for (const l of reply.lines) out.push(l.map((s) => span(s, style)).join(""));
  if (reply.footer) out.push("", reply.footer);
  if (reply.attachment) out.push("", `[${reply.attachment.filename}, ${reply.attachment.content.length} bytes]`);
  return out.join("\n");
}
