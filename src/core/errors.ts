/**
 * One error class per failure that callers treat differently. Only the command dispatcher maps them to
 * user replies (src/core/dispatch.ts); everything else gets a generic reply and a log entry with an id.
 */

import type { Platform } from "./command.ts";
import { type MessageKey, t } from "./i18n/index.ts";

/** A message of src/core/i18n with its parameters: how an error says itself in the reader's language. */
export interface Said {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Base class: keeps a cause and context; messages never hold secrets. */
export class NewsbotError extends Error {
  override name = "NewsbotError";
  constructor(
    message: string,
    readonly context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Bad arguments from a person. Built from a message key (`new UserInputError({ key, params })`) the reply
 * says it in the reader's language and `message` is the English text (logs, the command line); built from a
 * string, that text is shown as is (already localised, or the English of the command line).
 */
export class UserInputError extends NewsbotError {
  override name = "UserInputError";
  /** The message key and parameters, or null for ready text. */
  readonly said: Said | null;
  constructor(message: string | Said, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    const said = typeof message === "string" ? null : message;
    super(said ? t("en", said.key, said.params) : (message as string), { ...said?.params, ...context }, options);
    this.said = said;
  }
}

/** The caller lacks the rights the command needs (the key says which: chat admins, bot owners). */
export class PermissionDeniedError extends UserInputError {
  override name = "PermissionDeniedError";
  constructor(said: Said, context: Record<string, unknown> = {}) {
    super(said, context);
  }
}

/**
 * Why something failed, as a message key of src/core/i18n ("reason.*") with its parameters, so a chat reply
 * says it in the reader's language (`reasonText`); the error's `message` stays the English text for logs
 * and the command line. A parameter named `range` holds an address range name ("loopback", "private"…),
 * translated too. Add a key to both tables for a new kind of refusal.
 */
export interface Reason {
  key: `reason.${string}`;
  params?: Record<string, string | number>;
}

/**
 * A fetch failed: network, HTTP status, size or time cap. `status` is the HTTP status when there was one;
 * `reason` says it for a chat reply (null: only the English message exists).
 */
export class FeedFetchError extends NewsbotError {
  override name = "FeedFetchError";
  readonly reason: Reason | null;
  /** The server's Retry-After header (429, 503), raw; the poller reads it (core/poll-schedule.ts). */
  readonly retryAfter: string | null;
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null = null,
    options?: { cause?: unknown; reason?: Reason; retryAfter?: string | null },
  ) {
    super(message, { url, status }, options);
    this.reason = options?.reason ?? null;
    this.retryAfter = options?.retryAfter ?? null;
  }
}

/** A URL was refused before fetching (private, loopback, link-local or metadata address; bad scheme). */
export class BlockedUrlError extends FeedFetchError {
  override name = "BlockedUrlError";
}

/** The document is not a feed or could not be parsed at all (nothing recoverable). */
export class FeedParseError extends NewsbotError {
  override name = "FeedParseError";
  /** Says it for a chat reply (see Reason); null: only the English message exists. */
  readonly reason: Reason | null;
  constructor(message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown; reason?: Reason }) {
    super(message, context, options);
    this.reason = options?.reason ?? null;
  }
}

/**
 * The database cannot store anything more: the disk (or the file's size limit) is full. Reads still work;
 * the write is lost and nothing half-written stays. `database` names it for operators (path or host, never
 * credentials); the user reply is "storage full" (error.storageFull).
 */
export class StorageFullError extends NewsbotError {
  override name = "StorageFullError";
  constructor(
    readonly database: string,
    options?: { cause?: unknown },
  ) {
    super(
      `the database ${database} is full (no space left on the disk, or its size limit reached): free some space; ` +
        "what was stored before is intact, and writes work again by themselves once there is room",
      { database },
      options,
    );
  }
}

/** Invalid configuration: every problem listed at start-up. */
export class ConfigError extends NewsbotError {
  override name = "ConfigError";
}

/**
 * A platform refused the bot's credentials (Telegram 401 on getMe, Discord 401 or gateway close 4004):
 * nothing will work until the token is fixed, so start-up stops. The message never holds the token.
 */
export class PlatformAuthError extends NewsbotError {
  override name = "PlatformAuthError";
  constructor(
    readonly platform: Platform,
    /** What the platform answered, e.g. "401: Unauthorized". */
    readonly answer: string,
    options?: { cause?: unknown },
  ) {
    super(`${platform} refused the bot token (${answer})`, { platform, answer }, options);
  }
}

/** The message of anything thrown (an Error's message, else its text), for replies and results; logs take the error itself. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
