/**
 * Interaction handlers: slash commands (with the 3-second defer rule), autocomplete, page buttons and reply
 * buttons (actions such as "🖼 image", which run a command).
 * Every reply goes out with `allowed_mentions: { parse: [] }`: nothing the bot echoes can ping anyone.
 */
import type {
  AutocompleteInteraction,
  BaseMessageOptions,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
} from "discord.js";
import { MessageFlags, PermissionFlagsBits } from "discord.js";
import type { ActionStore } from "../../core/action-store.ts";
import { cleanArgText, MAX_ARGS_LENGTH } from "../../core/args.ts";
import type { ChatRef, Lang, UserRef } from "../../core/command.ts";
import { pickLang, t } from "../../core/i18n/index.ts";
import type { Logger } from "../../core/logger.ts";
import type { BotCore, FileFetcher, IncomingCommand } from "../../core/platform.ts";
import { line, type Picture, type Reply } from "../../core/reply.ts";
import { actionRows, parseActionButton } from "./actions.ts";
import { type PageStore, pageButtons, parsePageButton } from "./pages.ts";
import { embedWithPicture, fitsUpload, pictureFile } from "./picture.ts";
import { DISCORD_LIMITS, packEmbeds, type RenderOptions, renderPages } from "./render.ts";
import { discordText } from "./strings.ts";

/** What the handlers need from the adapter. */
export interface InteractionContext {
  core: BotCore;
  pages: PageStore;
  /** The actions of reply buttons ("🖼 image" under a timeline). */
  actions: ActionStore;
  /** User ids allowed to run admin commands anywhere, DMs included. */
  owners: ReadonlySet<string>;
  /** Defer when the core has not answered within this many ms (Discord's window is 3000 ms). */
  deferAfterMs: number;
  logger: Logger;
  render?: RenderOptions;
  /** Downloads attachment options (SSRF-safe, CDN host allowlisted); absent = attachments ignored. */
  fetchFile?: FileFetcher;
}

const NO_MENTIONS = { parse: [] as [] };
const TIMEOUT = Symbol("timeout");

/** Routes one interaction; never throws (failures are logged). */
export async function handleInteraction(i: Interaction, ctx: InteractionContext): Promise<void> {
  try {
    if (i.isChatInputCommand()) await onChatInput(i, ctx);
    else if (i.isAutocomplete()) await onAutocomplete(i, ctx);
    else if (i.isButton()) await onButton(i, ctx);
  } catch (err) {
    ctx.logger.warn("discord interaction failed", {
      interaction: i.id,
      type: i.type,
      error: err,
    });
  }
}

/**
 * Admin check on every call: owners everywhere; in a server, members whose permissions in this channel include
 * Manage Server or Administrator (`has` counts Administrator as every permission). In DMs, owners only.
 */
