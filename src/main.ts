/**
 * `npm start`: the composition root. Reads the config once, opens the store (migrations apply
 * themselves), imports the bundled demo feeds on an empty database, starts the platform adapters that
 * have tokens, the feed poller, and — with no token, or NEWSBOT_CONSOLE=true — a chat in the terminal.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runConsoleChat } from "./adapters/console/console-chat.ts";
import { type App, createApp, topicInfos } from "./app.ts";
import { type Config, configFromEnvironment, secretsOf } from "./config.ts";
import { ConfigError } from "./core/errors.ts";
import { type Logger, systemClock } from "./core/logger.ts";
import type { PlatformAdapter } from "./core/platform.ts";
import { createFileFetcher, DISCORD_FILE_HOSTS } from "./ingest/file-fetch.ts";
import { createProgressReporter } from "./ingest/progress.ts";
import { createLogger } from "./logging.ts";
import { startScheduledDelivery } from "./schedule/delivery-service.ts";
import { startPoller } from "./schedule/poller.ts";
import { createSourceHealthNotifier, sendVia } from "./schedule/source-health.ts";
import { dataDir, stateFile } from "./state-file.ts";

const demoDir = fileURLToPath(new URL("../demo", import.meta.url));

/**
 * Builds the adapters that have credentials in the config. Each SDK is loaded only when its platform is
 * configured (discord.js alone weighs ~30 MB of memory).
 */
export async function platformAdapters(config: Config, app: App, logger: Logger): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  // Adapters are created here but started by main(), after the store is ready.
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import("./adapters/telegram/index.ts");
    adapters.push(
      createTelegramAdapter({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        core: app.core,
        logger,
        owners: config.TELEGRAM_OWNERS,
        fetchFile: createFileFetcher({
          hosts: [new URL(config.TELEGRAM_API_ROOT ?? "https://api.telegram.org").hostname],
          fetchOptions: { allowHosts: config.FETCH_ALLOW_HOSTS, timeoutMs: config.FETCH_TIMEOUT_MS },
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
        core: app.core,
        logger,
        owners: config.DISCORD_OWNERS,
        commandsHashStore: stateFile(dataDir(config.DATABASE_URL), "discord-commands.sha256"),
        fetchFile: createFileFetcher({
          hosts: [...DISCORD_FILE_HOSTS, ...(config.DISCORD_API_URL ? [new URL(config.DISCORD_API_URL).hostname] : [])],
          fetchOptions: { allowHosts: config.FETCH_ALLOW_HOSTS, timeoutMs: config.FETCH_TIMEOUT_MS },
        }),
      }),
    );
  }
  return adapters;
}

/** First run: an empty archive gets the bundled (invented) demo feeds so every command has something to show. */
async function importDemo(app: App, logger: Logger): Promise<void> {
  if (!app.config.NEWSBOT_DEMO || !existsSync(demoDir)) return;
  const { articles } = await app.store.stats();
  if (articles > 0) return;
  const files = readdirSync(demoDir).filter((f) => f.endsWith(".xml"));
  process.stderr.write(`Empty database: importing the demo feeds (${files.length} files, invented articles)…\n`);
  for (const f of files) {
    try {
      const s = await app.ingestor.ingestFile(join(demoDir, f));
      logger.info("demo feed imported", { file: f, inserted: s.inserted });
    } catch (err) {
      logger.error("demo feed import failed", { file: f, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = configFromEnvironment();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n(see .env.example)\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  const consoleMode =
    config.NEWSBOT_CONSOLE === "true" ||
    (config.NEWSBOT_CONSOLE === "auto" && !config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN);
  const logger = createLogger({
    level: config.LOG_LEVEL ?? (consoleMode ? "warn" : "info"),
    secrets: secretsOf(config),
  });
  const progress = createProgressReporter({ stream: process.stderr, label: "import" });
  const app = await createApp(config, logger, systemClock, { onProgress: (p) => progress.update(p) });
  await importDemo(app, logger);
  progress.done();

  const adapters = await platformAdapters(config, app, logger);
  // After each poll, the chats that added a failing source are warned before it is disabled, and told when it recovers.
  const health = createSourceHealthNotifier({
    sources: app.store,
    send: sendVia(adapters),
    langOf: (c) => app.store.chatLanguage(c),
    clock: systemClock,
    logger,
  });
  const poller = startPoller({
    cron: config.POLL_CRON,
    poll: async () => {
      const r = await app.ingestor.pollDue();
      await health.check();
      return r;
    },
    logger,
  });
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { reason });
    poller.stop();
    await delivery?.stop();
    // Adapters first (they finish in-flight replies), then the database.
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await app.close();
  };
  process.once("SIGINT", () => void shutdown("SIGINT").then(() => process.exit(0)));
  process.once("SIGTERM", () => void shutdown("SIGTERM").then(() => process.exit(0)));

  for (const a of adapters) {
    await a.start();
    logger.info("platform started", { platform: a.platform });
  }
  void poller.runOnce();
  // Digests, anniversaries and alerts go out through the outbox; the first tick catches up on downtime.
  const delivery =
    adapters.length > 0
      ? await startScheduledDelivery({
          store: app.store,
          adapters: Object.fromEntries(adapters.map((a) => [a.platform, a])),
          topics: topicInfos(app.taxonomy),
          clock: systemClock,
          logger,
          delivery: {
            concurrency: config.DELIVERY_CONCURRENCY,
            ratePerSecond: { telegram: config.TELEGRAM_SEND_RATE, discord: config.DISCORD_SEND_RATE },
          },
          scheduler: { cron: config.DELIVERY_CRON, sendEmptyDigest: config.DIGEST_SEND_EMPTY },
        })
      : null;

  if (consoleMode) {
    const interactive = process.stdin.isTTY === true;
    await runConsoleChat({
      core: app.core,
      input: process.stdin,
      output: process.stdout,
      lang: config.NEWSBOT_LANG,
      interactive,
      banner: interactive
        ? "newsbot — chat in the terminal (no platform token configured). Try /latest, /quote Tokaïev, /timeline, /search énergie, /onthisday, /help; /quit to leave."
        : undefined,
    });
    await shutdown("console closed");
    // Everything is closed; a library timer (e.g. a driver's idle timeout) must not keep the terminal waiting.
    setTimeout(() => process.exit(process.exitCode ?? 0), 1500).unref();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`newsbot failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
