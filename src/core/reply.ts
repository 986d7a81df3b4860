/**
 * The platform-neutral message model. Commands return a Reply; each adapter renders it
 * (Telegram HTML, Discord embeds, console text) and splits or pages it to fit its limits.
 * Text in spans is plain text: adapters escape it.
 */

/** A run of text with optional formatting or a link. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** Makes the span a link. Only http(s) URLs are rendered as links. */
  url?: string;
}

/** One line of a reply: a list of spans. Adapters never split a line across two messages unless it alone exceeds the limit. */
export type Line = Span[];

/** A file sent with the reply where the platform allows it (OPML export, long lists). */
export interface Attachment {
  filename: string;
  mime: string;
  content: string;
}

/**
 * A picture sent with the reply (a chart), as PNG bytes. When a reply has one, its title, lines and footer are
 * the picture's caption: each adapter sends as much of them with the picture as its platform allows (Telegram
 * 1,024 characters) and the rest as follow-up text. Built by src/pictures through `Services.pictures`.
 */
export interface Picture {
  png: Uint8Array;
  /** File name ending in .png; Discord embeds refer to it as `attachment://<filename>`. */
  filename: string;
  width: number;
  height: number;
  /** One-sentence description of what the picture shows (alt text, console listing). */
  alt: string;
}

/** A chart ready to draw: a Vega-Lite specification (plain JSON); the renderer reports the picture's size. */
export interface Chart {
  /** Vega-Lite specification with its data inlined; built by src/pictures, opaque to everyone else. */
  spec: Record<string, unknown>;
  /** File name ending in .png. */
  filename: string;
  /** One-sentence description of what the chart shows. */
  alt: string;
}

/**
 * A button under a reply that runs a command for whoever presses it: "🖼 image" under a text timeline runs the
 * same /timeline with `image`. Adapters keep actions in memory under a short id (a bounded store, lost on
 * restart: the button then says to run the command again).
 */
export interface ReplyAction {
  label: string;
  command: string;
  /** The command's options, as parsed (the dispatcher does not parse them again). */
  options: Record<string, string | number | boolean>;
}

export interface Reply {
  /** Optional heading, rendered bold (Telegram) or as the embed title (Discord). */
  title?: string;
  /** The body, one entry per line. Long bodies are paged by the adapter (buttons next/previous). */
  lines: Line[];
  /** Small print after the body (source counts, hints). */
  footer?: string;
  /** "error" replies are ephemeral on Discord; "empty" means nothing matched. */
  kind?: "ok" | "empty" | "error";
  /** Show only to the caller where the platform supports it (Discord ephemeral). */
  ephemeral?: boolean;
  /** Show link previews (default false: digests and lists would otherwise be dominated by one preview). */
  linkPreview?: boolean;
  attachment?: Attachment;
  /** A chart shown with the reply; the text becomes its caption (see Picture). */
  picture?: Picture;
  /**
   * A chart still to draw (scheduled posts: the outbox keeps the specification, not the bytes; delivery draws it
   * and sends it as `picture`, or sends the text alone when drawing fails). Adapters never see it.
   */
  chart?: Chart;
  /** Buttons under the reply (under its last message, or its pages), each running a command. */
  actions?: ReplyAction[];
}

/** Builds a line from plain strings and spans. */
export function line(...parts: Array<string | Span>): Line {
  return parts.map((p) => (typeof p === "string" ? { text: p } : p));
}

/** Plain text of a line, for console output, length checks and tests. */
export function lineText(l: Line): string {
  return l.map((s) => s.text).join("");
}

/** Plain text of a whole reply, for console output and tests. */
export function replyText(r: Reply): string {
  const out: string[] = [];
  if (r.title) out.push(r.title);
  for (const l of r.lines) out.push(lineText(l));
  if (r.footer) out.push(r.footer);
  return out.join("\n");
}