export function isDiscordAdmin(
  i: Pick<Interaction, "user" | "memberPermissions" | "inGuild">,
  owners: ReadonlySet<string>,
): boolean {
  if (owners.has(i.user.id)) return true;
  if (!i.inGuild()) return false;
  return i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

/** An interaction that runs a command: a slash command, or a reply button. */
type CommandInteraction = ChatInputCommandInteraction | ButtonInteraction;

function chatRef(i: CommandInteraction): ChatRef {
  const ch = i.channel;
  const thread = ch?.isThread() ? ch : null;
  const title = ch && "name" in ch && typeof ch.name === "string" ? ch.name : undefined;
  return {
    platform: "discord",
    id: thread?.parentId ?? i.channelId ?? i.user.id,
    ...(thread ? { threadId: thread.id } : {}),
    type: i.inGuild() ? "guild" : "private",
    ...(title ? { title } : {}),
  };
}

function userRef(i: CommandInteraction, owners: ReadonlySet<string>): UserRef {
  return {
    id: i.user.id,
    name: i.user.username,
    isAdmin: async () => isDiscordAdmin(i, owners),
    isOwner: async () => owners.has(i.user.id),
  };
}

async function onChatInput(i: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const lang = pickLang(i.locale);
  const options: Record<string, string | number | boolean | undefined> = {};
  for (const o of i.options.data) {
    if (typeof o.value === "string") {
      // Real Discord enforces max_length; anything longer (or a client that ignores it) is refused, not cut.
      if (o.value.length > MAX_ARGS_LENGTH) {
        const text = t(lang, "error.tooLong", { length: o.value.length, max: MAX_ARGS_LENGTH });
        await sendReply(i, { lines: [line(text)], kind: "error", ephemeral: true }, false, lang, ctx);
        return;
      }
      const v = cleanArgText(o.value);
      if (v) options[o.name] = v;
    } else if (typeof o.value === "number" || typeof o.value === "boolean") {
      options[o.name] = o.value;
    }
  }
  const file = i.options.data.find((o) => o.attachment)?.attachment;
  const fetchFile = ctx.fetchFile;
  const incoming: IncomingCommand = {
    command: i.commandName,
    args: "",
    options,
    lang,
    chat: chatRef(i),
    user: userRef(i, ctx.owners),
    ...(file && fetchFile
      ? { attachment: { filename: file.name, size: file.size, fetch: (max: number) => fetchFile(file.url, max) } }
      : {}),
  };
  const def = ctx.core.commands.find((c) => c.name === i.commandName);
  const pending = ctx.core.handle(incoming).catch((err: unknown): Reply => {
    ctx.logger.error("core.handle threw", { command: i.commandName, error: String(err) });
    return { lines: [line(t(lang, "error.generic", { id: i.id }))], kind: "error", ephemeral: true };
  });

  let deferred = false;
  if (def?.slow) {
    deferred = await defer(i, ctx);
  } else {
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([
      pending,
      new Promise<typeof TIMEOUT>((res) => {
        timer = setTimeout(() => res(TIMEOUT), ctx.deferAfterMs);
      }),
    ]);
    clearTimeout(timer);
    if (first === TIMEOUT) deferred = await defer(i, ctx);
  }
  await sendReply(i, await pending, deferred, lang, ctx);
}

async function defer(i: ChatInputCommandInteraction, ctx: InteractionContext): Promise<boolean> {
  ctx.logger.debug("discord reply deferred", { command: i.commandName });
  await i.deferReply();
  return true;
}

/** Renders and sends the reply: first page plus ◀ ▶ when paged; ephemeral for errors. */
async function sendReply(
  i: CommandInteraction,
  reply: Reply,
  deferred: boolean,
  lang: Lang,
  ctx: InteractionContext,
): Promise<void> {
  if (reply.picture && fitsUpload(reply.picture)) {
    await sendPictureReply(i, reply, reply.picture, deferred, ctx);
    return;
  }
  const pages = renderPages(reply, ctx.render);
  const first = pages[0] ?? { description: "\u200b" };
  const payload: BaseMessageOptions = { embeds: [first], allowedMentions: NO_MENTIONS };
  const extraRows = actionRows(reply, ctx.actions);
  if (pages.length > 1) {
    const key = ctx.pages.put({ pages, lang, extraRows });
    payload.components = [pageButtons(key, 0, pages.length), ...extraRows];
  } else if (extraRows.length > 0) {
    payload.components = extraRows;
  }
  if (reply.attachment) {
    payload.files = [
      {
        attachment: Buffer.from(reply.attachment.content, "utf8"),
        name: reply.attachment.filename,
      },
    ];
  }
  const ephemeral = reply.ephemeral === true || reply.kind === "error";
  if (!deferred) {
    await i.reply({ ...payload, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  } else if (ephemeral) {
    // A deferred reply is public: replace the "thinking…" message by an ephemeral follow-up.
    await i.deleteReply();
    await i.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  } else {
    await i.editReply(payload);
  }
}

/**
 * A reply with a picture is not paged: the first message holds the picture in its first embed and as many
 * embeds of text as fit; any further text follows as follow-up messages.
 */
async function sendPictureReply(
  i: CommandInteraction,
  reply: Reply,
  picture: Picture,
  deferred: boolean,
  ctx: InteractionContext,
): Promise<void> {
  const messages = packEmbeds(renderPages(reply, { ...ctx.render, linesPerPage: 25 }));
  const [head = [{ description: "\u200b" }], ...rest] = messages;
  const [firstEmbed = {}, ...others] = head;
  const file = pictureFile(picture);
  const payload: BaseMessageOptions = {
    embeds: [embedWithPicture(firstEmbed, picture), ...others],
    files: [{ attachment: file.data, name: file.name }],
    allowedMentions: NO_MENTIONS,
  };
  if (deferred) await i.editReply(payload);
  else await i.reply(payload);
  for (const embeds of rest) await i.followUp({ embeds, allowedMentions: NO_MENTIONS });
}

async function onAutocomplete(i: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const lang = pickLang(i.locale);
  const focused = i.options.getFocused(true);
  const opt = ctx.core.commands.find((c) => c.name === i.commandName)?.options.find((o) => o.name === focused.name);
  if (!opt?.autocomplete) {
    await i.respond([]);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  // Autocomplete cannot be deferred: an answer that comes too late is replaced by an empty list.
  const result = await Promise.race([
    ctx.core.complete(opt.autocomplete, String(focused.value).slice(0, 100), lang),
    new Promise<typeof TIMEOUT>((res) => {
      timer = setTimeout(() => res(TIMEOUT), ctx.deferAfterMs);
    }),
  ]);
  clearTimeout(timer);
  const choices = result === TIMEOUT ? [] : result;
  await i.respond(
    choices
      .map((c) => ({
        name: (c.label || c.value).slice(0, DISCORD_LIMITS.choiceName),
        value: opt.type === "integer" ? Number(c.value) : c.value.slice(0, 100),
      }))
      .filter((c) => c.name.length > 0 && (typeof c.value === "number" ? Number.isFinite(c.value) : c.value !== ""))
      .slice(0, DISCORD_LIMITS.choices),
  );
}

async function onButton(i: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  const action = parseActionButton(i.customId);
  if (action !== null) {
    await onActionButton(i, action, ctx);
    return;
  }
  const parsed = parsePageButton(i.customId);
  if (!parsed) {
    ctx.logger.debug("discord button not handled here", { customId: i.customId.slice(0, 100) });
    return;
  }
  const entry = ctx.pages.get(parsed.key);
  const page = entry?.pages[parsed.index];
  if (!entry || !page) {
    await i.reply({
      content: discordText(pickLang(i.locale), "expired"),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  await i.update({
    embeds: [page],
    components: [pageButtons(parsed.key, parsed.index, entry.pages.length), ...(entry.extraRows ?? [])],
    allowedMentions: NO_MENTIONS,
  });
}

/**
 * A reply button ("🖼 image"): deferred at once (drawing takes seconds), then the button's command runs for the
 * member who clicked it, in the channel of the message, and its reply becomes the interaction's reply.
 */
async function onActionButton(i: ButtonInteraction, id: string, ctx: InteractionContext): Promise<void> {
  const lang = pickLang(i.locale);
  const action = ctx.actions.get(id);
  if (!action) {
    await i.reply({
      content: discordText(lang, "buttonExpired"),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  await i.deferReply();
  const reply = await ctx.core
    .handle({
      command: action.command,
      args: "",
      options: action.options,
      lang,
      chat: chatRef(i),
      user: userRef(i, ctx.owners),
    })
    .catch((err: unknown): Reply => {
      ctx.logger.error("core.handle threw", { command: action.command, error: String(err) });
      return { lines: [line(t(lang, "error.generic", { id: i.id }))], kind: "error", ephemeral: true };
    });
  await sendReply(i, reply, true, lang, ctx);
}
