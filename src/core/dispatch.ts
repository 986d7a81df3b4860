/**
 * The command dispatcher: the one place where errors become user replies.
 * Resolves the command, checks its declared `access` on every call, parses options, runs it, and maps
 * UserInputError / PermissionDeniedError to their message (by key) and StorageFullError to "storage full"; anything
 * else gets a generic reply with a reference id that also appears in the log.
 */
import { randomBytes } from "node:crypto";
import { requireAccess } from "./access.ts";
import { parseArgs } from "./args.ts";
import type { Command, Lang, Services } from "./command.ts";
import { PermissionDeniedError, StorageFullError, UserInputError } from "./errors.ts";
import { t } from "./i18n/index.ts";
import type { Clock, Logger } from "./logger.ts";
import type { BotCore, Choice, IncomingCommand } from "./platform.ts";
import { line, type Reply } from "./reply.ts";
import { foldForMatch } from "./text.ts";

export interface BotCoreOptions {
  commands: Command[];
  services: Omit<Services, "commands">;
  logger: Logger;
  clock: Clock;
}

/** Builds the core that adapters call. */
export function createBotCore(opts: BotCoreOptions): BotCore {
  const byName = new Map(opts.commands.map((c) => [c.name, c]));
  const services: Services = { ...opts.services, commands: () => opts.commands };
  const logger = opts.logger;

  async function handle(incoming: IncomingCommand): Promise<Reply> {
    const inc = { ...incoming, lang: await chatLang(incoming) };
    const name = inc.command.toLowerCase();
    const def = byName.get(name);
    if (!def) {
      return errorReply(t(inc.lang, "error.unknownCommand", { command: name.slice(0, 32) }));
    }
    try {
      await requireAccess(def.access, inc.chat, inc.user);
      const options = inc.options && Object.keys(inc.options).length > 0 ? inc.options : parseArgs(def, inc.args);
      return await def.run({
        command: name,
        args: inc.args,
        options,
        lang: inc.lang,
        chat: inc.chat,
        user: inc.user,
        now: opts.clock.now(),
        services,
        ...(inc.attachment ? { attachment: inc.attachment } : {}),
      });
    } catch (err) {
      return mapError(err, inc, logger);
    }
  }

  /** The chat's chosen language wins over the client's; a failed lookup keeps the client's. */
  async function chatLang(inc: IncomingCommand): Promise<Lang> {
    if (!services.chatLang) return inc.lang;
    try {
      return (await services.chatLang(inc.chat)) ?? inc.lang;
    } catch (err) {
      logger.warn("chat language lookup failed", { chat: inc.chat.id, error: String(err) });
      return inc.lang;
    }
  }

  async function complete(kind: "speaker" | "topic" | "source", prefix: string, lang: Lang): Promise<Choice[]> {
    try {
      const p = prefix.slice(0, 100);
      if (kind === "speaker") {
        const names = await services.queries.speakers(p, 25);
        return names.map((n) => ({ value: n.slice(0, 100), label: n.slice(0, 100) }));
      }
      if (kind === "topic") {
        const f = foldForMatch(p);
        return services.topics
          .filter(
            (tp) => !f || [tp.slug, ...Object.values(tp.label), ...tp.aliases].some((x) => foldForMatch(x).includes(f)),
          )
          .slice(0, 25)
          .map((tp) => ({ value: tp.slug, label: tp.label[lang] }));
      }
      const sources = (await services.admin?.sources.list()) ?? [];
      const f = foldForMatch(p);
      return sources
        .filter((s) => !f || String(s.id) === f || foldForMatch(`${s.title ?? ""} ${s.url}`).includes(f))
        .slice(0, 25)
        .map((s) => ({ value: String(s.id), label: `#${s.id} ${s.title ?? s.url}`.slice(0, 100) }));
    } catch (err) {
      logger.warn("autocomplete failed", { kind, error: String(err) });
      return [];
    }
  }

  return { commands: opts.commands, handle, complete, logger };
}

function errorReply(text: string): Reply {
  return { lines: [line(text)], kind: "error", ephemeral: true };
}

function mapError(err: unknown, inc: IncomingCommand, logger: Logger): Reply {
  if (err instanceof PermissionDeniedError) {
    logger.info("command refused", { command: inc.command, chat: inc.chat.id, user: inc.user.id, ...err.context });
  }
  if (err instanceof UserInputError) {
    return errorReply(err.said ? t(inc.lang, err.said.key, err.said.params) : err.message);
  }
  if (err instanceof StorageFullError) {
    logger.error("command failed: storage full", { command: inc.command, chat: inc.chat.id, database: err.database });
    return errorReply(t(inc.lang, "error.storageFull"));
  }
  const id = randomBytes(4).toString("hex");
  logger.error("command failed", {
    ref: id,
    command: inc.command,
    chat: inc.chat.id,
    error: err,
    stack: err instanceof Error ? err.stack : undefined,
  });
  return errorReply(t(inc.lang, "error.generic", { id }));
}
