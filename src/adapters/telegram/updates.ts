/**
 * Incoming updates: commands in messages and channel posts go to `core.handle`; page buttons edit the
 * paged message in place. Replies keep the forum topic (`message_thread_id`) of the command.
 */
import type { Bot, Context } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import type { ActionStore } from "../../core/action-store.ts";
import type { ChatRef, ChatType, CommandAttachment, UserRef } from "../../core/command.ts";
import { pickLang, t } from "../../core/i18n/index.ts";
import type { Logger } from "../../core/logger.ts";
import type { BotCore, FileFetcher, SendResult } from "../../core/platform.ts";
import { line, type Reply } from "../../core/reply.ts";
import { adminCheck } from "./admin.ts";
import { parseCommand } from "./commands.ts";
import { type PageStore, pageKeyboard, parseActionData, parsePageData } from "./pager.ts";
import { tgText } from "./strings.ts";

/** What the update handlers need from the adapter. */
export interface HandlerDeps {
  core: BotCore;
  logger: Logger;
  owners: ReadonlySet<string>;
  /** The paged replies the ◀ ▶ buttons turn. */
  pages: PageStore;
  /** The actions of reply buttons ("🖼 image" under a timeline). */
  actions: ActionStore;
  /**
   * Sends a command's reply to its chat (paged, with its buttons): the adapter's one send path, with its send
   * queue and failure mapping.
   */
  reply(chat: ChatRef, reply: Reply): Promise<SendResult>;
  /** Downloads a document (SSRF-safe, Bot API file host allowlisted); absent = documents are ignored. */
  fetchFile?: FileFetcher;
  /** The download URL of a `file_path` returned by getFile. */
  fileUrl(path: string): string;
}

/** Installs the message, channel-post and callback-query handlers on `bot`. */
export function installHandlers(bot: Bot, deps: HandlerDeps): void {
  const known = new Set(deps.core.commands.map((c) => c.name));

  bot.on(["message:text", "channel_post:text"], async (ctx) => {
    const msg = ctx.msg;
    if (!msg?.text) return;
    await onCommandMessage(ctx, msg, msg.text, msg.entities, undefined);
  });

  // A document whose caption is a command (/importsources): the file goes with the command.
  bot.on(["message:document", "channel_post:document"], async (ctx) => {
    const msg = ctx.msg;
    const doc = msg?.document;
    if (!msg || !doc || !msg.caption?.startsWith("/") || !deps.fetchFile) return;
    const fetchFile = deps.fetchFile;
    const attachment: CommandAttachment = {
      filename: doc.file_name ?? "document",
      size: doc.file_size ?? null,
      fetch: async (maxBytes) => {
        const file = await ctx.api.getFile(doc.file_id);
        if (!file.file_path) throw new Error("Telegram returned no file path");
        return fetchFile(deps.fileUrl(file.file_path), maxBytes);
      },
    };
    await onCommandMessage(ctx, msg, msg.caption, msg.caption_entities, attachment);
  });

  async function onCommandMessage(
    ctx: Context,
    msg: Message,
    text: string,
    entities: MessageEntity[] | undefined,
    attachment: CommandAttachment | undefined,
  ): Promise<void> {
    const me = ctx.me.username;
    const isPrivate = msg.chat.type === "private";
    const parsed = parseCommand(text, entities, me);
    const chat = chatRefOf(msg);
    const lang = pickLang(msg.from?.language_code);
    if (!parsed) {
      const startsWithCommand = entities?.[0]?.type === "bot_command" && entities[0].offset === 0;
      if (isPrivate && !startsWithCommand && !attachment) {
        await deps.reply(chat, { lines: [line(t(lang, "chat.plainText"))] });
      }
      return;
    }
    // In groups, unknown commands may belong to another bot: answer them only when addressed to us.
    if (!known.has(parsed.name) && !isPrivate && !parsed.addressed) return;
    const user: UserRef = {
      id: String(msg.from?.id ?? msg.sender_chat?.id ?? ""),
      name: msg.from?.username ?? msg.from?.first_name ?? msg.sender_chat?.title,
      isAdmin: adminCheck(
        ctx.api,
        deps.owners,
        {
          chat: msg.chat,
          ...(msg.from ? { from: msg.from } : {}),
          ...(msg.sender_chat ? { senderChat: msg.sender_chat } : {}),
        },
        deps.logger,
      ),
      isOwner: async () => msg.from !== undefined && deps.owners.has(String(msg.from.id)),
    };
    const reply = await deps.core.handle({
      command: parsed.name,
      args: parsed.args,
      lang,
      chat,
      user,
      ...(attachment ? { attachment } : {}),
    });
    await deps.reply(chat, reply);
  }

  bot.on("callback_query", (ctx) =>
    parseActionData(ctx.callbackQuery.data) !== null ? onActionButton(ctx, deps) : onPageButton(ctx, deps),
  );
}

