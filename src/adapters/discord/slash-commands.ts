/**
 * Slash command definitions generated from the neutral `commands/` registry, and their one-PUT registration
 * that only happens when the JSON body changed since the last successful registration.
 */
import { createHash } from "node:crypto";
import type {
  APIApplicationCommandBasicOption,
  REST,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
} from "discord.js";
import { MAX_ARGS_LENGTH } from "../../core/args.ts";
import type { Command, CommandOption, Localized } from "../../core/command.ts";
import { menuDescription } from "../../core/command-help.ts";
import type { Logger } from "../../core/logger.ts";

/** Where the hash of the last registered definitions is kept (a database row in production). */
export interface CommandsHashStore {
  get(): Promise<string | null>;
  set(hash: string): Promise<void>;
}

/** An in-memory hash store: registration happens once per process. */
export function memoryHashStore(initial: string | null = null): CommandsHashStore {
  let value = initial;
  return {
    get: async () => value,
    set: async (h) => {
      value = h;
    },
  };
}

type SlashBody = RESTPostAPIChatInputApplicationCommandsJSONBody;

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

/**
 * Discord locale keys for our languages. French is the default text; English covers both en locales; Russian is
 * Discord's `ru`.
 */
function localizations(l: Localized): Record<string, string> {
  return { fr: l.fr.slice(0, 100), "en-US": l.en.slice(0, 100), "en-GB": l.en.slice(0, 100), ru: l.ru.slice(0, 100) };
}

/** Names stay the same in every locale (`/latest` everywhere), so help texts and examples hold in all of them. */
function sameName(name: string): Record<string, string> {
  return { fr: name, "en-US": name, "en-GB": name, ru: name };
}

function buildOption(o: CommandOption): APIApplicationCommandBasicOption {
  const base = {
    name: o.name,
    name_localizations: sameName(o.name),
    description: o.description.fr.slice(0, 100),
    description_localizations: localizations(o.description),
    required: o.required ?? false,
  };
  if (o.type === "boolean") return { ...base, type: ApplicationCommandOptionType.Boolean };
  if (o.type === "attachment") return { ...base, type: ApplicationCommandOptionType.Attachment };
  const choices = o.choices?.slice(0, 25).map((c) => ({
    name: c.label.fr.slice(0, 100),
    name_localizations: localizations(c.label),
    value: c.value,
  }));
  if (o.type === "integer") {
    if (choices)
      return { ...base, type: OPTION_TYPES.integer, choices: choices.map((c) => ({ ...c, value: Number(c.value) })) };
    if (o.autocomplete) return { ...base, type: OPTION_TYPES.integer, autocomplete: true };
    return { ...base, type: OPTION_TYPES.integer };
  }
  if (choices) return { ...base, type: OPTION_TYPES.string, choices };
  return {
    ...base,
    type: OPTION_TYPES.string,
    max_length: MAX_ARGS_LENGTH,
    ...(o.autocomplete ? { autocomplete: true as const } : {}),
  };
}

/**
 * The JSON body of the bulk overwrite. Required options come first (Discord requires it). Admin commands carry
 * `default_member_permissions` = Manage Server; all commands are usable in servers and in DMs with the bot
 * (admin commands in DMs are then refused unless the user is an owner).
 */
export function buildSlashCommands(commands: Command[]): SlashBody[] {
  return commands.map((c) => {
    const options = [...c.options]
      .sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false))
      .map(buildOption);
    return {
      type: ApplicationCommandType.ChatInput,
      name: c.name,
      name_localizations: sameName(c.name),
      description: menuDescription(c, "fr").slice(0, 100),
      description_localizations: localizations({
        fr: menuDescription(c, "fr"),
        en: menuDescription(c, "en"),
        ru: menuDescription(c, "ru"),
      }),
      options,
      default_member_permissions:
        c.access === "admins" || c.access === "owners" ? String(PermissionFlagsBits.ManageGuild) : null,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      nsfw: false,
    };
  });
}

/** Hash of the body and its scope (global or one guild): a change of either needs a new PUT. */
export function commandsHash(body: unknown, guildId?: string): string {
  return createHash("sha256")
    .update(`${guildId ?? "global"}\n${JSON.stringify(body)}`)
    .digest("hex");
}

export interface RegisterOptions {
  rest: REST;
  applicationId: string;
  guildId?: string;
  commands: Command[];
  store: CommandsHashStore;
  logger: Logger;
}

/** Registers the commands with one PUT unless the stored hash matches. Returns true when a PUT was made. */
export async function registerCommands(opts: RegisterOptions): Promise<boolean> {
  const body = buildSlashCommands(opts.commands);
  const hash = commandsHash(body, opts.guildId);
  if ((await opts.store.get()) === hash) {
    opts.logger.debug("discord commands unchanged", { count: body.length });
    return false;
  }
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
    : Routes.applicationCommands(opts.applicationId);
  await opts.rest.put(route, { body });
  await opts.store.set(hash);
  opts.logger.info("discord commands registered", { count: body.length, scope: opts.guildId ? "guild" : "global" });
  return true;
}
