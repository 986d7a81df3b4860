/**
 * The Telegram adapter: grammY in, `BotCore` in the middle, Telegram HTML out.
 * Long polling by default; webhook mode (node:http server, secret-token header checked) when `webhook` is set.
 * 429s are retried by @grammyjs/auto-retry (honouring `retry_after`); every message, proactive `send()`s and
 * command replies alike, goes through one per-chat queue paced to Telegram's limits (./send-queue.ts) and one
 * failure mapping (./deliver.ts failureResult).
 */
import { createServer, type Server } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, HttpError } from "grammy";
import { type ActionStore, createActionStore } from "../../core/action-store.ts";
import { backoffDelay } from "../../core/backoff.ts";
import type { ChatRef } from "../../core/command.ts";
import { PlatformAuthError } from "../../core/errors.ts";
import type { Logger } from "../../core/logger.ts";
import type { BotCore, FileFetcher, PlatformAdapter, SendResult } from "../../core/platform.ts";
import type { Reply } from "../../core/reply.ts";
import { registerCommands } from "./commands.ts";
import { failureResult, planReply, planSize, sendAttachment, sendPlanned, type Target } from "./deliver.ts";
import { telegramLimits } from "./limits.ts";
import { PageStore } from "./pager.ts";
import type { SendLimits } from "./send-queue.ts";
import { SendQueue } from "./send-queue.ts";
import { installHandlers } from "./updates.ts";
import { startWebhookServer, stopWebhookServer } from "./webhook.ts";

/** Options of `createTelegramAdapter`. */
export interface TelegramAdapterOptions {
  /** BotFather token. Never logged. */
  token: string;
  /** Bot API root without trailing slash (default https://api.telegram.org; tests point it at the fake). */
  apiRoot?: string;
  core: BotCore;
  logger: Logger;
  /** Telegram user ids with admin rights in every chat. */
  owners: string[];
  /** Webhook mode: Telegram posts updates to `url`; we listen on `host:port` (default host 0.0.0.0). */
  webhook?: { url: string; port: number; host?: string; secretToken: string };
  /**
   * auto-retry settings for every Bot API call (defaults: 10 attempts, wait at most 300 s for one `retry_after`).
   * Waiting holds only that request, never other chats. A command reply still refused after that is logged and
   * given up (the person's command is stale by then); scheduled posts are never lost: the outbox keeps them and
   * retries after the `retry_after` that `send()` reports.
   */
  retry?: { maxRetryAttempts?: number; maxDelaySeconds?: number };
  /** getUpdates long-poll timeout in seconds (default 30). */
  pollingTimeoutSeconds?: number;
  /** Pacing of proactive sends (defaults: 1 s per chat, 20/min per group, 30/s overall). */
  sendLimits?: SendLimits;
  /** The outbox's pace for scheduled posts, messages per second (TELEGRAM_SEND_RATE; default 25). */
  sendRate?: number;
  /** Body lines per page for long command replies (default 10). */
  pageLines?: number;
  /** Paged replies kept for the ◀ ▶ buttons (default 500). */
  pageCapacity?: number;
  /**
   * Downloads documents sent with a command (/importsources): the composition root passes the SSRF-safe fetch
   * with the Bot API host allowlisted. Without it, documents are ignored.
   */
  fetchFile?: FileFetcher;
}

/** The running adapter, plus what tests and the composition root may want to know. */
export interface TelegramAdapter extends PlatformAdapter {
  /** The bot's @username once started. */
  botUsername(): string | undefined;
  /** Port of the webhook server once listening (webhook mode only). */
  webhookPort(): number | undefined;
}

const ALLOWED_UPDATES = ["message", "channel_post", "callback_query"] as const;