/**
 * A reply button ("🖼 image"): the query is answered at once (drawing takes seconds), then the button's command
 * runs for the user who pressed it, in the chat and topic of the message, and its reply is sent there.
 */
async function onActionButton(ctx: Context, deps: HandlerDeps): Promise<void> {
  const q = ctx.callbackQuery;
  if (!q) return;
  const lang = pickLang(q.from.language_code);
  const id = parseActionData(q.data);
  const action = id ? deps.actions.get(id) : undefined;
  const message = q.message;
  if (!action || !message || !("chat" in message) || message.date === 0) {
    await ctx.answerCallbackQuery({ text: tgText(lang, "buttonExpired") });
    return;
  }
  await ctx.answerCallbackQuery();
  const user: UserRef = {
    id: String(q.from.id),
    name: q.from.username ?? q.from.first_name,
    isAdmin: adminCheck(ctx.api, deps.owners, { chat: message.chat, from: q.from }, deps.logger),
    isOwner: async () => deps.owners.has(String(q.from.id)),
  };
  const chat = chatRefOf(message);
  const reply = await deps.core.handle({
    command: action.command,
    args: "",
    options: action.options,
    lang,
    chat,
    user,
  });
  await deps.reply(chat, reply);
}

async function onPageButton(ctx: Context, deps: HandlerDeps): Promise<void> {
  const q = ctx.callbackQuery;
  if (!q) return;
  const lang = pickLang(q.from.language_code);
  const ref = parsePageData(q.data);
  if (!ref) {
    await ctx.answerCallbackQuery();
    return;
  }
  const paged = deps.pages.get(ref.id);
  const page = paged?.pages[ref.page];
  const message = q.message;
  if (!paged || !page || !message) {
    await ctx.answerCallbackQuery({ text: tgText(lang, "expired") });
    return;
  }
  try {
    await ctx.api.editMessageText(message.chat.id, message.message_id, page.html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: !paged.linkPreview },
      reply_markup: pageKeyboard(ref.id, ref.page, paged.pages.length, paged.extraRows),
    });
  } catch (err) {
    // Pressing the "x/y" button (or a double tap) asks for the page already shown.
    if (!(err instanceof Error && /message is not modified/.test(err.message))) throw err;
  }
  await ctx.answerCallbackQuery();
}

function threadOf(msg: Message): number | undefined {
  return msg.is_topic_message && msg.message_thread_id ? msg.message_thread_id : undefined;
}

/** The neutral chat reference of a message; `threadId` is the forum topic, if any. */
export function chatRefOf(msg: Message): ChatRef {
  const thread = threadOf(msg);
  const title = "title" in msg.chat ? msg.chat.title : undefined;
  return {
    platform: "telegram",
    id: String(msg.chat.id),
    type: msg.chat.type as ChatType,
    ...(thread ? { threadId: String(thread) } : {}),
    ...(title ? { title } : {}),
  };
}
