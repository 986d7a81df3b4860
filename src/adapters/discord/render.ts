/**
 * Renders a neutral Reply as Discord embeds within Discord's limits, split into pages.
 * Each page is one embed; the adapter shows one page per message with ◀ ▶ buttons, or packs pages into
 * messages for proactive sends.
 */
import type { APIEmbed } from "discord.js";
import { lineText, type Reply } from "../../core/reply.ts";
import { escapeMarkdown, escapeWithin, renderLine } from "./markdown.ts";

/** Discord's documented message and embed limits (characters unless noted). */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Sum of title, description, field names/values, footer and author over all embeds of a message. */
  embedsTotal: 6000,
  /** Embeds per message. */
  embeds: 10,
  customId: 100,
  choices: 25,
  choiceName: 100,
} as const;

/** Embed colours by reply kind. */
const COLORS = { ok: 0x2b6cb0, empty: 0x718096, error: 0xc53030 } as const;

export interface RenderOptions {
  /** Lines shown per page (default 10): long lists are easier to read paged than as one wall of text. */
  linesPerPage?: number;
  /** Cap on the description length (default and maximum 4096). */
  descriptionMax?: number;
}

/** Number of characters Discord counts towards the 6000 total for an embed. */
export function embedSize(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  n += e.author?.name.length ?? 0;
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Renders `reply` as one embed per page (at least one). Page numbers go in the footer when there are several. */
export function renderPages(reply: Reply, opts: RenderOptions = {}): APIEmbed[] {
  const perPage = Math.max(1, opts.linesPerPage ?? 10);
  const title = reply.title ? escapeWithin(reply.title, DISCORD_LIMITS.title) : undefined;
  // Leave room for " · 999/999" in the footer; footers show raw text, so they are not escaped.
  const footerBase = reply.footer ? truncatePlain(reply.footer.replace(/\s+/g, " "), DISCORD_LIMITS.footer - 12) : "";
  const descMax = Math.min(
    opts.descriptionMax ?? DISCORD_LIMITS.description,
    DISCORD_LIMITS.description,
    DISCORD_LIMITS.embedsTotal - (title?.length ?? 0) - DISCORD_LIMITS.footer,
  );

  const blocks: string[] = [];
  for (const l of reply.lines) {
    const r = renderLine(l);
    if (r.length <= descMax) blocks.push(r);
    else blocks.push(...splitLongText(lineText(l), descMax));
  }

  const bodies: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const b of blocks) {
    const add = (current.length > 0 ? 1 : 0) + b.length;
    if (current.length > 0 && (current.length >= perPage || size + add > descMax)) {
      bodies.push(current.join("\n"));
      current = [];
      size = 0;
    }
    size += (current.length > 0 ? 1 : 0) + b.length;
    current.push(b);
  }
  if (current.length > 0) bodies.push(current.join("\n"));
  if (bodies.length === 0) bodies.push("");

  const color = COLORS[reply.kind ?? "ok"];
  return bodies.map((body, i) => {
    const embed: APIEmbed = { color };
    if (title) embed.title = title;
    if (body.trim() !== "") embed.description = body;
    const pageLabel = bodies.length > 1 ? `${i + 1}/${bodies.length}` : "";
    const footer = [footerBase, pageLabel].filter(Boolean).join(" · ");
    if (footer) embed.footer = { text: footer };
    if (!embed.title && !embed.description) embed.description = "\u200b";
    return embed;
  });
}

/**
 * Groups embeds into messages of at most 10 embeds and 6000 characters, for proactive sends where
 * buttons make no sense (digests fan out to many channels and outlive the page cache).
 */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let cur: APIEmbed[] = [];
  let total = 0;
  for (const e of embeds) {
    const n = embedSize(e);
    if (cur.length > 0 && (cur.length >= DISCORD_LIMITS.embeds || total + n > DISCORD_LIMITS.embedsTotal)) {
      messages.push(cur);
      cur = [];
      total = 0;
    }
    cur.push(e);
    total += n;
  }
  if (cur.length > 0) messages.push(cur);
  return messages;
}

/** Splits one over-long line into escaped chunks of at most `max` characters (escaping at most doubles length). */
function splitLongText(text: string, max: number): string[] {
  const step = Math.max(1, Math.floor((max - 2) / 2));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += step) out.push(escapeMarkdown(text.slice(i, i + step)));
  return out;
}

function truncatePlain(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
