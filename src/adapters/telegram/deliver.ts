/**
 * Sends a rendered `Reply` to a chat: split messages, or the first page of a paged list with its keyboard,
 * then the attachment if any. Also maps Bot API failures to the neutral `SendResult`.
 */
import { type Api, GrammyError, HttpError, InputFile } from "grammy";
import type { ActionStore } from "../../core/action-store.ts";
import { messageOf } from "../../core/errors.ts";
import type { SendResult } from "../../core/platform.ts";
import type { Reply } from "../../core/reply.ts";
import { actionRows, type InlineButton, type PageStore, pageKeyboard } from "./pager.ts";
import { planCaption, sendPicture } from "./photo.ts";
import { packReply, type Rendered } from "./render.ts";

/** Where a message goes: chat id and forum topic. */
export interface Target {
  chatId: number | string;
  threadId?: number;
}

/** How a reply becomes messages. */
export interface Plan {
  messages: Rendered[];
  /** Set when the reply is paged: only `messages[0]` is sent, with a keyboard to the other pages. */
  pageId?: string;
  /** Set when the reply has a picture: the photo with this caption goes first, then `messages` (never paged). */
  caption?: Rendered;
  /** The reply's action buttons: under every page, or under the last message. */
  actionRows?: InlineButton[][];
}

/**
 * Decides between paging and splitting. Lists longer than `pageLines` lines are paged (when `pages` is given)
 * with at most `pageLines` lines and 4096 characters per page; shorter replies are split into as many
 * messages as needed.
 */
export function planReply(reply: Reply, pageLines: number, pages?: PageStore, actions?: ActionStore): Plan {
  if (reply.picture) {
    const p = planCaption(reply);
    return { messages: p.followUps, caption: p.caption };
  }
  const rows = actionRows(reply, actions);
  const withRows = rows.length > 0 ? { actionRows: rows } : {};
  if (pages && reply.lines.length > pageLines) {
    const paged = packReply(reply, { maxLines: pageLines, repeatFrame: true });
    if (paged.length > 1) {
      const pageId = pages.put({ pages: paged, linkPreview: reply.linkPreview === true, extraRows: rows });
      return { messages: paged, pageId, ...withRows };
    }
  }
  return { messages: packReply(reply), ...withRows };
}

/** Options common to every text message of a reply. */
export function messageOptions(target: Target, linkPreview: boolean) {
  return {
    parse_mode: "HTML" as const,
    link_preview_options: { is_disabled: !linkPreview },
    ...(target.threadId ? { message_thread_id: target.threadId } : {}),
  };
}

/** Sends one message of a plan (index `i`; with a picture, 0 is the photo); returns its message id. */
export async function sendPlanned(api: Api, target: Target, reply: Reply, plan: Plan, i: number): Promise<number> {
  if (plan.caption && reply.picture) {
    if (i === 0) return sendPicture(api, target, reply.picture, plan.caption);
    i -= 1;
  }
  const msg = plan.messages[i];
  if (!msg) throw new Error(`no message ${i} in plan`);
  const rows = plan.actionRows ?? [];
  const markup =
    plan.pageId !== undefined
      ? { reply_markup: pageKeyboard(plan.pageId, 0, plan.messages.length, rows) }
      : rows.length > 0 && i === plan.messages.length - 1
        ? { reply_markup: { inline_keyboard: rows } }
        : {};
  const sent = await api.sendMessage(target.chatId, msg.html, {
    ...messageOptions(target, reply.linkPreview === true),
    ...markup,
  });
  return sent.message_id;
}

/** Number of messages a plan sends (a paged plan sends only its first page). */
export function planSize(plan: Plan): number {
  if (plan.caption) return 1 + plan.messages.length;
  return plan.pageId !== undefined ? 1 : plan.messages.length;
}

/** Sends the reply's attachment as a document, if there is one. */
export async function sendAttachment(api: Api, target: Target, reply: Reply): Promise<number | null> {
  const a = reply.attachment;
  if (!a) return null;
  const file = new InputFile(Buffer.from(a.content, "utf8"), a.filename);
  const sent = await api.sendDocument(
    target.chatId,
    file,
    target.threadId ? { message_thread_id: target.threadId } : {},
  );
  return sent.message_id;
}

/** 400 descriptions that mean the chat is gone for us (no point retrying). */
const PERMANENT_400 =
  /chat not found|bot was kicked|not enough rights|have no rights|PEER_ID_INVALID|group chat was upgraded|CHAT_WRITE_FORBIDDEN|need administrator rights/i;

/**
 * Maps a Bot API failure to a `SendResult`: 403 and "chat not found" are permanent; other 400s reject the message;
 * 429 carries retryAfterMs.
 */
export function failureResult(err: unknown): Extract<SendResult, { ok: false }> {
  if (err instanceof GrammyError) {
    const retry = err.parameters.retry_after;
    const base = { error: `${err.error_code}: ${err.description}` };
    if (err.error_code === 429) {
      return { ok: false, permanent: false, retryAfterMs: Math.round((retry ?? 1) * 1000), ...base };
    }
    if (err.error_code === 403) return { ok: false, permanent: true, ...base };
    if (err.error_code === 400 && PERMANENT_400.test(err.description)) return { ok: false, permanent: true, ...base };
    // Any other 400/413 refuses the message itself (too long, bad markup): sending it again cannot succeed.
    if (err.error_code === 400 || err.error_code === 413)
      return { ok: false, permanent: false, rejected: true, ...base };
    return { ok: false, permanent: false, ...base };
  }
  if (err instanceof HttpError) return { ok: false, permanent: false, error: `network: ${err.message}` };
  return { ok: false, permanent: false, error: messageOf(err) };
}
