/**
 * The platforms the bot knows, and which of them run: their limits by id (read by the digest composer for every
 * chat, running or not), their adapters built from the config (Telegram and Discord when they have credentials,
 * the terminal chat when no token is set or NEWSBOT_CONSOLE=true), and what to tell a person whose token a
 * platform refuses. Each SDK is loaded only when its platform is configured (discord.js alone weighs ~30 MB of
 * memory); the limits files load none. Nothing connects here: the composition root (src/app.ts) starts them.
 * A new platform is a folder in src/adapters/ plus its lines here (see docs/architecture.md).
 */
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { type ConsoleChat, createConsoleChat } from "./adapters/console/console-chat.ts";
import { consoleLimits } from "./adapters/console/limits.ts";
import { DISCORD_FILE_HOSTS, discordLimits } from "./adapters/discord/limits.ts";
import { telegramLimits } from "./adapters/telegram/limits.ts";
import type { Config } from "./config.ts";
import type { Platform } from "./core/command.ts";
import type { Logger } from "./core/logger.ts";
import type { BotCore, PlatformAdapter, PlatformLimitsTable } from "./core/platform.ts";
import { createFileFetcher } from "./ingest/file-fetch.ts";
import { dataDir, stateFile } from "./state-file.ts";

/** The terminal the console chat talks to (process.stdin/stdout in `npm start`, streams in tests). */
export interface Terminal {
  input: Readable;
  output: Writable;
  /** A person at a terminal: prompt, colours, banner. */
  interactive: boolean;
  /** The terminal's IANA time zone, the terminal chat's until /settings changes it (default: this machine's). */
  timeZone?: string;
}

/** This machine's time zone (UTC when the runtime cannot tell). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The terminal chat runs when asked to, or by default when no platform token is set. */
export function consoleWanted(config: Config): boolean {
  return (
    config.NEWSBOT_CONSOLE === "true" ||
    (config.NEWSBOT_CONSOLE === "auto" && !config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN)
  );
}

/**
 * Every platform's limits by id, send rates from the config: digests and alerts are composed to fit the chat's
 * platform, the outbox paces each running adapter at its rate.
 */
export function platformLimits(
  config: Partial<Pick<Config, "TELEGRAM_SEND_RATE" | "DISCORD_SEND_RATE">> = {},
): PlatformLimitsTable {
  return {
    telegram: telegramLimits(config.TELEGRAM_SEND_RATE),
    discord: discordLimits(config.DISCORD_SEND_RATE),
    console: consoleLimits(),
  };
}

/** For a platform that refused the bot's token: its name, the variable holding the token, and what to do. */
export const TOKEN_HELP: Readonly<Record<Platform, { name: string; variable: string; fix: string }>> = {
  telegram: {
    name: "Telegram",
    variable: "TELEGRAM_BOT_TOKEN",
    fix: "Put the token @BotFather gave you in .env or the environment",
  },
  discord: {
    name: "Discord",
    variable: "DISCORD_TOKEN",
    fix: "Copy the bot token again from the Developer Portal (your application → Bot)",
  },
};

const BANNER =
  "newsbot — chat in the terminal. Try /latest, /quote Tokaïev, /timeline, /search énergie, /onthisday, /help; " +
  "/subscribe digest HH:MM posts a digest here at that time; /quit to leave.";

export interface PlatformAdapters {
  /** Every adapter to start, the terminal chat last. */
  adapters: PlatformAdapter[];
  /** The terminal chat, when it runs: the bot stops when it closes. */
  console: ConsoleChat | null;
}

/** Builds the adapters the config asks for (none is started). */
export async function createPlatformAdapters(
  config: Config,
  deps: { core: BotCore; logger: Logger; terminal?: Terminal },
): Promise<PlatformAdapters> {
  const { core, logger } = deps;
  const adapters: PlatformAdapter[] = [];
  const fetchOptions = { allowHosts: config.FETCH_ALLOW_HOSTS, timeoutMs: config.FETCH_TIMEOUT_MS };
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import("./adapters/telegram/index.ts");
    adapters.push(
      createTelegramAdapter({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        core,
        logger,
        owners: config.TELEGRAM_OWNERS,
        sendRate: config.TELEGRAM_SEND_RATE,
        fetchFile: createFileFetcher({
          hosts: [new URL(config.TELEGRAM_API_ROOT ?? "https://api.telegram.org").hostname],
          fetchOptions,
        }),
        webhook:
          config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
            ? {
                url: config.TELEGRAM_WEBHOOK_URL,
                port: config.TELEGRAM_WEBHOOK_PORT,
                secretToken: config.TELEGRAM_WEBHOOK_SECRET,
              }
            : undefined,
      }),
    );
  }
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const { createDiscordAdapter } = await import("./adapters/discord/index.ts");
    adapters.push(
      createDiscordAdapter({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        guildId: config.DISCORD_GUILD_ID,
        apiUrl: config.DISCORD_API_URL,
        core,
        logger,
        owners: config.DISCORD_OWNERS,
        sendRate: config.DISCORD_SEND_RATE,
        commandsHashStore: stateFile(dataDir(config.DATABASE_URL), "discord-commands.sha256"),
        fetchFile: createFileFetcher({
          hosts: [...DISCORD_FILE_HOSTS, ...(config.DISCORD_API_URL ? [new URL(config.DISCORD_API_URL).hostname] : [])],
          fetchOptions,
        }),
      }),
    );
  }
  let consoleChat: ConsoleChat | null = null;
  if (deps.terminal && consoleWanted(config)) {
    consoleChat = createConsoleChat({
      core,
      input: deps.terminal.input,
      output: deps.terminal.output,
      lang: config.NEWSBOT_LANG,
      interactive: deps.terminal.interactive,
      banner: deps.terminal.interactive ? BANNER : undefined,
      pictureDir: join(dataDir(config.DATABASE_URL), "pictures"),
    });
    adapters.push(consoleChat);
  }
  return { adapters, console: consoleChat };
}
