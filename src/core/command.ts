/**
 * Platform-neutral command definitions. Each file in commands/ default-exports a `Command`;
 * adapters turn definitions into Telegram `setMyCommands` entries and Discord slash commands,
 * and turn incoming messages/interactions into a `CommandRequest`.
 */
import type { AdminServices } from "./admin.ts";
import type { DigestPreviewer } from "./delivery.ts";
import type { Logger } from "./logger.ts";
import type { PictureRenderer } from "./picture.ts";
import type { NewsQueries } from "./queries.ts";
import type { Reply } from "./reply.ts";

/** The reply languages, French first (the default). */
export const LANGS = ["fr", "en", "ru"] as const;
export type Lang = (typeof LANGS)[number];
/**
 * A platform's id ("telegram", "discord", "console"…), stored with every chat: data chosen by its adapter
 * (`PlatformAdapter.platform`), not a list kept here. The composition root (src/platforms.ts) knows which exist.
 */
export type Platform = string;
export type ChatType = "private" | "group" | "supergroup" | "channel" | "guild" | "console";

/** A text in every reply language. */
export type Localized = Record<Lang, string>;

export interface CommandOption {
  /** `^[a-z0-9_]{1,32}$`, valid on both platforms. */
  name: string;
  /** "attachment": a file (Discord attachment option; on Telegram a document whose caption is the command). */
  type: "string" | "integer" | "boolean" | "attachment";
  description: Localized;
  required?: boolean;
  /** Discord autocomplete source; Telegram ignores it. */
  autocomplete?: "speaker" | "topic" | "source";
  /** Fixed choices (value → label). */
  choices?: Array<{ value: string; label: Localized }>;
  /**
   * Text commands: a bare word matching this fills the option without its `name:` prefix (e.g. a year for
   * /timeline). Discord ignores it (typed options).
   */
  match?: RegExp;
}

export interface Command {
  /** `^[a-z0-9_]{1,32}$` */
  name: string;
  /** ≤ 100 characters in each language. */
  description: Localized;
  options: CommandOption[];
  /**
   * Who may run it: the dispatcher enforces it on every call (src/core/access.ts), and /help and the
   * command menus say it.
   */
  access: Access;
  /** Argument syntax after the name, shown by /help (e.g. "[thème ou source] [n]"); default: from `options`. */
  usage?: Localized;
  /** May take longer than Discord's 3 s window: the adapter defers the reply first. */
  slow?: boolean;
  run(req: CommandRequest): Promise<Reply>;
}

/**
 * everyone; chatAdmins: a chat's administrators (anyone in a private chat: subscriptions, filters);
 * admins: whom the platform calls an admin here (`UserRef.isAdmin`: admin tools such as /audit, /sources);
 * owners: the bot's owners from config; readAll: anyone reads, chat admins change.
 */
export type Access = "everyone" | "chatAdmins" | "admins" | "owners" | "readAll";

export interface ChatRef {
  platform: Platform;
  /** Platform chat / channel id as a string. */
  id: string;
  /** Telegram forum topic (message_thread_id) or Discord thread; kept for replies and subscriptions. */
  threadId?: string;
  type: ChatType;
  title?: string;
}

export interface UserRef {
  id: string;
  name?: string;
  /**
   * Asks the platform, on every call, whether this user may run admin commands here
   * (bot owner from config, or chat admin). Never cached by commands.
   */
  isAdmin(): Promise<boolean>;
  /**
   * Bot owner from config (TELEGRAM_OWNERS / DISCORD_OWNERS; the console user), asked by the dispatcher for
   * commands declared `access: "owners"`. Absent = not an owner.
   */
  isOwner?(): Promise<boolean>;
}

/** What every command may use. Grows as issues land (sources, subscriptions, settings...). */
export interface Services {
  queries: NewsQueries;
  logger: Logger;
  /** Topic slugs of the taxonomy with their labels. */
  topics: TopicInfo[];
  /** Maps what a user typed ("énergie", "energy", "enrgie") to a topic slug, or suggestions. */
  resolveTopic(input: string): { slug: string } | { suggestions: string[] };
  /** The registry of commands (for /help). */
  commands: () => Command[];
  /** `/digest` preview; absent when scheduled delivery is not wired (the command says so). */
  digests?: DigestPreviewer;
  /** Sources, audit, settings, subscriptions and curated events (admin commands); absent = not wired. */
  admin?: AdminServices;
  /** The reply language a chat chose with /settings, or null to follow the user's client. */
  chatLang?(chat: ChatRef): Promise<Lang | null>;
  /** Draws charts (/timeline … image, /trend, /who); absent = those commands answer in text. */
  pictures?: PictureRenderer;
}

export interface TopicInfo {
  slug: string;
  label: Localized;
  aliases: string[];
}

/** A file sent with a command (Telegram: a document captioned with the command; Discord: an attachment option). */
export interface CommandAttachment {
  filename: string;
  /** Size the platform announced, in bytes; null when unknown. */
  size: number | null;
  /**
   * Downloads the file as text through the SSRF-safe fetch, the platform's file host allowlisted explicitly.
   * Throws FeedFetchError / BlockedUrlError, including when the file is larger than `maxBytes`.
   */
  fetch(maxBytes: number): Promise<string>;
}

export interface CommandRequest {
  command: string;
  /** Raw argument text after the command name (Telegram, console). */
  args: string;
  /** Options by name: filled from Discord options, or parsed from `args` by the dispatcher. */
  options: Record<string, string | number | boolean | undefined>;
  lang: Lang;
  chat: ChatRef;
  user: UserRef;
  now: Date;
  services: Services;
  /** The file sent with the command, if any. */
  attachment?: CommandAttachment;
}
