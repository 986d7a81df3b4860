/** Small readers for what reached the fake Discord: embeds, visible text, buttons. */
import type { Json } from "../../fakes/discord-rest.ts";

export interface EmbedLike {
  title?: string;
  description?: string;
  footer?: { text: string };
}

export function embedsOf(data: Json): EmbedLike[] {
  return Array.isArray(data.embeds) ? (data.embeds as EmbedLike[]) : [];
}

/** Markdown as sent (title, description, footer of every embed, plus content). */
export function rawText(data: Json): string {
  const parts = [typeof data.content === "string" ? data.content : ""];
  for (const e of embedsOf(data)) parts.push(e.title ?? "", e.description ?? "", e.footer?.text ?? "");
  return parts.filter(Boolean).join("\n");
}

/** What a member reads: markdown escapes removed, link targets dropped. */
export function visibleText(data: Json): string {
  return rawText(data)
    .replace(/\]\((https?:[^)]+)\)/g, "]")
    .replace(/(?<!\\)[[\]*]/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/\u200b/g, "");
}

/** custom_ids of the buttons of a message body, in order. */
export function buttonIds(data: Json): string[] {
  const rows = Array.isArray(data.components) ? (data.components as Json[]) : [];
  return rows.flatMap((r) => ((r.components as Json[] | undefined) ?? []).map((b) => String(b.custom_id)));
}

/** Whether the message disabled its buttons (◀ at first page, ▶ at last). */
export function buttonsDisabled(data: Json): boolean[] {
  const rows = Array.isArray(data.components) ? (data.components as Json[]) : [];
  return rows.flatMap((r) => ((r.components as Json[] | undefined) ?? []).map((b) => b.disabled === true));
}
