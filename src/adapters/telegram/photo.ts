/**
 * Replies with a picture: `sendPhoto` with as much of the reply as fits in a caption, the rest as follow-up
 * messages. Telegram's limits: a caption holds at most 1,024 characters after entity parsing; a photo at most
 * 10 MB, width + height ≤ 10,000 and a side ratio ≤ 20 — a picture beyond them goes as a document instead.
 */
import { type Api, InputFile } from "grammy";
import type { Picture, Reply } from "../../core/reply.ts";
import type { Target } from "./deliver.ts";
import { packReply, type Rendered, renderLine, renderSpan, splitLine } from "./render.ts";

/** Telegram's caption limit, in UTF-16 code units after entity parsing. */
export const TELEGRAM_CAPTION_LIMIT = 1024;
/** Telegram's limits for `sendPhoto`. */
export const TELEGRAM_PHOTO_LIMITS = { bytes: 10 * 1024 * 1024, sides: 10_000, ratio: 20 } as const;

/** How a picture reply is sent: the caption, then follow-up messages with what did not fit. */
export interface CaptionPlan {
  caption: Rendered;
  followUps: Rendered[];
}

/**
 * Puts the title and as many whole body lines as fit (then the footer, if it still fits) in the caption; the
 * remaining lines and the footer become follow-up messages of at most 4,096 characters.
 */
export function planCaption(reply: Reply, max = TELEGRAM_CAPTION_LIMIT): CaptionPlan {
  const parts: Rendered[] = [];
  let used = 0;
  const add = (r: Rendered): boolean => {
    const n = (parts.length > 0 ? 1 : 0) + r.length;
    if (used + n > max) return false;
    parts.push(r);
    used += n;
    return true;
  };
  if (reply.title) add(renderSpan({ text: reply.title.slice(0, 200), bold: true }));
  const split = reply.lines.flatMap((l) => splitLine(l, max));
  const body = split.map(renderLine);
  let taken = 0;
  while (taken < body.length) {
    const next = body[taken];
    if (!next || !add(next)) break;
    taken++;
  }
  const footerFits =
    taken === body.length && (!reply.footer || add(renderSpan({ text: reply.footer.slice(0, 512), italic: true })));
  const caption = { html: parts.map((p) => p.html).join("\n"), length: used };
  if (taken === body.length && footerFits) return { caption, followUps: [] };
  const rest: Reply = {
    lines: split.slice(taken),
    ...(reply.footer ? { footer: reply.footer } : {}),
  };
  return { caption, followUps: packReply(rest) };
}

/** True when Telegram accepts the picture as a photo (else it is sent as a document). */
export function fitsPhoto(p: Picture): boolean {
  const L = TELEGRAM_PHOTO_LIMITS;
  const ratio = Math.max(p.width, p.height) / Math.max(1, Math.min(p.width, p.height));
  return p.png.byteLength <= L.bytes && p.width + p.height <= L.sides && ratio <= L.ratio;
}

/**
 * Sends the picture with its caption (`sendPhoto`, or `sendDocument` beyond the photo limits); returns the
 * message id. The follow-ups are the caller's (see deliver.ts `sendPlanned`), so that proactive sends stay paced.
 */
export async function sendPicture(api: Api, target: Target, picture: Picture, caption: Rendered): Promise<number> {
  const file = new InputFile(Buffer.from(picture.png), picture.filename);
  const other = {
    ...(caption.length > 0 ? { caption: caption.html, parse_mode: "HTML" as const } : {}),
    ...(target.threadId ? { message_thread_id: target.threadId } : {}),
  };
  const sent = fitsPhoto(picture)
    ? await api.sendPhoto(target.chatId, file, other)
    : await api.sendDocument(target.chatId, file, other);
  return sent.message_id;
}