/** Creates the Telegram adapter. Nothing touches the network before `start()`. */
export function createTelegramAdapter(opts: TelegramAdapterOptions): TelegramAdapter {
  const logger = opts.logger.child({ platform: "telegram" });
  const bot = new Bot(opts.token, opts.apiRoot ? { client: { apiRoot: opts.apiRoot } } : {});
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: opts.retry?.maxRetryAttempts ?? 10,
      maxDelaySeconds: opts.retry?.maxDelaySeconds ?? 300,
    }),
  );
  const pages = new PageStore(opts.pageCapacity ?? 500);
  const queue = new SendQueue(opts.sendLimits);
  const owners = new Set(opts.owners.map(String));
  const pageLines = opts.pageLines ?? 10;
  let server: Server | undefined;
  let polling: Promise<void> | undefined;
  let starting: AbortController | undefined;

  const actions = createActionStore();

  const apiRoot = opts.apiRoot ?? "https://api.telegram.org";
  installHandlers(bot, {
    core: opts.core,
    logger,
    owners,
    pages,
    actions,
    // Command replies: paged when long, with their buttons, through the same queue and failure mapping as every send.
    reply: (chat, reply) => deliver(chat, reply, { pages, actions }),
    ...(opts.fetchFile ? { fetchFile: opts.fetchFile } : {}),
    // The token is part of the download path (Bot API design); the URL is never logged.
    fileUrl: (path) => `${apiRoot}/file/bot${opts.token}/${path}`,
  });
  bot.catch((err) => {
    logger.error("telegram update failed", {
      update: err.ctx.update.update_id,
      error: err.error,
    });
  });

  /**
   * getMe, our way rather than grammY's `init()`: that one retries network errors silently forever. Here a
   * refused token (401, or 404 for a token Telegram cannot parse) fails at once with PlatformAuthError; an
   * unreachable API is retried with backoff and logged; `stop()` cancels it.
   */
  async function identify(signal: AbortSignal): Promise<void> {
    for (let attempt = 1; !bot.isInited(); attempt++) {
      try {
        // grammY types its signal with a shim of AbortSignal; the runtime takes the platform one.
        bot.botInfo = await bot.api.getMe(signal as Parameters<typeof bot.api.getMe>[0]);
      } catch (err) {
        if (signal.aborted) throw err;
        if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
          throw new PlatformAuthError("telegram", `${err.error_code}: ${err.description}`, { cause: err });
        }
        if (!(err instanceof HttpError) && !(err instanceof GrammyError && err.error_code >= 500)) throw err;
        const delay = backoffDelay(attempt, { baseMs: 1000, maxMs: 60_000, spread: [1, 1] });
        logger.warn("telegram not reachable; retrying", { attempt, retryInMs: delay, error: err.message });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, delay);
          function done() {
            clearTimeout(timer);
            signal.removeEventListener("abort", done);
            resolve();
          }
          signal.addEventListener("abort", done);
        });
        if (signal.aborted) throw new Error("telegram start cancelled");
      }
    }
  }

  async function start(): Promise<void> {
    starting = new AbortController();
    await identify(starting.signal);
    await registerCommands(bot.api, opts.core.commands, logger);
    if (opts.webhook) {
      server = createServer();
      await startWebhookServer(server, bot, opts.webhook, logger);
      await bot.api.setWebhook(opts.webhook.url, {
        secret_token: opts.webhook.secretToken,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      logger.info("telegram webhook ready", { bot: bot.botInfo.username });
      return;
    }
    await new Promise<void>((resolve, reject) => {
      let started = false;
      polling = bot
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          timeout: opts.pollingTimeoutSeconds ?? 30,
          onStart: () => {
            started = true;
            logger.info("telegram polling started", { bot: bot.botInfo.username });
            resolve();
          },
        })
        .catch((err: unknown) => {
          // 401 (bad token) or 409 (another instance polling) end the loop: say so loudly.
          logger.error("telegram polling stopped", { error: err });
          if (!started) reject(err);
        });
    });
  }

  async function stop(): Promise<void> {
    starting?.abort();
    if (bot.isRunning()) await bot.stop();
    await polling;
    polling = undefined;
    if (server) {
      await stopWebhookServer(server);
      server = undefined;
    }
  }

  /**
   * Sends a reply to a chat, its parts in order through the send queue. `interactive` (command replies) pages a
   * long reply and keeps its buttons.
   */
  async function deliver(
    target: ChatRef,
    reply: Reply,
    interactive?: { pages: PageStore; actions: ActionStore },
  ): Promise<SendResult> {
    // Chat ids as Telegram gives them (numbers; an @channel name stays a string).
    const chatId = /^-?\d+$/.test(target.id) ? Number(target.id) : target.id;
    const to: Target = { chatId, ...(target.threadId ? { threadId: Number(target.threadId) } : {}) };
    const isGroup = target.type !== "private";
    const plan = planReply(reply, pageLines, interactive?.pages, interactive?.actions);
    let failed: unknown;
    // Every part is enqueued at once so the parts stay in order; after a failure the next parts are skipped.
    const step = <T>(fn: () => Promise<T>) =>
      queue
        .run(target.id, isGroup, async () => {
          if (failed !== undefined) throw failed;
          return fn();
        })
        .then(
          (value) => ({ value }),
          (err: unknown) => {
            failed ??= err;
            return { error: err };
          },
        );
    const steps = Array.from({ length: planSize(plan) }, (_, i) =>
      step(() => sendPlanned(bot.api, to, reply, plan, i)),
    );
    if (reply.attachment) steps.push(step(() => sendAttachment(bot.api, to, reply).then((id) => id ?? 0)));
    const done = await Promise.all(steps);
    if (failed !== undefined) {
      const result = failureResult(failed);
      logger.warn("telegram send failed", { chat: target.id, permanent: result.permanent, error: result.error });
      return result;
    }
    return { ok: true, messageIds: done.map((d) => ("value" in d ? String(d.value) : "")) };
  }

  return {
    platform: "telegram",
    limits: telegramLimits(opts.sendRate),
    start,
    stop,
    // Proactive sends are not paged: digests stay readable after the page cache forgets them.
    send: (target, reply) => deliver(target, reply),
    botUsername: () => (bot.isInited() ? bot.botInfo.username : undefined),
    webhookPort: () => {
      const addr = server?.address();
      return addr && typeof addr === "object" ? addr.port : undefined;
    },
  };
}
