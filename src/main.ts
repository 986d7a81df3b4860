/**
 * `npm start`: the entry point. Reads the config once, then runs the bot the composition root builds
 * (src/app.ts: store and migrations, the demo feeds on an empty database, the platforms that have tokens or the
 * chat in the terminal, scheduled delivery, the feed poller), and owns the process: signals, what is printed
 * when start-up fails, exit codes (0 after a clean shutdown, 1 when start-up failed, 2 for an invalid config).
 */
import { startBot } from "./app.ts";
import { type Config, configFromEnvironment, secretsOf } from "./config.ts";
import { ConfigError, messageOf, PlatformAuthError } from "./core/errors.ts";
import { type Logger, systemClock } from "./core/logger.ts";
import { createLifecycle, type Lifecycle, StartupAborted } from "./lifecycle.ts";
import { createLogger } from "./logging.ts";
import { consoleWanted, TOKEN_HELP } from "./platforms.ts";

/** After a clean shutdown nothing should hold the process; if a library timer still does, it is not waited for. */
const EXIT_GRACE_MS = 2000;

/** The one line printed when start-up fails: what failed and what to fix, never a token or a stack. */
function startupFailure(err: unknown): string {
  if (err instanceof PlatformAuthError) {
    const help = Object.hasOwn(TOKEN_HELP, err.platform) ? TOKEN_HELP[err.platform] : undefined;
    if (!help) return `newsbot: ${err.platform} refused the bot's token (${err.answer}).`;
    return `newsbot: ${help.name} refused ${help.variable} (${err.answer}). ${help.fix}.`;
  }
  return `newsbot failed to start: ${messageOf(err)}`;
}

/** Ends the process once shut down: by itself when nothing is left open, else after a short grace. */
function exitAfterShutdown(logger: Logger, code: number): void {
  process.exitCode ??= code;
  setTimeout(() => {
    logger.debug("still open after shutdown; exiting anyway", { open: process.getActiveResourcesInfo() });
    process.exit();
  }, EXIT_GRACE_MS).unref();
}

function handleSignals(lifecycle: Lifecycle, logger: Logger): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (lifecycle.stopping) {
      // A second Ctrl-C: the person does not want to wait for the shutdown.
      process.stderr.write("newsbot: stopped without waiting for the shutdown to finish\n");
      process.exit(130);
    }
    void lifecycle.stop(signal).then(() => exitAfterShutdown(logger, 0));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
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
  const logger = createLogger({
    level: config.LOG_LEVEL ?? (consoleWanted(config) ? "warn" : "info"),
    secrets: secretsOf(config),
  });
  const lifecycle = createLifecycle({ logger });
  handleSignals(lifecycle, logger);
  try {
    const bot = await startBot({
      config,
      logger,
      clock: systemClock,
      lifecycle,
      terminal: { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true },
    });
    logger.info("ready", { platforms: bot.adapters.map((a) => a.platform) });
    if (bot.console) {
      await bot.console.closed;
      await lifecycle.stop("terminal chat closed");
      exitAfterShutdown(logger, 0);
    }
  } catch (err) {
    // A signal's own handler finishes the shutdown it started.
    if (err instanceof StartupAborted) return;
    process.stderr.write(`${startupFailure(err)}\n`);
    await lifecycle.stop("start-up failed");
    exitAfterShutdown(logger, 1);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`newsbot failed to start: ${messageOf(err)}\n`);
  process.exitCode = 1;
});
