/**
 * Proactive sends (digests, alerts): a Reply posted to a channel or thread through discord.js's REST queue,
 * which honours per-route buckets, the global limit and 429 Retry-After, and retries 5xx.
 */
import type { APIMessage, REST } from "discord.js";
import { DiscordAPIError, HTTPError, RateLimitError, Routes } from "discord.js";
import type { ChatRef } from "../../core/command.ts";
import type { SendResult } from "../../core/platform.ts";
import type { Reply } from "../../core/reply.ts";
import { embedWithPicture, fitsUpload, pictureFile } from "./picture.ts";
import { packEmbeds, type RenderOptions, renderPages } from "./render.ts";

/** JSON error codes meaning "stop sending there": unknown channel/guild, missing access/permissions, DMs closed. */
const PERMANENT_CODES = new Set([10003, 10004, 50001, 50007, 50013]);

/** Maps a REST failure to a SendResult: permanent for lost access, temporary otherwise. */
export function mapSendError(err: unknown): SendResult & { ok: false } {
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === "number" ? err.code : Number(err.code);
    const permanent = PERMANENT_CODES.has(code) || err.status === 403 || err.status === 404;
    // Another 4xx (400 invalid form body, 413 too large) refuses the message itself: retrying cannot help.
    const rejected = !permanent && err.status >= 400 && err.status < 500 && err.status !== 429;
    return {
      ok: false,
      permanent,
      ...(rejected ? { rejected: true } : {}),
      error: `${err.status} ${err.code}: ${err.message}`,
    };
  }
  if (err instanceof RateLimitError) {
    return { ok: false, permanent: false, retryAfterMs: err.retryAfter, error: `rate limited on ${err.route}` };
  }
  if (err instanceof HTTPError) return { ok: false, permanent: false, error: `${err.status} ${err.message}` };
  return { ok: false, permanent: false, error: String(err) };
}

/**
 * Posts `reply` to `target` (its thread when set) as one or more messages of at most 10 embeds / 6000 characters.
 * The picture (shown in the first embed) and the attachment, if any, go with the first message. Stops at the first failure (earlier messages stay posted).
 */
export async function sendToChannel(
  rest: REST,
  target: ChatRef,
  reply: Reply,
  render?: RenderOptions,
): Promise<SendResult> {
  const channelId = target.threadId ?? target.id;
  const messages = packEmbeds(renderPages(reply, { linesPerPage: 25, ...render }));
  const picture = reply.picture && fitsUpload(reply.picture) ? reply.picture : undefined;
  const first = messages[0]?.[0];
  if (picture && first) messages[0]?.splice(0, 1, embedWithPicture(first, picture));
  const ids: string[] = [];
  try {
    for (const [n, embeds] of messages.entries()) {
      const files: Array<{ name: string; data: Buffer; contentType: string }> = [];
      if (n === 0 && picture) files.push(pictureFile(picture));
      const att = n === 0 ? reply.attachment : undefined;
      if (att) files.push({ name: att.filename, data: Buffer.from(att.content, "utf8"), contentType: att.mime });
      const body = {
        embeds,
        allowed_mentions: { parse: [] },
        ...(files.length > 0 ? { attachments: files.map((f, id) => ({ id, filename: f.name })) } : {}),
      };
      const msg = (await rest.post(Routes.channelMessages(channelId), {
        body,
        ...(files.length > 0 ? { files } : {}),
      })) as APIMessage;
      ids.push(msg.id);
    }
  } catch (err) {
    return mapSendError(err);
  }
  return { ok: true, messageIds: ids };
}
