/**
 * Which platforms run, and their adapters built from the config: Telegram and Discord when they have
 * credentials, the terminal chat when no token is set (or NEWSBOT_CONSOLE=true). Each SDK is loaded only when
 * its platform is configured (discord.js alone weighs ~30 MB of memory). Nothing connects here: the
 * composition root (src/app.ts) starts them.
 */
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { type ConsoleChat, createConsoleChat } from "./adapters/console/console-chat.ts";
import type { Config } from "./config.ts";
import type { Platform } from "./core/command.ts";
import type { Logger } from "./core/logger.ts";
import type { BotCore, PlatformAdapter } from "./core/platform.ts";
import { createFileFetcher, DISCORD_FILE_HOSTS } from "./ingest/file-fetch.ts";
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

/** The environment variable holding a platform's token, for messages that tell what to fix. */
export const TOKEN_VARIABLE: Record<Exclude<Platform, "console">, string> = {
  telegram: "TELEGRAM_BOT_TOKEN",
  discord: "DISCORD_TOKEN",
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
