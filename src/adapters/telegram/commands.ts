/**
 * Command menu registration and command-text parsing for Telegram.
 *
 * Registration: public commands go to the default scope (everyone sees them in the "/" menu), and all
 * commands, admin ones included, go to the `all_chat_administrators` scope, so group admins see their tools
 * while members are not shown commands they cannot run. Each list is registered in French (default, no
 * `language_code`), English (`language_code: "en"`) and Russian (`language_code: "ru"`).
 */
import type { Api } from "grammy";
import type { BotCommand, BotCommandScope, MessageEntity } from "grammy/types";
import { type Command, LANGS, type Lang } from "../../core/command.ts";
import { menuDescription } from "../../core/command-help.ts";
import type { Logger } from "../../core/logger.ts";

/** Telegram's limits: 100 commands, descriptions of 1–256 characters. */
function toBotCommands(commands: Command[], lang: Lang): BotCommand[] {
  return commands.slice(0, 100).map((c) => ({
    command: c.name,
    description: (menuDescription(c, lang) || c.name).slice(0, 256),
  }));
}

/** Registers the command menus; failures are logged, never fatal (the bot works without a menu). */
export async function registerCommands(api: Api, commands: Command[], logger: Logger): Promise<void> {
  // Chat-admin commands are anyone's in a private chat; admin tools and the owners' are not.
  const publicOnes = commands.filter((c) => c.access !== "admins" && c.access !== "owners");
  const scopes: Array<{ list: Command[]; scope?: BotCommandScope }> = [
    { list: publicOnes },
    { list: commands, scope: { type: "all_chat_administrators" } },
  ];
  for (const { list, scope } of scopes) {
    for (const lang of LANGS) {
      try {
        await api.setMyCommands(toBotCommands(list, lang), {
          ...(scope ? { scope } : {}),
          ...(lang === "fr" ? {} : { language_code: lang }),
        });
      } catch (err) {
        logger.warn("telegram setMyCommands failed", {
          lang,
          scope: scope?.type ?? "default",
          error: err,
        });
      }
    }
  }
}

/** A command found at the start of a message. */
export interface ParsedCommand {
  /** Lower-cased command name without slash or @bot. */
  name: string;
  /** Raw text after the command. */
  args: string;
  /** True when written `/cmd@thisbot`. */
  addressed: boolean;
}

/**
 * Reads `/cmd[@bot] args` from a message's text and entities. Returns null when the message does not start
 * with a command or the command is addressed to another bot.
 */
export function parseCommand(
  text: string,
  entities: MessageEntity[] | undefined,
  botUsername: string | undefined,
): ParsedCommand | null {
  const e = entities?.[0];
  if (e?.type !== "bot_command" || e.offset !== 0) return null;
  const token = text.slice(1, e.length);
  const at = token.indexOf("@");
  const name = (at >= 0 ? token.slice(0, at) : token).toLowerCase();
  const target = at >= 0 ? token.slice(at + 1) : undefined;
  if (target !== undefined && target.toLowerCase() !== (botUsername ?? "").toLowerCase()) return null;
  if (!name) return null;
  return { name, args: text.slice(e.length).trim(), addressed: target !== undefined };
}
