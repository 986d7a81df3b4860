/**
 * What platform adapters (src/adapters/*) receive from the core and what they offer back.
 * Adapters import this file, the reply model and the command types — never each other.
 */
import type { ChatRef, Command, CommandAttachment, Lang, Platform, UserRef } from "./command.ts";
import type { Logger } from "./logger.ts";
import type { Line, Reply } from "./reply.ts";

/** A command as an adapter received it, before option parsing and dispatch. */
export interface IncomingCommand {
  /** Command name without the slash and without `@botname`. */
  command: string;
  /** Raw argument text (Telegram, console). */
  args: string;
  /** Typed options (Discord slash commands). */
  options?: Record<string, string | number | boolean | undefined>;
  lang: Lang;
  chat: ChatRef;
  user: UserRef;
  /** A file sent with the command (see CommandAttachment). */
  attachment?: CommandAttachment;
}

/** Downloads a platform file URL as text (SSRF-safe fetch with the platform's file host allowlisted). */
export type FileFetcher = (url: string, maxBytes: number) => Promise<string>;

export interface Choice {
  value: string;
  label: string;
}

/** The core as seen by an adapter. */
export interface BotCore {
  /** Definitions used for registration (setMyCommands, slash commands) and /help. */
  commands: Command[];
  /** Resolves, checks rights, runs and maps errors to a reply. Never throws. */
  handle(incoming: IncomingCommand): Promise<Reply>;
  /** Suggestions for Discord autocomplete. Never throws (empty list on failure). */
  complete(kind: "speaker" | "topic" | "source", prefix: string, lang: Lang): Promise<Choice[]>;
  logger: Logger;
}

/** Result of a proactive send (digests, alerts, warnings). */
export type SendResult =
  | { ok: true; messageIds: string[] }
  | {
      ok: false;
      /** The chat blocked the bot, was deleted or the bot lost access: stop sending there. */
      permanent: boolean;
      /** The platform refused this message itself (too long, malformed): retrying cannot help. */
      rejected?: boolean;
      retryAfterMs?: number;
      error: string;
    };

/**
 * What one message of a platform may hold and how fast the bot may send there. Each adapter declares its own
 * (src/adapters/<platform>/limits.ts, without loading its SDK); the composition root passes them to the digest
 * composer (budget, line cost) and the outbox reads `PlatformAdapter.limits` (send rate). Nothing outside an
 * adapter knows a platform's numbers.
 */
export interface PlatformLimits {
  /**
   * Characters a scheduled post (digest, alert) may fill: its title plus the cost of its lines, with headroom
   * for the adapter's markup and footer.
   */
  messageBudget: number;
  /** Characters one line of a Reply costs once rendered on the platform, its line break included. */
  lineCost(line: Line): number;
  /** Messages per second the outbox sends at most to the platform, across all chats (≤ 0: no pace). */
  sendRate: number;
}

/** The limits of every platform the bot knows, by platform id (see src/platforms.ts). */
export type PlatformLimitsTable = Readonly<Record<Platform, PlatformLimits>>;

/** A running platform connection. */
export interface PlatformAdapter {
  /** The platform's id, as stored with its chats (`ChatRef.platform`). */
  readonly platform: Platform;
  /** Its message size, line cost and send rate. */
  readonly limits: PlatformLimits;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends a reply to a chat (and thread) outside of a command, e.g. a digest. */
  send(target: ChatRef, reply: Reply): Promise<SendResult>;
}
